import { count, more, none, table, type SectionDef } from "../common";
import { el, fragment } from "../html";
import type { ReportInput } from "../input";

export function columnsSection(input: ReportInput): SectionDef {
  return {
    id: "columns",
    title: "How every column was read",
    body:
      input.columns.length === 0
        ? none("The header row has no headers.")
        : table(
            ["Column", "Header", "Read as", "How"],
            input.columns.map((c) => [c.letter ?? "", c.header, c.readAs, c.how]),
          ),
  };
}

export function cellsSection(input: ReportInput): SectionDef {
  const total = input.cellNotes.length + Math.max(0, input.moreCellNotes);
  return {
    id: "cells",
    title: "Cells not understood",
    body:
      total === 0
        ? none("Every cell was understood.")
        : fragment(
            el("p", {}, `${count(total, "cell")} could not be read.`),
            table(
              ["Cell", "Value", "Why"],
              input.cellNotes.map((n) => [n.cell, n.value, n.message]),
            ),
            more(input.moreCellNotes, "cell"),
          ),
  };
}
