/* The optional `mapping` argument: header / criterion pairs, read with the core's choicesFrom, on every function that takes criteria. */
import { describe, expect, it } from "vitest";
import { ExcelErrorDouble, thrownExcelError } from "./custom-functions-double";
import { CRITERIA, CRITERION_DEFS, choicesFrom, mapHeaders, type CellValue, type ColumnChoices } from "../../src/core";
import {
  readinessBlockers,
  readinessMissing,
  readinessNextStep,
  readinessProgress,
  readinessReport,
  readinessScore,
  readinessStage,
  readinessWarnings,
} from "../../src/functions/functions";
import { readMapping } from "../../src/functions/mapping-arg";
import { coreAssessments, coreResultCells } from "./sample-table";

/** A tracker whose "Remarks" and "Build" columns the automatic reading leaves out, and whose bare "Supplier" holds company names. */
const HEADERS = ["Item", "Drawing Rev Status", "Remarks", "Supplier", "Supplier Status", "Material", "Finish", "Build", "Qty"];
const ROWS: CellValue[][] = [
  ["BRK-1", "Released Rev B", "verified", "Acme CNC", "Qualified", "6061-T6", "black anodize", "pilot", 200],
  ["BRK-2", "draft", "failed", "Acme CNC", "", "candidate", "", "prototype", 5],
  ["BRK-3", "frozen", "in progress", "Beta GmbH", "conditional", "locked", "confirmed", "production", 20],
];

const pairs = (...p: [string, string][]): ColumnChoices => {
  const c = choicesFrom(p);
  if (!c.ok) throw new Error(c.issue.message);
  return c.value;
};
const CHOICES = pairs(["Remarks", "function"], ["Build", "goal"]);
const expected = coreResultCells(HEADERS, ROWS, {}, CHOICES);

describe("the mapping argument changes how columns are read, as the core's choices do", () => {
  it("is needed on this sheet: without it Remarks and Build are not read and the answers differ", () => {
    const auto = mapHeaders(HEADERS, { sample: ROWS });
    expect(auto.byCriterion.function).toBeUndefined();
    expect(auto.byCriterion.goal).toBeUndefined();
    expect(readinessReport(ROWS, [HEADERS])).not.toEqual(expected);
    expect(
      readinessReport(ROWS, [HEADERS], null, null, null, [
        ["Remarks", "function"],
        ["Build", "goal"],
      ]),
    ).toEqual(expected);
  });

  it.each([
    {
      form: "criterion ids",
      mapping: [
        ["Remarks", "function"],
        ["Build", "goal"],
      ],
    },
    {
      form: "criterion names",
      mapping: [
        ["Remarks", CRITERION_DEFS.function.label],
        ["Build", CRITERION_DEFS.goal.label],
      ],
    },
    {
      form: "headers and names in other case and punctuation",
      mapping: [
        ["REMARKS:", "FUNCTION"],
        ["  build ", "Goal"],
      ],
    },
    {
      form: "a title row and blank rows",
      mapping: [
        ["Header", "Criterion"],
        ["Remarks", "function"],
        ["", ""],
        ["Build", "goal"],
        ["", ""],
      ],
    },
    {
      form: "entity cells",
      mapping: [
        [{ type: "Entity", text: "Remarks", properties: {} }, "function"],
        ["Build", { type: "Entity", text: "goal", properties: {} }],
      ],
    },
    {
      form: "a pair for a header the list does not have",
      mapping: [
        ["Remarks", "function"],
        ["Build", "goal"],
        ["Colour", "design"],
      ],
    },
    {
      form: "the same pair twice",
      mapping: [
        ["Remarks", "function"],
        ["remarks", "function"],
        ["Build", "goal"],
      ],
    },
  ])("accepts $form", ({ mapping }) => {
    expect(readinessReport(ROWS, [HEADERS], null, null, null, mapping)).toEqual(expected);
  });

  it.each([
    { what: "omitted (null)", mapping: null },
    { what: "a blank cell", mapping: "" },
    {
      what: "a range of blank cells",
      mapping: [
        ["", ""],
        ["", ""],
      ],
    },
  ])("means no mapping when $what", ({ mapping }) => {
    expect(readinessReport(ROWS, [HEADERS], null, null, null, mapping as unknown as unknown[][])).toEqual(coreResultCells(HEADERS, ROWS));
  });

  it("none leaves a column unread, and the other column of its criterion is read instead", () => {
    const choices = pairs(["Supplier Status", "none"], ["Remarks", "function"]);
    const out = readinessReport(ROWS, [HEADERS], null, null, null, [
      ["Supplier Status", "none"],
      ["Remarks", "function"],
    ]);
    expect(out).toEqual(coreResultCells(HEADERS, ROWS, {}, choices));
    expect(mapHeaders(HEADERS, { sample: ROWS, choices }).byCriterion.supplier?.header).toBe("Supplier");
  });

  it("a header mapped to a criterion wins over the column that names it", () => {
    const out = readinessStage(ROWS, [HEADERS], null, null, [["Remarks", "design"]]);
    const a = coreAssessments(HEADERS, ROWS, {}, pairs(["Remarks", "design"]));
    expect(out).toEqual(a.map((x) => [x.stageName]));
    expect(mapHeaders(HEADERS, { choices: pairs(["Remarks", "design"]) }).byCriterion.design?.header).toBe("Remarks");
  });

  it("mapping every criterion column to none leaves a header row that names no criterion (#VALUE!)", () => {
    const error = thrownExcelError(() => readinessStage([["frozen"]], [["Design status"]], null, null, [["Design status", "none"]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^headers names no criterion/);
  });
});

type Call = (mapping: unknown[][]) => unknown[][];
const MAPPING = [
  ["Remarks", "function"],
  ["Build", "goal"],
];
const assessed = coreAssessments(HEADERS, ROWS, {}, CHOICES);
const column = (i: number): unknown[][] => expected.map((r) => [r[i]]);

describe.each<{ name: string; call: Call; want: () => unknown[][] }>([
  { name: "READINESS_STAGE", call: (m) => readinessStage(ROWS, [HEADERS], null, null, m), want: () => column(0) },
  { name: "READINESS_SCORE", call: (m) => readinessScore(ROWS, [HEADERS], null, null, m), want: () => column(1) },
  { name: "READINESS_PROGRESS", call: (m) => readinessProgress(ROWS, [HEADERS], null, null, m), want: () => assessed.map((a) => [a.progress ?? ""]) },
  { name: "READINESS_NEXT_STEP", call: (m) => readinessNextStep(ROWS, [HEADERS], null, null, m), want: () => column(2) },
  { name: "READINESS_BLOCKERS", call: (m) => readinessBlockers(ROWS, [HEADERS], false, null, null, m), want: () => column(3) },
  { name: "READINESS_MISSING", call: (m) => readinessMissing(ROWS, [HEADERS], false, null, null, m), want: () => column(4) },
  {
    name: "READINESS_WARNINGS",
    call: (m) => readinessWarnings(ROWS, [HEADERS], false, null, null, m),
    want: () => assessed.map((a) => [a.warnings.map((w) => w.message).join("; ")]),
  },
  { name: "READINESS_REPORT", call: (m) => readinessReport(ROWS, [HEADERS], false, null, null, m), want: () => expected },
])("$name", ({ call, want }) => {
  it("takes mapping as its last argument and answers like the core with those choices", () => {
    expect(call(MAPPING)).toEqual(want());
  });

  it("refuses a bad pair with #VALUE! naming it", () => {
    const error = thrownExcelError(() => call([["Remarks", "fuction"]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain('mapping row 1 ("Remarks", "fuction")');
  });
});

const NAMES = new RegExp(`use ${CRITERIA.join(", ")} .*or none`);

describe("a mapping that cannot be read is #VALUE! with a message naming the pair and the accepted names", () => {
  it.each<{ what: string; mapping: unknown; message: RegExp }>([
    {
      what: "one column",
      mapping: [["Remarks"], ["Build"]],
      message: /^mapping must be two columns, each row a header and the criterion to read it as \(got 1 column\)/,
    },
    { what: "three columns", mapping: [["Remarks", "function", "x"]], message: /^mapping must be two columns.*\(got 3 columns\)/ },
    { what: "a single cell", mapping: "Remarks", message: /^mapping must be two columns.*\(got 1 column\)/ },
    {
      what: "a misspelt criterion",
      mapping: [["Remarks", "fuction"]],
      message: /^mapping row 1 \("Remarks", "fuction"\): "fuction" is not a criterion: use design, function, /,
    },
    {
      what: "a criterion that is not one",
      mapping: [["Build", "Build purpose"]],
      message: /^mapping row 1 \("Build", "Build purpose"\): "Build purpose" is not a criterion/,
    },
    {
      what: "an error cell as criterion",
      mapping: [["Remarks", new ExcelErrorDouble("#N/A")]],
      message: /^mapping row 1 \("Remarks", "#N\/A"\): "#N\/A" is not a criterion/,
    },
    { what: "a header without a criterion", mapping: [["Remarks", ""]], message: /^mapping row 1 \("Remarks", ""\) has no criterion: use design, / },
    { what: "a criterion without a header", mapping: [["", "function"]], message: /^mapping row 1 \("", "function"\) names a criterion but no header/ },
    { what: "a header of punctuation only", mapping: [["---", "function"]], message: /^mapping row 1 \("---", "function"\): a column choice needs a header/ },
    {
      what: "the row number counting blank rows",
      mapping: [
        ["", ""],
        ["Remarks", "function"],
        ["Build", "goel"],
      ],
      message: /^mapping row 3 \("Build", "goel"\)/,
    },
    {
      what: "a title row that is not the first",
      mapping: [
        ["Remarks", "function"],
        ["Header", "Criterion"],
      ],
      message: /^mapping row 2 \("Header", "Criterion"\): "Criterion" is not a criterion/,
    },
    {
      what: "one header given two criteria",
      mapping: [
        ["Remarks", "function"],
        ["REMARKS", "design"],
      ],
      message: /^mapping: the header "REMARKS" is given twice, as function and as design/,
    },
  ])("$what", ({ mapping, message }) => {
    const error = thrownExcelError(() => readinessStage(ROWS, [HEADERS], null, null, mapping as unknown[][]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(message);
  });

  it("lists every criterion id and none among the accepted names", () => {
    const read = readMapping([["Remarks", "nope"]]);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.issue.message).toMatch(NAMES);
  });

  it("checks the mapping before the thresholds are used, and a bad threshold still wins its own message", () => {
    expect(thrownExcelError(() => readinessStage(ROWS, [HEADERS], "many", null, [["Remarks", "nope"]])).message).toMatch(/Prototype quantity/);
  });
});

describe("readMapping", () => {
  it("gives the same choices, and the same key, whatever the order of the pairs", () => {
    const a = readMapping([
      ["Remarks", "function"],
      ["Build", "goal"],
    ]);
    const b = readMapping([
      ["Build", "goal"],
      ["Remarks", "function"],
    ]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.value.key).toBe(b.value.key);
    expect([...a.value.choices]).toEqual([...CHOICES]);
    expect(a.value.key).not.toBe("");
  });
});
