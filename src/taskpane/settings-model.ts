import { DEFAULT_THRESHOLDS, fail, ok, resolveThresholds, type Result, type ThresholdIssue, type Thresholds } from "../core";

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
