import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/report";
import { anyText, decodeEscaped } from "./markup";

describe("escapeHtml", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    ["a & b", "a &amp; b"],
    ["<script>", "&lt;script&gt;"],
    [`"quoted" 'single'`, "&quot;quoted&quot; &#39;single&#39;"],
    ["&lt;", "&amp;lt;"],
    ["line\r\nbreak", "line&#13;\nbreak"],
    ["nul\0here", "nul\uFFFDhere"],
    ["P-100 ↑ ü 漢字 😀", "P-100 ↑ ü 漢字 😀"],
  ])("%j -> %j", (text, html) => expect(escapeHtml(text)).toBe(html));

  const texts = fc.oneof(
    anyText(),
    fc.array(fc.constantFrom("<", ">", "&", '"', "'", "\r", "\n", "&amp;", "&#60;", "<script>", "a", " "), { maxLength: 30 }).map((a) => a.join("")),
  );

  it("never lets a < > \" or ' of the input through, and & only as the start of its own references", () => {
    fc.assert(
      fc.property(texts, (text) => {
        const html = escapeHtml(text);
        expect(html).not.toMatch(/[<>"'\r\0]/u);
        expect(html.replace(/&(amp|lt|gt|quot|#39|#13);/gu, "")).not.toContain("&");
      }),
    );
  });

  it("reads back as the same text (NUL aside)", () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(decodeEscaped(escapeHtml(text))).toBe(text.replace(/\0/gu, "\uFFFD"));
      }),
    );
  });

  it("is the identity on text without those characters", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme" }).filter((s) => !/[&<>"'\r\0]/u.test(s)),
        (text) => {
          expect(escapeHtml(text)).toBe(text);
        },
      ),
    );
  });
});
