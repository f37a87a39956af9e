import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBlankCell, plainCell, rawCellValue, UNKNOWN_FORMULA_ERROR } from "../../../src/cli/xlsx/cells";

const date = new Date(Date.UTC(2024, 2, 1));

describe("plainCell: exceljs values to the core's CellValue", () => {
  it.each([
    ["null", null, null],
    ["undefined", undefined, null],
    ["text", "frozen", "frozen"],
    ["number", 42, 42],
    ["zero", 0, 0],
    ["NaN", Number.NaN, null],
    ["Infinity", Number.POSITIVE_INFINITY, null],
    ["boolean", false, false],
    ["date", date, date],
    ["invalid date", new Date(Number.NaN), null],
    ["rich text", { richText: [{ text: "Fro", font: { bold: true } }, { text: "zen" }] }, "Frozen"],
    ["hyperlink", { text: "validated", hyperlink: "https://example.com" }, "validated"],
    ["hyperlink with rich text", { text: { richText: [{ text: "BRK" }, { text: "-1" }] }, hyperlink: "#A1" }, "BRK-1"],
    ["formula with a cached text", { formula: 'LOWER("X")', result: "stable" }, "stable"],
    ["formula with a cached 0", { formula: "1-1", result: 0 }, 0],
    ["formula with a cached FALSE", { formula: "1=2", result: false }, false],
    ["formula with a cached error", { formula: "1/0", result: { error: "#DIV/0!" } }, { error: "#DIV/0!" }],
    ["formula without a cached result", { formula: "A1" }, null],
    ["shared formula", { sharedFormula: "N2", result: "sampling" }, "sampling"],
    ["formula whose error the streaming reader read as NaN", { formula: "1/0", result: Number.NaN }, { error: UNKNOWN_FORMULA_ERROR }],
    ["error", { error: "#N/A" }, { error: "#N/A" }],
    ["shared string index left unresolved", { sharedString: 3 }, null],
    ["an unknown object", { foo: 1 }, null],
    ["a function", () => 1, null],
    ["a symbol", Symbol("x"), null],
  ])("%s", (_name, value, expected) => {
    expect(plainCell(value)).toEqual(expected);
  });

  it("never throws, whatever it gets, and gives only CellValue shapes", () => {
    const hostile = fc.oneof(
      fc.anything(),
      fc.record({ formula: fc.string(), result: fc.anything() }),
      fc.record({ richText: fc.array(fc.record({ text: fc.anything() })) }),
      fc.record({ text: fc.anything(), hyperlink: fc.string() }),
      fc.record({ error: fc.anything() }),
    );
    fc.assert(
      fc.property(hostile, (value) => {
        const plain = plainCell(value);
        const shape = plain === null || typeof plain === "string" || typeof plain === "number" || typeof plain === "boolean" || plain instanceof Date || (typeof plain === "object" && typeof plain.error === "string");
        expect(shape).toBe(true);
        if (typeof plain === "number") expect(Number.isFinite(plain)).toBe(true);
      }),
    );
  });

  it("does not throw on an object whose every property access throws", () => {
    const hostile = new Proxy({}, {
      get() {
        throw new Error("boom");
      },
      has() {
        throw new Error("boom");
      },
    });
    expect(plainCell(hostile)).toBeNull();
    expect(rawCellValue({ get value(): unknown {
      throw new Error("boom");
    } })).toBeNull();
  });

  it("isBlankCell: only empty and whitespace cells are blank", () => {
    expect([null, undefined, "", "  \t"].map(isBlankCell)).toEqual([true, true, true, true]);
    expect([0, false, "x", { error: "#N/A" }].map((v) => isBlankCell(v))).toEqual([false, false, false, false]);
  });
});

describe("rawCellValue", () => {
  it("keeps a formula's falsy cached result that exceljs's value getter drops", () => {
    expect(rawCellValue({ type: 6, value: { formula: "1-1" }, result: 0 })).toEqual({ formula: "1-1", result: 0 });
    expect(rawCellValue({ type: 6, value: { formula: "1=2" }, result: false })).toEqual({ formula: "1=2", result: false });
  });

  it("empties the covered cells of a merged range", () => {
    expect(rawCellValue({ type: 1, value: "Bill of parts" })).toBeNull();
    expect(rawCellValue({ type: 3, value: "Bill of parts" })).toBe("Bill of parts");
  });
});
