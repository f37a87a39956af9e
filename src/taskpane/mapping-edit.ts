import { CRITERIA, CRITERION_DEFS, choiceKey, columnReport, type ColumnChoices, type CriterionId, type HeaderMapping } from "../core";

/** What the user says a column holds. */
export type ColumnRole = CriterionId | "ignore";

/** One column of the list as the pane shows it: the core's column report line and the role its select shows. */
export interface MappingRow {
  readonly column: number;
  /** The sheet's column letter. */
  readonly letter: string;
  readonly header: string;
  readonly role: ColumnRole;
  /** The criterion's label, "Part label" or "Not read". */
  readonly readAs: string;
  /** How it was matched, or why it is not read (the core's words: by its values, set aside, disqualified, your mapping...). */
  readonly how: string;
  /** The column names the part. */
  readonly part: boolean;
  /** A bare Material, Finish or Supplier column, read as names. */
  readonly bareName: boolean;
  /** The user's choice (saved or just made) decides this column. */
  readonly chosen: boolean;
}

/** One row per non-blank header, in column order, from the core's column report; `firstColumn` is the list's first sheet column. */
export function mappingRows(mapping: HeaderMapping, firstColumn: number): readonly MappingRow[] {
  const chosen = new Set([
    ...mapping.columns.filter((c) => c.match === "user").map((c) => c.column),
    ...mapping.ignored.filter((i) => i.reason === "user").map((i) => i.column),
  ]);
  const part = new Set(mapping.ignored.filter((i) => i.reason === "part").map((i) => i.column));
  return columnReport(mapping, firstColumn).map((line) => ({
    column: line.column,
    letter: line.letter,
    header: line.header,
    role: line.criterion ?? "ignore",
    readAs: line.readAs,
    how: line.how,
    part: part.has(line.column),
    bareName: line.criterion !== null && mapping.byCriterion[line.criterion]?.bareName === true,
    chosen: chosen.has(line.column),
  }));
}

/**
 * The user gives a column a role: its header is chosen as that criterion (or
 * "none"). A criterion is read from one column, so another header of this list
 * that the user had chosen for the same criterion is set to "none"; a column
 * that only names the criterion by itself is set aside by the core. Choices for
 * headers this list does not have are kept as they are.
 */
export function chooseRole(choices: ColumnChoices, headers: readonly string[], column: number, role: ColumnRole): ColumnChoices {
  const key = choiceKey(headers[column] ?? "");
  if (key === "") return choices;
  const target = role === "ignore" ? "none" : role;
  const out = new Map(choices);
  if (target !== "none") {
    const listKeys = new Set(headers.map(choiceKey));
    for (const [other, was] of out) if (other !== key && was === target && listKeys.has(other)) out.set(other, "none");
  }
  out.set(key, target);
  return out;
}

/** How many of the list's columns follow a choice of the user's. */
export function chosenCount(rows: readonly MappingRow[]): number {
  return rows.filter((r) => r.chosen).length;
}

/** The choices a column's select offers: ignore, then every criterion by its label. */
export const ROLE_CHOICES: readonly { readonly role: ColumnRole; readonly label: string }[] = [
  { role: "ignore", label: "Not a criterion (ignore)" },
  ...CRITERIA.map((id) => ({ role: id, label: CRITERION_DEFS[id].label })),
];
