/*
 * The built task pane (dist/taskpane.html) in headless Chromium at 320 px, with
 * office.js's CDN URL routed to the Excel stand-in over an in-memory workbook.
 * Expected answers are computed here in Node with the core.
 */
import { describe, expect, it } from "vitest";
import {
  RESULT_HEADERS,
  TEMPLATE_COLUMNS,
  checklist,
  choicesFrom,
  columnReport,
  mapHeaders,
  resultCells,
  rowReader,
  type Assessment,
  type ColumnChoices,
  type HeaderMapping,
} from "../../src/core";
import { PAYLOAD_LIMIT, PAYLOAD_TARGET } from "../../src/taskpane/chunks";
import { COLUMN_CHOICES_SETTING, THRESHOLDS_SETTING } from "../../src/taskpane/settings-model";
import { ensurePaneBuilt, openPane, type PanePage } from "../support/pane-page";
import { HEADERS, expectedResults, partRow, partRows } from "../taskpane/excel/fixtures";
import { browserSession } from "./harness";
import { classifyWithCli } from "../support/cli-oracle";

const session = browserSession(ensurePaneBuilt);

const choices = (...pairs: [string, string][]): ColumnChoices => {
  const c = choicesFrom(pairs);
  if (!c.ok) throw new Error(c.issue.message);
  return c.value;
};

/** A workbook setting as the stand-in in the page holds it. */
const storedSetting = (pane: PanePage, key: string): Promise<unknown> =>
  pane.page.evaluate((k) => (window as unknown as { __standIn: { book: { settings: Map<string, unknown> } } }).__standIn.book.settings.get(k), key);

const mapping = mapHeaders([...HEADERS]);
const reader = rowReader(mapping);
const listSeed = (rows: readonly (readonly (string | number)[])[], selection: string) => ({
  sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows] }],
  selection,
});

async function expectReviewShows(pane: PanePage, row: readonly unknown[], a: Assessment, map: HeaderMapping = mapping): Promise<void> {
  const { page } = pane;
  await expect.poll(() => page.locator(".part-label").textContent()).toBe(String(row[0]));
  expect(await page.locator(".stage-badge").textContent()).toBe(a.stageName);
  // The bar shows the progress towards the next stage; the score, the number a list sorts by, stands beside it.
  expect(await page.locator(".readiness-value").textContent()).toBe(`${a.progress ?? 0}%`);
  expect(await page.locator(".readiness-bar").getAttribute("aria-valuenow")).toBe(String(a.progress));
  expect(await page.locator(".score-value").textContent()).toBe(String(a.score));
  expect(await page.locator(".next-step p").textContent()).toBe(a.nextStep);
  expect(await page.locator(".callout-blockers li").allTextContents()).toEqual(a.blockers.map((b) => b.reason));
  expect(await page.locator(".callout-missing li").allTextContents()).toEqual(a.missing.map((m) => `Provide ${m.provide}`));
  expect(await page.locator(".callout-warnings li").allTextContents()).toEqual(a.warnings.map((w) => w.message));
  const values = Object.fromEntries(map.columns.map((c) => [c.criterion, row[c.column]]));
  const checks = checklist(values, rowReader(map).read(row), a);
  const shown = await page.locator("li.check").evaluateAll((items) => items.map((li) => [li.getAttribute("data-criterion"), li.className]));
  expect(shown).toEqual(checks.map((c) => [c.criterion, `check state-${c.state} ${c.blocking ? "blocking" : c.missing ? "missing" : ""}`.trim()]));
  if (a.profile)
    expect(await page.locator(".profile dd").allTextContents()).toEqual([a.profile.quantity, a.profile.purpose, a.profile.processes, a.profile.inspection]);
}

describe("review the selected part", () => {
  it("shows the stage, score, next step, blockers, missing information, warnings and checklist of the selected row", async () => {
    const pane = await openPane(session.browser, session.url, listSeed(partRows(40), "Parts!D9"));
    await expectReviewShows(pane, partRow(7), reader.assess(partRow(7)));
    expect(reader.assess(partRow(7)).warnings.length).toBeGreaterThan(0);
    await pane.screenshot("review-prototyping");
    await pane.select("Parts!B7");
    await expectReviewShows(pane, partRow(5), reader.assess(partRow(5)));
    await pane.screenshot("review-mass-production");
    expect(pane.errors).toEqual([]);
    expect(pane.blocked).toEqual([]);
    expect(pane.dialogs).toEqual([]);
  });

  it("follows the selection and re-reads when the row's cells change", async () => {
    const pane = await openPane(session.browser, session.url, listSeed(partRows(40), "Parts!A2"));
    await expectReviewShows(pane, partRow(0), reader.assess(partRow(0)));
    await pane.select("Parts!F28");
    await expectReviewShows(pane, partRow(26), reader.assess(partRow(26)));
    await pane.screenshot("review-low-volume");
    const edited = [...partRow(26)];
    edited[2] = "draft";
    await pane.edit("Parts!C28", [["draft"]]);
    await expectReviewShows(pane, edited, reader.assess(edited));
    expect(pane.errors).toEqual([]);
  });

  it("writes a criterion picked from the dropdown into the cell, and the assessment follows", async () => {
    const pane = await openPane(session.browser, session.url, listSeed(partRows(40), "Parts!B28"));
    await expectReviewShows(pane, partRow(26), reader.assess(partRow(26)));
    const row = [...partRow(26)];
    for (const [criterion, column, value] of [
      ["design", 2, "frozen"],
      ["tolerances", 6, "reviewed"],
    ] as const) {
      await pane.page.locator(`li[data-criterion="${criterion}"] select`).selectOption(value);
      row[column] = value;
      await expect.poll(() => pane.read(`Parts!${"ABCDEFG"[column]}28`)).toEqual([[value]]);
      await expectReviewShows(pane, row, reader.assess(row));
    }
    await pane.page.locator('li[data-criterion="quantity"] input').fill("2,500");
    await pane.page.locator('li[data-criterion="quantity"] button').click();
    row[14] = "2,500";
    await expect.poll(() => pane.read("Parts!O28")).toEqual([["2,500"]]);
    await expectReviewShows(pane, row, reader.assess(row));
    expect(await pane.page.locator("#status").textContent()).toBe('Wrote "2,500" to Parts!O28.');
    // Excel would read "5-10" typed into a cell as the 10th of May; the pane writes it so that it stays the text typed.
    await pane.page.locator('li[data-criterion="quantity"] input').fill("5-10");
    await pane.page.locator('li[data-criterion="quantity"] button').click();
    row[14] = "5-10";
    await expect.poll(() => pane.read("Parts!O28")).toEqual([["5-10"]]);
    await expectReviewShows(pane, row, reader.assess(row));
    const written = (await pane.stats()).writes.map((w) => `${w.sheet}!${w.address}`);
    expect(written).toEqual(["Parts!C28", "Parts!G28", "Parts!O28", "Parts!O28"]);
  });

  it("reads nothing while the pane is hidden, and reads the part under the selection when it is shown again", async () => {
    const pane = await openPane(session.browser, session.url, listSeed(partRows(40), "Parts!A2"));
    await expectReviewShows(pane, partRow(0), reader.assess(partRow(0)));
    await pane.setVisibility("Hidden");
    await pane.resetStats();
    await pane.select("Parts!F28");
    await pane.edit("Parts!C28", [["draft"]]);
    await pane.select("Parts!B12");
    await pane.idle();
    expect((await pane.stats()).requests).toEqual([]);
    expect(await pane.page.locator(".part-label").textContent()).toBe(String(partRow(0)[0]));
    await pane.setVisibility("Taskpane");
    await expectReviewShows(pane, partRow(10), reader.assess(partRow(10)));
    expect((await pane.stats()).requests.length).toBeGreaterThan(0);
    expect(pane.errors).toEqual([]);
  });

  it("keeps following the selection on a host without SharedRuntime 1.1, where it cannot tell whether it is shown", async () => {
    const pane = await openPane(session.browser, session.url, listSeed(partRows(40), "Parts!A2"), { sharedRuntime: false });
    await expectReviewShows(pane, partRow(0), reader.assess(partRow(0)));
    await pane.select("Parts!F28");
    await expectReviewShows(pane, partRow(26), reader.assess(partRow(26)));
    expect(pane.errors).toEqual([]);
  });

  it.each([
    { name: "an empty cell away from any list", selection: "Parts!Z40", text: "Parts!Z40 is empty and not inside a list" },
    { name: "the header row", selection: "Parts!C1", text: "in or above the header row (row 1)" },
  ])("explains $name", async ({ selection, text }) => {
    const pane = await openPane(session.browser, session.url, listSeed(partRows(5), selection));
    await expect.poll(() => pane.page.locator("#panel-review .notice").textContent()).toContain(text);
    expect(pane.errors).toEqual([]);
  });

  it("explains a list without recognisable headers", async () => {
    const pane = await openPane(session.browser, session.url, {
      sheets: [
        {
          name: "Notes",
          rows: [
            ["Name", "Colour"],
            ["a", "red"],
          ],
        },
      ],
      selection: "Notes!A2",
    });
    await expect.poll(() => pane.page.locator("#panel-review .notice").textContent()).toContain("No header row found");
    await pane.screenshot("review-no-headers");
  });
});

describe("classify a list", () => {
  it("classifies 10,000 rows like the command line, in few requests under the payload limit, touching only its own columns", async () => {
    const rows = partRows(10_000);
    const pane = await openPane(session.browser, session.url, listSeed(rows, "Parts!C5"));
    const { page } = pane;
    await page.getByRole("tab", { name: "Classify list" }).click();
    await pane.screenshot("classify-start");
    const before = await pane.read("Parts!A1:P10001");
    await pane.resetStats();
    await page.getByRole("button", { name: "Classify list" }).click();
    await page.locator(".mapping-editor").waitFor();
    expect(await page.locator(".list-info").textContent()).toContain("Parts!A1:P10001: 10,000 rows under the header row (row 1).");
    expect(await page.locator(".list-info").textContent()).toContain("Results go into five new columns: Q1:U10001.");
    const mapped = await page
      .locator(".mapping-row")
      .evaluateAll((items) => items.map((li) => [li.querySelector(".column-header")?.textContent, (li.querySelector("select") as HTMLSelectElement).value]));
    expect(mapped).toEqual(HEADERS.map((h, c) => [h, mapping.columns.find((m) => m.column === c)?.criterion ?? "ignore"]));
    expect(await page.locator(".mapping-row .column-how").allTextContents()).toEqual(
      columnReport(mapHeaders([...HEADERS], { sample: rows.slice(0, 49) })).map((l) => l.how),
    );
    await pane.screenshot("classify-mapping");
    await page.getByRole("button", { name: "Write results" }).click();
    await page.locator(".report").waitFor({ timeout: 60_000 });
    await pane.screenshot("classify-done");

    const written = await pane.read("Parts!Q1:U10001");
    expect(written[0]).toEqual([...RESULT_HEADERS]);
    expect(written.slice(1)).toEqual(expectedResults(rows));
    // The command line on the same rows (saved as CSV), once it is built (npm test builds it first).
    const cli = await classifyWithCli([...HEADERS], rows);
    if (cli) expect(written.slice(1)).toEqual(cli);
    else console.warn("build/cli/main.js is missing: compared with the core only (run npm run build:cli)");
    expect(await pane.read("Parts!A1:P10001")).toEqual(before);
    expect(await pane.read("Parts!V1:Z10001")).toEqual(Array.from({ length: 10_001 }, () => ["", "", "", "", ""]));

    const stats = await pane.stats();
    const onList = stats.writes.filter((w) => w.sheet === "Parts");
    expect(onList.length).toBeGreaterThan(0);
    for (const w of onList) expect(w.address).toMatch(/^[Q-U]\d+(:[Q-U]\d+)?$/u);
    const largest = Math.max(...stats.requests.map((r) => r.requestBytes));
    const largestResponse = Math.max(...stats.requests.map((r) => r.responseBytes));
    const total = stats.requests.reduce((n, r) => n + r.requestBytes + r.responseBytes, 0);
    console.log(
      `classify 10,000 rows: ${stats.requests.length} requests (${stats.syncCalls} sync calls), largest request ${largest} B, largest response ${largestResponse} B, total ${total} B`,
    );
    expect(largest).toBeLessThan(PAYLOAD_LIMIT);
    expect(largestResponse).toBeLessThan(PAYLOAD_LIMIT);
    expect(stats.requests.length).toBeLessThanOrEqual(2 + Math.ceil(total / PAYLOAD_TARGET));
    // Every large write suspends calculation but the last, which recalculates what depends on the results.
    expect(
      stats.requests
        .filter((r) => r.requestBytes > 100_000)
        .slice(0, -1)
        .every((r) => r.suspendedCalculation),
    ).toBe(true);
    expect(await pane.calculations()).toContain("Recalculate");
    expect(await page.locator(".report").textContent()).toContain(
      'how each column was read, the cells not understood and a chart are on the sheet "Readiness summary"',
    );
    const summary = await pane.read("'Readiness summary'!A1:D60");
    const at = summary.findIndex((r) => r[0] === "How columns were read");
    expect(summary.slice(at + 1, at + 1 + HEADERS.length)).toEqual(columnReport(mapping).map((l) => [`Column ${l.letter}`, l.header, l.readAs, l.how]));
    expect(pane.errors).toEqual([]);
    expect(pane.blocked).toEqual([]);
  }, 120_000);

  it("refuses to write over a cell it did not write and says where", async () => {
    const rows = partRows(30);
    const pane = await openPane(session.browser, session.url, {
      sheets: [{ name: "Parts", rows: [[...HEADERS, "", "", "Keep"], ...rows] }],
      selection: "Parts!B3",
    });
    const { page } = pane;
    await page.getByRole("tab", { name: "Classify list" }).click();
    await page.getByRole("button", { name: "Classify list" }).click();
    await page.getByRole("button", { name: "Write results" }).click();
    const notice = page.locator("#panel-classify .notice-issue");
    await expect.poll(() => notice.textContent()).toContain("Parts!S1 already holds data");
    expect(await notice.textContent()).toMatch(/^Nothing was written: the results go to Parts!Q1:U31/u);
    await pane.screenshot("classify-refused");
    expect((await pane.stats()).writes).toEqual([]);
    expect(await pane.read("Parts!Q1:U2")).toEqual([
      ["", "", "Keep", "", ""],
      ["", "", "", "", ""],
    ]);
  });

  it("shows progress and stops on Cancel without writing anything", async () => {
    const pane = await openPane(session.browser, session.url, listSeed(partRows(2_000), "Parts!B2"), { latencyMs: 1_500 });
    const { page } = pane;
    await page.getByRole("tab", { name: "Classify list" }).click();
    await page.getByRole("button", { name: "Classify list" }).click();
    await page.getByRole("button", { name: "Write results" }).click();
    await page.locator("section.progress").waitFor();
    expect(await page.locator("fluent-progress").getAttribute("aria-label")).toBe("Classifying");
    await pane.screenshot("classify-running");
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => page.locator("#panel-classify .notice").textContent(), { timeout: 10_000 }).toBe("Cancelled. Nothing was written.");
    expect((await pane.stats()).writes).toEqual([]);
  });

  it("uses the mapping the user corrected, shows how each column is read, and saves the choices in the workbook", async () => {
    const headers = ["Part", "Design status", "Supplier name", "Qty", "Remarks"];
    const rows = [
      ["A", "stable", "qualified", 20, "verified"],
      ["B", "frozen", "unproven", 500, "failed"],
    ];
    const pane = await openPane(session.browser, session.url, { sheets: [{ name: "Parts", rows: [headers, ...rows] }], selection: "Parts!A2" });
    const { page } = pane;
    await page.getByRole("tab", { name: "Classify list" }).click();
    await page.getByRole("button", { name: "Classify list" }).click();
    const how = (header: string) => page.locator(".mapping-row", { has: page.locator(".column-header", { hasText: header }) }).locator(".column-how");
    expect(await how("Supplier name").textContent()).toMatch(/^not a status column: "name"/u);
    await page.getByLabel("Supplier name").selectOption("supplier");
    await page.getByLabel("Remarks").selectOption("function");
    await page.getByLabel("Qty").selectOption("ignore");
    await expect.poll(() => how("Qty").textContent()).toBe("your mapping says to leave it");
    expect(await how("Remarks").textContent()).toBe("your mapping");
    expect(await page.locator(".choices-note").textContent()).toContain("3 columns follow your column choices.");
    await pane.screenshot("classify-mapping-chosen");
    await page.getByRole("button", { name: "Write results" }).click();
    await page.locator(".report").waitFor();
    const chosen = choices(["Supplier name", "supplier"], ["Remarks", "function"], ["Qty", "none"]);
    const r = rowReader(mapHeaders(headers, { sample: rows, choices: chosen }));
    expect(await pane.read("Parts!F2:J3")).toEqual(rows.map((row) => [...resultCells(r.assess(row))]));
    expect(await storedSetting(pane, COLUMN_CHOICES_SETTING)).toEqual({ "Supplier name": "supplier", Remarks: "function", Qty: "none" });
  });

  it("applies the column choices saved in the workbook the next time a list with those headers is read, and forgets them on request", async () => {
    const headers = ["Part", "Design status", "Remarks", "Material", "Finish", "Build", "Qty"];
    const rows = [
      ["A", "frozen", "verified", "locked", "confirmed", "pilot", 20],
      ["B", "draft", "failed", "open", "open", "prototype", 3],
    ];
    const seed = { sheets: [{ name: "Parts", rows: [headers, ...rows] }], selection: "Parts!B2" };
    // First session: the user maps two columns the reading leaves out, and writes.
    const first = await openPane(session.browser, session.url, seed);
    await first.page.getByRole("tab", { name: "Classify list" }).click();
    await first.page.getByRole("button", { name: "Classify list" }).click();
    expect(await first.page.getByLabel("Remarks").inputValue()).toBe("ignore");
    await first.page.getByLabel("Remarks").selectOption("function");
    await first.page.getByLabel("Build").selectOption("goal");
    await first.page.getByRole("button", { name: "Write results" }).click();
    await first.page.locator(".report").waitFor();
    const stored = await storedSetting(first, COLUMN_CHOICES_SETTING);
    expect(stored).toEqual({ Remarks: "function", Build: "goal" });

    // Next session on a workbook holding that setting (a copy of the list elsewhere, same headers).
    const pane = await openPane(session.browser, session.url, {
      sheets: [{ name: "Other", rows: [headers, ...rows] }],
      selection: "Other!A2",
      settings: { [COLUMN_CHOICES_SETTING]: stored },
    });
    const { page } = pane;
    const chosen = choices(["Remarks", "function"], ["Build", "goal"]);
    const withChoices = mapHeaders(headers, { sample: rows, choices: chosen });
    // The review already reads with them: the part's function comes from Remarks.
    await expect.poll(() => page.locator(".stage-badge").textContent()).toBe(rowReader(withChoices).assess(rows[0] ?? []).stageName);
    expect(await page.locator('li[data-criterion="function"] .check-value').textContent()).toBe("“verified”");
    await page.getByRole("tab", { name: "Classify list" }).click();
    await page.getByRole("button", { name: "Classify list" }).click();
    await page.locator(".mapping-editor").waitFor();
    expect(await page.getByLabel("Remarks").inputValue()).toBe("function");
    expect(await page.getByLabel("Build").inputValue()).toBe("goal");
    expect(await page.locator(".mapping-row.chosen .column-header").allTextContents()).toEqual(["Remarks", "Build"]);
    expect(await page.locator(".choices-note").textContent()).toContain("2 columns follow your column choices.");
    await pane.screenshot("classify-saved-choices");
    await page.getByRole("button", { name: "Write results" }).click();
    await page.locator(".report").waitFor();
    expect(await pane.read("Other!H2:H3")).toEqual(rows.map((row) => [rowReader(withChoices).assess(row).stageName]));

    // With the list shown again in Classify list, Settings lists the choices as text and forgets them, for that list too.
    await page.getByRole("button", { name: "Classify list" }).click();
    await page.locator(".mapping-editor").waitFor();
    expect(await page.getByLabel("Remarks").inputValue()).toBe("function");
    await page.getByRole("tab", { name: "Settings" }).click();
    expect(await page.locator(".choice-lines li").allTextContents()).toEqual(['"Remarks" is read as Function and fit', '"Build" is read as Goal']);
    await pane.screenshot("settings-column-choices");
    await page.getByRole("button", { name: "Forget column choices" }).click();
    await expect.poll(() => storedSetting(pane, COLUMN_CHOICES_SETTING)).toBeUndefined();
    await expect.poll(() => page.locator("#panel-settings .notice").textContent()).toContain("Forgot the column choices");
    expect(await page.locator(".choice-lines li").count()).toBe(0);
    await page.getByRole("tab", { name: "Classify list" }).click();
    expect(await page.getByLabel("Remarks").inputValue()).toBe("ignore");
    expect(await page.locator(".mapping-row.chosen").count()).toBe(0);
    await page.getByRole("button", { name: "Write results" }).click();
    await page.locator(".report").waitFor();
    expect(await storedSetting(pane, COLUMN_CHOICES_SETTING)).toBeUndefined();
    const auto = rowReader(mapHeaders(headers, { sample: rows }));
    expect(await pane.read("Other!H2:H3")).toEqual(rows.map((row) => [auto.assess(row).stageName]));
    expect(pane.errors).toEqual([]);
  });

  it("inserts a bill-of-parts template sheet", async () => {
    const pane = await openPane(session.browser, session.url, { sheets: [{ name: "Sheet1" }] });
    await pane.page.getByRole("tab", { name: "Classify list" }).click();
    await pane.page.getByRole("button", { name: "Insert template" }).click();
    await expect.poll(() => pane.page.locator("#panel-classify .notice").textContent()).toContain('Added the sheet "Bill of parts"');
    expect((await pane.read("'Bill of parts'!A1:P1"))[0]).toEqual(TEMPLATE_COLUMNS.map((c) => c.header));
    await pane.screenshot("classify-template");
  });

  it("says the sheet is protected", async () => {
    const pane = await openPane(session.browser, session.url, {
      sheets: [{ name: "Parts", rows: [[...HEADERS], ...partRows(3)], protected: true }],
      selection: "Parts!B2",
    });
    await pane.page.getByRole("tab", { name: "Classify list" }).click();
    await pane.page.getByRole("button", { name: "Classify list" }).click();
    await expect.poll(() => pane.page.locator("#panel-classify .notice-issue").textContent()).toContain('Sheet "Parts" is protected');
  });
});

describe("as Excel does", () => {
  it("classifies a table with a totals row without touching it, recalculates what depends on the results, and names the list by its quoted address", async () => {
    const rows = partRows(30);
    const totals = ["Total", ...Array.from({ length: 13 }, () => ""), 12_345, 99_999];
    const pane = await openPane(session.browser, session.url, {
      sheets: [
        { name: "Bill of parts", rows: [[...HEADERS], ...rows, totals] },
        { name: "Totals", rows: [["=COUNTIF('Bill of parts'!Q:Q,\"Prototyping\")"]] },
      ],
      tables: [{ name: "Parts", sheet: "Bill of parts", address: "A1:P32", totals: true }],
      selection: "'Bill of parts'!C5",
    });
    const { page } = pane;
    await page.getByRole("tab", { name: "Classify list" }).click();
    await page.getByRole("button", { name: "Classify list" }).click();
    expect(await page.locator(".list-info").textContent()).toContain("'Bill of parts'!A1:P31: 30 rows under the header row (row 1).");
    await page.getByRole("button", { name: "Write results" }).click();
    await page.locator(".report").waitFor();
    const results = expectedResults(rows);
    expect(await pane.read("'Bill of parts'!Q1:U32")).toEqual([[...RESULT_HEADERS], ...results, ["", "", "", "", ""]]);
    expect(await pane.read("'Bill of parts'!A32:P32")).toEqual([totals]);
    expect(await pane.read("Totals!A1")).toEqual([[results.filter((r) => r[0] === "Prototyping").length]]);
    expect((await pane.read("'Readiness summary'!A2:B2"))[0]).toEqual(["List", "'Bill of parts'!A1:P31"]);
    expect(pane.errors).toEqual([]);
  });

  it("refuses to write where a spilling formula fills the result columns, and names those cells", async () => {
    const rows = partRows(20);
    const above = Array.from({ length: 19 }, (_, c) => (c === 18 ? "=SEQUENCE(5)" : ""));
    const pane = await openPane(session.browser, session.url, { sheets: [{ name: "Parts", rows: [above, [], [...HEADERS], ...rows] }], selection: "Parts!B4" });
    const { page } = pane;
    expect(await pane.read("Parts!S1:S5")).toEqual([[1], [2], [3], [4], [5]]);
    await page.getByRole("tab", { name: "Classify list" }).click();
    await page.getByRole("button", { name: "Classify list" }).click();
    await page.getByRole("button", { name: "Write results" }).click();
    await expect.poll(() => page.locator("#panel-classify .notice-issue").textContent()).toContain("Parts!S3, Parts!S4, Parts!S5 already hold data");
    expect((await pane.stats()).writes).toEqual([]);
    expect(await pane.read("Parts!S1:S5")).toEqual([[1], [2], [3], [4], [5]]);
  });

  it("reads and writes in smaller requests when Excel refuses one as too large", async () => {
    const rows = partRows(2_000);
    const pane = await openPane(session.browser, session.url, listSeed(rows, "Parts!B2"), { payloadBytes: 300_000 });
    const { page } = pane;
    await page.getByRole("tab", { name: "Classify list" }).click();
    await page.getByRole("button", { name: "Classify list" }).click();
    await page.getByRole("button", { name: "Write results" }).click();
    await page.locator(".report").waitFor({ timeout: 60_000 });
    expect(await pane.read("Parts!Q1:U2001")).toEqual([[...RESULT_HEADERS], ...expectedResults(rows)]);
    const errors = new Set((await pane.stats()).requests.map((r) => r.error).filter((e) => e !== undefined));
    expect(errors).toEqual(new Set(["ResponsePayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded"]));
    expect(pane.errors).toEqual([]);
  }, 120_000);
});

describe("settings", () => {
  it("stores the thresholds with the workbook and refuses bad ones with a clear message", async () => {
    const rows = [["P-1", "", "stable", "partial", "candidate", "candidate", "", "", "", "", "", "", "", "", 20, ""]];
    const pane = await openPane(session.browser, session.url, listSeed(rows, "Parts!A2"));
    const { page } = pane;
    expect(await page.locator(".stage-badge").textContent()).toBe("Low-volume manufacturing");
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByLabel("Prototype quantity").fill("lots");
    await page.getByRole("button", { name: "Save" }).click();
    await expect
      .poll(() => page.locator("#panel-settings .notice-issue").textContent())
      .toContain('Prototype quantity must be a number of parts, 0 or more (got "lots")');
    await page.getByLabel("Prototype quantity").fill("50");
    await page.getByLabel("Prototype quantity").press("Enter");
    await expect.poll(() => page.locator("#panel-settings .notice").textContent()).toContain("Saved: prototype quantity 50");
    await pane.screenshot("settings");
    expect(await storedSetting(pane, THRESHOLDS_SETTING)).toEqual({ prototypeQuantity: 50, lowVolumeQuantity: 1000 });
    await page.getByRole("tab", { name: "Review part" }).click();
    await expect.poll(() => page.locator(".stage-badge").textContent()).toBe("Prototyping");
  });
});

describe("cell text is data", () => {
  it("shows a part named like markup as text and runs nothing", async () => {
    const evil = '<img src=x onerror="window.__pwned=1;alert(1)">';
    const header: string[] = [...HEADERS];
    header[15] = '<b onmouseover="window.__pwned=2">Notes</b>';
    const row = [...partRow(7)];
    row[0] = evil;
    row[2] = "<script>window.__pwned=3</script>";
    const pane = await openPane(session.browser, session.url, { sheets: [{ name: "Parts", rows: [header, row] }], selection: "Parts!A2" });
    const { page } = pane;
    await expect.poll(() => page.locator(".part-label").textContent()).toBe(evil);
    expect(await page.locator('li[data-criterion="design"] .check-value').textContent()).toBe(`“${row[2]}”`);
    await page.getByRole("tab", { name: "Classify list" }).click();
    await page.getByRole("button", { name: "Classify list" }).click();
    await page.locator(".mapping-editor").waitFor();
    expect(await page.locator(".column-header").allTextContents()).toContain(header[15]);
    await page.getByRole("button", { name: "Write results" }).click();
    await page.locator(".report").waitFor();
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("img, script:not([src]), b").count()).toBe(0);
    expect(pane.dialogs).toEqual([]);
    expect(pane.blocked).toEqual([]);
  });
});

describe("keyboard and accessibility", () => {
  it("reaches the tabs and buttons with the keyboard and announces status politely", async () => {
    const pane = await openPane(session.browser, session.url, listSeed(partRows(5), "Parts!A2"));
    const { page } = pane;
    expect(await page.locator("#status").getAttribute("aria-live")).toBe("polite");
    await page.getByRole("tab", { name: "Classify list" }).click();
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(
      () => (document.activeElement?.closest("fluent-button") as HTMLElement | null)?.textContent ?? document.activeElement?.tagName,
    );
    expect(focused).toBe("Classify list");
    await page.keyboard.press("Enter");
    await page.locator(".mapping-editor").waitFor();
    const unlabelled = await page.locator("select").evaluateAll((selects) => selects.filter((s) => !(s as HTMLSelectElement).labels?.length).length);
    expect(unlabelled).toBe(0);
  });
});
