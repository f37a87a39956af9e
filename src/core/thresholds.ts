import { fail, ok, type Result } from "./result";

/** The two quantities the rules compare against; a user can change both. */
export interface Thresholds {
  /** Above this many parts (quantity, else annual volume) an unstated goal counts as delivering. */
  readonly prototypeQuantity: number;
  /** Above this quantity a prototyping part is warned about; under this annual volume mass production is warned about. */
  readonly lowVolumeQuantity: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { prototypeQuantity: 10, lowVolumeQuantity: 1000 };

export interface ThresholdIssue {
  readonly field: keyof Thresholds;
  readonly message: string;
}

/** Fills in defaults and checks that both are non-negative numbers in order. */
export function resolveThresholds(input: Partial<Record<keyof Thresholds, unknown>> = {}): Result<Thresholds, ThresholdIssue> {
  const out: Record<keyof Thresholds, number> = { ...DEFAULT_THRESHOLDS };
  for (const field of ["prototypeQuantity", "lowVolumeQuantity"] as const) {
    const raw = input[field];
    if (raw === undefined || raw === null || raw === "") continue;
    const value = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw.trim().replace(/,/gu, "")) : Number.NaN;
    if (!Number.isFinite(value) || value < 0) {
      return fail({
        field,
        message: `${field === "prototypeQuantity" ? "Prototype quantity" : "Low-volume quantity"} must be a number of parts, 0 or more (got "${String(raw)}").`,
      });
    }
    out[field] = value;
  }
  if (out.prototypeQuantity >= out.lowVolumeQuantity) {
    return fail({
      field: "lowVolumeQuantity",
      message: `Low-volume quantity (${out.lowVolumeQuantity}) must be greater than the prototype quantity (${out.prototypeQuantity}).`,
    });
  }
  return ok(out);
}

export function formatCount(n: number): string {
  const [whole = "", fraction] = String(Math.round(n * 100) / 100).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/gu, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
