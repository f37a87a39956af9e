/** A1-style pieces of cell references, shared by every surface that names a cell. */

/** Column letters of a 0-based column index: 0 -> "A", 26 -> "AA". */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `Parts`, or `'Bill of parts'` when the name would not read as a sheet name unquoted (spaces, punctuation, or like a cell such as `AB12`). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/u.test(name) ? name : `'${name.replace(/'/gu, "''")}'`;
}
