import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matrixJsonSize, rowJsonSize, stringJsonSize, utf8Length, valueJsonSize } from "../../src/taskpane/payload";

const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), "utf8");
const cell = fc.oneof(fc.string({ unit: "binary" }), fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(""));

describe("JSON payload size", () => {
  it.each([
    ["", 2],
    ["abc", 5],
    ['a"b', 6],
    ["a\\b", 6],
    ["line\nbreak", 13],
    ["\u0001", 8],
    ["é", 4],
    ["€", 5],
    ["😀", 6],
    ["\ud800", 8],
  ])("string %j takes %i bytes", (text, bytes) => {
    expect(stringJsonSize(text)).toBe(bytes);
    expect(stringJsonSize(text)).toBe(bytesOf(text));
  });

  it("is exactly the UTF-8 length of JSON.stringify for any cell value", () => {
    fc.assert(
      fc.property(cell, (v) => valueJsonSize(v) === bytesOf(v)),
      { numRuns: 2000 },
    );
  });

  it("is exactly the UTF-8 length of JSON.stringify for any matrix of cells", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 20 }),
        (m) => matrixJsonSize(m) === bytesOf(m) && m.every((r) => rowJsonSize(r) === bytesOf(r)),
      ),
    );
  });

  it("counts JSON text in UTF-8 bytes", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => utf8Length(JSON.stringify(s)) === bytesOf(s)));
  });
});
