import type { Assessment } from "../core";
import { toExcelError } from "./errors";
import { MappingCache } from "./mapping-cache";
import { readFlag, readThresholds } from "./options";
import { assessParts } from "./parts";

/** Shared by every function in this runtime: one mapping per distinct header row. */
export const mappingCache = new MappingCache();

/** One output row per part row (`project` of its assessment), or the #VALUE!/#N/A error the cell should show. */
export function partsOrThrow<T>(
  criteria: unknown, headers: unknown, prototypeQuantity: unknown, lowVolumeQuantity: unknown, project: (a: Assessment) => T,
): T[] {
  const thresholds = readThresholds(prototypeQuantity, lowVolumeQuantity);
  if (!thresholds.ok) throw toExcelError(thresholds.issue);
  const parts = assessParts(criteria, headers, thresholds.value, mappingCache, project);
  if (!parts.ok) throw toExcelError(parts.issue);
  return parts.value;
}

export function flagOrThrow(raw: unknown, name: string): boolean {
  const flag = readFlag(raw, name);
  if (!flag.ok) throw toExcelError(flag.issue);
  return flag.value;
}
