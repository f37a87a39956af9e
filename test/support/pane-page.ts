/* Opens the built task pane in headless Chromium with office.js routed to the stand-in over a seeded workbook. */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { DIST, routeOffice } from "../browser/harness";
import type { StandInOptions, StandInStats, WorkbookSeed } from "./excel-standin";
import { standInScript } from "./standin-bundle";

/** The ExcelApi requirement set the pane checks for (taskpane.ts): the page's stand-in claims no more, so a newer API fails the tests. */
export const PANE_EXCEL_API = "1.9";

export const SCREENSHOTS = path.resolve(__dirname, "../../test-output/screenshots");
export const PANE_WIDTH = 320;

/** Builds dist/ when a test runs on its own without `npm test` having built it. */
export function ensurePaneBuilt(): void {
  if (existsSync(path.join(DIST, "taskpane.html")) && existsSync(path.join(DIST, "taskpane.js"))) return;
  execFileSync(process.execPath, [path.resolve(__dirname, "../../node_modules/webpack/bin/webpack.js"), "--mode", "production"], {
    cwd: path.resolve(__dirname, "../.."),
    stdio: "ignore",
  });
}

export interface PanePage {
  readonly page: Page;
  /** Requests that tried to leave loopback (and were refused). */
  readonly blocked: readonly string[];
  /** Uncaught errors and console errors in the page. */
  readonly errors: string[];
  readonly dialogs: string[];
  /** Runs a function against the stand-in in the page (window.__standIn). */
  stats(): Promise<StandInStats>;
  read(address: string): Promise<unknown[][]>;
  select(address: string): Promise<void>;
  edit(address: string, values: unknown[][]): Promise<void>;
  /** The task pane is shown or hidden (Office.addin.onVisibilityModeChanged). */
  setVisibility(mode: "Taskpane" | "Hidden"): Promise<void>;
  /** The calculations the workbook ran ("auto" when Excel recalculated by itself, or the type the add-in asked for). */
  calculations(): Promise<string[]>;
  idle(): Promise<void>;
  resetStats(): Promise<void>;
  screenshot(name: string): Promise<string>;
  /** The charts on a sheet, as the stand-in in the page holds them. */
  charts(sheet: string): Promise<PageChart[]>;
  /** A workbook setting as the stand-in in the page holds it. */
  setting(key: string): Promise<unknown>;
}

export interface PageChart {
  readonly name: string;
  readonly type: string;
  readonly source: string;
  readonly series: readonly { readonly name: string; readonly values: string }[];
  readonly categories?: string;
  readonly categoryType: string;
  readonly title: string;
}

interface PageStandIn {
  stats: StandInStats;
  book: {
    read(address: string): unknown[][];
    calculations: string[];
    sheetNamed(name: string): { charts: PageChart[] } | undefined;
    settings: Map<string, unknown>;
  };
  select(address: string): Promise<void>;
  edit(address: string, values: unknown[][]): Promise<void>;
  setVisibility(mode: "Taskpane" | "Hidden"): Promise<void>;
  /** The task pane is shown or hidden (Office.addin.onVisibilityModeChanged). */
  setVisibility(mode: "Taskpane" | "Hidden"): Promise<void>;
  /** The calculations the workbook ran ("auto" when Excel recalculated by itself, or the type the add-in asked for). */
  calculations(): Promise<string[]>;
  idle(): Promise<void>;
  resetStats(): void;
}
type W = { __standIn: PageStandIn };

export async function openPane(browser: Browser, baseUrl: string, seed: WorkbookSeed, options: StandInOptions = {}): Promise<PanePage> {
  const page = await browser.newPage({ viewport: { width: PANE_WIDTH, height: 900 } });
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${String(e)}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const { blocked } = await routeOffice(page, await standInScript());
  await page.addInitScript(
    ({ seed, options }) => {
      const w = window as unknown as { __standInSeed: unknown; __standInOptions: unknown };
      w.__standInSeed = seed;
      w.__standInOptions = options;
      document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
    },
    { seed, options: { excelApi: PANE_EXCEL_API, ...options } },
  );
  await page.goto(`${baseUrl}taskpane.html`);
  await page.waitForSelector("body[data-ready='true']", { timeout: 30_000 });
  return {
    page,
    blocked,
    errors,
    dialogs,
    stats: () => page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as W).__standIn.stats)) as StandInStats),
    read: (address) => page.evaluate((a) => (window as unknown as W).__standIn.book.read(a), address),
    select: (address) => page.evaluate((a) => (window as unknown as W).__standIn.select(a), address),
    edit: (address, values) => page.evaluate(([a, v]) => (window as unknown as W).__standIn.edit(a as string, v as unknown[][]), [address, values] as const),
    setVisibility: (mode) => page.evaluate((m) => (window as unknown as W).__standIn.setVisibility(m), mode),
    calculations: () => page.evaluate(() => [...(window as unknown as W).__standIn.book.calculations]),
    idle: () => page.evaluate(() => (window as unknown as W).__standIn.idle()),
    resetStats: () => page.evaluate(() => (window as unknown as W).__standIn.resetStats()),
    charts: (sheet) =>
      page.evaluate((name) => JSON.parse(JSON.stringify((window as unknown as W).__standIn.book.sheetNamed(name)?.charts ?? [])) as PageChart[], sheet),
    setting: (key) => page.evaluate((k) => JSON.parse(JSON.stringify((window as unknown as W).__standIn.book.settings.get(k) ?? null)) as unknown, key),
    async screenshot(name) {
      await mkdir(SCREENSHOTS, { recursive: true });
      const file = path.join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
  };
}
