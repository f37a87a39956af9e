import { fail, ok, type Result } from "./result";

export type QuantityProblem = "not-a-number" | "negative" | "ambiguous" | "rate";

const PREFIX = /^(?:~|≈|approx\.?|approximately|about|around|ca\.?|circa|up to|max\.?|min\.?|>=|<=|>|<|≥|≤|\+\/-)\s*/u;
const LABEL = /^(?:qty|quantity|eau|est\.?|estimated|total|order|volume|annual|forecast|batch|lot)\s*[:=#]?\s*/u;
const UNIT =
  /\s*(?:pcs|pc|pieces|piece|parts|part|units|unit|ea|each|nos|no|x|off|stk|stück|stueck|prototypes|prototype|protos|samples|sample|\+|\/\s*(?:yr|year|y|a|annum)|per\s+(?:year|annum)|p\.?\s*a\.?|a year|yearly|annually|\/\s*batch|per batch)\.?$/u;
const RATE = /\s*(?:(?:\/|per|a|an|every)\s*(month|mo|mth|quarter|qtr|q|week|wk|day|d)\.?|(monthly|quarterly|weekly|daily))$/u;
const NUMBER = /^(\d{1,3}(?:[, \u00a0\u202f']\d{3})+|\d+)(?:\.(\d+))?\s*([km]|mio|million|thousand)?$/u;
const PER_YEAR: Readonly<Record<string, number>> = {
  month: 12,
  mo: 12,
  mth: 12,
  monthly: 12,
  quarter: 4,
  qtr: 4,
  q: 4,
  quarterly: 4,
  week: 52,
  wk: 52,
  weekly: 52,
};

/** "1.000" and "2.500": a thousands point or a decimal point. */
const POINT_GROUPED = /^\d{1,3}\.\d{3}$/u;

/** "1,5k": a decimal comma, which only a scale word makes a count. */
const COMMA_DECIMAL = /^(\d+),(\d{1,2})\s*([km]|mio|million|thousand)$/u;

function parseOne(raw: string): number | undefined {
  const text = raw.replace(COMMA_DECIMAL, "$1.$2$3");
  const match = NUMBER.exec(text);
  if (!match) return undefined;
  const whole = (match[1] ?? "").replace(/[, \u00a0\u202f']/gu, "");
  const suffix = match[3];
  const exponent = suffix === "k" || suffix === "thousand" ? 3 : suffix === "m" || suffix === "mio" || suffix === "million" ? 6 : 0;
  // Scaling in the decimal text keeps "1.001k" at 1001 rather than 1.001 * 1000 = 1000.9999999999999.
  const n = Number(`${whole}${match[2] === undefined ? "" : `.${match[2]}`}e${exponent}`);
  return Number.isFinite(n) ? n : undefined;
}

/** The two ways a point-grouped number reads: as a decimal and as thousands. */
export function pointReadings(text: string): readonly [number, number] | undefined {
  const t = text.trim();
  return POINT_GROUPED.test(t) ? [Number(t), Number(t.replace(".", ""))] : undefined;
}

/**
 * Reads a count: a number, `1,000`, `1k`, `2.5k`, `~200`, `200 pcs`, `Qty 50`,
 * `250 off`, `500+`, `5,000 (first order)`, `1'000`, or a range `50-100` (its
 * upper bound). With `perYear`, a rate is turned into a year ("100/month" is
 * 1,200); without it a rate other than per year is refused. "1.000" reads two
 * ways and is refused as ambiguous. Blank text is `undefined` through `ok`.
 */
export function parseQuantityText(raw: string, perYear = false): Result<number | undefined, QuantityProblem> {
  let text = raw
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/\s*\([^)]*\)\s*$|\s*\[[^\]]*\]\s*$/u, "")
    .trim();
  if (text === "") return ok(undefined);
  if (text.startsWith("-") && /\d/u.test(text)) return fail("negative");
  let factor = 1;
  for (let i = 0; i < 4; i += 1) {
    const before = text;
    text = text.replace(LABEL, "").replace(PREFIX, "").trim();
    const rate = RATE.exec(text);
    if (rate && factor === 1) {
      const unit = rate[1] ?? rate[2] ?? "";
      const perUnit = Object.hasOwn(PER_YEAR, unit) ? PER_YEAR[unit] : undefined;
      if (!perYear || perUnit === undefined) return fail("rate");
      factor = perUnit;
      text = text.slice(0, rate.index).trim();
    }
    text = text.replace(UNIT, "").trim();
    if (text === before) break;
  }
  const scale = (n: number): number => (factor === 1 ? n : Math.round(n * factor));
  const range = /^(.+?)\s*(?:-|–|—|to|\.\.)\s*(.+)$/u.exec(text);
  if (range) {
    const lowText = (range[1] ?? "").trim();
    const highText = (range[2] ?? "").trim();
    if (POINT_GROUPED.test(lowText) || POINT_GROUPED.test(highText)) return fail("ambiguous");
    const low = parseOne(lowText);
    const high = parseOne(highText);
    if (low !== undefined && high !== undefined) return ok(scale(Math.max(low, high)));
    return fail("not-a-number");
  }
  if (POINT_GROUPED.test(text)) return fail("ambiguous");
  const single = parseOne(text);
  return single === undefined ? fail("not-a-number") : ok(scale(single));
}
