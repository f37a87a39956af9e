import { CRITERIA, CRITERION_DEFS, mappingFromAssignments, type CriterionId, type HeaderMapping, type IgnoredReason } from "../core";

/** What the user says a column holds. */
export type ColumnRole = CriterionId | "ignore";

export interface MappingRow {
  readonly column: number;
  readonly header: string;
  readonly role: ColumnRole;
  /** Why an ignored column is ignored, as the automatic mapping decided. */
  readonly reason: IgnoredReason | undefined;
}

/** One row per non-blank header, in column order, with the automatic mapping's choice. */
export function mappingRows(mapping: HeaderMapping): readonly MappingRow[] {
  const rows: MappingRow[] = [
    ...mapping.columns.map((c): MappingRow => ({ column: c.column, header: c.header, role: c.criterion, reason: undefined })),
    ...mapping.ignored.map((i): MappingRow => ({ column: i.column, header: i.header, role: "ignore", reason: i.reason })),
  ];
  return rows.sort((a, b) => a.column - b.column);
}

/** Gives a column a role. A criterion read from one column only: the column that had it is ignored from now on. */
export function assignRole(rows: readonly MappingRow[], column: number, role: ColumnRole): readonly MappingRow[] {
  return rows.map((row) => {
    if (row.column === column) return { ...row, role };
    if (role !== "ignore" && row.role === role) return { ...row, role: "ignore" };
    return row;
  });
}

export function assignments(rows: readonly MappingRow[]): Partial<Record<CriterionId, number>> {
  const out: Partial<Record<CriterionId, number>> = {};
  for (const row of rows) if (row.role !== "ignore" && out[row.role] === undefined) out[row.role] = row.column;
  return out;
}

/** The mapping the user settled on, built by the core. */
export function correctedMapping(headers: readonly string[], rows: readonly MappingRow[]): HeaderMapping {
  return mappingFromAssignments(headers, assignments(rows));
}

export function isChanged(mapping: HeaderMapping, rows: readonly MappingRow[]): boolean {
  return mappingRows(mapping).some((row, i) => rows[i]?.role !== row.role);
}

/** The choices a column's select offers: ignore, then every criterion by its label. */
export const ROLE_CHOICES: readonly { readonly role: ColumnRole; readonly label: string }[] = [
  { role: "ignore", label: "Not a criterion (ignore)" },
  ...CRITERIA.map((id) => ({ role: id, label: CRITERION_DEFS[id].label })),
];
