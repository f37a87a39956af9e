import { columnLetters } from "./address";
import { CRITERION_DEFS, type CriterionId } from "./criteria";
import type { ColumnMatch, HeaderMapping, IgnoredColumn, RoleColumn } from "./headers";

/** How one column of a sheet was read: what every surface shows the user. */
export interface ColumnLine {
  /** 0-based, within the header row given to the mapping. */
  readonly column: number;
  readonly letter: string;
  readonly header: string;
  /** The criterion it is read as, or null when it is not read. */
  readonly criterion: CriterionId | null;
  /** The criterion's label, "Part label", "BOM level", "Parent part", "Waiver justification", "Evidence: <criterion>", or "Not read". */
  readonly readAs: string;
  /** How it was matched, or why it is not read. */
  readonly how: string;
}

const label = (id: CriterionId): string => CRITERION_DEFS[id].label;

function matchedHow(c: ColumnMatch): string {
  const base =
    c.match === "user"
      ? "your mapping"
      : c.match === "exact"
        ? "exact header"
        : c.match === "aside"
          ? "exact header once the words in brackets are set aside"
          : c.match === "words"
            ? `by its words (${c.detail.replace(/^by the words /u, "")})`
            : c.match === "typo"
              ? `by its words, with a typo: ${c.detail}`
              : `by its values: ${c.detail}`;
  const notes: string[] = [];
  if (c.bareName) notes.push(c.criterion === "supplier" ? "a company name counts as unknown" : "a name counts as specified (partial)");
  if (c.price) notes.push("a positive price means the piece price is known");
  return notes.length === 0 ? base : `${base}; ${notes.join("; ")}`;
}

function ignoredHow(i: IgnoredColumn, offset: number): string {
  switch (i.reason) {
    case "part":
      return "names the part: used to label the results";
    case "duplicate": {
      const kept = i.keptColumn === undefined ? "another column" : `column ${columnLetters(i.keptColumn + offset)}`;
      if (i.criterion === undefined) return `set aside: ${i.detail ?? "another column holds the same"} (column ${columnLetters((i.keptColumn ?? 0) + offset)})`;
      return `set aside: ${label(i.criterion)} is read from ${kept}${i.detail ? ` (${i.detail})` : ""}`;
    }
    case "disqualified":
      return `not a status column: ${i.detail ?? "its words say it holds something else"}`;
    case "ambiguous":
      return `${i.detail ?? "it could name two criteria"}; map it by hand`;
    case "user":
      return "your mapping says to leave it";
    case "unrecognised":
      return "not a criterion header";
  }
}

const ROLE_READ_AS: Readonly<Record<Exclude<RoleColumn["role"], "evidence">, string>> = {
  level: "BOM level",
  parent: "Parent part",
  justification: "Waiver justification",
};

function roleLine(r: RoleColumn, offset: number): ColumnLine {
  const how =
    r.role === "level"
      ? `${r.detail}: the bill's structure, 0/1/2 or .1/..2, each part under the row above it one level up`
      : r.role === "parent"
        ? `${r.detail}: the bill's structure, each part under the part this names`
        : r.role === "justification"
          ? `${r.detail}: a waived criterion counts as met only with text here`
          : `${r.detail}: shown beside ${r.criterion ? label(r.criterion) : "the criterion"}, never changes a stage`;
  const readAs = r.role === "evidence" ? `Evidence: ${r.criterion ? label(r.criterion) : ""}` : ROLE_READ_AS[r.role];
  return { column: r.column, letter: columnLetters(r.column + offset), header: r.header, criterion: null, readAs, how };
}

/**
 * Every non-blank header, left to right, with what it is read as and how.
 * `offset` shifts the column letters when the header row does not start in A.
 */
export function columnReport(mapping: HeaderMapping, offset = 0): readonly ColumnLine[] {
  const lines: ColumnLine[] = [
    ...mapping.columns.map((c): ColumnLine => ({
      column: c.column,
      letter: columnLetters(c.column + offset),
      header: c.header,
      criterion: c.criterion,
      readAs: label(c.criterion),
      how: matchedHow(c),
    })),
    ...mapping.ignored.map((i): ColumnLine => ({
      column: i.column,
      letter: columnLetters(i.column + offset),
      header: i.header,
      criterion: null,
      readAs: i.reason === "part" ? "Part label" : "Not read",
      how: ignoredHow(i, offset),
    })),
    ...mapping.roles.map((r) => roleLine(r, offset)),
  ];
  return lines.sort((a, b) => a.column - b.column);
}

/** One line per column: `C "Dwg Status" -> Design (by its words ("dwg", "status"))`. */
export function columnReportText(lines: readonly ColumnLine[]): readonly string[] {
  return lines.map((l) => `${l.letter} "${l.header}" -> ${l.readAs} (${l.how})`);
}

/** A cell the core could not read, where it is and what it holds. */
export interface CellNote {
  /** Where: a sheet-qualified address (`Parts!D7`, `'Bill of parts'!D7`). */
  readonly cell: string;
  readonly value: string;
  readonly message: string;
}

/** How many cells not understood the workbook and the JSON list, at most. */
export const CELL_NOTE_LIMIT = 1000;
