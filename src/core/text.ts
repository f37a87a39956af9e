function computeValueKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s.,;:!?]+$/u, "")
    .replace(/[-_\u2010-\u2015]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

/*
 * A part list repeats a few dozen status words in every row, and this key is
 * most of the time spent reading a row: short texts are remembered (bounded).
 */
const VALUE_KEYS = new Map<string, string>();
const VALUE_KEY_LIMIT = 4096;

/** Key for value vocabularies: case, surrounding space, trailing punctuation, hyphens and runs of spaces do not matter. */
export function valueKey(text: string): string {
  if (text.length > 64) return computeValueKey(text);
  let key = VALUE_KEYS.get(text);
  if (key === undefined) {
    key = computeValueKey(text);
    if (VALUE_KEYS.size >= VALUE_KEY_LIMIT) VALUE_KEYS.clear();
    VALUE_KEYS.set(text, key);
  }
  return key;
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
