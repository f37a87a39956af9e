import { describe, expect, it } from "vitest";
import { CELL_NOTE_LIMIT, DEFAULT_THRESHOLDS, mapHeaders, resultCells, rowReader, summarize } from "../../src/core";
import { ADDRESSES_PER_GROUP, BLANK_RESULT, ListClassifier, PROBLEM_GROUPS_KEPT } from "../../src/taskpane/classify";

const headers = ["Part", "Design", "Function", "Material", "Finish", "Goal", "Qty"];
const mapping = mapHeaders(headers);
const rows: unknown[][] = [
  ["A", "frozen", "verified", "locked", "confirmed", "pilot", 200],
  ["", "", "", "", "", "", ""],
  ["B", "draft", "failed", "open", "open", "learning", 3],
  ["C", "frzn", "", "", "", "", ""],
  ["D", "", "", "", "", "", ""],
];

describe("ListClassifier", () => {
  const where = { sheet: "Parts", firstRow: 1, firstColumn: 0 };

  it("gives every non-blank row the core's result cells, in order, across chunks", () => {
    const c = new ListClassifier(mapping, DEFAULT_THRESHOLDS, [0, 1, 2, 3, 4, 5, 6], where);
    const out = [...c.add(rows.slice(0, 2)), ...c.add(rows.slice(2))];
    const reader = rowReader(mapping);
    expect(out).toEqual(rows.map((r, i) => (i === 1 ? BLANK_RESULT : resultCells(reader.assess(r)))));
  });

  it("leaves blank rows out of the summary but counts rows with nothing recognised", () => {
    const c = new ListClassifier(mapping, DEFAULT_THRESHOLDS, [0, 1, 2, 3, 4, 5, 6], where);
    c.add(rows);
    const reader = rowReader(mapping);
    expect(c.result().summary).toEqual(summarize([0, 2, 3, 4].map((i) => reader.assess(rows[i] ?? []))));
    expect(c.result().summary.parts).toBe(4);
  });

  it("names the cell of each value it could not read", () => {
    const c = new ListClassifier(mapping, DEFAULT_THRESHOLDS, [0, 1, 2, 3, 4, 5, 6], { sheet: "Bill of parts", firstRow: 4, firstColumn: 2 });
    c.add(rows);
    expect(c.result().problems).toEqual([{ message: expect.stringContaining("frzn"), count: 1, addresses: ["'Bill of parts'!D8"] }]);
  });

  it("groups the same problem, keeps its first cells and counts the rest, most frequent first", () => {
    const c = new ListClassifier(mapping, DEFAULT_THRESHOLDS, [0, 1], where);
    c.add([["X", "wobbly"], ...Array.from({ length: 7 }, () => ["X", "frzn"])]);
    const { problems, problemCount } = c.result();
    expect(problemCount).toBe(8);
    expect(problems.map((p) => [p.count, p.addresses.length])).toEqual([
      [7, ADDRESSES_PER_GROUP],
      [1, 1],
    ]);
    expect(problems[0]?.addresses).toEqual(["Parts!B3", "Parts!B4", "Parts!B5"]);
  });

  it("lists every cell not understood in list order, with its address, its value and the core's message", () => {
    const c = new ListClassifier(mapping, DEFAULT_THRESHOLDS, [0, 1, 2, 3, 4, 5, 6], { sheet: "Bill of parts", firstRow: 4, firstColumn: 2 });
    c.add([["X", "wobbly", "", "", "", "", ""], ...rows]);
    const reader = rowReader(mapping);
    expect(c.result().cells).toEqual([
      { cell: "'Bill of parts'!D5", value: "wobbly", message: reader.assess(["X", "wobbly"]).issues[0]?.message },
      { cell: "'Bill of parts'!D9", value: "frzn", message: expect.stringContaining("frzn") },
    ]);
  });

  it(`keeps the first ${CELL_NOTE_LIMIT} cells not understood and counts the rest`, () => {
    const c = new ListClassifier(mapping, DEFAULT_THRESHOLDS, [0, 1], where);
    c.add(Array.from({ length: CELL_NOTE_LIMIT + 250 }, (_, i) => ["X", `odd-${i}`]));
    const { cells, problemCount } = c.result();
    expect(cells).toHaveLength(CELL_NOTE_LIMIT);
    expect(problemCount).toBe(CELL_NOTE_LIMIT + 250);
    expect(cells.at(-1)).toMatchObject({ cell: `Parts!B${CELL_NOTE_LIMIT + 1}`, value: `odd-${CELL_NOTE_LIMIT - 1}` });
  });

  it("keeps a bounded number of distinct problems but counts every cell", () => {
    const c = new ListClassifier(mapping, DEFAULT_THRESHOLDS, [0, 1], where);
    c.add(Array.from({ length: PROBLEM_GROUPS_KEPT + 7 }, (_, i) => ["X", `odd-${i}`]));
    expect(c.result().problems).toHaveLength(PROBLEM_GROUPS_KEPT);
    expect(c.result().problemCount).toBe(PROBLEM_GROUPS_KEPT + 7);
  });

  it("applies the thresholds it is given", () => {
    const m = mapHeaders(["Design", "Function", "Material", "Finish", "Qty"]);
    const row = ["stable", "partial", "candidate", "candidate", 20];
    const loose = new ListClassifier(m, DEFAULT_THRESHOLDS, [0], where).add([row]);
    const strict = new ListClassifier(m, { prototypeQuantity: 50, lowVolumeQuantity: 1000 }, [0], where).add([row]);
    expect(loose[0]?.[0]).toBe("Low-volume manufacturing");
    expect(strict[0]?.[0]).toBe("Prototyping");
  });
});
