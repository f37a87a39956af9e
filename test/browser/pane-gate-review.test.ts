/*
 * Issue 13 in the built task pane (headless Chromium, the Excel stand-in): what
 * changed since the last run (the Change column, the history sheet and its
 * chart), the review of a part with a waiver, evidence and components, and
 * Export report. Expected answers come from the core, computed here in Node.
 */
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RESULT_HEADERS, STAGES, mapHeaders, rowReader, stageName, type CellValue, type Stage } from "../../src/core";
import { PAYLOAD_LIMIT, PAYLOAD_TARGET } from "../../src/taskpane/chunks";
import { HISTORY_HEADERS } from "../../src/taskpane/history-model";
import { LAST_RUN_SETTING } from "../../src/taskpane/last-run";
import { cliGateColumns } from "../support/cli-oracle";
import { ensurePaneBuilt, openPane, type PanePage } from "../support/pane-page";
import { HEADERS, partRow } from "../taskpane/excel/fixtures";
import { browserSession } from "./harness";

const session = browserSession(ensurePaneBuilt);

const reader = rowReader(mapHeaders([...HEADERS]));
const stageOf = (row: readonly unknown[]): Stage | null => reader.assess(row).stage;
const byStage = (stage: Stage, skip = 0): (string | number)[] => {
  const found = Array.from({ length: 200 }, (_, i) => partRow(i)).filter((r) => stageOf(r) === stage)[skip];
  if (!found) throw new Error(`no ${stage} row`);
  return found;
};
const named = (label: string, row: readonly (string | number)[]): (string | number)[] => [label, ...row.slice(1)];

/** Classify list, then Write results, as a person does: the Result section shows when the run is done. */
async function classifyList(pane: PanePage): Promise<void> {
  const { page } = pane;
  await page.getByRole("tab", { name: "Classify list" }).click();
  await page.getByRole("button", { name: "Classify list" }).click();
  await page.locator(".mapping-editor").waitFor();
  await page.getByRole("button", { name: "Write results" }).click();
  await page.locator(".report").waitFor({ timeout: 30_000 });
}

describe("what changed since the last run", () => {
  it("writes a Change column on the second run, appends each run to the history sheet and keeps one line chart over the runs", async () => {
    const rows = [
      named("A-1", byStage("prototyping")),
      named("A-2", byStage("low-volume")),
      named("A-3", byStage("mass-production")),
      named("A-4", byStage("prototyping", 1)),
      named("A-5", byStage("low-volume", 1)),
    ];
    const pane = await openPane(session.browser, session.url, { sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows] }], selection: "Parts!C3" });
    const { page } = pane;
    await classifyList(pane);
    expect(await page.locator(".changes").textContent()).toContain("No earlier run of this list is recorded in this workbook");
    expect(await page.locator(".history-line").textContent()).toBe(
      'This run is row 2 of the sheet "Readiness history", with a chart of the stage counts run by run.',
    );
    expect(await pane.read("Parts!V1:V6")).toEqual(Array.from({ length: 6 }, () => [""]));
    const history = await pane.read("'Readiness history'!A1:I2");
    expect(history[0]).toEqual([...HISTORY_HEADERS]);
    expect(history[1]?.slice(1)).toEqual(["Parts!A1:P6", 2, 2, 1, "", "", "", ""]);
    expect(await pane.charts("Readiness history")).toHaveLength(1);

    // Between the runs: A-1 reaches mass production, A-3 falls back, a new part B-9 takes A-4's row, A-4 moves down, A-5 leaves.
    await pane.edit("Parts!A2:P2", [named("A-1", byStage("mass-production", 1))]);
    await pane.edit("Parts!A4:P4", [named("A-3", byStage("low-volume", 2))]);
    await pane.edit("Parts!A5:P6", [named("B-9", byStage("low-volume", 3)), rows[3] ?? []]);
    await pane.select("Parts!B2");
    await page.getByRole("button", { name: "Classify list" }).click();
    await page.locator(".mapping-editor").waitFor();
    expect(await page.locator(".list-info").textContent()).toContain("Results rewrite the columns an earlier run made: Q1:U6.");
    await page.getByRole("button", { name: "Write results" }).click();
    await page.locator(".change-sentence").waitFor();
    expect(await page.locator(".change-sentence").textContent()).toBe(
      "Since the last run: 1 part moved up, 1 part moved down, 1 new part, 1 part dropped from the list.",
    );
    expect(await page.locator(".changes .dropped").textContent()).toBe("Dropped: A-5");
    await pane.screenshot("classify-changes");

    expect(await pane.read("Parts!Q1:V1")).toEqual([[...RESULT_HEADERS, "Change"]]);
    expect((await pane.read("Parts!V2:V6")).flat()).toEqual([`↑ from ${stageName("prototyping")}`, "", `↓ from ${stageName("mass-production")}`, "new", ""]);
    expect(await pane.read("Parts!W1:W6")).toEqual(Array.from({ length: 6 }, () => [""]));
    const stages = (await pane.read("Parts!Q2:Q6")).flat();
    const second = await pane.read("'Readiness history'!A3:I3");
    expect(second[0]?.slice(1)).toEqual(["Parts!A1:U6", ...STAGES.map((s) => stages.filter((v) => v === stageName(s)).length), 1, 1, 1, 1]);
    expect(second[0]?.[0]).toBeGreaterThan(history[1]?.[0] as number);
    expect(Math.abs((second[0]?.[0] as number) - (Date.now() - new Date().getTimezoneOffset() * 60_000) / 86_400_000 - 25_569)).toBeLessThan(0.01);
    const charts = await pane.charts("Readiness history");
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({
      type: "Line",
      title: "Parts per stage, run by run",
      source: "'Readiness history'!C1:E3",
      categories: "'Readiness history'!A2:A3",
      categoryType: "TextAxis",
      series: [
        { name: "Prototyping", values: "'Readiness history'!C2:C3" },
        { name: "Low-volume", values: "'Readiness history'!D2:D3" },
        { name: "Mass production", values: "'Readiness history'!E2:E3" },
      ],
    });
    // The report exported after this run has the changes against the recorded run.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export report" }).click()]);
    const report = await readFile(await download.path(), "utf8");
    expect(report).toContain("Against the last run of this list recorded in this workbook: 1 part moved up, 1 part moved down, 1 new part, 1 part dropped.");
    expect(report).toContain(`↑ from ${stageName("prototyping")}`);
    expect(report).toContain("A-5");
    expect(await pane.setting(LAST_RUN_SETTING)).toEqual([
      { list: "Parts|A1", labels: ["A-1", "A-2", "A-3", "B-9", "A-4"], stages: expect.stringMatching(/^[0-2]{5}$/u), rows: [2, 3, 4, 5, 6] },
    ]);
    expect(pane.errors).toEqual([]);
    expect(pane.blocked).toEqual([]);
  }, 60_000);

  it("asks before writing the Change column over a note the user typed there, and writes nothing", async () => {
    const rows = [named("A-1", byStage("prototyping")), named("A-2", byStage("low-volume"))];
    const pane = await openPane(session.browser, session.url, { sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows] }], selection: "Parts!C3" });
    const { page } = pane;
    await classifyList(pane);
    await pane.edit("Parts!V3", [["check with supplier"]]);
    await pane.select("Parts!B2");
    const before = await pane.read("Parts!A1:W3");
    await page.getByRole("button", { name: "Classify list" }).click();
    await page.getByRole("button", { name: "Write results" }).click();
    await expect
      .poll(() => page.locator("#panel-classify .notice-issue").textContent())
      .toContain("the Change column (what changed since the last run) goes to Parts!V1:V3, but Parts!V3 already holds data");
    expect(await pane.read("Parts!A1:W3")).toEqual(before);
    expect(await pane.read("'Readiness history'!A3")).toEqual([[""]]);
    expect(pane.errors).toEqual([]);
  });
});

/** A small indented bill: an assembly with a written pilot-run waiver and evidence, a ready component and a prototype one. */
const BOM_HEADERS = [
  "Level",
  "Part No.",
  "Description",
  "CAD / drawing status",
  "Fit / function",
  "Material",
  "Finish",
  "Tolerance review",
  "DFM",
  "Pilot run",
  "Demand",
  "Supplier qualified",
  "Inspection plan",
  "Cost target",
  "Goal",
  "Qty (pcs)",
  "Annual volume",
  "Waiver justification",
  "DFM report",
];
const READY = [
  "released",
  "validated",
  "locked",
  "confirmed",
  "reviewed",
  "done",
  "validated",
  "stable",
  "qualified",
  "approved",
  "agreed",
  "production",
  500,
  6000,
];
const BOM = [
  [
    0,
    "P7-500",
    "Motor bracket assembly",
    ...READY.slice(0, 6),
    "Pilot run waived: carry-over of P7-150",
    ...READY.slice(7),
    "Same weldment and process as P7-150",
    "https://plm.example.com/dfm/P7-500",
  ],
  [1, "P7-510", "Bracket weldment", ...READY, "", "\\\\fileserver\\quality\\DFM\\P7-510 DFM.pdf"],
  [
    1,
    "P7-520",
    "Damper insert",
    "changing",
    "in progress",
    "EPDM 60",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "validation",
    10,
    "",
    "",
    "javascript:alert(document.domain)",
  ],
];

describe("review a part of an indented bill", () => {
  it("shows a waived criterion with its justification, evidence beside each criterion (a link only when it is safe) and the assembly's stage and limiting component", async () => {
    const pane = await openPane(session.browser, session.url, { sheets: [{ name: "BOM", rows: [BOM_HEADERS, ...BOM] }], selection: "BOM!C2" });
    const { page } = pane;
    const mapping = mapHeaders(BOM_HEADERS, { sample: BOM });
    const bomReader = rowReader(mapping);
    const assembly = bomReader.assess(BOM[0] ?? []);
    expect(assembly.waived.map((w) => w.criterion)).toEqual(["pilot"]);
    await expect.poll(() => page.locator(".part-label").textContent()).toBe("P7-500");
    expect(await page.locator(".stage-badge").textContent()).toBe(assembly.stageName);

    expect(await page.locator(".callout-waived li").allTextContents()).toEqual([
      "Pilot run: “Pilot run waived: carry-over of P7-150”. Justification: Same weldment and process as P7-150",
    ]);
    const pilot = page.locator('li.check[data-criterion="pilot"]');
    expect(await pilot.locator(".check-state").textContent()).toBe("Waived");
    expect(await pilot.locator(".check-waiver").textContent()).toBe("Counted as met: waived with the justification “Same weldment and process as P7-150”.");
    // Only the DFM column has evidence beside it in this bill, and this part has it: no "without evidence" anywhere.
    expect(await page.locator(".check-no-evidence").count()).toBe(0);

    const dfm = page.locator('li.check[data-criterion="dfm"] .check-evidence a');
    expect(await dfm.textContent()).toBe("https://plm.example.com/dfm/P7-500");
    expect(await dfm.evaluate((a) => [(a as HTMLAnchorElement).href, a.getAttribute("rel"), a.getAttribute("target")])).toEqual([
      "https://plm.example.com/dfm/P7-500",
      "noopener noreferrer",
      "_blank",
    ]);

    // The assembly is only as ready as its prototype damper insert.
    expect(await page.locator(".assembly .assembly-stage").textContent()).toBe(stageName("prototyping"));
    expect(await page.locator(".assembly .limited-by li").allTextContents()).toEqual([`P7-520: ${stageName("prototyping")}`]);
    expect(await page.locator(".assembly-components").textContent()).toBe("2 components below it.");
    await pane.screenshot("review-assembly-waiver-evidence");

    // A file path is a link to a file: URL; a javascript: text stays text.
    await pane.select("BOM!C3");
    await expect.poll(() => page.locator(".part-label").textContent()).toBe("P7-510");
    expect(await page.locator('li.check[data-criterion="dfm"] .check-evidence a').evaluate((a) => (a as HTMLAnchorElement).href)).toBe(
      "file://fileserver/quality/DFM/P7-510%20DFM.pdf",
    );
    expect(await page.locator(".assembly").count()).toBe(0);
    await pane.select("BOM!C4");
    await expect.poll(() => page.locator(".part-label").textContent()).toBe("P7-520");
    expect(await page.locator(".check-evidence").allTextContents()).toEqual(["Evidence: javascript:alert(document.domain)"]);
    expect(await page.locator(".check-evidence a").count()).toBe(0);

    // Editing a component changes the assembly's review: the damper insert is frozen and ready, the assembly is no longer capped by it.
    await pane.select("BOM!C2");
    await expect.poll(() => page.locator(".part-label").textContent()).toBe("P7-500");
    await pane.edit("BOM!D4:P4", [READY.slice(0, 13)]);
    await expect.poll(() => page.locator(".assembly .limited-by li").count()).toBe(0);
    expect(await page.locator(".assembly .assembly-stage").textContent()).not.toBe(stageName("prototyping"));
    expect(pane.errors).toEqual([]);
    expect(pane.blocked).toEqual([]);
    expect(pane.dialogs).toEqual([]);
  });
});

describe("export report", () => {
  it("downloads one HTML file with the parts, their waivers, evidence and assemblies, and runs nothing from cell text", async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const rows = BOM.map((r, i) => (i === 2 ? [r[0] ?? null, hostile, ...r.slice(2)] : [...r]));
    const pane = await openPane(session.browser, session.url, { sheets: [{ name: "BOM", rows: [BOM_HEADERS, ...rows] }], selection: "BOM!C2" });
    const { page } = pane;
    await classifyList(pane);
    await pane.screenshot("classify-export");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export report" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^readiness-report-BOM-\d{4}-\d{2}-\d{2}-\d{4}\.html$/u);
    const file = await download.path();
    const html = await readFile(file, "utf8");
    expect(html).toMatch(/^<!doctype html>/iu);
    for (const text of ["P7-500", "P7-510", "Same weldment and process as P7-150", "https://plm.example.com/dfm/P7-500"]) expect(html).toContain(text);
    expect(html).not.toContain(hostile);
    expect(html).toContain("&lt;img src=x onerror=");
    expect(await page.locator("#status").textContent()).toMatch(/^Exported the report of BOM!A1:S4 as readiness-report-BOM-/u);
    // The object URL is not left in the page.
    expect(await page.locator("a[download]").count()).toBe(0);

    // Opened in Chromium, the report runs no script and shows the hostile name as text.
    const report = await session.browser.newPage();
    const requests: string[] = [];
    report.on("request", (r) => requests.push(r.url()));
    // Saved under the name the pane offered, as a browser does (the download's own copy has no extension).
    const saved = path.join(await mkdtemp(path.join(tmpdir(), "pane-report-")), download.suggestedFilename());
    await writeFile(saved, html);
    await report.goto(`file://${saved}`);
    expect(await report.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await report.locator("body").textContent()).toContain(hostile);
    expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
    await report.close();
    expect(pane.errors).toEqual([]);
    expect(pane.blocked).toEqual([]);
  });
});

describe("classify an indented bill: the command line's gate-review columns", () => {
  /** The bill above, a second assembly whose component sits two levels down (its assembly stage cannot be known) and a part without criteria. */
  const rows = [
    ...BOM.map((r) => [...r]),
    [0, "P7-600", "Pump skid", ...READY, "", ""],
    [2, "P7-610", "Skid rail", ...READY, "", ""],
    [1, "P7-620", "Screw kit", ...READY.map(() => ""), "", ""],
  ];
  const last = rows.length + 1;

  it("writes Assembly stage, Limited by and Waived with the command line's texts, never over a value of the user's, then Change beside them", async () => {
    const pane = await openPane(session.browser, session.url, { sheets: [{ name: "BOM", rows: [BOM_HEADERS, ...rows] }], selection: "BOM!C2" });
    const { page } = pane;
    // A note of the user's where Limited by would go: nothing is written, and the note is named.
    await pane.edit("BOM!Z3", [["ask the supplier"]]);
    await pane.select("BOM!C2");
    await page.getByRole("tab", { name: "Classify list" }).click();
    await page.getByRole("button", { name: "Classify list" }).click();
    await page.locator(".mapping-editor").waitFor();
    expect(await page.locator(".list-info .gate-note").textContent()).toBe(
      "After them: Assembly stage and Limited by (the list has a Level or Parent column), then Waived when a part has a criterion waived with a justification.",
    );
    const before = await pane.read(`BOM!A1:AC${last}`);
    await page.getByRole("button", { name: "Write results" }).click();
    await expect
      .poll(() => page.locator("#panel-classify .notice-issue").textContent())
      .toBe(
        `Nothing was written: the results go to BOM!T1:AA${last}, but BOM!Z3 already holds data. Move or clear those cells (or insert eight empty columns to the right of the list), then classify again.`,
      );
    expect(await pane.read(`BOM!A1:AC${last}`)).toEqual(before);

    // The note moved away, the run writes the five and the three gate columns.
    await pane.edit("BOM!Z3", [[""]]);
    await pane.edit("BOM!AC3", [["ask the supplier"]]);
    // The pane still shows the list and its columns after the refusal: Write results again.
    await page.getByRole("button", { name: "Write results" }).click();
    await page.locator(".report").waitFor({ timeout: 30_000 });
    await pane.screenshot("classify-gate-columns");
    // The command line's table code on the same cells, as the sheet holds them.
    const cli = await cliGateColumns("BOM", (await pane.read(`BOM!A1:S${last}`)) as CellValue[][]);
    expect(cli.headers).toEqual(["Assembly stage", "Limited by", "Waived"]);
    expect(await pane.read("BOM!T1:AA1")).toEqual([[...RESULT_HEADERS, ...cli.headers]]);
    expect(await pane.read(`BOM!Y2:AA${last}`)).toEqual(cli.cells);
    // P7-500 is limited by P7-520 and its pilot run is waived; P7-600's component is two levels down: Unknown, never higher.
    expect((await pane.read("BOM!Y2:Z2"))[0]).toEqual([stageName("prototyping"), `P7-520 (${stageName("prototyping")})`]);
    expect((await pane.read("BOM!AA2"))[0]?.[0]).toBe("Pilot run: Pilot run waived: carry-over of P7-150 (Same weldment and process as P7-150)");
    expect((await pane.read("BOM!Y5"))[0]?.[0]).toBe("Unknown");
    expect(await pane.read(`BOM!AB1:AC${last}`)).toEqual(before.map((r, i) => [r[27] ?? "", i === 2 ? "ask the supplier" : (r[28] ?? "")]));
    expect(await page.locator(".report .gate-line").textContent()).toBe(
      "Beside the five results: the Assembly stage, Limited by and Waived columns, as the command line writes them.",
    );
    expect(await page.locator(".report").textContent()).toContain(`Results written to BOM!T1:AA${last};`);

    // The second run rewrites them and adds Change last, where nothing of the user's is.
    await pane.select("BOM!C3");
    await page.getByRole("button", { name: "Classify list" }).click();
    await page.locator(".mapping-editor").waitFor();
    expect(await page.locator(".list-info .gate-note").textContent()).toMatch(/, then Change\.$/u);
    await page.getByRole("button", { name: "Write results" }).click();
    await page.locator(".change-sentence").waitFor();
    expect(await pane.read("BOM!T1:AC1")).toEqual([[...RESULT_HEADERS, ...cli.headers, "Change", ""]]);
    expect(await pane.read(`BOM!Y2:AA${last}`)).toEqual(cli.cells);
    expect((await pane.read(`BOM!AB2:AB${last}`)).flat()).toEqual(rows.map(() => ""));
    expect((await pane.read("BOM!AC3"))[0]?.[0]).toBe("ask the supplier");
    expect(pane.errors).toEqual([]);
    expect(pane.blocked).toEqual([]);
  }, 60_000);

  it("writes the gate columns of 10,000 rows like the command line, in few requests under the payload limit", async () => {
    // Assemblies of three: the P7-500 pattern, renumbered.
    const many = Array.from({ length: 10_000 }, (_, i) => {
      const row = [...(BOM[i % 3] ?? [])];
      row[1] = `${String(row[1])}-${Math.floor(i / 3)}`;
      return row;
    });
    const end = many.length + 1;
    const pane = await openPane(session.browser, session.url, { sheets: [{ name: "BOM", rows: [BOM_HEADERS, ...many] }], selection: "BOM!C2" });
    const { page } = pane;
    await page.getByRole("tab", { name: "Classify list" }).click();
    await pane.resetStats();
    await page.getByRole("button", { name: "Classify list" }).click();
    await page.locator(".mapping-editor").waitFor();
    await page.getByRole("button", { name: "Write results" }).click();
    await page.locator(".report").waitFor({ timeout: 60_000 });
    const cli = await cliGateColumns("BOM", (await pane.read(`BOM!A1:S${end}`)) as CellValue[][]);
    expect(await pane.read("BOM!T1:AB1")).toEqual([[...RESULT_HEADERS, "Assembly stage", "Limited by", "Waived", ""]]);
    expect(await pane.read(`BOM!Y2:AA${end}`)).toEqual(cli.cells);
    const stats = await pane.stats();
    for (const w of stats.writes.filter((x) => x.sheet === "BOM")) expect(w.address).toMatch(/^([T-Z]|AA)\d+(:([T-Z]|AA)\d+)?$/u);
    const largest = Math.max(...stats.requests.map((r) => r.requestBytes));
    const largestResponse = Math.max(...stats.requests.map((r) => r.responseBytes));
    const total = stats.requests.reduce((n, r) => n + r.requestBytes + r.responseBytes, 0);
    console.log(
      `classify 10,000 bill rows with gate columns: ${stats.requests.length} requests, largest request ${largest} B, largest response ${largestResponse} B, total ${total} B`,
    );
    expect(largest).toBeLessThan(PAYLOAD_LIMIT);
    expect(largestResponse).toBeLessThan(PAYLOAD_LIMIT);
    expect(stats.requests.length).toBeLessThanOrEqual(2 + Math.ceil(total / PAYLOAD_TARGET));
    expect(pane.errors).toEqual([]);
  }, 120_000);
});
