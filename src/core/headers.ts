import { cellText } from "./cell";
import { choiceKey, NO_CHOICES, type ColumnChoices } from "./column-choices";
import { CRITERIA, CRITERION_DEFS, type CriterionId } from "./criteria";
import { chosenTraits, readHeader, type ColumnRole, type HeaderReading, type MatchKind } from "./header-reading";
import { isPriceText } from "./money";
import { readsAsValue } from "./normalize";

export { COLUMN_ROLES, MATCH_KINDS, readHeader, type ColumnRole, type HeaderReading, type MatchKind } from "./header-reading";

/** A column read as a criterion. */
export interface ColumnMatch {
  readonly criterion: CriterionId;
  readonly column: number;
  readonly header: string;
  readonly match: MatchKind;
  /** How the match was made, in words, for words, typo and values matches. */
  readonly detail: string;
  /** A Material or Finish header without a status word, or the bare "Supplier": the column may hold a name rather than a status. */
  readonly bareName: boolean;
  /** A cost column that holds a price: a positive number means the piece price is known. */
  readonly price: boolean;
}

/**
 * Why a non-blank header is not read: not a criterion; set aside for another
 * column of the same criterion (`duplicate`); the part's name or number;
 * a word that says it holds names, numbers or dates (`disqualified`); words
 * of two criteria (`ambiguous`); the user's choice (`user`).
 */
export const IGNORED_REASONS = ["unrecognised", "duplicate", "part", "disqualified", "ambiguous", "user"] as const;
export type IgnoredReason = (typeof IGNORED_REASONS)[number];

export interface IgnoredColumn {
  readonly column: number;
  readonly header: string;
  readonly reason: IgnoredReason;
  /** For a duplicate: the criterion another column holds. */
  readonly criterion?: CriterionId;
  /** For a duplicate: the column read instead. */
  readonly keptColumn?: number;
  /** For an ambiguous header: the criteria it could name. */
  readonly candidates?: readonly CriterionId[];
  /** Why, in words, where the reason alone does not say it. */
  readonly detail?: string;
}

/**
 * A column read beside the criteria: the hierarchy (`level`, `parent`), a
 * waiver's written justification, or evidence for one criterion.
 */
export interface RoleColumn {
  readonly role: ColumnRole | "evidence";
  readonly column: number;
  readonly header: string;
  /** For evidence: the criterion it is evidence for. */
  readonly criterion?: CriterionId;
  /** How the header was read, in words. */
  readonly detail: string;
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
  /** Hierarchy, waiver justification and evidence columns, left to right: at most one level or parent column (parent wins). */
  readonly roles: readonly RoleColumn[];
  readonly width: number;
}

export interface MappingOptions {
  /** Rows under the header: when two columns claim one criterion, the one whose cells read as values of it is kept. */
  readonly sample?: readonly (readonly unknown[])[];
  /** The user's choices by header; they win over any reading. */
  readonly choices?: ColumnChoices;
}

/** The criterion a header names by itself (alias, words or typo), if any. */
export function criterionForHeader(header: unknown): CriterionId | undefined {
  const reading = readHeader(cellText(header).trim());
  return reading.kind === "criterion" ? reading.criterion : undefined;
}

const RANK: Readonly<Record<MatchKind, number>> = { user: 0, exact: 1, aside: 2, words: 3, typo: 4, values: 5 };
/** How many rows under the header decide between two columns of one criterion. */
export const HEADER_SAMPLE_ROWS = 200;
const SAMPLE_ROWS = HEADER_SAMPLE_ROWS;

/** Share of the sample's non-blank cells in a column that read as values of the criterion; undefined when all are blank. */
function valueShare(match: ColumnMatch, sample: readonly (readonly unknown[])[]): number | undefined {
  let filled = 0;
  let read = 0;
  const rows = Math.min(sample.length, SAMPLE_ROWS);
  for (let r = 0; r < rows; r += 1) {
    const value = sample[r]?.[match.column];
    if (cellText(value).trim() === "") continue;
    filled += 1;
    if (readsAsValue(match.criterion, value, match.price)) read += 1;
  }
  return filled === 0 ? undefined : read / filled;
}

/** Most of a column's filled sample cells are positive amounts: it holds prices. */
function mostlyPrices(sample: readonly (readonly unknown[])[], column: number): boolean {
  let filled = 0;
  let prices = 0;
  for (const row of sample.slice(0, SAMPLE_ROWS)) {
    const value = row[column];
    if (cellText(value).trim() === "") continue;
    filled += 1;
    if ((typeof value === "number" && value > 0) || (typeof value === "string" && isPriceText(value))) prices += 1;
  }
  return filled > 0 && prices / filled >= 0.5;
}

function whySetAside(winner: ColumnMatch, other: ColumnMatch): string {
  const label = CRITERION_DEFS[winner.criterion].label.toLowerCase();
  if (winner.match === "values") return `its cells do not read as ${label} values`;
  if (winner.match === "user") return "your mapping chose the other column";
  if (RANK[winner.match] < RANK[other.match]) return `the other header is ${winner.match === "exact" ? "an exact" : "a closer"} match`;
  if (other.bareName && !winner.bareName) return "the other column holds statuses, this one names";
  return "the other column comes first";
}

const byRank = (a: ColumnMatch, b: ColumnMatch): number => RANK[a.match] - RANK[b.match] || Number(a.bareName) - Number(b.bareName) || a.column - b.column;

/**
 * Maps a header row to criteria. Each header is read by itself (the user's
 * choice, an exact alias, an alias behind a bracketed aside, the words, a
 * typo of the words). When several columns claim one criterion, the user's
 * choice wins, then the column whose sample cells read as values of the
 * criterion, then the stronger match, a status header before a bare name
 * column, then the leftmost; the others are set aside and say why.
 */
export function mapHeaders(headerRow: readonly unknown[], options: MappingOptions = {}): HeaderMapping {
  const choices = options.choices ?? NO_CHOICES;
  const sample = options.sample ?? [];
  const width = headerRow.length;
  const texts = headerRow.map((h) => cellText(h).trim());
  const claims = new Map<CriterionId, ColumnMatch[]>();
  const ignored = new Map<number, IgnoredColumn>();
  const partColumns: number[] = [];
  const roles: RoleColumn[] = [];

  texts.forEach((header, column) => {
    if (header === "") return;
    const chosen = choices.size > 0 ? choices.get(choiceKey(header)) : undefined;
    if (chosen === "none") {
      ignored.set(column, { column, header, reason: "user", detail: "your mapping says not to read it" });
      return;
    }
    const reading = readHeader(header);
    let match: ColumnMatch | undefined;
    if (chosen !== undefined) {
      const same = reading.kind === "criterion" && reading.criterion === chosen ? reading : undefined;
      const traits = same ?? chosenTraits(chosen, header, () => mostlyPrices(sample, column));
      match = { criterion: chosen, column, header, match: "user", detail: "your mapping", bareName: traits.bareName, price: traits.price };
    } else if (reading.kind === "criterion") {
      match = { criterion: reading.criterion, column, header, match: reading.match, detail: reading.detail, bareName: reading.bareName, price: reading.price };
    } else if (reading.kind === "part") {
      partColumns.push(column);
    } else if (reading.kind === "role" || reading.kind === "evidence") {
      roles.push(roleColumn(reading, column, header));
    } else if (reading.kind === "blank") {
      // Punctuation only ("#", "---"): not blank to the user, so it is listed.
      ignored.set(column, { column, header, reason: "unrecognised" });
    } else if (reading.kind === "ignored") {
      ignored.set(column, {
        column,
        header,
        reason: reading.reason,
        ...(reading.candidates ? { candidates: reading.candidates } : {}),
        ...(reading.detail !== "" ? { detail: reading.detail } : {}),
      });
    }
    if (match) claims.set(match.criterion, [...(claims.get(match.criterion) ?? []), match]);
  });

  const taken = new Map<CriterionId, ColumnMatch>();
  for (const [criterion, contenders] of claims) {
    const ranked = [...contenders].sort(byRank);
    let winner = ranked[0] as ColumnMatch;
    if (ranked.length > 1 && winner.match !== "user" && sample.length > 0) {
      const reads = (m: ColumnMatch): boolean => (valueShare(m, sample) ?? 0) >= 0.5;
      const byValues = ranked.find(reads);
      if (byValues !== undefined && byValues !== winner && !reads(winner)) {
        winner = {
          ...byValues,
          match: "values",
          detail: `its cells read as ${CRITERION_DEFS[criterion].label.toLowerCase()} values, those of "${winner.header}" do not`,
        };
      }
    }
    taken.set(criterion, winner);
    for (const other of ranked) {
      if (other.column === winner.column) continue;
      ignored.set(other.column, {
        column: other.column,
        header: other.header,
        reason: "duplicate",
        criterion,
        keptColumn: winner.column,
        detail: whySetAside(winner, other),
      });
    }
  }

  const used = new Set([...taken.values()].map((c) => c.column));
  const partColumn = partColumns.find((c) => !used.has(c));
  for (const column of partColumns) ignored.set(column, { column, header: texts[column] ?? "", reason: column === partColumn ? "part" : "unrecognised" });

  return assembled([...taken.values()], ignored, partColumn, roles, width);
}

/** The mapping made of its matched columns, set-aside columns, part column and role columns (a second Level or Parent set aside). */
function assembled(
  matched: readonly ColumnMatch[],
  ignored: Map<number, IgnoredColumn>,
  partColumn: number | undefined,
  roles: readonly RoleColumn[],
  width: number,
): HeaderMapping {
  const columns = [...matched].sort((a, b) => a.column - b.column);
  const byCriterion = Object.fromEntries(columns.map((c) => [c.criterion, c])) as Partial<Record<CriterionId, ColumnMatch>>;
  const kept = keptRoles(roles, ignored);
  return {
    columns,
    byCriterion,
    ignored: [...ignored.values()].sort((a, b) => a.column - b.column),
    absent: CRITERIA.filter((id) => byCriterion[id] === undefined),
    partColumn,
    roles: kept,
    width,
  };
}

function roleColumn(reading: Extract<HeaderReading, { kind: "role" | "evidence" }>, column: number, header: string): RoleColumn {
  return reading.kind === "evidence"
    ? { role: "evidence", column, header, criterion: reading.criterion, detail: reading.detail }
    : { role: reading.role, column, header, detail: reading.detail };
}

/**
 * One hierarchy column: the first Parent column, else the first Level column
 * (a parent names the assembly outright and survives sorting; a level relies
 * on the row order). The others are set aside, in `ignored`, saying why.
 */
function keptRoles(roles: readonly RoleColumn[], ignored: Map<number, IgnoredColumn>): readonly RoleColumn[] {
  const hierarchy = roles.find((r) => r.role === "parent") ?? roles.find((r) => r.role === "level");
  const kept: RoleColumn[] = [];
  for (const r of roles) {
    if ((r.role === "parent" || r.role === "level") && r !== hierarchy && hierarchy !== undefined) {
      ignored.set(r.column, {
        column: r.column,
        header: r.header,
        reason: "duplicate",
        keptColumn: hierarchy.column,
        detail: `the bill's structure is read from the ${hierarchy.role} column "${hierarchy.header}"`,
      });
    } else kept.push(r);
  }
  return kept;
}

/** A mapping the user corrected: column index per criterion. Columns are validated against the row width. */
export function mappingFromAssignments(headerRow: readonly unknown[], assignments: Readonly<Partial<Record<CriterionId, number>>>): HeaderMapping {
  const texts = headerRow.map((h) => cellText(h).trim());
  const columns: ColumnMatch[] = [];
  const used = new Set<number>();
  for (const id of CRITERIA) {
    const column = assignments[id];
    if (column === undefined || column < 0 || column >= texts.length || used.has(column)) continue;
    used.add(column);
    const header = texts[column] ?? "";
    const reading = readHeader(header);
    // Where the user kept the automatic reading, keep how it was matched (an aside such as "Material (alloy)" is still a bare name).
    const same = reading.kind === "criterion" && reading.criterion === id ? reading : undefined;
    columns.push(
      same
        ? { criterion: id, column, header, match: same.match, detail: same.detail, bareName: same.bareName, price: same.price }
        : { criterion: id, column, header, match: "user", detail: "your choice", ...chosenTraits(id, header, () => false) },
    );
  }
  let partColumn: number | undefined;
  const ignored = new Map<number, IgnoredColumn>();
  const roles: RoleColumn[] = [];
  texts.forEach((header, column) => {
    if (header === "" || used.has(column)) return;
    const reading = readHeader(header);
    if (reading.kind === "role" || reading.kind === "evidence") {
      roles.push(roleColumn(reading, column, header));
      return;
    }
    const isPart = partColumn === undefined && reading.kind === "part";
    if (isPart) partColumn = column;
    ignored.set(column, { column, header, reason: isPart ? "part" : "unrecognised" });
  });
  return assembled(columns, ignored, partColumn, roles, texts.length);
}

/** A part row under a header: a row with at least one of the header's criterion cells filled. */
function hasPartRowBelow(rows: readonly (readonly unknown[])[], index: number, mapping: HeaderMapping): boolean {
  for (let r = index + 1; r < rows.length; r += 1) {
    const row = rows[r] ?? [];
    if (mapping.columns.some((c) => cellText(row[c.column]).trim() !== "")) return true;
  }
  return false;
}

/**
 * Why a row that names a criterion is not a header row: it names one
 * criterion and no part label column (a chart's row label such as "Forecast"),
 * or no row under it fills any of its criteria (there are no parts to classify).
 */
export type HeaderRowMiss =
  | { readonly kind: "one-criterion"; readonly index: number; readonly column: ColumnMatch }
  | { readonly kind: "no-part-rows"; readonly index: number; readonly mapping: HeaderMapping };

interface HeaderRowScan {
  readonly found: { readonly index: number; readonly mapping: HeaderMapping } | undefined;
  /** The row that came closest, when none is found: the most criteria, the earliest on a tie. */
  readonly miss: HeaderRowMiss | undefined;
}

function scanHeaderRows(rows: readonly (readonly unknown[])[], scan: number, choices: ColumnChoices): HeaderRowScan {
  let found: { index: number; mapping: HeaderMapping } | undefined;
  let miss: HeaderRowMiss | undefined;
  let missWidth = 0;
  const limit = Math.min(rows.length, scan);
  for (let index = 0; index < limit; index += 1) {
    const mapping = mapHeaders(rows[index] ?? [], { choices, sample: rows.slice(index + 1, index + 1 + SAMPLE_ROWS) });
    const named = mapping.columns.length;
    if (named === 0 || (found !== undefined && named <= found.mapping.columns.length)) continue;
    const first = mapping.columns[0] as ColumnMatch;
    if (named < 2 && mapping.partColumn === undefined) {
      if (named > missWidth) [miss, missWidth] = [{ kind: "one-criterion", index, column: first }, named];
    } else if (!hasPartRowBelow(rows, index, mapping)) {
      if (named > missWidth || miss?.kind === "one-criterion") [miss, missWidth] = [{ kind: "no-part-rows", index, mapping }, named];
    } else {
      found = { index, mapping };
    }
  }
  return { found, miss: found === undefined ? miss : undefined };
}

/**
 * Finds the header row among the first `scan` rows: the one that names the
 * most criteria (the earliest on a tie) among the rows that can be a header.
 * A header row names at least two criteria, or one and the part's name or
 * number (the part label column), and has at least one part row under it (a
 * row with one of its criterion cells filled) among `rows`. Undefined when no
 * row is one; headerRowMiss then says why.
 */
export function findHeaderRow(
  rows: readonly (readonly unknown[])[],
  scan = 50,
  choices: ColumnChoices = NO_CHOICES,
): { readonly index: number; readonly mapping: HeaderMapping } | undefined {
  return scanHeaderRows(rows, scan, choices).found;
}

/**
 * Why findHeaderRow (same arguments) finds no header row: the row that came
 * closest and what it lacks. Undefined when a header row is found, or when no
 * row names any criterion.
 */
export function headerRowMiss(rows: readonly (readonly unknown[])[], scan = 50, choices: ColumnChoices = NO_CHOICES): HeaderRowMiss | undefined {
  return scanHeaderRows(rows, scan, choices).miss;
}

/**
 * The reason in words, to follow "no header row found ...: ". `rowName` names
 * a row by its index in the rows searched (a sheet's row number, say).
 */
export function headerRowMissText(miss: HeaderRowMiss, rowName: (index: number) => string): string {
  if (miss.kind === "one-criterion") {
    const label = CRITERION_DEFS[miss.column.criterion].label;
    return `${rowName(miss.index)} ("${miss.column.header}") names only one criterion (${label}) and no part name or number column (a header row needs two criteria, or one criterion and a part column)`;
  }
  const named = miss.mapping.columns.map((c) => `"${c.header}"`);
  const list = named.length <= 2 ? named.join(" and ") : `${named.slice(0, -1).join(", ")} and ${named[named.length - 1] ?? ""}`;
  return `${rowName(miss.index)} names ${list}, but no row under it fills ${named.length === 1 ? "that column" : "any of those columns"}, so there are no parts to classify`;
}
