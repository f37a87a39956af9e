import { CHANGE_HEADER } from "./compare";
import { ASSEMBLY_HEADERS, assemblyCells, type AssemblyResult } from "./hierarchy";

/**
 * The gate-review columns every surface that writes results writes after the
 * five, only where the sheet needs them and always in this order: Assembly
 * stage and Limited by (a Level or Parent column), Waived (a part with a
 * justified waiver) and Change (a run to compare with). The command line and
 * the task pane both take their headers and cell texts from here.
 */

/** The column listing a part's waived criteria with their justifications, after the results, on sheets with any waiver. */
export const WAIVED_HEADER = "Waived";

/** The result columns a run may write after the five, in this order (only those its sheet needs). */
export const EXTRA_RESULT_HEADERS: readonly string[] = [...ASSEMBLY_HEADERS, WAIVED_HEADER, CHANGE_HEADER];

/** Which gate columns a sheet needs. */
export interface GateNeeds {
  /** The sheet has a Level or Parent column. */
  readonly assemblies: boolean;
  /** Some part has a criterion waived with a written justification. */
  readonly waived: boolean;
  /** There is a run to compare with. */
  readonly change: boolean;
}

/** The headers after the five, in order: a subset of Assembly stage, Limited by, Waived, Change. */
export function gateHeaders(needs: GateNeeds): string[] {
  const headers: string[] = [];
  if (needs.assemblies) headers.push(...ASSEMBLY_HEADERS);
  if (needs.waived) headers.push(WAIVED_HEADER);
  if (needs.change) headers.push(CHANGE_HEADER);
  return headers;
}

/** What a row's gate cells are made of. */
export interface GateFacts {
  /** The part's assembly result; undefined for a row that is not a part of the structure (or without one): empty cells. */
  readonly assembly: AssemblyResult | undefined;
  /** The core's waivedText of the part ("" when nothing is waived). */
  readonly waived: string;
  /** The core's changeText of the part ("" when unchanged, unmatched or not compared). */
  readonly change: string;
}

/** A row's cells under `headers` (from gateHeaders), in order. */
export function gateCells(headers: readonly string[], facts: GateFacts): string[] {
  const [stage, limitedBy] = facts.assembly === undefined ? ["", ""] : assemblyCells(facts.assembly);
  return headers.map((h) => {
    if (h === ASSEMBLY_HEADERS[0]) return stage;
    if (h === ASSEMBLY_HEADERS[1]) return limitedBy;
    if (h === WAIVED_HEADER) return facts.waived;
    return facts.change;
  });
}

/**
 * How many of `texts` (header cells just right of an earlier run's five result
 * headers), from the first, are gate headers in their order, each at most once:
 * the columns that run wrote after the five. `same` compares a cell with a
 * header (exact by default).
 */
export function extraResultHeaderCount(texts: readonly string[], same: (cell: string, header: string) => boolean = (a, b) => a === b): number {
  let at = 0;
  let count = 0;
  for (const text of texts) {
    while (at < EXTRA_RESULT_HEADERS.length && !same(text, EXTRA_RESULT_HEADERS[at] ?? "")) at += 1;
    if (at >= EXTRA_RESULT_HEADERS.length) return count;
    at += 1;
    count += 1;
  }
  return count;
}
