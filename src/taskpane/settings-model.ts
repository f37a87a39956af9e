import {
  DEFAULT_THRESHOLDS,
  NO_CHOICES,
  choiceKey,
  choicesFromJson,
  choicesToJson,
  fail,
  ok,
  resolveThresholds,
  type ColumnChoices,
  type Result,
  type ThresholdIssue,
  type Thresholds,
} from "../core";

/** The workbook setting that keeps the thresholds with the workbook. */
export const THRESHOLDS_SETTING = "PartReadiness.thresholds";

/** Reads the stored setting; nothing stored means the defaults. */
export function thresholdsFromSetting(value: unknown): Result<Thresholds, ThresholdIssue> {
  if (value === null || value === undefined) return ok(DEFAULT_THRESHOLDS);
  if (typeof value !== "object" || Array.isArray(value)) {
    return fail({ field: "prototypeQuantity", message: `The stored thresholds are not readable (${JSON.stringify(value)}); the defaults apply.` });
  }
  const { prototypeQuantity, lowVolumeQuantity } = value as Record<string, unknown>;
  return resolveThresholds({ prototypeQuantity, lowVolumeQuantity });
}

export function settingFromThresholds(t: Thresholds): { readonly prototypeQuantity: number; readonly lowVolumeQuantity: number } {
  return { prototypeQuantity: t.prototypeQuantity, lowVolumeQuantity: t.lowVolumeQuantity };
}

/** The workbook setting that keeps the user's column choices: the core's ColumnChoices JSON, `{ "Dwg Status": "design", "Vendor": "none" }`. */
export const COLUMN_CHOICES_SETTING = "PartReadiness.columnChoices";

/** Column choices as saved in the workbook, with each header as the user's list spelled it. */
export interface SavedChoices {
  readonly choices: ColumnChoices;
  /** By choice key: the header as written in the list, for the stored JSON and for showing. */
  readonly headers: Readonly<Record<string, string>>;
}

export const NO_SAVED_CHOICES: SavedChoices = { choices: NO_CHOICES, headers: {} };

/** Reads the stored choices; nothing stored means none. */
export function choicesFromSetting(value: unknown): Result<SavedChoices, { readonly message: string }> {
  if (value === null || value === undefined) return ok(NO_SAVED_CHOICES);
  const read = choicesFromJson(value);
  if (!read.ok) return fail({ message: `The column choices saved in this workbook are not readable (${read.issue.message}); they are not used.` });
  const headers = Object.fromEntries(Object.keys(value as Record<string, unknown>).map((h) => [choiceKey(h), h]));
  return ok({ choices: read.value, headers });
}

export function settingFromChoices(saved: SavedChoices): Record<string, string> {
  return choicesToJson(saved.choices, saved.headers);
}

/** The saved choices with a list's choices laid over them; the list's headers keep their spelling. */
export function withListChoices(saved: SavedChoices, list: ColumnChoices, headers: readonly string[]): SavedChoices {
  const choices = new Map(saved.choices);
  const names: Record<string, string> = { ...saved.headers };
  for (const [key, target] of list) choices.set(key, target);
  for (const header of headers) {
    const key = choiceKey(header);
    if (key !== "" && list.has(key)) names[key] = header.trim();
  }
  return { choices, headers: Object.fromEntries(Object.entries(names).filter(([key]) => choices.has(key))) };
}

export function sameChoices(a: ColumnChoices, b: ColumnChoices): boolean {
  if (a.size !== b.size) return false;
  for (const [key, target] of a) if (b.get(key) !== target) return false;
  return true;
}
