import { columnReport, type Assessment } from "../core";
import { toExcelError } from "./errors";
import { readMapping } from "./mapping-arg";
import { MappingCache } from "./mapping-cache";
import { readFlag, readThresholds } from "./options";
import { assemblyRows } from "./assembly";
import { assessParts, columnLines } from "./parts";
import { padLists } from "./answers";

/** Shared by every function in this runtime: one mapping per distinct header row and column choices. */
export const mappingCache = new MappingCache();

/** The thresholds and column choices every assessing function takes, or the #VALUE! error the cell should show. */
function optionsOrThrow(prototypeQuantity: unknown, lowVolumeQuantity: unknown, mapping: unknown) {
  const thresholds = readThresholds(prototypeQuantity, lowVolumeQuantity);
  if (!thresholds.ok) throw toExcelError(thresholds.issue);
  const choices = readMapping(mapping);
  if (!choices.ok) throw toExcelError(choices.issue);
  return { thresholds: thresholds.value, choices: choices.value };
}

/** One output row per part row (`project` of its assessment), or the #VALUE!/#N/A error the cell should show. */
export function partsOrThrow<T>(
  criteria: unknown,
  headers: unknown,
  prototypeQuantity: unknown,
  lowVolumeQuantity: unknown,
  mapping: unknown,
  project: (a: Assessment) => T,
): T[] {
  const { thresholds, choices } = optionsOrThrow(prototypeQuantity, lowVolumeQuantity, mapping);
  const parts = assessParts(criteria, headers, thresholds, mappingCache, project, choices);
  if (!parts.ok) throw toExcelError(parts.issue);
  return parts.value;
}

/**
 * A list per part row (blockers, missing, warnings): joined in one cell (`joined`), or with
 * `asColumns` TRUE one item per cell (`items`), every row padded to the longest list.
 */
export function listsOrThrow(
  asColumns: unknown,
  criteria: unknown,
  headers: unknown,
  prototypeQuantity: unknown,
  lowVolumeQuantity: unknown,
  mapping: unknown,
  joined: (a: Assessment) => string[],
  items: (a: Assessment) => string[],
): string[][] {
  if (!flagOrThrow(asColumns, "asColumns")) return partsOrThrow(criteria, headers, prototypeQuantity, lowVolumeQuantity, mapping, joined);
  return padLists(partsOrThrow(criteria, headers, prototypeQuantity, lowVolumeQuantity, mapping, items));
}

/** Assembly stage and Limited by per part row, or the #VALUE! error the cell should show. */
export function assemblyOrThrow(criteria: unknown, headers: unknown, prototypeQuantity: unknown, lowVolumeQuantity: unknown, mapping: unknown): string[][] {
  const { thresholds, choices } = optionsOrThrow(prototypeQuantity, lowVolumeQuantity, mapping);
  const rows = assemblyRows(criteria, headers, thresholds, mappingCache, choices);
  if (!rows.ok) throw toExcelError(rows.issue);
  return rows.value;
}

/** How each non-blank header is read: column letter, header, read as, how; or the error the cell should show. */
export function columnsOrThrow(headers: unknown, criteria: unknown, mapping: unknown, firstColumn: number): string[][] {
  const choices = readMapping(mapping);
  if (!choices.ok) throw toExcelError(choices.issue);
  const read = columnLines(headers, criteria, mappingCache, choices.value);
  if (!read.ok) throw toExcelError(read.issue);
  return columnReport(read.value, firstColumn).map((l) => [l.letter, l.header, l.readAs, l.how]);
}

export function flagOrThrow(raw: unknown, name: string): boolean {
  const flag = readFlag(raw, name);
  if (!flag.ok) throw toExcelError(flag.issue);
  return flag.value;
}

/**
 * The 0-based sheet column where a range argument starts, from an address such
 * as "Parts!$C$1:$P$1" or "'Bill of parts'!C1:P1"; 0 (column A) when Excel
 * gives no address (an older Excel, or an array typed into the formula).
 */
export function firstColumnOf(address: unknown): number {
  const text = typeof address === "string" ? address : "";
  const local = text.slice(text.lastIndexOf("!") + 1).replace(/\$/gu, "");
  const letters = /^([A-Za-z]{1,3})(?:\d|:|$)/u.exec(local)?.[1];
  if (letters === undefined) return 0;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
