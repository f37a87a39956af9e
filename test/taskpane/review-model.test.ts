import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, RESULT_HEADERS, assess, checklist, choicesFrom, mapHeaders, rowReader } from "../../src/core";
import { reviewPart, type ReviewInput } from "../../src/taskpane/review-model";

const header = ["Part No.", "Design status", "Function", "Material", "Finish", "Goal", "Qty"];
const part = ["HSG-200", "stable", "verified", "confirmed", "candidate", "pilot", 200];

const input = (over: Partial<ReviewInput>): ReviewInput => ({
  sheet: "Parts",
  cell: { row: 3, column: 2 },
  block: { row: 1, column: 1, rows: 5, columns: 7 },
  top: [["Bill of parts", "", "", "", "", "", ""], header, part],
  tableHeader: false,
  row: part,
  ...over,
});

describe("reviewPart", () => {
  it("finds the header row in the region and reads the part like the core", () => {
    const review = reviewPart(input({}), DEFAULT_THRESHOLDS);
    expect(review.ok).toBe(true);
    if (!review.ok) return;
    const mapping = mapHeaders(header);
    const reading = rowReader(mapping).read(part);
    const a = assess(reading);
    expect(review.value.assessment).toEqual(a);
    expect(review.value.label).toBe("HSG-200");
    expect(review.value.address).toBe("Parts!C4");
    expect(review.value.checks).toEqual(
      checklist({ design: "stable", function: "verified", material: "confirmed", finish: "candidate", goal: "pilot", quantity: 200 }, reading, a),
    );
    expect(review.value.columns).toEqual({ design: 2, function: 3, material: 4, finish: 5, goal: 6, quantity: 7 });
  });

  it("uses a table's header row", () => {
    const review = reviewPart(input({ top: [header], tableHeader: true, block: { row: 2, column: 1, rows: 3, columns: 7 } }), DEFAULT_THRESHOLDS);
    expect(review.ok && review.value.assessment.stage).toBe("low-volume");
  });

  it("does not read an earlier run's result columns as the part's criteria", () => {
    const review = reviewPart(
      input({
        top: [[...header, ...RESULT_HEADERS], part],
        block: { row: 2, column: 1, rows: 3, columns: 12 },
        row: [...part, "Prototyping", 20, "Stabilise", "Design: draft", ""],
      }),
      DEFAULT_THRESHOLDS,
    );
    expect(review.ok && review.value.assessment.stage).toBe("low-volume");
  });

  it.each([
    { name: "a cell in the header row", over: { cell: { row: 2, column: 2 } }, code: "header-row", text: "row 3" },
    { name: "an empty isolated cell", over: { top: [[""]], block: { row: 3, column: 2, rows: 1, columns: 1 }, row: [""] }, code: "empty", text: "Parts!C4" },
    {
      name: "a list without headers",
      over: {
        top: [
          ["a", "b"],
          ["c", "d"],
        ],
      },
      code: "no-header",
      text: "Parts!C4",
    },
    { name: "a blank row in a table", over: { top: [header], tableHeader: true, row: ["", "", "", "", "", "", ""] }, code: "blank-row", text: "Row 4" },
  ])("says so for $name", ({ over, code, text }) => {
    const review = reviewPart(input(over as Partial<ReviewInput>), DEFAULT_THRESHOLDS);
    expect(review.ok).toBe(false);
    if (review.ok) return;
    expect(review.issue.code).toBe(code);
    expect(review.issue.message).toContain(text);
  });

  it("reads the part with the user's column choices", () => {
    const c = choicesFrom([
      ["Finish", "none"],
      ["Goal", "function"],
    ]);
    if (!c.ok) throw new Error(c.issue.message);
    const review = reviewPart(input({}), DEFAULT_THRESHOLDS, c.value);
    expect(review.ok).toBe(true);
    if (!review.ok) return;
    const mapping = mapHeaders(header, { sample: [part], choices: c.value });
    expect(review.value.assessment).toEqual(rowReader(mapping).assess(part));
    expect(review.value.columns.finish).toBeUndefined();
    expect(review.value.columns.function).toBe(6);
  });

  it("in a table, lets the rows under the header decide between two columns of one criterion", () => {
    const head = ["Part", "Design", "Drawing status", "Function", "Material", "Finish", "Goal"];
    const rows = [
      ["P-1", "Bracket", "frozen", "verified", "locked", "confirmed", "pilot"],
      ["P-2", "Housing", "released", "verified", "locked", "confirmed", "pilot"],
    ];
    const review = reviewPart(
      input({ top: [head, ...rows], tableHeader: true, block: { row: 2, column: 1, rows: 3, columns: 7 }, row: rows[0] ?? [] }),
      DEFAULT_THRESHOLDS,
    );
    expect(review.ok && review.value.columns.design).toBe(3);
    expect(review.ok && review.value.assessment.stage).toBe("low-volume");
  });

  it("applies the thresholds", () => {
    const row = ["P", "stable", "partial", "candidate", "candidate", "", 20];
    const loose = reviewPart(input({ row }), DEFAULT_THRESHOLDS);
    const strict = reviewPart(input({ row }), { prototypeQuantity: 50, lowVolumeQuantity: 1000 });
    expect([loose.ok && loose.value.assessment.stage, strict.ok && strict.value.assessment.stage]).toEqual(["low-volume", "prototyping"]);
  });
});
