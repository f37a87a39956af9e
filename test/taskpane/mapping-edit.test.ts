import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CRITERIA, mapHeaders, rowReader } from "../../src/core";
import { ROLE_CHOICES, assignRole, assignments, correctedMapping, isChanged, mappingRows, type ColumnRole } from "../../src/taskpane/mapping-edit";

const headers = ["Part No.", "Design status", "Supplier name", "Material (alloy)", "Qty", "Notes"];

describe("correcting the header mapping", () => {
  const auto = mapHeaders(headers);
  const rows = mappingRows(auto);

  it("lists every non-blank header with the automatic choice", () => {
    expect(rows.map((r) => [r.header, r.role, r.reason])).toEqual([
      ["Part No.", "ignore", "part"], ["Design status", "design", undefined], ["Supplier name", "ignore", "unrecognised"],
      ["Material (alloy)", "material", undefined], ["Qty", "quantity", undefined], ["Notes", "ignore", "unrecognised"],
    ]);
  });

  it("left unchanged, gives the same assessments as the automatic mapping (a bare name in an aside stays a name)", () => {
    const mapping = correctedMapping(headers, rows);
    expect(isChanged(auto, rows)).toBe(false);
    const row = ["P-1", "frozen", "Acme", "6061-T6", 50, ""];
    expect(rowReader(mapping).assess(row)).toEqual(rowReader(auto).assess(row));
  });

  it("reads a column the user assigns, and drops a column the user ignores", () => {
    const edited = assignRole(assignRole(rows, 2, "supplier"), 4, "ignore");
    const mapping = correctedMapping(headers, edited);
    expect(isChanged(auto, edited)).toBe(true);
    expect(mapping.byCriterion.supplier?.column).toBe(2);
    expect(mapping.byCriterion.quantity).toBeUndefined();
    expect(mapping.absent).toContain("quantity");
  });

  it("keeps one column per criterion: assigning a taken criterion frees the other column", () => {
    const edited = assignRole(rows, 5, "design");
    expect(edited.find((r) => r.column === 1)?.role).toBe("ignore");
    expect(assignments(edited).design).toBe(5);
  });

  it("never gives a criterion two columns, whatever the user does", () => {
    const role = fc.constantFrom<ColumnRole>(...ROLE_CHOICES.map((c) => c.role));
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: headers.length - 1 }), role), { maxLength: 30 }), (steps) => {
      let current = rows;
      for (const [column, r] of steps) current = assignRole(current, column, r);
      const taken = current.filter((r) => r.role !== "ignore").map((r) => r.role);
      const mapping = correctedMapping(headers, current);
      return new Set(taken).size === taken.length && mapping.columns.length === taken.length;
    }));
  });

  it("offers ignore and every criterion", () => {
    expect(ROLE_CHOICES.map((c) => c.role)).toEqual(["ignore", ...CRITERIA]);
  });
});
