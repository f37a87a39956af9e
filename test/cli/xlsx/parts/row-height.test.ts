import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LINE_HEIGHT, rowTagWithHeight, wrappedLines, wrappedRowHeight } from "../../../../src/cli/xlsx/parts/row-height";

describe("wrappedLines", () => {
  it.each([
    ["", 10, 1],
    ["short", 10, 1],
    ["two words", 5, 2],
    ["line one\nline two", 40, 2],
    ["a\r\nb\rc", 40, 3],
    ["x".repeat(25), 10, 3],
    ["ab " + "x".repeat(24), 10, 3],
  ] as const)("%j in %d characters: %d lines", (text, width, lines) => {
    expect(wrappedLines(text, width)).toBe(lines);
  });

  it("counts as the plain reading does: split into paragraphs, then words, lengths in code points", () => {
    /** The plain statement of the rule, kept here as the model of the one-pass version. */
    const model = (text: string, width: number): number => {
      const capacity = Math.max(1, Math.floor(width * 1.2));
      let lines = 0;
      for (const paragraph of text.split(/\r\n|\r|\n/u)) {
        let used = 0;
        lines += 1;
        for (const word of paragraph.split(" ")) {
          const length = [...word].length;
          const needed = used === 0 ? length : used + 1 + length;
          if (needed <= capacity) used = needed;
          else if (used === 0) {
            lines += Math.ceil(length / capacity) - 1;
            used = length % capacity || capacity;
          } else {
            lines += Math.ceil(length / capacity);
            used = length % capacity || capacity;
          }
        }
      }
      return lines;
    };
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "bc", " ", "  ", "\n", "\r", "\r\n", "é", "😀", "\uD800", "\uDC00", "x".repeat(30)), maxLength: 40 }),
        fc.integer({ min: 0, max: 60 }),
        (text, width) => {
          expect(wrappedLines(text, width)).toBe(model(text, width));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("never gives fewer lines than the text's letters need, nor fewer than its line breaks", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "b", " ", "\n", "é") }), fc.integer({ min: 1, max: 80 }), (text, width) => {
        const lines = wrappedLines(text, width);
        const capacity = Math.floor(width * 1.2);
        expect(lines).toBeGreaterThanOrEqual(text.split("\n").length);
        for (const paragraph of text.split("\n"))
          expect(lines).toBeGreaterThanOrEqual(Math.ceil([...paragraph.replace(/ /gu, "")].length / Math.max(1, capacity)));
        expect(wrappedLines(`${text} more words here`, width)).toBeGreaterThanOrEqual(lines);
      }),
    );
  });
});

describe("wrappedRowHeight", () => {
  it("is the tallest column's lines times the line height, or nothing for one line", () => {
    expect(wrappedRowHeight(["", "short", ""], [24, 11, 40])).toBeUndefined();
    expect(wrappedRowHeight(["", "", "word ".repeat(30)], [24, 11, 40])).toBe(4 * LINE_HEIGHT);
    expect(wrappedRowHeight(["a\nb\nc", "x"], [40])).toBe(3 * LINE_HEIGHT);
  });
});

describe("rowTagWithHeight", () => {
  it.each([
    ['<row r="7" spans="1:5">', 45, '<row r="7" spans="1:5" ht="45">'],
    ['<x:row r="7"/>', 45, '<x:row r="7" ht="45"/>'],
    ['<row r="7" ht="12.8" customHeight="false">', 30, '<row r="7" ht="30" customHeight="false">'],
    ['<row r="7" ht="60">', 30, '<row r="7" ht="60">'],
    ['<row r="7" ht="9" customHeight="1">', 30, '<row r="7" ht="9" customHeight="1">'],
    ['<row r="7">', undefined, '<row r="7">'],
  ] as const)("%s, %s points: %s", (tag, height, expected) => {
    expect(rowTagWithHeight(tag, height)).toBe(expected);
  });
});
