import { ASSEMBLY_HEADERS, assemblyCells, fail, ok, tableAssemblies, type Result, type Stage, type Thresholds } from "../core";
import { valueIssue, type ArgumentIssue } from "./errors";
import type { KeyedChoices, MappingCache } from "./mapping-cache";
import { NO_KEYED_CHOICES } from "./mapping-cache";
import { partTable, tableIssue } from "./parts";

/** Headers the error message offers for the bill's structure (a test checks that each is read as one). */
export const HIERARCHY_EXAMPLE_HEADERS = ["Level", "BOM level", "Explosion level", "Parent", "Parent part number", "Used on"] as const;

/**
 * The Assembly stage and Limited by cells of every part row: the whole table
 * is read, because an assembly's answer depends on its components' rows. One
 * output row per part row; a problem in the structure shows in the Limited by
 * cell of each assembly it makes unknown.
 */
export function assemblyRows(
  criteria: unknown,
  headers: unknown,
  thresholds: Thresholds,
  cache: MappingCache,
  choices: KeyedChoices = NO_KEYED_CHOICES,
): Result<string[][], ArgumentIssue> {
  const table = partTable(criteria, headers);
  if (!table.ok) return table;
  const { headerRow, rows, where } = table.value;
  const reader = cache.reader(headerRow, thresholds, { sample: rows, choices });
  const unusable = tableIssue(table.value, reader.mapping);
  if (unusable) return fail(unusable);
  const stages: (Stage | null)[] = rows.map((row) => reader.assess(row).stage);
  const assemblies = tableAssemblies(reader.mapping, rows, stages, (index) => `part row ${index + 1}`);
  if (assemblies === undefined) {
    return fail(
      valueIssue(
        `${where} has no Level or Parent column, so there are no assemblies: add one such as ${HIERARCHY_EXAMPLE_HEADERS.map((h) => `"${h}"`).join(", ")}.`,
      ),
    );
  }
  return ok(assemblies.results.map((r) => [...assemblyCells(r)]));
}

export const withAssemblyHeaders = (rows: string[][]): string[][] => [[...ASSEMBLY_HEADERS], ...rows];
