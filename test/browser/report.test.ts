/*
 * The report opened in Chromium with JavaScript enabled, built from hostile
 * part names, waivers, evidence and headers: no script runs, no request
 * leaves the file, every hostile text is shown literally, links are only
 * https: or file:, and it prints to PDF. Once as written, and once with its
 * Content-Security-Policy removed, so that the escaping alone is shown to be
 * enough. Skipped when Chromium is not installed.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORT_CSP, escapeHtml, renderReport } from "../../src/report";
import { anyText } from "../report/markup";
import { HOSTILE_INPUT, HOSTILE_LINKS, HOSTILE_TEXTS, SAMPLE_INPUT } from "../report/sample-input";
import { CHROMIUM, launchBrowser } from "./harness";

const CSP_META = `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">`;

interface Opened {
  readonly page: Page;
  /** Set by any script the page runs (window.ran = …), console errors, page errors and policy violations. */
  readonly ran: unknown[];
  readonly errors: string[];
  /** Every request the page made, and those refused. */
  readonly requests: string[];
}

describe.skipIf(!existsSync(CHROMIUM))("the report in Chromium", () => {
  let browser: Browser | undefined;
  let dir = "";
  beforeAll(async () => {
    browser = await launchBrowser();
    dir = await mkdtemp(path.join(tmpdir(), "report-"));
  });
  afterAll(async () => {
    await browser?.close();
    if (dir !== "") await rm(dir, { recursive: true, force: true });
  });

  async function open(name: string, html: string): Promise<Opened & { readonly url: string }> {
    if (browser === undefined) throw new Error("the browser is launched in beforeAll");
    const file = path.join(dir, name);
    await writeFile(file, html, "utf8");
    const url = pathToFileURL(file).href;
    const page = await browser.newPage({ javaScriptEnabled: true });
    const ran: unknown[] = [];
    const errors: string[] = [];
    const requests: string[] = [];
    await page.exposeFunction("reportRan", (value: unknown) => ran.push(value));
    await page.addInitScript(() => {
      const w = window as unknown as { reportRan(v: unknown): void };
      Object.defineProperty(window, "ran", { configurable: false, set: (v: unknown) => w.reportRan(v), get: () => undefined });
      document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
    });
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("request", (r) => requests.push(r.url()));
    await page.route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(300);
    return { page, ran, errors, requests, url };
  }

  const hostile = renderReport(HOSTILE_INPUT);

  it.each([
    ["as written", hostile],
    ["with its Content-Security-Policy removed (the escaping alone)", hostile.replace(CSP_META, "")],
  ])("runs no script and makes no request %s", async (_name, html) => {
    expect(html.includes(CSP_META)).toBe(html === hostile);
    const { page, ran, errors, requests, url } = await open(html === hostile ? "hostile.html" : "hostile-no-csp.html", html);
    try {
      expect(ran).toEqual([]);
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      expect(await page.evaluate(() => document.querySelectorAll("script, iframe, img, object, embed, link, base, form, input, foreignObject").length)).toBe(0);
      // Every handler-looking attribute in the DOM: none.
      expect(
        await page.evaluate(() => [...document.querySelectorAll("*")].flatMap((e) => e.getAttributeNames().filter((n) => n.toLowerCase().startsWith("on")))),
      ).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("sees a script that runs and a request that leaves (the check itself, on a page that is not escaped)", async () => {
    const unescaped = `<!DOCTYPE html><p>${HOSTILE_TEXTS[0]}</p><img src="https://evil.example/x.png">`;
    const { page, ran, requests, url } = await open("unescaped.html", unescaped);
    try {
      expect(ran).toEqual([1]);
      expect(requests).toEqual([url, "https://evil.example/x.png"]);
    } finally {
      await page.close();
    }
  });

  it("shows every hostile text literally, hostile links as text and prints to PDF", async () => {
    const { page } = await open("hostile-text.html", hostile);
    try {
      const text = await page.innerText("body");
      for (const t of HOSTILE_TEXTS) expect(text).toContain(t);
      // Shown as written, white space aside (a tab shows as a space).
      const spaced = (t: string): string => t.replace(/\s+/gu, " ").trim();
      for (const link of HOSTILE_LINKS) expect(spaced(text)).toContain(spaced(link));
      expect(await page.title()).toBe(HOSTILE_INPUT.title);
      const hrefs = await page.evaluate(() => [...document.querySelectorAll("a[href]")].map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.filter((h) => !/^(https:|file:)/u.test(h) && !h.includes("#"))).toEqual([]);
      expect(hrefs.some((h) => /^(javascript|data|vbscript|http):/iu.test(h))).toBe(false);
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pdf.length).toBeGreaterThan(10_000);
    } finally {
      await page.close();
    }
  });

  it("prints the ordinary report on A4 and Letter, with the contents hidden and headers repeated", async () => {
    const { page, errors } = await open("sample.html", renderReport(SAMPLE_INPUT));
    try {
      expect(errors).toEqual([]);
      await page.emulateMedia({ media: "print" });
      expect(await page.locator("nav").isVisible()).toBe(false);
      expect(
        await page
          .locator("thead")
          .first()
          .evaluate((e) => getComputedStyle(e).display),
      ).toBe("table-header-group");
      for (const format of ["A4", "Letter"] as const) {
        const pdf = await page.pdf({ format, printBackground: true });
        expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
        expect(pdf.length).toBeGreaterThan(10_000);
      }
      expect(await page.locator("a", { hasText: "C:\\Reports\\DFM P-200.pdf" }).getAttribute("href")).toBe("file:///C:/Reports/DFM%20P-200.pdf");
    } finally {
      await page.close();
    }
  });

  it("escapeHtml round-trips through Chromium's HTML parser, in text and in attributes", async () => {
    if (browser === undefined) throw new Error("the browser is launched in beforeAll");
    // Well-formed text only: a lone surrogate cannot cross into the page.
    const texts = [
      ...HOSTILE_TEXTS,
      "a\r\nb\rc",
      "nul\0",
      "&amp;&#60;&",
      ...fc.sample(
        anyText(30).filter((t) => !/[\ud800-\udfff]/u.test(t)),
        { numRuns: 400, seed: 13 },
      ),
    ];
    const page = await browser.newPage();
    try {
      const read = await page.evaluate(
        (htmls) =>
          htmls.map((h) => {
            const doc = new DOMParser().parseFromString(`<!DOCTYPE html><body><p title="${h}">${h}</p><table><tr><td>${h}</td></tr></table>`, "text/html");
            const p = doc.querySelector("p");
            return [p?.textContent ?? null, p?.getAttribute("title") ?? null, doc.querySelector("td")?.textContent ?? null, doc.body.children.length];
          }),
        texts.map(escapeHtml),
      );
      read.forEach((r, i) => {
        const expected = (texts[i] ?? "").replace(/\0/gu, "\uFFFD");
        expect(r).toEqual([expected, expected, expected, 2]);
      });
    } finally {
      await page.close();
    }
  });
});
