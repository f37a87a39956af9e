/**
 * READINESS_ASSEMBLY on indented bills as ERP/PLM exports give them: an
 * Arena/Windchill-style numeric "Level", SAP CS12's "Explosion level" (.1,
 * ..2), a "Parent P/N" column, and the waivers and evidence columns that flow
 * through the existing functions because they read rows with the core.
 */
import { describe, expect, it } from "vitest";
import { thrownExcelError } from "./custom-functions-double";
import { readinessAssembly, readinessColumns, readinessNextStep, readinessStage } from "../../src/functions/functions";
import { HIERARCHY_EXAMPLE_HEADERS } from "../../src/functions/assembly";
import { assemblyCells, buildAssemblies, mapHeaders, readHeader, rowReader, type HierarchyRow } from "../../src/core";

const HEADERS = ["Level", "Part number", "Description", "Design status", "Function", "Material", "Finish", "Goal", "Qty"];
const LV = ["Frozen", "Verified", "6061-T6", "Black anodize", "Pilot run", 200];
const PROTO = ["Draft", "In progress", "Candidate", "", "Prototype", 5];
const TABLE: unknown[][] = [
  [0, "A-100", "Gearbox assembly", ...LV],
  [1, "P-200", "Housing", ...PROTO],
  [1, "S-300", "Shaft sub-assembly", ...LV],
  [2, "P-310", "Shaft", ...LV],
  [2, "P-320", "Bearing seat", ...LV],
  [0, "A-400", "Cover kit", ...LV],
  [1, "P-410", "Cover", ...LV],
];

describe("READINESS_ASSEMBLY", () => {
  it("gives Assembly stage and Limited by per part row, empty for leaves; the same as the core on the same rows", () => {
    const out = readinessAssembly(TABLE, [HEADERS]);
    expect(out).toEqual([
      ["Prototyping", "P-200 (Prototyping)"],
      ["", ""],
      ["Low-volume manufacturing", ""],
      ["", ""],
      ["", ""],
      ["Low-volume manufacturing", ""],
      ["", ""],
    ]);
    const reader = rowReader(mapHeaders(HEADERS));
    const core: HierarchyRow[] = TABLE.map((r, i) => ({ label: String(r[1]), link: r[0], stage: reader.assess(r).stage, cell: `A${i + 2}` }));
    expect(out).toEqual(buildAssemblies("level", core).results.map((r) => [...assemblyCells(r)]));
  });

  it("a part's own stage is unchanged by its components", () => {
    expect(readinessStage(TABLE, [HEADERS]).map((r) => r[0])).toEqual([
      "Low-volume manufacturing",
      "Prototyping",
      "Low-volume manufacturing",
      "Low-volume manufacturing",
      "Low-volume manufacturing",
      "Low-volume manufacturing",
      "Low-volume manufacturing",
    ]);
  });

  it("reads SAP dotted levels and a header row given inside criteria; withHeaders adds the two headers", () => {
    const sap = [["Explosion level", ...HEADERS.slice(1)], ...TABLE.map((r) => [".".repeat(Number(r[0]) + 1) + String(Number(r[0]) + 1), ...r.slice(1)])];
    const out = readinessAssembly(sap, null as unknown as undefined, true);
    expect(out[0]).toEqual(["Assembly stage", "Limited by"]);
    expect(out[1]).toEqual(["Prototyping", "P-200 (Prototyping)"]);
  });

  it("reads a Parent column by part number", () => {
    const headers = ["Part number", "Parent P/N", ...HEADERS.slice(3)];
    const rows = [
      ["A-100", "", ...LV],
      ["P-200", "A-100", ...PROTO],
      ["P-210", "a-100", ...LV],
    ];
    expect(readinessAssembly(rows, [headers])).toEqual([
      ["Prototyping", "P-200 (Prototyping)"],
      ["", ""],
      ["", ""],
    ]);
  });

  it("a level jump makes the assembly above it Unknown and says where", () => {
    const rows = [
      [0, "A-100", "", ...LV],
      [2, "P-200", "", ...LV],
    ];
    expect(readinessAssembly(rows, [HEADERS])[0]).toEqual(["Unknown", "Unknown: a level is missing under it (part row 2)"]);
  });

  it("a table without a Level or Parent column is #VALUE! naming the headers it reads as one", () => {
    const error = thrownExcelError(() =>
      readinessAssembly(
        TABLE.map((r) => r.slice(1)),
        [HEADERS.slice(1)],
      ),
    );
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/headers has no Level or Parent column.*"Level", "BOM level"/u);
    for (const h of HIERARCHY_EXAMPLE_HEADERS) expect(readHeader(h).kind).toBe("role");
  });

  it("a wrong withHeaders is #VALUE!", () => {
    expect(thrownExcelError(() => readinessAssembly(TABLE, [HEADERS], "maybe")).code).toBe("#VALUE!");
  });
});

describe("waivers and evidence through the existing functions", () => {
  const headers = ["Part", "Design", "Function", "Material", "Finish", "Goal", "Qty", "Waiver justification", "Design evidence"];

  it("a justified waiver counts as met and the next step says so; without justification it is missing", () => {
    const justified = ["P-1", "Drawing release waived", "Verified", "Locked", "Confirmed", "Pilot", 50, "Carry-over of P-100, same drawing", ""];
    const bare = [...justified.slice(0, 7), "", ""];
    expect(readinessStage([justified, bare], [headers])).toEqual([["Low-volume manufacturing"], ["Prototyping"]]);
    const [step] = readinessNextStep([justified], [headers]);
    expect(step?.[0]).toMatch(/^Low-volume manufacturing only thanks to the waiver on design\./u);
  });

  it("READINESS_COLUMNS names the waiver and evidence columns", () => {
    const lines = readinessColumns([headers]);
    expect(lines.slice(-2).map((l) => l[2])).toEqual(["Waiver justification", "Evidence: Design"]);
  });
});

describe("READINESS_ASSEMBLY on tables the other functions refuse", () => {
  it("a header row that names no criterion is the same #VALUE! as READINESS_STAGE; only a header row is #N/A", () => {
    const headers = [["Level", "Part", "Colour"]];
    const rows = [[0, "A", "red"]];
    const assembly = thrownExcelError(() => readinessAssembly(rows, headers));
    expect([assembly.code, assembly.message]).toEqual([
      thrownExcelError(() => readinessStage(rows, headers)).code,
      thrownExcelError(() => readinessStage(rows, headers)).message,
    ]);
    expect(thrownExcelError(() => readinessAssembly([HEADERS])).code).toBe("#N/A");
  });
});
