import { describe, expect, it } from "vitest";
import { parseSheetHead, peekSheetHead, watchHiddenRows, type SheetHead } from "../../../src/cli/xlsx/sheet-head";

const HEAD =
  '<worksheet><dimension ref="A1:Q31"/><sheetViews><sheetView workbookViewId="0"><pane xSplit="1" ySplit="2" topLeftCell="B3" state="frozen"/></sheetView></sheetViews>' +
  '<cols><col min="1" max="1" width="10.5" customWidth="1"/><col min="3" max="4" width="20" hidden="1"/></cols><sheetData>';

async function* chunks(text: string, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < text.length; i += size) yield Buffer.from(text.slice(i, i + size));
}

describe("the sheet XML the streaming reader ignores", () => {
  it("reads the declared width, frozen panes and column widths", () => {
    expect(parseSheetHead(HEAD)).toEqual({
      width: 17,
      frozen: { rows: 2, columns: 1 },
      columns: [{ min: 1, max: 1, width: 10.5, hidden: false }, { min: 3, max: 4, width: 20, hidden: true }],
    });
  });

  it("does not trust a declared width from whole-row formatting", () => {
    expect(parseSheetHead('<dimension ref="A1:XFD9"/>').width).toBeUndefined();
    expect(parseSheetHead("<sheetData>")).toEqual({});
  });

  it("passes the bytes through unchanged however they are cut, and sees hidden rows", async () => {
    const xml = `${HEAD}<row r="1"><c r="A1"/></row><row r="2" hidden="1"><c r="A2"/></row><row r="3" spans="1:2" hidden="true" ht="12"></row><row r="4"/></sheetData></worksheet>`;
    for (const size of [1, 7, 64, 10_000]) {
      let head: SheetHead | undefined;
      const hidden = new Set<number>();
      const out: string[] = [];
      for await (const chunk of watchHiddenRows(peekSheetHead(chunks(xml, size), (h) => (head = h)), hidden)) out.push(chunk.toString());
      expect(out.join("")).toBe(xml);
      expect(head?.width).toBe(17);
      expect([...hidden].sort()).toEqual([2, 3]);
    }
  });
});
