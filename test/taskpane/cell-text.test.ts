import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { excelWouldConvert, keptAsText, typedCellValue } from "../../src/taskpane/cell-text";
import { typedInput } from "../support/excel-standin/typed-input";

describe("text Excel keeps as written", () => {
  it.each([
    "5-10",
    "10-20",
    "50%",
    "00123",
    "1,000",
    "1.000",
    "0.85",
    "$4.20",
    "(5)",
    "1e5",
    "1 1/2",
    "3/4",
    "2024-03-01",
    "3/1/2024",
    "Jan 5",
    "5-Jan",
    "Mar 2024",
    "12:30",
    "10 AM",
    "TRUE",
    "false",
    "#N/A",
    "=A1",
    "+49 30",
    "-5",
    "-abc",
    "@risk",
    "'approved",
    " 42 ",
  ])("%j gets the quote prefix", (text) => {
    expect(excelWouldConvert(text)).toBe(true);
    expect(keptAsText(text)).toBe(`'${text}`);
  });

  it.each(["frozen", "Rev 2", "Q3 2024", "2 pcs", "1k", "~200", "n/a", "May", "3 of 5", "Parts!C9", "e5", "Design: partial, needs CAD model"])(
    "%j is written as it is",
    (text) => {
      expect(excelWouldConvert(text)).toBe(false);
      expect(keptAsText(text)).toBe(text);
    },
  );

  it("whatever the text, Excel (the stand-in's independent reading of typed input) stores exactly that text", () => {
    const pieces = fc.constantFrom(
      "5",
      "10",
      "-",
      "/",
      ":",
      ".",
      ",",
      "%",
      "$",
      "(",
      ")",
      "'",
      "=",
      "+",
      "@",
      "#",
      " ",
      "e",
      "E",
      "Jan",
      "may",
      "am",
      "PM",
      "TRUE",
      "N/A",
      "x",
      "1/2",
      "0",
    );
    const text = fc.oneof(
      fc.string(),
      fc.array(pieces, { minLength: 1, maxLength: 6 }).map((p) => p.join("")),
    );
    fc.assert(
      fc.property(text, fc.constantFrom("General", "@"), (t, format) => {
        const stored = typedInput(keptAsText(t), format);
        expect(t === "" ? stored.kind === "empty" : stored.kind === "text" && stored.text === t).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("writes what the user typed as a number only when it is a plain number", () => {
    expect(["250", "0.5", " 12 ", "0", "1.50"].map(typedCellValue)).toEqual([250, 0.5, 12, 0, 1.5]);
    expect(["00123", "1,000", "5-10", "~200", "1k", "-5", ""].map(typedCellValue)).toEqual(["'00123", "'1,000", "'5-10", "~200", "1k", "'-5", ""]);
  });
});
