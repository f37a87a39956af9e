/* READINESS_COLUMNS, and the functions on a sheet where the cells decide between two columns of one criterion. */
import { beforeEach, describe, expect, it } from "vitest";
import { thrownExcelError } from "./custom-functions-double";
import { choicesFrom, columnReport, mapHeaders, rowReader, resultCells, type CellValue, type ColumnChoices } from "../../src/core";
import { firstColumnOf, mappingCache } from "../../src/functions/adapter";
import { readinessColumns, readinessProgress, readinessReport, readinessScore, readinessStage } from "../../src/functions/functions";
import { coreAssessments, coreResultCells } from "./sample-table";

const at = (address: string): CustomFunctions.Invocation => ({ parameterAddresses: [address] }) as unknown as CustomFunctions.Invocation;

/** "Design" holds descriptions, "Dwg Status" the drawing status: an engineer reads the design status from the second. */
const HEADERS = ["Part", "Design", "Dwg Status", "Function", "Material", "Finish", "Goal", "Qty", "", "Supplier name"];
const ROWS: CellValue[][] = [
  ["P-1", "Bracket, milled", "Released Rev B", "verified", "6061-T6", "black anodize", "pilot", 200, "", "Acme"],
  ["P-2", "Housing v2", "draft", "in progress", "candidate", "", "prototype", 5, "", "Beta"],
  ["P-3", "Cover plate", "frozen", "passed", "locked", "confirmed", "", 50, "", ""],
  ["P-4", "Spacer", "Frozen (rev C)", "verified", "confirmed", "clear anodize", "production", 300, "", "Acme"],
];

const choices = (...p: [string, string][]): ColumnChoices => {
  const c = choicesFrom(p);
  if (!c.ok) throw new Error(c.issue.message);
  return c.value;
};

describe("a sheet where values decide between two columns of one criterion", () => {
  beforeEach(() => mappingCache.clear());
  const withSample = mapHeaders(HEADERS, { sample: ROWS });
  const withoutSample = mapHeaders(HEADERS);

  it("is such a sheet: the core reads design from Dwg Status by its values, and from Design without them", () => {
    expect(withSample.byCriterion.design).toMatchObject({ header: "Dwg Status", match: "values" });
    expect(withoutSample.byCriterion.design?.header).toBe("Design");
    expect(rowReader(withSample).assess(ROWS[0] ?? []).stage).not.toBe(rowReader(withoutSample).assess(ROWS[0] ?? []).stage);
  });

  it("one formula over the whole list answers like the core reading the whole list", () => {
    expect(readinessReport(ROWS, [HEADERS])).toEqual(ROWS.map((r) => [...resultCells(rowReader(withSample).assess(r))]));
    expect(readinessReport([HEADERS, ...ROWS])).toEqual(coreResultCells(HEADERS, ROWS));
    expect(readinessProgress(ROWS, [HEADERS])).toEqual(coreAssessments(HEADERS, ROWS).map((a) => [a.progress ?? ""]));
  });

  it("one-row formulas filled down agree with it when each row says the same", () => {
    const whole = readinessReport(ROWS, [HEADERS]);
    ROWS.forEach((row, i) => expect(readinessReport([row], [HEADERS]), `row ${i}`).toEqual([whole[i]]));
  });

  it("a one-row formula decides from its own row: a row whose Dwg Status is blank reads Design", () => {
    const row: CellValue[] = ["P-5", "frozen", "", "verified", "locked", "confirmed", "pilot", 20, "", ""];
    const own = rowReader(mapHeaders(HEADERS, { sample: [row] }));
    expect(own.mapping.byCriterion.design?.header).toBe("Design");
    expect(readinessStage([row], [HEADERS])).toEqual([[own.assess(row).stageName]]);
  });

  it("the user's mapping wins over the values", () => {
    const out = readinessStage(ROWS, [HEADERS], null, null, [["Design", "design"]]);
    expect(out).toEqual(coreAssessments(HEADERS, ROWS, {}, choices(["Design", "design"])).map((a) => [a.stageName]));
    expect(out).not.toEqual(readinessStage(ROWS, [HEADERS]));
  });

  it("maps the header row once and decides again only for new contents of the contested cells", () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ROWS[i % ROWS.length] ?? []);
    for (const row of rows) readinessScore([row], [HEADERS]);
    const stats = mappingCache.stats();
    expect(stats.misses).toBe(1);
    expect(stats.hits).toBe(rows.length - 1);
    // Four distinct (Design, Dwg Status) pairs, each decided once.
    expect(stats.sampled).toBe(ROWS.length);
  });
});

describe("READINESS_COLUMNS", () => {
  const lines = (headers: readonly unknown[], options: Parameters<typeof mapHeaders>[1] = {}, offset = 0): string[][] =>
    columnReport(mapHeaders(headers, options), offset).map((l) => [l.letter, l.header, l.readAs, l.how]);

  it("spills one row per non-blank header: column letter, header, read as, how, as the core's columnReport", () => {
    const out = readinessColumns([HEADERS]);
    expect(out).toEqual(lines(HEADERS));
    expect(out).toHaveLength(HEADERS.filter((h) => h !== "").length);
    expect(out.map((r) => r[0])).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "J"]);
    expect(out.every((r) => r.length === 4 && r.every((c) => typeof c === "string"))).toBe(true);
  });

  it("reads the part rows given as criteria, so it shows the column the values chose and the one set aside", () => {
    const out = readinessColumns([HEADERS], ROWS);
    expect(out).toEqual(lines(HEADERS, { sample: ROWS }));
    expect(out[2]).toEqual(["C", "Dwg Status", "Design", expect.stringMatching(/^by its values: /)]);
    expect(out[1]).toEqual(["B", "Design", "Not read", expect.stringMatching(/^set aside: Design is read from column C/)]);
    expect(out[0]).toEqual(["A", "Part", "Part label", expect.any(String)]);
    expect(out[8]).toEqual(["J", "Supplier name", "Not read", expect.stringMatching(/^not a status column: "name"/)]);
  });

  it("takes the mapping argument", () => {
    const out = readinessColumns([HEADERS], ROWS, [
      ["Design", "none"],
      ["Supplier name", "supplier"],
    ]);
    expect(out).toEqual(lines(HEADERS, { sample: ROWS, choices: choices(["Design", "none"], ["Supplier name", "supplier"]) }));
    expect(out[1]).toEqual(["B", "Design", "Not read", "your mapping says to leave it"]);
    expect(out[8]?.slice(0, 3)).toEqual(["J", "Supplier name", "Supplier"]);
    expect(out[8]?.[3]).toMatch(/^your mapping/);
  });

  it("names columns by where the header row is on the sheet when Excel gives its address", () => {
    expect(readinessColumns([HEADERS], null as unknown as undefined, null as unknown as undefined, at("Parts!$C$4:$L$4"))).toEqual(lines(HEADERS, {}, 2));
    expect(readinessColumns([HEADERS], undefined, undefined, at("'Bill of parts'!AA1:AJ1")).map((r) => r[0])).toEqual([
      "AA",
      "AB",
      "AC",
      "AD",
      "AE",
      "AF",
      "AG",
      "AH",
      "AJ",
    ]);
  });

  it.each([
    ["Parts!$C$1:$P$1", 2],
    ["'Bill of parts'!AA5:AB5", 26],
    ["[Book1.xlsx]Sheet1!B1", 1],
    ["XFD1", 16_383],
    ["Sheet1!1:1", 0],
    ["", 0],
    [undefined, 0],
    [42, 0],
  ])("firstColumnOf(%j) is %i", (address, column) => {
    expect(firstColumnOf(address)).toBe(column);
  });

  it.each<{ what: string; call: () => unknown; message: RegExp }>([
    {
      what: "headers of two rows",
      call: () => readinessColumns([HEADERS, HEADERS]),
      message: /^headers must be a single row, the header row of the list \(got 2 rows\)/,
    },
    { what: "blank headers", call: () => readinessColumns([["", "", ""]]), message: /^headers holds only blank cells/ },
    { what: "criteria of another width", call: () => readinessColumns([HEADERS], [["a", "b"]]), message: /^criteria has 2 columns but headers has 10/ },
    {
      what: "a bad mapping",
      call: () => readinessColumns([HEADERS], undefined, [["Design", "drawing"]]),
      message: /^mapping row 1 \("Design", "drawing"\): "drawing" is not a criterion/,
    },
  ])("gives #VALUE! for $what", ({ call, message }) => {
    const error = thrownExcelError(call);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(message);
  });

  it("lists a header row that names no criterion, rather than refusing it, so the user sees why", () => {
    expect(readinessColumns([["Colour", "Weight"]])).toEqual([
      ["A", "Colour", "Not read", "not a criterion header"],
      ["B", "Weight", "Not read", expect.stringMatching(/^not a status column/)],
    ]);
  });
});

describe("READINESS_PROGRESS", () => {
  const headers = ["Part", "Design", "Function", "Material", "Finish", "Goal", "Qty", "Tolerances", "DFM"];
  it.each([
    {
      what: "prototyping, 3 of gate A's 5 requirements",
      row: ["A", "stable", "verified", "candidate", "", "", 5, "", ""],
      stage: "Prototyping",
      progress: 60,
      score: 29,
    },
    { what: "prototyping, nothing readable", row: ["B", "tbd", "", "", "", "", "", "", ""], stage: "Prototyping", progress: 0, score: 0 },
    {
      what: "low-volume, 2 of gate B's 11 met and 2 partial (3 points)",
      row: ["C", "frozen", "verified", "6061-T6", "anodize", "pilot", 50, "", ""],
      stage: "Low-volume manufacturing",
      progress: 27,
      score: 63,
    },
    { what: "a blank row", row: ["", "", "", "", "", "", "", "", ""], stage: "", progress: "", score: "" },
  ])("$what: progress $progress beside score $score", ({ row, stage, progress, score }) => {
    expect(readinessStage([row], [headers])).toEqual([[stage]]);
    expect(readinessProgress([row], [headers])).toEqual([[progress]]);
    expect(readinessScore([row], [headers])).toEqual([[score]]);
  });
});
