/*
 * Property: for random sheets, classifying edits only what it must. Every
 * original <c> element of the classified sheet appears in the output unchanged
 * and in order, in the same column (a cell without an `r` address may gain the
 * address of the column it had, nothing else), and every other zip entry is
 * byte-identical: the same stored (compressed) bytes, CRC and sizes.
 */
import { readFileSync } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readZipDirectory, type ZipEntry } from "../../../../src/cli/input/zip-directory";
import { dataOffset } from "../../../../src/cli/xlsx/package/zip-read";
import { testFolders } from "../../../fixtures/files";
import { zipEntries } from "../../../support/zip-entries";
import { scanSheet } from "../../../../scripts/corpus/sheet";
import { HEADER, MAIN, PARTS, rowXml, sheetXml, writePackage } from "./build";
import { classifyTo } from "./run";

const folders = testFolders("package-untouched");

const text = fc.string({ unit: fc.constantFrom("a", "Z", " ", "&", "<", ">", "_x000D_", "ü", "東", "😀", "\n", "'", '"'), maxLength: 12 });
const escape = (s: string): string => s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");

/** One stored cell at a column, in one of the forms producers write. */
const cell = (ref: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => `<c r="${ref}"><v>${n}</v></c>`),
    fc.nat(3).map((i) => `<c r="${ref}" t="s"><v>${i}</v></c>`),
    fc
      .tuple(text, text)
      .map(([a, b]) => `<c r="${ref}" t="inlineStr"><is><r><t xml:space="preserve">${escape(a)}</t></r><r><rPr><b/></rPr><t>${escape(b)}</t></r></is></c>`),
    fc.boolean().map((b) => `<c r="${ref}" t="b"><v>${b ? 1 : 0}</v></c>`),
    fc.constantFrom("#N/A", "#DIV/0!", "#REF!").map((e) => `<c r="${ref}" t="e"><f>1/0</f><v>${e}</v></c>`),
    fc.nat(1000).map((n) => `<c r="${ref}" s="1"><f t="shared" si="0"/><v>${n}</v></c>`),
    fc.constant(`<c r="${ref}" s="1"/>`),
    text.map((t) => `<c r="${ref}" t="str"><f>"${escape(t)}"</f><v>${escape(t)}</v></c>`),
  );

/** The cell, or the same cell without its `r` (it then follows the cell before it). */
const maybeUnaddressed = (arbitrary: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(arbitrary, fc.boolean()).map(([c, bare]) => (bare ? c.replace(/ r="[A-Z]+\d+"/u, "") : c));

/**
 * A row of random cells in columns E to H beside a part's own A to D, then a
 * run of empty styled cells (formatted columns), so that cells can follow the
 * result columns.
 */
const extraCells = (row: number): fc.Arbitrary<string> =>
  fc
    .tuple(...["E", "F", "G", "H"].map((c) => fc.option(maybeUnaddressed(cell(`${c}${row}`)), { nil: "" })), fc.array(fc.boolean(), { maxLength: 8 }))
    .map((parts) => {
      const styled = parts.pop() as boolean[];
      const run = styled.map((bare, i) => (bare ? '<c s="1"/>' : `<c r="${String.fromCharCode(73 + i)}${row}" s="1"/>`));
      return [...(parts as string[]), ...run].join("");
    });

const sheetCase = fc.record({
  rows: fc.tuple(...PARTS.map((_, i) => extraCells(i + 2))),
  below: fc.array(fc.tuple(fc.integer({ min: 10, max: 200 }), extraCells(0)), { maxLength: 4 }),
  binary: fc.uint8Array({ minLength: 0, maxLength: 300 }),
});

async function storedEntries(file: string): Promise<Map<string, { entry: ZipEntry; stored: Buffer }>> {
  const handle = await open(file, "r");
  try {
    const dir = await readZipDirectory(handle, (await handle.stat()).size);
    if (!dir.ok) throw new Error(`${file}: not a zip`);
    const found = new Map<string, { entry: ZipEntry; stored: Buffer }>();
    for (const entry of dir.entries) {
      const stored = Buffer.alloc(entry.compressedSize);
      await handle.read(stored, 0, entry.compressedSize, await dataOffset(handle, entry));
      found.set(entry.name, { entry, stored });
    }
    return found;
  } finally {
    await handle.close();
  }
}

const EDITED = new Set(["xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"]);

describe("classify leaves every original cell and entry as it was", () => {
  it("for random sheets", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(sheetCase, async (c) => {
        run += 1;
        const dir = folders.caseDir(`run-${run}`);
        const partRows = PARTS.map((p, i) => rowXml(i + 2, p).replace("</row>", `${c.rows[i] ?? ""}</row>`)).join("");
        const below = [...new Map(c.below.map(([n, cells]) => [n, cells])).entries()]
          .sort(([a], [b]) => a - b)
          .map(([n, cells]) => `<row r="${n}">${cells.replace(/r="([A-Z])0"/gu, `r="$1${n}"`)}</row>`)
          .join("");
        const sheet = sheetXml(rowXml(1, HEADER) + partRows + below);
        const input = writePackage(path.join(dir, "in.xlsx"), {
          sheets: [sheet, sheetXml(rowXml(1, ["other"]))],
          sharedStrings: `<sst xmlns="${MAIN}"><si><t>a</t></si><si><t>b</t></si><si><t>c</t></si><si><t>d</t></si></sst>`,
          styles: `<styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="2"/></cellXfs></styleSheet>`,
          extra: [
            { name: "xl/media/blob.bin", data: Buffer.from(c.binary) },
            { name: "customXml/item1.xml", data: "<x>keep me</x>" },
          ],
        });
        const before = readFileSync(input);
        const out = path.join(dir, "out.xlsx");
        await classifyTo(input, out);
        expect(readFileSync(input).equals(before), "input untouched").toBe(true);

        const outSheet = zipEntries(readFileSync(out)).get("xl/worksheets/sheet1.xml") ?? "";
        // Results go right of the last column holding a value; an empty styled cell where they go is replaced by a result.
        const stageColumn = /<c r="([A-Z]+)1"[^>]*>(?:(?!<\/c>)[\s\S])*?>Stage</u.exec(outSheet)?.[1];
        expect(stageColumn, "a Stage header in row 1").toBeDefined();
        const stageIndex = stageColumn === undefined ? -1 : stageColumn.charCodeAt(0) - 65;
        const outRows = new Map(scanSheet(outSheet).rows.map((row) => [row.index, row]));
        for (const row of scanSheet(sheet).rows) {
          const outCells = outRows.get(row.index)?.cells ?? [];
          let from = 0;
          for (const original of row.cells) {
            // An empty styled cell where the results go is replaced by a result.
            if (original.col >= stageIndex && original.col < stageIndex + 5 && /\/>$/u.test(original.text)) continue;
            const ref = `${String.fromCharCode(65 + original.col)}${row.index}`;
            const addressed = original.text.replace(/^<c(?=[\s/>])/u, `<c r="${ref}"`);
            const at = outCells.findIndex((c, i) => i >= from && (c.text === original.text || (!/ r="/u.test(original.text) && c.text === addressed)));
            expect(at, `row ${row.index}: cell kept in order: ${original.text}`).toBeGreaterThanOrEqual(0);
            expect(outCells[at]?.col, `row ${row.index}: cell kept in its column: ${original.text}`).toBe(original.col);
            from = at + 1;
          }
        }
        const inputs = await storedEntries(input);
        const outputs = await storedEntries(out);
        const names = [...outputs.keys()];
        expect(names.slice(0, inputs.size), "entries kept in their order, new ones last").toEqual([...inputs.keys()]);
        for (const [name, { entry, stored }] of inputs) {
          if (EDITED.has(name)) continue;
          const copy = outputs.get(name);
          expect({ name, crc: copy?.entry.crc, size: copy?.entry.size, method: copy?.entry.method }).toEqual({
            name,
            crc: entry.crc,
            size: entry.size,
            method: entry.method,
          });
          expect(copy?.stored.equals(stored), `${name} stored bytes`).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
