import { gateCells, gateHeaders, hierarchyOf, tableAssemblies, waivedText, type Assemblies, type HeaderMapping } from "../core";
import { sheetCell } from "./a1";
import type { PartRecord } from "./classify";

/** Where the list is, to name cells in the assemblies' reasons ("Parts!A7") as the command line names them. */
export interface ListPlace {
  readonly sheet: string;
  /** Absolute column of the list's first column (the mapping's columns count from it). */
  readonly firstColumn: number;
  /** Absolute (0-based) row of the first data row. */
  readonly firstDataRow: number;
  readonly dataRows: number;
}

/** The gate-review columns of a list run: their headers after the five, and each data row's cells under them. */
export interface ListGate {
  readonly headers: readonly string[];
  /** One row of cells per data row of the list, in order; a blank row's are empty. */
  readonly rows: readonly (readonly string[])[];
  readonly assemblies: Assemblies | undefined;
}

/**
 * The columns the command line writes after the five for the same rows, from
 * the run's parts: Assembly stage and Limited by when the list has a Level or
 * Parent column (the core's tableAssemblies over the parts, in list order),
 * Waived when any part has a justified waiver (the core's waivedText), and
 * Change when `change` holds each data row's Change cell (the core's
 * changeText, from compareList). The headers and cells are the core's
 * gateHeaders and gateCells, as in src/cli/gate/gate.ts.
 */
export function listGate(mapping: HeaderMapping, parts: readonly PartRecord[], place: ListPlace, change: readonly string[] | undefined): ListGate {
  const assemblies = hierarchyOf(mapping)
    ? tableAssemblies(
        mapping,
        parts.map((p) => p.link),
        parts.map((p) => p.assessment.stage),
        (i, column) => sheetCell(place.sheet, (parts[i]?.row ?? place.firstDataRow + 1) - 1, place.firstColumn + column),
      )
    : undefined;
  const headers = gateHeaders({
    assemblies: assemblies !== undefined,
    waived: parts.some((p) => p.assessment.waived.length > 0),
    change: change !== undefined,
  });
  if (headers.length === 0) return { headers, rows: [], assemblies };
  const partAt = new Map<number, number>();
  parts.forEach((p, k) => partAt.set(p.row - place.firstDataRow - 1, k));
  const rows = Array.from({ length: place.dataRows }, (_, i) => {
    const k = partAt.get(i);
    const part = k === undefined ? undefined : parts[k];
    return gateCells(headers, {
      assembly: k === undefined ? undefined : assemblies?.results[k],
      waived: part === undefined ? "" : waivedText(part.assessment),
      change: change?.[i] ?? "",
    });
  });
  return { headers, rows, assemblies };
}
