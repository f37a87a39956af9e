/*
 * The built functions.js in headless Chromium: office.js's CDN URL is routed to a
 * stand-in whose CustomFunctions.associate records id -> function, and every
 * function's answer on a sample table is compared with the core's, computed here in Node.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  assemblyCells,
  buildAssemblies,
  choicesFrom,
  columnReport,
  criteriaCatalog,
  LIST_SEPARATOR,
  mapHeaders,
  RESULT_HEADERS,
  rowReader,
} from "../../src/core";
import { distText, ensureDist } from "../functions/dist";
import { coreAssessments, coreResultCells, coreRows, excelRows, headerCells } from "../functions/sample-table";
import { browserSession, routeOffice } from "./harness";

/** Just enough of office.js for the functions: Office.onReady and CustomFunctions (associate, Error, ErrorCode). */
const OFFICE_STAND_IN = `
window.__associated = {};
window.__associateCalls = 0;
window.Office = {
  HostType: { Excel: "Excel" },
  onReady: function (callback) {
    var info = { host: null, platform: null };
    if (callback) setTimeout(function () { callback(info); }, 0);
    return Promise.resolve(info);
  },
};
function CustomFunctionsError(code, message) { this.code = code; this.message = message; }
window.CustomFunctions = {
  associate: function (id, fn) {
    window.__associateCalls += 1;
    if (typeof id === "string") { window.__associated[id] = fn; return; }
    Object.keys(id).forEach(function (k) { window.__associated[k] = id[k]; });
  },
  Error: CustomFunctionsError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
};
`;

const TEST_PAGE = "__functions-only.html";

interface Metadata {
  readonly functions: readonly { readonly id: string }[];
}

let ids: readonly string[] = [];
const session = browserSession(() => {
  ensureDist();
  ids = (JSON.parse(distText("functions.json")) as Metadata).functions.map((f) => f.id);
});

async function openPage(path: string): Promise<{ page: Page; blocked: readonly string[]; errors: string[] }> {
  const page = await session.browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const { blocked } = await routeOffice(page, OFFICE_STAND_IN);
  await page.route(`${session.url}${TEST_PAGE}`, (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/html",
      body: `<!doctype html><html><head><script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script></head><body><script src="functions.js"></script></body></html>`,
    }),
  );
  await page.goto(`${session.url}${path}`);
  await page.waitForFunction(() => typeof (window as unknown as { __associated?: object }).__associated === "object");
  return { page, blocked, errors };
}

/** Calls an associated function in the page; Excel's error objects and thrown CustomFunctions.Error come back as plain data. */
async function callInPage(
  page: Page,
  id: string,
  args: readonly unknown[],
): Promise<{ value?: unknown; error?: { code: string; message?: string; isCustomFunctionsError: boolean } }> {
  return page.evaluate(
    ({ id, args }) => {
      const w = window as unknown as {
        __associated: Record<string, (...a: unknown[]) => unknown>;
        CustomFunctions: { Error: new (code: string, message?: string) => { code: string; message?: string } };
      };
      const revive = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(revive);
        if (v !== null && typeof v === "object" && typeof (v as { code?: unknown }).code === "string") {
          return new w.CustomFunctions.Error((v as { code: string }).code);
        }
        return v;
      };
      const fn = w.__associated[id];
      if (typeof fn !== "function") throw new Error(`${id} is not associated`);
      try {
        return { value: fn(...args.map(revive)) };
      } catch (e) {
        const err = e as { code: string; message?: string };
        return { error: { code: err.code, message: err.message, isCustomFunctionsError: e instanceof w.CustomFunctions.Error } };
      }
    },
    { id, args: args as unknown[] },
  );
}

const assessments = coreAssessments(headerCells(), coreRows());
const MAPPING = [
  ["Notes", "function"],
  ["Supplier", "none"],
];
const choices = choicesFrom(MAPPING.map(([h, c]) => [h ?? "", c ?? ""] as const));
if (!choices.ok) throw new Error(choices.issue.message);
const mapped = coreAssessments(headerCells(), coreRows(), {}, choices.value);
const cells = coreResultCells(headerCells(), coreRows());
const col = (i: number): unknown[][] => cells.map((r) => [r[i]]);

/** An indented bill for READINESS_ASSEMBLY: an assembly limited by its prototype component, and its leaf parts. */
const BOM_HEADERS = ["Level", "Part number", "Design status", "Material", "Goal", "Qty"];
const BOM_ROWS = [
  [0, "A-100", "Frozen", "6061-T6", "Pilot run", 200],
  [1, "P-200", "Draft", "Candidate", "Prototype", 5],
  [1, "P-300", "Frozen", "6061-T6", "Pilot run", 200],
];
const bomReader = rowReader(mapHeaders(BOM_HEADERS));
const bomAssemblies = buildAssemblies(
  "level",
  BOM_ROWS.map((r, i) => ({ label: String(r[1]), link: r[0], stage: bomReader.assess(r).stage, cell: `A${i + 2}` })),
).results.map((r) => [...assemblyCells(r)]);

/** Each function's arguments on the sample table and its answer according to the core. */
const CASES: Readonly<Record<string, { args: unknown[]; expected: unknown[][] }>> = {
  READINESS_STAGE: { args: [excelRows(), [headerCells()], null, null], expected: col(0) },
  READINESS_ASSEMBLY: { args: [BOM_ROWS, [BOM_HEADERS], null, null, null, null], expected: bomAssemblies },
  READINESS_SCORE: { args: [[headerCells(), ...excelRows()], null, null, null], expected: col(1) },
  READINESS_PROGRESS: { args: [excelRows(), [headerCells()], null, null, MAPPING], expected: mapped.map((a) => [a.progress ?? ""]) },
  READINESS_NEXT_STEP: { args: [excelRows(), [headerCells()], null, null], expected: col(2) },
  READINESS_BLOCKERS: { args: [excelRows(), [headerCells()], null, null, null], expected: col(3) },
  READINESS_MISSING: {
    args: [excelRows(), [headerCells()], true, null, null],
    expected: ((lists) => {
      const width = lists.reduce((m, l) => Math.max(m, l.length), 1);
      return lists.map((l) => Array.from({ length: width }, (_, i) => l[i] ?? ""));
    })(assessments.map((a) => a.missing.map((m) => m.provide))),
  },
  READINESS_WARNINGS: {
    args: [excelRows(), [headerCells()], false, null, null],
    expected: assessments.map((a) => [a.warnings.map((w) => w.message).join(LIST_SEPARATOR)]),
  },
  READINESS_REPORT: { args: [excelRows(), [headerCells()], true, null, null], expected: [[...RESULT_HEADERS], ...cells] },
  // Without an invocation (as in a host without parameter addresses) the letters start at A.
  READINESS_COLUMNS: {
    args: [[headerCells()], excelRows(), MAPPING],
    expected: columnReport(mapHeaders(headerCells(), { sample: coreRows(), choices: choices.value })).map((l) => [l.letter, l.header, l.readAs, l.how]),
  },
  READINESS_CRITERIA: {
    args: [],
    expected: [["Id", "Criterion", "Column headers", "Accepted values"], ...criteriaCatalog().map((c) => [c.id, c.label, c.headers.join(", "), c.accepted])],
  },
};

describe("functions.js in Chromium", () => {
  it("associates every id in functions.json with a function, and nothing else", async () => {
    const { page, blocked, errors } = await openPage(TEST_PAGE);
    const associated = await page.evaluate(() =>
      Object.entries((window as unknown as { __associated: Record<string, unknown> }).__associated).map(([id, fn]) => [id, typeof fn]),
    );
    expect(Object.fromEntries(associated)).toEqual(Object.fromEntries(ids.map((id) => [id, "function"])));
    expect(Object.keys(CASES).sort()).toEqual([...ids].sort());
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    await page.close();
  });

  it("answers like the core for every function on the sample table", async () => {
    const { page, errors } = await openPage(TEST_PAGE);
    for (const id of ids) {
      const c = CASES[id];
      if (!c) throw new Error(`no case for ${id}`);
      const result = await callInPage(page, id, c.args);
      expect(result.error, id).toBeUndefined();
      expect(result.value, id).toEqual(c.expected);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("throws CustomFunctions.Error #VALUE! with a message for mismatched widths, a headerless range and a bad mapping", async () => {
    const { page } = await openPage(TEST_PAGE);
    const narrow = await callInPage(page, "READINESS_STAGE", [excelRows(), [headerCells().slice(0, 3)], null, null]);
    expect(narrow.error).toMatchObject({ code: "#VALUE!", isCustomFunctionsError: true });
    expect(narrow.error?.message).toContain("headers has 3 columns but criteria has");
    const headerless = await callInPage(page, "READINESS_REPORT", [excelRows().slice(2), null, null, null, null]);
    expect(headerless.error).toMatchObject({ code: "#VALUE!", isCustomFunctionsError: true });
    expect(headerless.error?.message).toMatch(/names no criterion/);
    const badMapping = await callInPage(page, "READINESS_STAGE", [excelRows(), [headerCells()], null, null, [["Notes", "fuction"]]]);
    expect(badMapping.error).toMatchObject({ code: "#VALUE!", isCustomFunctionsError: true });
    expect(badMapping.error?.message).toMatch(/^mapping row 1 \("Notes", "fuction"\): "fuction" is not a criterion: use design, /);
    await page.close();
  });
});

describe("READINESS_COLUMNS in Chromium", () => {
  it("names the columns by where Excel says the header row is", async () => {
    const { page } = await openPage(TEST_PAGE);
    const result = await page.evaluate((headers) => {
      const fn = (window as unknown as { __associated: Record<string, (...a: unknown[]) => unknown> }).__associated.READINESS_COLUMNS;
      return fn?.([headers], null, null, { parameterAddresses: ["'Bill of parts'!$C$3:$R$3", "", ""] });
    }, headerCells());
    expect(result).toEqual(columnReport(mapHeaders(headerCells()), 2).map((l) => [l.letter, l.header, l.readAs, l.how]));
    expect((result as string[][])[0]?.[0]).toBe("C");
    await page.close();
  });
});

describe("dist/taskpane.html, the shared-runtime page", () => {
  it("loads functions.js before taskpane.js and associates every function", async () => {
    const html = distText("taskpane.html");
    const functionsAt = html.search(/<script[^>]+src="?functions\.js/);
    const taskpaneAt = html.search(/<script[^>]+src="?taskpane\.js/);
    expect(functionsAt).toBeGreaterThan(-1);
    expect(taskpaneAt).toBeGreaterThan(functionsAt);
    const { page, blocked } = await openPage("taskpane.html");
    const associated = await page.evaluate(() => Object.keys((window as unknown as { __associated: Record<string, unknown> }).__associated));
    expect(associated.sort()).toEqual([...ids].sort());
    expect(blocked).toEqual([]);
    await page.close();
  });
});
