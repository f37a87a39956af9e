import { fail, ok, type Result } from "./result";

export type QuantityProblem = "not-a-number" | "negative";

const PREFIX = /^(?:~|≈|approx\.?|approximately|about|around|ca\.?|circa|up to|max\.?|min\.?|>=|<=|>|<|≥|≤|\+\/-)\s*/u;
const UNIT = /\s*(?:pcs|pc|pieces|piece|parts|part|units|unit|ea|each|nos|no|x|\/\s*(?:yr|year|y|a|annum)|per\s+(?:year|annum)|p\.?\s*a\.?|a year|yearly|\/\s*batch|per batch)\.?$/u;
const NUMBER = /^(\d{1,3}(?:[, \u00a0\u202f']\d{3})+|\d+)(?:\.(\d+))?\s*([km]|mio|million|thousand)?$/u;

function parseOne(text: string): number | undefined {
  const match = NUMBER.exec(text);
  if (!match) return undefined;
  const whole = (match[1] ?? "").replace(/[, \u00a0\u202f']/gu, "");
  const suffix = match[3];
  const exponent = suffix === "k" || suffix === "thousand" ? 3 : suffix === "m" || suffix === "mio" || suffix === "million" ? 6 : 0;
  // Scaling in the decimal text keeps "1.001k" at 1001 rather than 1.001 * 1000 = 1000.9999999999999.
  const n = Number(`${whole}${match[2] === undefined ? "" : `.${match[2]}`}e${exponent}`);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Reads a quantity: a number, `1,000`, `1k`, `2.5k`, `~200`, `200 pcs`, or a range
 * `50-100` (its upper bound). Blank text is not a problem for the caller to report;
 * it returns `undefined` through `ok`.
 */
export function parseQuantityText(raw: string): Result<number | undefined, QuantityProblem> {
  let text = raw.normalize("NFKC").trim().toLowerCase();
  if (text === "") return ok(undefined);
  if (text.startsWith("-") && /\d/u.test(text)) return fail("negative");
  for (let i = 0; i < 3; i += 1) {
    const before = text;
    text = text.replace(PREFIX, "").replace(UNIT, "").trim();
    if (text === before) break;
  }
  const range = /^(.+?)\s*(?:-|–|—|to|\.\.)\s*(.+)$/u.exec(text);
  if (range) {
    const low = parseOne((range[1] ?? "").trim());
    const high = parseOne((range[2] ?? "").trim());
    if (low !== undefined && high !== undefined) return ok(Math.max(low, high));
    return fail("not-a-number");
  }
  const single = parseOne(text);
  return single === undefined ? fail("not-a-number") : ok(single);
}
