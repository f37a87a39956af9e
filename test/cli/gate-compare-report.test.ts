/*
 * Issue 13 on the command line, end to end through the built binary on real
 * .xlsx files: classify --compare (up, down, new, dropped, duplicates; from an
 * earlier .xlsx, .csv or .json output; a file that is not one is refused), the
 * report command (written atomically, refuses to overwrite, opened in Chromium:
 * the parts are there and no script ran), --help and usage errors.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { RESULT_HEADERS } from "../../src/core";
import { CHROMIUM, launchBrowser } from "../browser/harness";
import { testFolders } from "../fixtures/files";
import { jsonOutput, readCsvRows, readWorkbookRows, shownText } from "../fixtures/read-output";
import { runCli } from "../fixtures/run-cli";
import { HEADERS, partRow, writeBook, type Cell } from "./gate-fixtures";

const folders = testFolders("gate-compare");
const TIMEOUT = 90_000;

/** Last month: P-1 low-volume, P-2 prototyping, P-3 mass production, P-9 (dropped since), P-7 twice. */
const LAST: Cell[][] = [
  partRow("low-volume", "P-1"),
  partRow("prototyping", "P-2"),
  partRow("mass-production", "P-3"),
  partRow("low-volume", "P-9"),
  partRow("low-volume", "P-7"),
  partRow("low-volume", "P-7"),
];
/** Now: P-1 up to mass production, P-2 up to low-volume, P-3 down to prototyping, P-4 new, P-5 twice and new, P-7 once. */
const NOW: Cell[][] = [
  partRow("mass-production", "P-1"),
  partRow("low-volume", "p-2 "),
  partRow("prototyping", "P-3"),
  partRow("low-volume", "P-4"),
  partRow("prototyping", "P-5"),
  partRow("prototyping", "P-5"),
  partRow("mass-production", "P-7"),
];

async function changes(file: string): Promise<string[][]> {
  const { rows } = await readWorkbookRows(file, "Parts");
  const header = (rows[0] ?? []).map(shownText);
  const at = header.indexOf("Change");
  expect(header.slice(at - RESULT_HEADERS.length)).toEqual([...RESULT_HEADERS, "Change"]);
  return rows.slice(1).map((r) => [shownText(r[0]), shownText(r[at])]);
}

const EXPECTED_CHANGES = [
  ["P-1", "↑ from Low-volume manufacturing"],
  ["p-2 ", "↑ from Prototyping"],
  ["P-3", "↓ from Mass production"],
  ["P-4", "new"],
  ["P-5", "new"],
  ["P-5", "new"],
  // In last month's list twice: no move claimed.
  ["P-7", ""],
];

describe("classify --compare", () => {
  it(
    "writes the Change column, prints the counts and the duplicate labels with their rows, from an earlier .xlsx, .csv or .json output",
    async () => {
      const dir = folders.caseDir();
      await writeBook(path.join(dir, "last.xlsx"), HEADERS, LAST);
      await writeBook(path.join(dir, "now.xlsx"), HEADERS, NOW);
      expect((await runCli(["classify", "last.xlsx"], { cwd: dir })).code).toBe(0);
      expect((await runCli(["classify", "last.xlsx", "-o", "last.csv"], { cwd: dir })).code).toBe(0);
      expect((await runCli(["classify", "last.xlsx", "-o", "last.json"], { cwd: dir })).code).toBe(0);
      const before = statSync(path.join(dir, "last.classified.xlsx")).mtimeMs;

      for (const previous of ["last.classified.xlsx", "last.csv", "last.json"]) {
        const out = `now-${path.extname(previous).slice(1)}.xlsx`;
        const run = await runCli(["classify", "now.xlsx", "--compare", previous, "-o", out], { cwd: dir });
        expect(run.code).toBe(0);
        expect(run.stdout).toContain(`Compared with ${previous}: 2 moved up, 1 moved down, 3 new, 1 dropped.`);
        expect(run.stdout).toContain("Dropped: P-9 (row 5)");
        expect(run.stdout).toContain(`Duplicate label "P-7" in ${previous}, rows 6, 7: no change claimed for it.`);
        expect(run.stdout).toContain('Duplicate label "P-5" in this list, rows 6, 7: no change claimed for it.');
        expect(await changes(path.join(dir, out))).toEqual(EXPECTED_CHANGES);
      }
      // The Readiness summary sheet counts the changes too.
      const sheet = (await readWorkbookRows(path.join(dir, "now-xlsx.xlsx"), "Readiness summary")).rows.map((r) => r.slice(0, 2).map(shownText));
      const at = sheet.findIndex((r) => r[0] === "Changes since last.classified.xlsx");
      expect(at).toBeGreaterThan(0);
      expect(sheet.slice(at + 1, at + 6)).toEqual([
        ["Moved up", "2"],
        ["Moved down", "1"],
        ["New", "3"],
        ["Dropped", "1"],
        ["Labels written twice (not compared)", "2"],
      ]);
      // The compared file is only read.
      expect(statSync(path.join(dir, "last.classified.xlsx")).mtimeMs).toBe(before);

      const csv = await runCli(["classify", "now.xlsx", "--compare", "last.classified.xlsx", "--format", "csv"], { cwd: dir });
      const [header = [], ...rows] = readCsvRows(writeTemp(dir, "now.csv", csv.stdout), ",");
      expect(header[header.length - 1]).toBe("Change");
      expect(rows.map((r) => [r[0], r[r.length - 1]])).toEqual(EXPECTED_CHANGES);

      const json = await runCli(["classify", "now.xlsx", "--compare", "last.classified.xlsx", "--format", "json"], { cwd: dir });
      const { parts, summary } = jsonOutput<{ part: string; change: unknown }>(json.stdout);
      expect(parts.map((p) => p.change)).toEqual([
        { direction: "up", from: "low-volume", text: "↑ from Low-volume manufacturing" },
        { direction: "up", from: "prototyping", text: "↑ from Prototyping" },
        { direction: "down", from: "mass-production", text: "↓ from Mass production" },
        "new",
        "new",
        "new",
        null,
      ]);
      expect((summary as unknown as { changes: unknown }).changes).toEqual({
        comparedWith: "last.classified.xlsx",
        movedUp: 2,
        movedDown: 1,
        new: 3,
        dropped: [{ part: "P-9", stage: "low-volume", row: 5 }],
        duplicates: [
          { label: "P-7", side: "previous", rows: [6, 7] },
          { label: "P-5", side: "current", rows: [6, 7] },
        ],
      });
    },
    TIMEOUT * 2,
  );

  it(
    "refuses a file that is not a classified output, naming it and what was expected (exit 2), and writes nothing",
    async () => {
      const dir = folders.caseDir();
      await writeBook(path.join(dir, "now.xlsx"), HEADERS, NOW);
      await writeBook(path.join(dir, "plain.xlsx"), HEADERS, LAST);
      writeFileSync(path.join(dir, "notes.json"), '{"hello": 1}');
      const plain = await runCli(["classify", "now.xlsx", "--compare", "plain.xlsx"], { cwd: dir });
      expect(plain.code).toBe(2);
      expect(plain.stderr).toMatch(/^part-readiness: plain\.xlsx: .*no result columns; expected a classified output of part-readiness/u);
      const json = await runCli(["classify", "now.xlsx", "--compare", "notes.json"], { cwd: dir });
      expect(json.code).toBe(2);
      expect(json.stderr).toContain("part-readiness: notes.json: is not a JSON array");
      const missing = await runCli(["classify", "now.xlsx", "--compare", "gone.xlsx"], { cwd: dir });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("gone.xlsx: no such file");
      const itself = await runCli(["classify", "now.xlsx", "--compare", "now.xlsx"], { cwd: dir });
      expect(itself.code).toBe(1);
      const empty = await runCli(["classify", "now.xlsx", "--compare"], { cwd: dir });
      expect(empty.code).toBe(1);
      expect(empty.stderr).toContain("--compare needs a value");
      expect(readdirSync(dir).sort()).toEqual(["notes.json", "now.xlsx", "plain.xlsx"]);
    },
    TIMEOUT,
  );
});

function writeTemp(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const HOSTILE = ["<script>window.ran = 1</script>", '<img src="x" onerror="window.ran = 2">', '"><svg onload="window.ran=3">'];

describe("report", () => {
  it(
    "writes NAME.report.html beside the input by default, with the parts, the comparison and the assemblies; refuses to overwrite without --force",
    async () => {
      const dir = folders.caseDir();
      await writeBook(path.join(dir, "last.xlsx"), HEADERS, LAST);
      expect((await runCli(["classify", "last.xlsx"], { cwd: dir })).code).toBe(0);
      await writeBook(
        path.join(dir, "now.xlsx"),
        [...HEADERS, "Level"],
        NOW.map((r, i) => [...r, i === 0 ? 0 : 1]),
      );
      const run = await runCli(["report", "now.xlsx", "--compare", "last.classified.xlsx"], { cwd: dir });
      expect(run.stdout).toContain("Compared with last.classified.xlsx: 2 moved up, 1 moved down, 3 new, 1 dropped.");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Wrote the report now.report.html (7 parts");
      const html = readFileSync(path.join(dir, "now.report.html"), "utf8");
      expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
      for (const label of ["P-1", "P-3", "P-4", "P-9"]) expect(html).toContain(label);
      expect(html).toContain("↓ from Mass production");
      expect(html).toContain("Assemblies limited by components");
      // No workbook was written, and nothing else.
      expect(readdirSync(dir).sort()).toEqual(["last.classified.xlsx", "last.xlsx", "now.report.html", "now.xlsx"]);

      const again = await runCli(["report", "now.xlsx"], { cwd: dir });
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("now.report.html already exists; add --force");
      expect(readFileSync(path.join(dir, "now.report.html"), "utf8")).toBe(html);
      const forced = await runCli(["report", "now.xlsx", "--force", "-q"], { cwd: dir });
      expect(forced.code).toBe(0);
      expect(forced.stdout).toBe("");
      expect(readFileSync(path.join(dir, "now.report.html"), "utf8")).not.toContain("↓ from Mass production");
      expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "usage errors: -o that is not .html, -o that is the input; a missing input is a file error",
    async () => {
      const dir = folders.caseDir();
      await writeBook(path.join(dir, "now.xlsx"), HEADERS, NOW);
      const xlsx = await runCli(["report", "now.xlsx", "-o", "out.xlsx"], { cwd: dir });
      expect(xlsx.code).toBe(1);
      expect(xlsx.stderr).toContain("give -o a name ending in .html");
      const bad = await runCli(["report", "now.xlsx", "--format", "csv"], { cwd: dir });
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('unknown option "--format" for report');
      const missing = await runCli(["report", "gone.xlsx"], { cwd: dir });
      expect(missing.code).toBe(2);
      expect(readdirSync(dir)).toEqual(["now.xlsx"]);
    },
    TIMEOUT,
  );

  it.skipIf(!existsSync(CHROMIUM))(
    "opened in Chromium with JavaScript on: hostile part names show as text, no script runs and no request leaves",
    async () => {
      const dir = folders.caseDir();
      await writeBook(
        path.join(dir, "hostile.xlsx"),
        [...HEADERS, "Waiver justification", "DFM report"],
        HOSTILE.map((name, i) => [
          ...partRow(i === 0 ? "mass-production" : "low-volume", name, { "Pilot run": i === 0 ? "waived" : "done" }),
          name,
          "javascript:window.ran=4",
        ]),
      );
      const run = await runCli(["report", "hostile.xlsx", "-o", "review.html", "-q"], { cwd: dir });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage({ javaScriptEnabled: true });
        const ran: unknown[] = [];
        const requests: string[] = [];
        await page.exposeFunction("reportRan", (v: unknown) => ran.push(v));
        await page.addInitScript(() => {
          const w = window as unknown as { reportRan(v: unknown): void };
          Object.defineProperty(window, "ran", { configurable: false, set: (v: unknown) => w.reportRan(v), get: () => undefined });
        });
        page.on("request", (r) => requests.push(r.url()));
        const url = pathToFileURL(path.join(dir, "review.html")).href;
        await page.goto(url, { waitUntil: "load" });
        await page.waitForTimeout(300);
        const text = await page.innerText("body");
        for (const name of HOSTILE) expect(text).toContain(name);
        expect(text).toContain("Waivers");
        expect(ran).toEqual([]);
        expect(requests).toEqual([url]);
        expect(await page.evaluate(() => document.querySelectorAll("script, img, iframe, object, embed").length)).toBe(0);
        const hrefs = await page.evaluate(() => [...document.querySelectorAll("a[href]")].map((a) => (a as HTMLAnchorElement).href));
        expect(hrefs.some((h) => h.startsWith("javascript:"))).toBe(false);
      } finally {
        await browser.close();
      }
    },
    TIMEOUT,
  );
});

describe("help", () => {
  it("lists the report command and the --compare option", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}report +classify a bill of parts .* HTML report/mu);
    const classify = await runCli(["classify", "--help"]);
    expect(classify.stdout).toContain("--compare PREVIOUS");
    const report = await runCli(["help", "report"]);
    expect(report.stdout).toContain("Usage: part-readiness report FILE [options]");
    for (const option of ["--sheet NAME", "--header-row N", "--map HEADER=CRITERION", "--mapping FILE", "--compare PREVIOUS", "--force"])
      expect(report.stdout).toContain(option);
  });
});
