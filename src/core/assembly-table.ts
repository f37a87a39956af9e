import { cellText } from "./cell";
import type { HeaderMapping } from "./headers";
import { buildAssemblies, hierarchyOf, type Assemblies, type AssemblyResult, type HierarchyRow } from "./hierarchy";
import type { Stage } from "./stages";

/**
 * The assemblies of one table, from its mapping, its part rows and each
 * row's own stage (as assessed). `cellOf(index, column)` names a cell for
 * messages ("Parts!C7"). Undefined when the sheet has no Level or Parent column.
 */
export function tableAssemblies(
  mapping: HeaderMapping,
  rows: readonly (readonly unknown[])[],
  stages: readonly (Stage | null)[],
  cellOf: (index: number, column: number) => string,
): Assemblies | undefined {
  const hierarchy = hierarchyOf(mapping);
  if (hierarchy === undefined) return undefined;
  const { partColumn } = mapping;
  if (hierarchy.kind === "parent" && partColumn === undefined) {
    const because = `the Parent column "${hierarchy.header}" names parts, but the sheet has no part number column to find them by`;
    const unknown: AssemblyResult = { kind: "unknown", because, components: 0 };
    return {
      kind: "parent",
      results: rows.map(() => unknown),
      problems: [
        {
          index: 0,
          cell: cellOf(0, hierarchy.column),
          code: "no-part-column",
          message: `${cellOf(0, hierarchy.column)}: ${because}; every assembly stage is unknown.`,
        },
      ],
    };
  }
  const input: HierarchyRow[] = rows.map((row, index) => ({
    label: partColumn === undefined ? "" : cellText(row[partColumn]).trim(),
    link: row[hierarchy.column],
    stage: stages[index] ?? null,
    cell: cellOf(index, hierarchy.column),
  }));
  return buildAssemblies(hierarchy.kind, input);
}
