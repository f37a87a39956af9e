import { describe, expect, it } from "vitest";
import { detectDialect, splitSample } from "../../../src/cli/csv/dialect";

describe("detectDialect", () => {
  it.each([
    ["commas", "Part No.,Design,Qty\nA,frozen,5\n", ","],
    ["semicolons, with commas inside values", 'Titel; Stückliste\nPart No.;Design;Qty;Notes\nA;frozen;1,000;"a, b, c"\n', ";"],
    ["tabs", "Part No.\tDesign\tQty\nA\tfrozen\t5\n", "\t"],
    ["pipes", "Part No.|Design|Qty\nA|frozen|5\n", "|"],
    ["semicolons where the text has more commas than the header has semicolons", "Design;Qty\nfrozen, final, released, locked;5\n", ";"],
    ["no header: the one that splits most", "a;b;c\nd;e;f\n", ";"],
  ])("%s", (_name, text, delimiter) => {
    expect(detectDialect(text).delimiter).toBe(delimiter);
  });

  it("keeps the line ending", () => {
    expect(detectDialect("Design,Qty\r\nfrozen,5\r\n").eol).toBe("\r\n");
    expect(detectDialect("Design,Qty\nfrozen,5\n").eol).toBe("\n");
  });

  it("splits quoted fields with delimiters, quotes and newlines inside", () => {
    expect(splitSample('a,"b,c","d ""e""","f\ng"\nh,i', ",")).toEqual([
      ["a", "b,c", 'd "e"', "f\ng"],
      ["h", "i"],
    ]);
  });
});
