import { cellText } from "./cell";
import { CRITERIA, CRITERION_DEFS, PART_HEADERS, type CriterionId } from "./criteria";
import { headerKey, headerKeyWithoutAsides } from "./text";

export type MatchKind = "exact" | "aside";

/** A column read as a criterion. */
export interface ColumnMatch {
  readonly criterion: CriterionId;
  readonly column: number;
  readonly header: string;
  readonly match: MatchKind;
  /** A bare "Material", "Finish" or "Supplier" header: the column may hold a name rather than a status. */
  readonly bareName: boolean;
}

export type IgnoredReason = "unrecognised" | "duplicate" | "part";

export interface IgnoredColumn {
  readonly column: number;
  readonly header: string;
  readonly reason: IgnoredReason;
  /** For a duplicate: the criterion already taken by an earlier column. */
  readonly criterion?: CriterionId;
}

export interface HeaderMapping {
  /** Matched columns, left to right. */
  readonly columns: readonly ColumnMatch[];
  readonly byCriterion: Readonly<Partial<Record<CriterionId, ColumnMatch>>>;
  /** Non-blank headers that are not read as a criterion. */
  readonly ignored: readonly IgnoredColumn[];
  readonly absent: readonly CriterionId[];
  /** The column that names the part, if any. */
  readonly partColumn: number | undefined;
  readonly width: number;
}

const BARE_NAME_HEADERS: ReadonlySet<string> = new Set(["material", "finish", "coating", "treatment", "supplier"]);

const ALIAS_TO_CRITERION: ReadonlyMap<string, CriterionId> = new Map(
  CRITERIA.flatMap((id) => CRITERION_DEFS[id].headers.map((alias) => [headerKey(alias), id] as const)),
);
const PART_KEYS: ReadonlySet<string> = new Set(PART_HEADERS.map(headerKey));

/** The criterion a header names exactly, if any. */
export function criterionForHeader(header: unknown): CriterionId | undefined {
  return ALIAS_TO_CRITERION.get(headerKey(cellText(header)));
}

/**
 * Maps a header row to criteria. Exact aliases are matched first over the whole
 * row; then a header whose bracketed aside hides an alias ("Qty (pcs)") takes a
 * criterion no exact header took. Left to right, the first column wins.
 */
export function mapHeaders(headerRow: readonly unknown[]): HeaderMapping {
  const width = headerRow.length;
  const texts = headerRow.map((h) => cellText(h).trim());
  const taken = new Map<CriterionId, ColumnMatch>();
  const decided = new Map<number, ColumnMatch | IgnoredColumn>();

  texts.forEach((header, column) => {
    if (header === "") return;
    const key = headerKey(header);
    const criterion = ALIAS_TO_CRITERION.get(key);
    if (criterion === undefined) return;
    if (taken.has(criterion)) {
      decided.set(column, { column, header, reason: "duplicate", criterion });
      return;
    }
    const match: ColumnMatch = { criterion, column, header, match: "exact", bareName: BARE_NAME_HEADERS.has(key) };
    taken.set(criterion, match);
    decided.set(column, match);
  });

  texts.forEach((header, column) => {
    if (header === "" || decided.has(column)) return;
    const key = headerKeyWithoutAsides(header);
    const criterion = key === headerKey(header) ? undefined : ALIAS_TO_CRITERION.get(key);
    if (criterion === undefined) return;
    if (taken.has(criterion)) {
      decided.set(column, { column, header, reason: "duplicate", criterion });
      return;
    }
    const match: ColumnMatch = { criterion, column, header, match: "aside", bareName: BARE_NAME_HEADERS.has(key) };
    taken.set(criterion, match);
    decided.set(column, match);
  });

  let partColumn: number | undefined;
  const columns: ColumnMatch[] = [];
  const ignored: IgnoredColumn[] = [];
  texts.forEach((header, column) => {
    const decision = decided.get(column);
    if (decision && "match" in decision) {
      columns.push(decision);
      return;
    }
    if (decision) {
      ignored.push(decision);
      return;
    }
    if (header === "") return;
    if (partColumn === undefined && (PART_KEYS.has(headerKey(header)) || PART_KEYS.has(headerKeyWithoutAsides(header)))) {
      partColumn = column;
      ignored.push({ column, header, reason: "part" });
      return;
    }
    ignored.push({ column, header, reason: "unrecognised" });
  });

  const byCriterion = Object.fromEntries(taken) as Partial<Record<CriterionId, ColumnMatch>>;
  return { columns, byCriterion, ignored, absent: CRITERIA.filter((id) => !taken.has(id)), partColumn, width };
}

/** A mapping the user corrected: column index per criterion. Columns are validated against the row width. */
export function mappingFromAssignments(headerRow: readonly unknown[], assignments: Readonly<Partial<Record<CriterionId, number>>>): HeaderMapping {
  const base = mapHeaders(headerRow);
  const texts = headerRow.map((h) => cellText(h).trim());
  const columns: ColumnMatch[] = [];
  const used = new Set<number>();
  for (const id of CRITERIA) {
    const column = assignments[id];
    if (column === undefined || column < 0 || column >= texts.length || used.has(column)) continue;
    used.add(column);
    const header = texts[column] ?? "";
    const automatic = base.byCriterion[id];
    // Where the user kept the automatic choice, keep how it was matched (an aside such as "Material (alloy)" is still a bare name).
    columns.push(automatic?.column === column ? automatic : { criterion: id, column, header, match: "exact", bareName: BARE_NAME_HEADERS.has(headerKey(header)) });
  }
  columns.sort((a, b) => a.column - b.column);
  const byCriterion = Object.fromEntries(columns.map((c) => [c.criterion, c])) as Partial<Record<CriterionId, ColumnMatch>>;
  const partColumn = base.partColumn !== undefined && !used.has(base.partColumn) ? base.partColumn : undefined;
  const ignored: IgnoredColumn[] = [];
  texts.forEach((header, column) => {
    if (header === "" || used.has(column)) return;
    ignored.push({ column, header, reason: column === partColumn ? "part" : "unrecognised" });
  });
  return { columns, byCriterion, ignored, absent: CRITERIA.filter((id) => byCriterion[id] === undefined), partColumn, width: texts.length };
}

/**
 * Finds the header row among the first `scan` rows: the one that names the
 * most criteria (the earliest on a tie). Undefined when no row names any.
 */
export function findHeaderRow(rows: readonly (readonly unknown[])[], scan = 50): { readonly index: number; readonly mapping: HeaderMapping } | undefined {
  let best: { index: number; mapping: HeaderMapping } | undefined;
  const limit = Math.min(rows.length, scan);
  for (let index = 0; index < limit; index += 1) {
    const mapping = mapHeaders(rows[index] ?? []);
    if (mapping.columns.length > 0 && (best === undefined || mapping.columns.length > best.mapping.columns.length)) best = { index, mapping };
  }
  return best;
}
