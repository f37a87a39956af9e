/* The review's assembly and the report's input, from the core's reading of a small indented bill. */
import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, RESULT_HEADERS, columnReport, compareRuns, mapHeaders } from "../../src/core";
import { ListClassifier } from "../../src/taskpane/classify";
import { currentParts } from "../../src/taskpane/compare-model";
import { reportDate, reportFileName, reportInput, type ReportSource } from "../../src/taskpane/report-model";
import { reviewAssembly, reviewPart } from "../../src/taskpane/review-model";

const HEADERS = [
  "Level",
  "Part No.",
  "Design status",
  "Function",
  "Material",
  "Finish",
  "Tolerances",
  "DFM",
  "Pilot run",
  "Demand",
  "Supplier",
  "Inspection plan",
  "Cost",
  "Goal",
  "Qty",
  "Waiver justification",
  "DFM report",
];
const READY = ["frozen", "verified", "locked", "confirmed", "reviewed", "done", "validated", "stable", "qualified", "defined", "quoted", "production", 500];
const ROWS: (string | number)[][] = [
  [0, "ASM-1", ...READY.slice(0, 6), "waived", ...READY.slice(7), "Carry-over of P-100", "https://plm.example.com/dfm/ASM-1"],
  [1, "P-10", ...READY, "", "C:\\Reports\\P-10 DFM.pdf"],
  ["", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
  [1, "P-11", "draft", "in progress", "", "", "", "", "", "", "", "", "", "learning", 5, "", "javascript:alert(1)"],
];
const mapping = mapHeaders(HEADERS, { sample: ROWS });

describe("the review of an assembly", () => {
  const review = (row: number) => {
    const r = reviewPart(
      {
        sheet: "BOM",
        cell: { row, column: 2 },
        block: { row: 0, column: 0, rows: ROWS.length + 1, columns: HEADERS.length },
        top: [HEADERS, ...ROWS],
        tableHeader: false,
        row: ROWS[row - 1] ?? [],
      },
      DEFAULT_THRESHOLDS,
    );
    if (!r.ok) throw new Error(r.issue.message);
    return r.value;
  };

  it("gives the assembly the lowest stage of its own and its components', and the component that caps it; blank rows are not parts", () => {
    const top = review(1);
    expect(top.hierarchy).toBe(true);
    expect(top.dataRows).toEqual({ first: 1, count: 4 });
    expect(top.assessment.waived).toMatchObject([{ criterion: "pilot", justification: "Carry-over of P-100" }]);
    expect(reviewAssembly(top, ROWS, DEFAULT_THRESHOLDS, 0)).toEqual({
      kind: "known",
      stage: "prototyping",
      components: 2,
      limitedBy: [{ label: "P-11", stage: "prototyping", through: [] }],
    });
    expect(reviewAssembly(review(2), ROWS, DEFAULT_THRESHOLDS, 0)).toEqual({ kind: "leaf" });
  });

  it("leaves an earlier run's result columns out, and says why an assembly is unknown", () => {
    const withResults = ROWS.map((r) => [...r, "Prototyping", 10, "x", "", ""]);
    const top = { ...review(1), header: [...HEADERS, ...RESULT_HEADERS] };
    expect(reviewAssembly(top, withResults, DEFAULT_THRESHOLDS, 0)).toMatchObject({ kind: "known", stage: "prototyping" });
    const jump = ROWS.map((r, i) => (i === 3 ? [3, ...r.slice(1)] : r));
    const unknown = reviewAssembly(review(1), jump, DEFAULT_THRESHOLDS, 0);
    expect(unknown.kind).toBe("unknown");
    expect(unknown.kind === "unknown" && unknown.problems.join(" ")).toMatch(/BOM!A5/u);
  });
});

describe("the report's input", () => {
  const classifier = new ListClassifier(
    mapping,
    DEFAULT_THRESHOLDS,
    HEADERS.map((_, c) => c),
    { sheet: "BOM", firstRow: 1, firstColumn: 0 },
  );
  const results = classifier.add(ROWS);
  const out = classifier.result();
  const when = new Date(2026, 10, 29, 14, 5);
  const source: ReportSource = {
    workbook: "Pump P-7.xlsx",
    sheet: "BOM",
    list: "BOM!A1:Q5",
    when,
    mapping,
    firstColumn: 0,
    summary: out.summary,
    parts: out.parts,
    columns: columnReport(mapping, 0),
    cells: out.cells,
    problemCount: out.problemCount,
  };

  it("holds every part with its waivers, evidence, criteria met and assembly, as the core reads them", () => {
    const input = reportInput(source);
    expect(input).toMatchObject({
      title: "Gate review: Pump P-7.xlsx",
      sourceFile: "Pump P-7.xlsx",
      sheet: "BOM!A1:Q5",
      date: "2026-11-29 14:05",
      stageCounts: out.summary.byStage,
      evidenceCriteria: ["DFM"],
    });
    expect(input.parts.map((p) => [p.label, p.row, p.stage])).toEqual([
      ["ASM-1", 2, "mass-production"],
      ["P-10", 3, "mass-production"],
      ["P-11", 5, "prototyping"],
    ]);
    const [top, leaf, proto] = input.parts;
    expect(top?.waived).toEqual([{ criterion: "Pilot run", justification: "Carry-over of P-100" }]);
    expect(top?.evidence).toEqual([{ criterion: "DFM", text: "https://plm.example.com/dfm/ASM-1" }]);
    // The core's "met without evidence", as the command line gives it: Design has no evidence, DFM has, Pilot run is waived.
    expect(top?.met).toContain("Design");
    expect(top?.met).not.toContain("DFM");
    expect(top?.met).not.toContain("Pilot run");
    expect(top).toMatchObject({ assemblyStage: "prototyping", limitedBy: [{ label: "P-11", stage: "prototyping" }] });
    expect(leaf?.assemblyStage).toBeUndefined();
    expect(proto?.evidence).toEqual([{ criterion: "DFM", text: "javascript:alert(1)" }]);
    expect(input.comparison).toBeUndefined();
    expect(results[2]).toEqual(["", "", "", "", ""]);
  });

  it("gives each part its change since the recorded run", () => {
    const { parts } = currentParts(
      ROWS.map((r, i) => ({ label: String(r[1]), result: results[i] ?? ["", "", "", "", ""] })),
      1,
    );
    const comparison = compareRuns(
      [
        { label: "ASM-1", stage: "low-volume", row: 2 },
        { label: "P-11", stage: "prototyping", row: 5 },
      ],
      parts,
    );
    const input = reportInput({ ...source, comparison: { result: comparison, current: parts } });
    expect(input.parts.map((p) => p.change)).toEqual([{ kind: "up", from: "low-volume" }, { kind: "new" }, { kind: "same" }]);
    expect(input.comparedWith).toBe("the last run of this list recorded in this workbook");
  });

  it("names the file after the sheet and the time, in letters, digits and dashes only", () => {
    expect(reportDate(when)).toBe("2026-11-29 14:05");
    expect(reportFileName("Bill of parts", when)).toBe("readiness-report-Bill-of-parts-2026-11-29-1405.html");
    expect(reportFileName('<script>"../..', when)).toBe("readiness-report-script-2026-11-29-1405.html");
    expect(reportFileName("Стойки", when)).toBe("readiness-report-list-2026-11-29-1405.html");
  });
});
