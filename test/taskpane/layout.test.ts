import { describe, expect, it } from "vitest";
import { CHANGE_HEADER, RESULT_HEADERS, choicesFrom, mapHeaders, type ColumnChoices } from "../../src/core";
import { changeRect, findResultColumns, mappingFor, planList, resultRect, resultWidth, type ListBlock } from "../../src/taskpane/layout";

const choices = (...pairs: [string, string][]): ColumnChoices => {
  const c = choicesFrom(pairs);
  if (!c.ok) throw new Error(c.issue.message);
  return c.value;
};

const region = (rows: number, columns: number, row = 0, column = 0): ListBlock => ({
  sheet: "Parts",
  rect: { row, column, rows, columns },
  table: undefined,
  tableHeader: false,
});
const header = ["Part No.", "Design status", "Material", "Qty"];
const part = ["P-1", "frozen", "6061-T6", 5];

describe("planList", () => {
  it("puts the results in five new columns right of a region, from its header row down", () => {
    const plan = planList(region(3, 4, 4, 1), [header, part, part]);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value).toMatchObject({ headerRow: 4, firstDataRow: 5, dataRows: 2, results: { column: 5, existing: false, inside: false, change: false } });
    expect(plan.value.mapping.columns.map((c) => c.criterion)).toEqual(["design", "material", "quantity"]);
    expect(resultRect(plan.value)).toEqual({ row: 4, column: 5, rows: 3, columns: 5 });
  });

  it("skips title rows above the header row of a region", () => {
    const plan = planList(region(4, 4), [["Bill of parts, rev B", "", "", ""], header, part, part]);
    expect(plan.ok && [plan.value.headerRow, plan.value.dataRows]).toEqual([1, 2]);
  });

  it("takes a table's first row as its header row", () => {
    const plan = planList({ ...region(3, 4), table: "Parts", tableHeader: true }, [header, part]);
    expect(plan.ok && plan.value.headerRow).toBe(0);
  });

  it("rewrites the columns of an earlier run that the region grew to include, and never reads them as criteria", () => {
    const plan = planList(region(3, 9), [
      [...header, ...RESULT_HEADERS],
      [...part, "Prototyping", 40, "x", "", ""],
    ]);
    expect(plan.ok && plan.value.results).toEqual({ column: 4, existing: true, inside: true, change: false, earlier: [] });
    expect(plan.ok && plan.value.headers).toEqual([...header, "", "", "", "", ""]);
    expect(plan.ok && plan.value.mapping.ignored.map((i) => i.header)).toEqual(["Part No."]);
  });

  it("takes the Change column an earlier run wrote right of its results as its own, never as a criterion", () => {
    const plan = planList(region(3, 10), [
      [...header, ...RESULT_HEADERS, CHANGE_HEADER],
      [...part, "Prototyping", 40, "x", "", "", "new"],
    ]);
    expect(plan.ok && plan.value.results).toEqual({ column: 4, existing: true, inside: true, change: true, earlier: [CHANGE_HEADER] });
    expect(plan.ok && plan.value.headers).toEqual([...header, "", "", "", "", "", ""]);
    if (!plan.ok) return;
    expect(changeRect(plan.value)).toEqual({ row: 0, column: 9, rows: 3, columns: 1 });
    // A "Change" header anywhere else is the user's.
    expect(resultWidth([...RESULT_HEADERS, "Notes", CHANGE_HEADER], 0)).toBe(5);
    expect(resultWidth(["x", ...RESULT_HEADERS, " change "], 1)).toBe(6);
  });

  it("rewrites the result columns of an earlier run just right of a table", () => {
    const plan = planList({ ...region(3, 4, 0, 2), table: "T", tableHeader: true }, [[...header, ...RESULT_HEADERS]]);
    expect(plan.ok && plan.value.results).toEqual({ column: 6, existing: true, inside: false, change: false, earlier: [] });
  });

  it("does not take look-alike headers for an earlier run's columns", () => {
    expect(findResultColumns([...header, "Stage", "Score", "Next step", "Blockers", "Missing"])).toBe(-1);
    expect(findResultColumns([" stage ", "READINESS SCORE", "Next step", "Blockers", "Missing"])).toBe(0);
  });

  it.each([
    { name: "an empty cell", top: [["", ""]], code: "empty" },
    {
      name: "no header row",
      top: [
        ["foo", "bar"],
        [1, 2],
      ],
      code: "no-header",
    },
    { name: "a header with no rows", top: [header], code: "no-rows" },
  ])("refuses $name with a message naming the range", ({ top, code }) => {
    const plan = planList(region(top.length, top[0]?.length ?? 1, 6, 2), top);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.issue.code).toBe(code);
    expect(plan.issue.message).toMatch(/Parts!C7/u);
  });

  it("maps the header row with the rows read below it, so that values decide between two columns of one criterion", () => {
    const head = ["Part", "Design", "Drawing status", "Qty"];
    const rows = [
      ["P-1", "Bracket", "frozen", 5],
      ["P-2", "Housing", "draft", 7],
    ];
    const plan = planList(region(4, 4), [["Bill of parts", "", "", ""], head, ...rows]);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.sample).toEqual(rows);
    expect(plan.value.mapping).toEqual(mapHeaders(head, { sample: rows }));
    expect(plan.value.mapping.byCriterion.design?.header).toBe("Drawing status");
  });

  it("applies the user's column choices, and maps again under other choices", () => {
    const head = ["Part", "Design status", "Remarks", "Qty"];
    const rows = [["P-1", "frozen", "verified", 5]];
    const plan = planList(region(2, 4), [head, ...rows], choices(["Remarks", "function"]));
    expect(plan.ok && plan.value.mapping.byCriterion.function?.header).toBe("Remarks");
    if (!plan.ok) return;
    expect(mappingFor(plan.value, new Map())).toEqual(mapHeaders(head, { sample: rows }));
    expect(mappingFor(plan.value, choices(["Qty", "none"])).byCriterion.quantity).toBeUndefined();
  });

  it("says so when saved choices leave no column read", () => {
    const plan = planList(region(2, 4), [header, part], choices(["Design status", "none"], ["Material", "none"], ["Qty", "none"]));
    expect(!plan.ok && plan.issue).toMatchObject({
      code: "no-header",
      message: expect.stringMatching(/^The column choices saved in this workbook leave no column of Parts!A1:D2 read/u),
    });
    const table = planList(
      { ...region(2, 4), table: "T", tableHeader: true },
      [header, part],
      choices(["Design status", "none"], ["Material", "none"], ["Qty", "none"]),
    );
    expect(!table.ok && table.issue.message).toMatch(/Forget them in Settings/u);
  });

  it("refuses when the sheet has no room for five more columns", () => {
    const plan = planList(region(2, 4, 0, 16_378), [header, part]);
    expect(!plan.ok && plan.issue.code).toBe("no-room");
  });
});
