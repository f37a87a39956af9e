/**
 * The text of each page of a PDF, with Mozilla's pdf.js (pdfjs-dist): the PDF
 * that LibreOffice writes keeps its text in subset fonts behind ToUnicode
 * maps, which only a real PDF reader decodes.
 */
import { readFileSync } from "node:fs";

export async function pdfPages(file: string): Promise<string[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : " ") : "")).join(""));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
