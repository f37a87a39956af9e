import { writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeWindows1252, detectEncoding, incompleteTail, sampleText, toUtf8 } from "../../../src/cli/csv/encoding";
import { makeTempDir, removeDir } from "../../fixtures/files";

let dir = "";
beforeAll(() => {
  dir = makeTempDir("cli-encoding");
});
afterAll(() => removeDir(dir));

function put(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

async function decodeAll(file: string): Promise<string> {
  const detected = await detectEncoding(file);
  const { createReadStream } = await import("node:fs");
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(file, { highWaterMark: 7 }).pipe(toUtf8(detected.encoding, detected.bom))) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

describe("Windows-1252", () => {
  it("decodes the 0x80-0x9F punctuation by the WHATWG table and the rest as Latin-1", () => {
    expect(decodeWindows1252(Buffer.from([0x80, 0x93, 0x94, 0x96, 0x99, 0x9f]))).toBe("€“”–™Ÿ");
    expect(decodeWindows1252(Buffer.from("Geh\xe4use 50\xb0 \xe9", "latin1"))).toBe("Gehäuse 50° é");
    expect(decodeWindows1252(Buffer.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toBe("\u0081\u008d\u008f\u0090\u009d");
  });
});

describe("incompleteTail", () => {
  it("finds a UTF-8 sequence cut at any point, and nothing at a boundary", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.nat(), (text, at) => {
        const bytes = Buffer.from(text, "utf8");
        const cut = bytes.length === 0 ? 0 : at % (bytes.length + 1);
        const head = bytes.subarray(0, cut);
        const tail = incompleteTail(head);
        expect(Buffer.from(head.subarray(0, head.length - tail).toString("utf8"), "utf8")).toEqual(head.subarray(0, head.length - tail));
        expect(incompleteTail(bytes)).toBe(0);
      }),
    );
  });
});

describe("detectEncoding and toUtf8", () => {
  it("UTF-8 with and without a byte-order mark", async () => {
    const bom = put("bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Design;Qty\nfrozen;5\n")]));
    expect(await detectEncoding(bom)).toEqual({ encoding: "utf-8", bom: 3 });
    expect(await decodeAll(bom)).toBe("Design;Qty\nfrozen;5\n");
    const plain = put("plain.csv", Buffer.from("Gehäuse,✓\n"));
    expect(await detectEncoding(plain)).toEqual({ encoding: "utf-8", bom: 0 });
  });

  it("bytes that are not valid UTF-8 anywhere in the file (even past the first megabyte) read as Windows-1252", async () => {
    const file = put(
      "latin1.csv",
      Buffer.concat([Buffer.from("Design,Qty\n" + "frozen,5\n".repeat(200_000)), Buffer.from("Geh\xe4use \x96 \x80,5\n", "latin1")]),
    );
    expect(await detectEncoding(file)).toEqual({ encoding: "windows-1252", bom: 0 });
    expect((await decodeAll(file)).endsWith("Gehäuse – €,5\n")).toBe(true);
  });

  it("UTF-16 with a byte-order mark (Excel's Unicode text)", async () => {
    const text = "Design\tQty\nGehäuse ✓\t5\n";
    const le = put("le.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    expect(await detectEncoding(le)).toEqual({ encoding: "utf-16le", bom: 2 });
    expect(await decodeAll(le)).toBe(text);
    const swapped = Buffer.from(text, "utf16le");
    swapped.swap16();
    const be = put("be.csv", Buffer.concat([Buffer.from([0xfe, 0xff]), swapped]));
    expect(await decodeAll(be)).toBe(text);
    expect(await sampleText(be, await detectEncoding(be))).toBe(text);
  });

  it("a multi-byte character split across chunks survives", async () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        expect(decodeWindows1252(Buffer.from(text, "latin1")).length).toBe(Buffer.from(text, "latin1").length);
      }),
    );
    const file = put("split.csv", Buffer.from("ä✓€😀".repeat(50)));
    expect(await decodeAll(file)).toBe("ä✓€😀".repeat(50));
  });
});
