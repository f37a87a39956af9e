/*
 * The built task pane with the real office.js (the offline copy in
 * node_modules/@microsoft/office-js), opened in a plain browser tab: it must
 * start without an uncaught error and say to open the add-in in Excel. Every
 * file office.js fetches from its CDN folder is served from the offline copy.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ensurePaneBuilt, PANE_WIDTH, SCREENSHOTS } from "../support/pane-page";
import { OFFICE_JS_CDN, browserSession, routeOffice } from "./harness";

const OFFLINE = path.resolve(__dirname, "../../node_modules/@microsoft/office-js/dist");
const CDN_FOLDER = OFFICE_JS_CDN.slice(0, OFFICE_JS_CDN.lastIndexOf("/") + 1);

const session = browserSession(ensurePaneBuilt);

describe("outside Office, with the real office.js", () => {
  it("boots without an uncaught error and says to open the add-in in Excel", async () => {
    const page = await session.browser.newPage({ viewport: { width: PANE_WIDTH, height: 600 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    const { blocked } = await routeOffice(page, await readFile(path.join(OFFLINE, "office.js"), "utf8"));
    const fromCdn: string[] = [];
    await page.route(`${CDN_FOLDER}**`, async (route) => {
      const url = route.request().url();
      fromCdn.push(url);
      const local = path.join(OFFLINE, decodeURIComponent(new URL(url).pathname.slice(new URL(CDN_FOLDER).pathname.length)));
      if (!local.startsWith(OFFLINE)) return route.abort();
      try {
        await route.fulfill({ status: 200, contentType: "text/javascript", body: await readFile(local) });
      } catch {
        await route.fulfill({ status: 404, body: "" });
      }
    });
    await page.addInitScript(() => {
      // A Content-Security-Policy violation shows up as a console error.
      document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${session.url}taskpane.html`);
    await page.getByRole("heading", { name: "Open this add-in in Excel" }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SCREENSHOTS, "outside-office.png"), fullPage: true });
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    // Only office.js and the files it loads from its own folder (served from the offline copy) left loopback.
    expect(fromCdn).toContain(OFFICE_JS_CDN);
    expect(fromCdn.every((u) => u.startsWith(CDN_FOLDER))).toBe(true);
    expect(await page.locator("fluent-tabs").count()).toBe(0);
  });
});
