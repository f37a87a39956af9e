/** Key for value vocabularies: case, surrounding space, trailing punctuation, hyphens and runs of spaces do not matter. */
export function valueKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s.,;:!?]+$/u, "")
    .replace(/[-_\u2010-\u2015]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

/** Key for header matching: lower-cased, every run of punctuation or space folded to one space. */
export function headerKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The header key with bracketed asides removed: "Qty (pcs)" -> "qty". */
export function headerKeyWithoutAsides(text: string): string {
  return headerKey(text.replace(/\([^)]*\)|\[[^\]]*\]|\{[^}]*\}/gu, " "));
}
