import { describe, expect, it } from "vitest";
import { thrownExcelError } from "./custom-functions-double";
import {
  readinessBlockers,
  readinessCriteria,
  readinessMissing,
  readinessNextStep,
  readinessProgress,
  readinessReport,
  readinessScore,
  readinessStage,
  readinessWarnings,
} from "../../src/functions/functions";
import { criteriaCatalog, mapHeaders } from "../../src/core";
import { EXAMPLE_HEADERS } from "../../src/functions/parts";
import { coreAssessments, coreResultCells, coreRows, excelRows, headerCells, HEADERS, SAMPLE_ROWS } from "./sample-table";

/** Stage names and result headers as the spec and the issue write them. */
const SPEC_STAGE_NAMES = ["Prototyping", "Low-volume manufacturing", "Mass production"];
const SPEC_RESULT_HEADERS = ["Stage", "Readiness score", "Next step", "Blockers", "Missing"];

const withHeaderRow = (): unknown[][] => [headerCells(), ...excelRows()];
const expected = coreResultCells(headerCells(), coreRows());
const column = (i: number): unknown[][] => expected.map((r) => [r[i]]);

type RowFunction = (criteria: unknown[][], headers?: unknown[][]) => unknown[][];

const ROW_FUNCTIONS: readonly { name: string; call: RowFunction; expected: () => unknown[][] }[] = [
  { name: "READINESS_STAGE", call: readinessStage, expected: () => column(0) },
  { name: "READINESS_SCORE", call: readinessScore, expected: () => column(1) },
  { name: "READINESS_PROGRESS", call: readinessProgress, expected: () => coreAssessments(headerCells(), coreRows()).map((a) => [a.progress ?? ""]) },
  { name: "READINESS_NEXT_STEP", call: readinessNextStep, expected: () => column(2) },
  { name: "READINESS_BLOCKERS", call: (c, h) => readinessBlockers(c, h), expected: () => column(3) },
  { name: "READINESS_MISSING", call: (c, h) => readinessMissing(c, h), expected: () => column(4) },
  { name: "READINESS_REPORT", call: (c, h) => readinessReport(c, h), expected: () => expected },
];

describe.each(ROW_FUNCTIONS)("$name", ({ call, expected: want }) => {
  it("answers like the core when the header row is the first row of criteria (headers omitted as null)", () => {
    expect(call(withHeaderRow(), null as unknown as undefined)).toEqual(want());
  });

  it("answers like the core with a separate headers row", () => {
    expect(call(excelRows(), [headerCells()])).toEqual(want());
  });

  it("gives one row per part row, and a single row gives the same answer as that row of the table", () => {
    const all = call(excelRows(), [headerCells()]);
    expect(all).toHaveLength(SAMPLE_ROWS.length);
    excelRows().forEach((r, i) => {
      expect(call([r], [headerCells()])).toEqual([all[i]]);
      expect(call([headerCells(), r])).toEqual([all[i]]);
    });
  });
});

describe("answers a reader of the spec would expect on the sample", () => {
  const byPart = new Map(excelRows().map((r, i) => [String(r[0]), i]));
  const stages = readinessStage(excelRows(), [headerCells()]).map((r) => r[0]);
  const scores = readinessScore(excelRows(), [headerCells()]).map((r) => r[0]);
  const at = (part: string): number => byPart.get(part) ?? -1;

  it.each([
    ["MP-1", "Mass production", 100],
    ["LV-1", "Low-volume manufacturing", undefined],
    ["PR-1", "Prototyping", undefined],
    ["HQ-1", "Prototyping", undefined],
    ["TH-1", "Low-volume manufacturing", undefined],
  ])("%s is %s", (part, stage, score) => {
    expect(stages[at(part)]).toBe(stage);
    if (score !== undefined) expect(scores[at(part)]).toBe(score);
    expect(SPEC_STAGE_NAMES).toContain(stages[at(part)]);
  });

  it("leaves a blank row empty, with an empty score rather than 0", () => {
    const blankRow = SAMPLE_ROWS.findIndex((r) => r.every((c) => c.excel === ""));
    expect(stages[blankRow]).toBe("");
    expect(scores[blankRow]).toBe("");
  });

  it("reads error cells as unknown without failing the row or its neighbours", () => {
    const err = at("ERR-1");
    expect(stages[err]).not.toBe("");
    expect(stages[err - 1]).toBe(expected[err - 1]?.[0]);
    const missing = readinessMissing(excelRows(), [headerCells()], true)[err] ?? [];
    const blockers = readinessBlockers(excelRows(), [headerCells()], true)[err] ?? [];
    expect(blockers.filter((b) => b.startsWith("Design"))).toEqual([]);
    expect(missing.join(" ")).toMatch(/CAD and drawing revision status/i);
  });
});

describe("list functions spilled across columns", () => {
  const assessments = coreAssessments(headerCells(), coreRows());

  it.each([
    ["READINESS_BLOCKERS", readinessBlockers, assessments.map((a) => a.blockers.map((b) => b.reason))],
    ["READINESS_MISSING", readinessMissing, assessments.map((a) => a.missing.map((m) => m.provide))],
    ["READINESS_WARNINGS", readinessWarnings, assessments.map((a) => a.warnings.map((w) => w.message))],
  ] as const)('%s pads every row to the longest list with ""', (_name, call, lists) => {
    const cells = call(excelRows(), [headerCells()], true);
    const width = Math.max(1, ...lists.map((l) => l.length));
    expect(cells).toHaveLength(lists.length);
    cells.forEach((r, i) => {
      expect(r).toHaveLength(width);
      expect(r.filter((c) => c !== "")).toEqual(lists[i]);
    });
    expect(call(excelRows(), [headerCells()], false)).toEqual(lists.map((l) => [l.join("; ")]));
  });

  it("still gives one column when no part has any item", () => {
    const ready = [excelRows()[0] ?? []];
    expect(readinessBlockers(ready, [headerCells()], true)).toEqual([[""]]);
  });

  it("shows the warnings the spec names: high quantity while prototyping, low annual volume in mass production", () => {
    const warnings = readinessWarnings(excelRows(), [headerCells()]);
    const part = (p: string): string => warnings[excelRows().findIndex((r) => r[0] === p)]?.[0] ?? "";
    expect(part("HQ-1")).toMatch(/5,000/);
    expect(part("LA-1")).toMatch(/500/);
    expect(part("MP-1")).toBe("");
  });
});

describe("READINESS_REPORT", () => {
  it("adds the result header row on request", () => {
    const cells = readinessReport(excelRows(), [headerCells()], true);
    expect(cells[0]).toEqual(SPEC_RESULT_HEADERS);
    expect(cells.slice(1)).toEqual(expected);
  });

  it.each([[false], [0], [null], [""]])("has no header row for withHeaders = %j", (flag) => {
    expect(readinessReport(excelRows(), [headerCells()], flag)).toEqual(expected);
  });
});

describe("thresholds", () => {
  const th = excelRows().findIndex((r) => r[0] === "TH-1");
  const lone = [excelRows()[th] ?? []];

  it("default to 10 and 1,000", () => {
    expect(readinessStage(lone, [headerCells()])).toEqual([["Low-volume manufacturing"]]);
    expect(readinessStage(lone, [headerCells()], null, null)).toEqual(readinessStage(lone, [headerCells()], 10, 1000));
  });

  it("a higher prototype quantity keeps a part with an unstated goal in prototyping, as the core does", () => {
    const raised = readinessStage(lone, [headerCells()], 100, 1000);
    expect(raised).toEqual([["Prototyping"]]);
    expect(readinessReport(excelRows(), [headerCells()], false, 100, 5000)).toEqual(
      coreResultCells(headerCells(), coreRows(), { prototypeQuantity: 100, lowVolumeQuantity: 5000 }),
    );
  });

  it("the low-volume quantity moves the high-quantity warning", () => {
    const hq = [excelRows().find((r) => r[0] === "HQ-1") ?? []];
    expect(readinessWarnings(hq, [headerCells()], false, 10, 10_000)).toEqual([[""]]);
    expect(readinessWarnings(hq, [headerCells()], false, 10, 1000)[0]?.[0]).toMatch(/still prototyping/);
  });

  it.each([
    ["text with a thousands separator", "1,000", "5,000"],
    ["blank cells", "", ""],
  ])("accepts %s", (_what, proto, low) => {
    expect(() => readinessStage(lone, [headerCells()], proto, low)).not.toThrow();
  });

  it.each([
    ["a word", "many", null, /Prototype quantity/],
    ["a negative number", -1, null, /Prototype quantity/],
    ["an error cell", { code: "#N/A" }, null, /#N\/A/],
    ["a prototype quantity above the low-volume quantity", 5000, null, /greater than the prototype quantity/],
    ["equal thresholds", 100, 100, /greater than the prototype quantity/],
  ])("refuse %s with #VALUE! and the core's message", (_what, proto, low, message) => {
    const error = thrownExcelError(() => readinessStage(lone, [headerCells()], proto, low));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(message);
  });
});

describe("flags", () => {
  it.each([[true], [1], ["TRUE"], ["yes"]])("asColumns %j spills across columns", (flag) => {
    expect(readinessMissing(excelRows(), [headerCells()], flag)).toEqual(readinessMissing(excelRows(), [headerCells()], true));
    expect(readinessMissing(excelRows(), [headerCells()], flag)[0]?.length).toBeGreaterThan(1);
  });

  it.each([["maybe"], [{ code: "#N/A" }], [Number.NaN]])("asColumns %j is #VALUE! naming the argument", (flag) => {
    const error = thrownExcelError(() => readinessBlockers(excelRows(), [headerCells()], flag));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^asColumns must be TRUE or FALSE/);
  });

  it("withHeaders is checked the same way", () => {
    expect(thrownExcelError(() => readinessReport(excelRows(), [headerCells()], "x")).message).toMatch(/^withHeaders must be TRUE or FALSE/);
  });
});

describe("bad arguments give #VALUE! or #N/A with a message", () => {
  it("headers narrower than criteria", () => {
    const error = thrownExcelError(() => readinessStage(excelRows(), [headerCells().slice(0, 5)]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain(`headers has 5 columns but criteria has ${HEADERS.length}`);
  });

  it("headers of more than one row", () => {
    const error = thrownExcelError(() => readinessStage(excelRows(), [headerCells(), headerCells()]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/headers must be a single row.*got 2 rows/);
  });

  it("headerless criteria: the first part row is not a header row", () => {
    // PR-1's cells name no criterion; MP-1's "quoted" would be read as a Piece price header (see docs/functions.md).
    const rows = excelRows().slice(2);
    expect(mapHeaders((rows[0] ?? []).map(String)).columns).toEqual([]);
    const error = thrownExcelError(() => readinessStage(rows));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^The first row of criteria .* names no criterion: expected column headers such as/);
    expect(error.message).toContain('found "PR-1", "draft"');
  });

  it("a headers row that names no criterion", () => {
    const error = thrownExcelError(() => readinessStage([[1, 2]], [["Colour", "Weight"]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^headers names no criterion: .*found "Colour", "Weight"/);
  });

  it("a blank header row", () => {
    expect(
      thrownExcelError(() =>
        readinessScore([
          ["", ""],
          ["frozen", "yes"],
        ]),
      ).message,
    ).toMatch(/found only blank cells/);
  });

  it("criteria that hold only the header row give #N/A", () => {
    const error = thrownExcelError(() => readinessStage([headerCells()]));
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/only the header row/);
  });

  it("the example headers in the message are headers the core maps", () => {
    for (const header of EXAMPLE_HEADERS) expect(mapHeaders([header]).columns, header).toHaveLength(1);
  });
});

describe("READINESS_CRITERIA", () => {
  const SPEC_IDS = [
    "design",
    "function",
    "material",
    "finish",
    "tolerances",
    "dfm",
    "pilot",
    "demand",
    "supplier",
    "inspection",
    "cost",
    "goal",
    "quantity",
    "annual_volume",
  ];

  it("spills a header row and one row per criterion of the spec, from the core's catalogue", () => {
    const table = readinessCriteria();
    expect(table[0]).toEqual(["Id", "Criterion", "Column headers", "Accepted values"]);
    expect(table.slice(1).map((r) => r[0])).toEqual(SPEC_IDS);
    const catalog = criteriaCatalog();
    table.slice(1).forEach((r, i) => {
      const entry = catalog[i];
      expect(r).toEqual([entry?.id, entry?.label, entry?.headers.join(", "), entry?.accepted]);
      expect(r.every((c) => typeof c === "string" && c !== "")).toBe(true);
    });
  });

  it("lists headers that the core maps back to the same criterion", () => {
    for (const r of readinessCriteria().slice(1)) {
      for (const alias of (r[2] ?? "").split(", ")) expect(mapHeaders([alias]).columns[0]?.criterion, alias).toBe(r[0]);
    }
  });
});
