import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evidenceHref } from "../../src/report";
import { anyText } from "./markup";

describe("evidenceHref", () => {
  it.each<[string, string | null]>([
    ["https://plm.example.com/docs/P-100?rev=C&view=1", "https://plm.example.com/docs/P-100?rev=C&view=1"],
    ["  https://example.com/a b  ", null],
    ["HTTPS://Example.COM/x", "https://example.com/x"],
    ['https://example.com/"><script>', "https://example.com/%22%3E%3Cscript%3E"],
    ["https://", null],
    ["https:example.com", "https://example.com/"],
    ["C:\\Reports\\DFM P-200.pdf", "file:///C:/Reports/DFM%20P-200.pdf"],
    ["c:/reports/a#b?.pdf", "file:///c:/reports/a%23b%3F.pdf"],
    ["\\\\fileserver\\quality\\FAI 12.pdf", "file://fileserver/quality/FAI%2012.pdf"],
    ["\\\\bad host\\x", null],
    ["/home/q/PPAP <draft>.pdf", "file:///home/q/PPAP%20%3Cdraft%3E.pdf"],
    ["//evil.example/x", "file:///evil.example/x"],
    ["file:///srv/reports/fai.pdf", "file:///srv/reports/fai.pdf"],
    ["javascript:alert(1)", null],
    [" JaVaScRiPt:alert(1)", null],
    ["java\tscript:alert(1)", null],
    ["https://exa\nmple.com", null],
    ["data:text/html,<script>alert(1)</script>", null],
    ["vbscript:msgbox(1)", null],
    ["http://example.com/", null],
    ["mailto:qa@example.com", null],
    ["reports/fai.pdf", null],
    ["..\\fai.pdf", null],
    ["see the DFM report", null],
    ["", null],
    ["C:\\bad\ud800.pdf", null],
    ["/x/\udc00", null],
  ])("%j -> %j", (text, href) => expect(evidenceHref(text)).toBe(href));

  it("gives only https: or file: URLs, whatever the text", () => {
    const text = fc.oneof(
      anyText(),
      fc.tuple(fc.constantFrom("https:", "https://", "file:", "C:\\", "\\\\h\\", "/", "javascript:", " ", "data:"), anyText()).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(text, (t) => {
        const href = evidenceHref(t);
        if (href !== null) expect(new URL(href).protocol).toMatch(/^(https|file):$/u);
      }),
    );
  });
});
