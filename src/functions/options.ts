import { cellText, fail, isErrorCell, ok, resolveThresholds, type Result, type Thresholds } from "../core";
import { valueIssue, type ArgumentIssue } from "./errors";
import { toCellValue } from "./excel-values";

/** An omitted optional argument arrives as null (undefined in some hosts); an empty cell as "". */
const isOmitted = (value: unknown): boolean => value === null || value === undefined || value === "";

/** The two optional threshold arguments, checked by the core; blanks mean the defaults. */
export function readThresholds(prototypeQuantity: unknown, lowVolumeQuantity: unknown): Result<Thresholds, ArgumentIssue> {
  const plain = (raw: unknown): unknown => {
    const value = toCellValue(raw);
    return isErrorCell(value) ? value.error : value;
  };
  const resolved = resolveThresholds({ prototypeQuantity: plain(prototypeQuantity), lowVolumeQuantity: plain(lowVolumeQuantity) });
  return resolved.ok ? resolved : fail(valueIssue(resolved.issue.message));
}

const TRUE_WORDS: ReadonlySet<string> = new Set(["true", "yes", "1"]);
const FALSE_WORDS: ReadonlySet<string> = new Set(["false", "no", "0"]);

/** An optional TRUE/FALSE argument such as `asColumns`; omitted means FALSE. */
export function readFlag(raw: unknown, name: string): Result<boolean, ArgumentIssue> {
  const value = toCellValue(raw);
  if (isOmitted(value)) return ok(false);
  if (typeof value === "boolean") return ok(value);
  if (typeof value === "number" && Number.isFinite(value)) return ok(value !== 0);
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return ok(true);
    if (FALSE_WORDS.has(word)) return ok(false);
  }
  return fail(valueIssue(`${name} must be TRUE or FALSE (got "${cellText(value)}").`));
}
