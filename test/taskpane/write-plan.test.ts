import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RESULT_HEADERS } from "../../src/core";
import { PAYLOAD_TARGET } from "../../src/taskpane/chunks";
import { matrixJsonSize } from "../../src/taskpane/payload";
import { findForeignCells, foreignMessage, planWrites, type WriteRow } from "../../src/taskpane/write-plan";

describe("the never-overwrite check", () => {
  const at = { sheet: "Parts", row: 0, column: 16 };

  it("finds nothing in empty cells", () => {
    const empty = [
      ["", "", "", "", ""],
      ["", "", "", "", ""],
    ];
    expect(findForeignCells({ formulas: empty, values: empty }, at)).toEqual({ addresses: [], count: 0 });
  });

  it.each([
    ["a value", "note"],
    ["a number", 0],
    ["FALSE", false],
    ["a formula", "=A1"],
    ["a space", " "],
  ])("finds %s and says where", (_name, value) => {
    const cells = [
      ["", "", "", "", ""],
      ["", "", value, "", ""],
    ];
    expect(findForeignCells({ formulas: cells, values: cells }, at)).toEqual({ addresses: ["Parts!S2"], count: 1 });
  });

  it("finds a cell filled by a spilling formula: a value and no formula of its own", () => {
    expect(findForeignCells({ formulas: [["", "", "", "", ""]], values: [["", "", 3, "", ""]] }, at)).toEqual({ addresses: ["Parts!S1"], count: 1 });
  });

  it("lists the first five, counts the rest across chunks, and the message names them", () => {
    const cells = { formulas: [["x", "x", "x", "", ""]], values: [["x", "x", "x", "", ""]] };
    const first = findForeignCells(cells, at);
    const all = findForeignCells(cells, { ...at, row: 100 }, first);
    expect(all).toEqual({ addresses: ["Parts!Q1", "Parts!R1", "Parts!S1", "Parts!Q101", "Parts!R101"], count: 6 });
    const message = foreignMessage(all, { sheet: "Parts", row: 0, column: 16, rows: 200 });
    expect(message).toContain("Parts!Q1:U200");
    expect(message).toContain("Parts!Q1, Parts!R1, Parts!S1, Parts!Q101, Parts!R101 and 1 more already hold data");
    expect(message).toMatch(/^Nothing was written/u);
  });
});

describe("planWrites", () => {
  const row = (i: number): WriteRow => [
    "Low-volume manufacturing",
    i % 101,
    "Freeze the drawing revision.".repeat(1 + (i % 5)),
    "Design: stable, needs frozen",
    "",
  ];

  it("writes the header and every row once, in order, from the header row down", () => {
    const rows = [[...RESULT_HEADERS], ...Array.from({ length: 50 }, (_, i) => row(i))];
    const plan = planWrites(rows, 7, 2_000 + 4_000);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.length).toBeGreaterThan(1);
    expect(plan.value.flatMap((b) => b.values)).toEqual(rows);
    expect(plan.value[0]?.row).toBe(7);
    plan.value.forEach((b, i) => expect(b.row).toBe(7 + plan.value.slice(0, i).reduce((n, x) => n + x.values.length, 0)));
  });

  it("keeps the values of every request under the target whatever the text", () => {
    const text = fc.string({ unit: "binary", maxLength: 400 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, fc.integer({ min: 0, max: 100 }), text, text, text), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 12_000, max: 40_000 }),
        (rows, budget) => {
          const plan = planWrites(rows, 0, budget);
          return plan.ok && plan.value.every((b) => matrixJsonSize(b.values) + 2_000 === b.bytes && b.bytes <= budget);
        },
      ),
    );
  });

  it("plans 100,000 long rows in requests under 4 MB", () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => row(i));
    const plan = planWrites(rows, 1);
    expect(plan.ok && plan.value.every((b) => b.bytes <= PAYLOAD_TARGET)).toBe(true);
    const total = matrixJsonSize(rows);
    expect(plan.ok && plan.value.length).toBeLessThanOrEqual(Math.ceil(total / (PAYLOAD_TARGET - 2_100)));
  });
});
