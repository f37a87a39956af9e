/**
 * Assemblies from a Level or Parent column. Level forms from real exports:
 * SAP CS12/CS11 multi-level BOM "Explosion level" (".1", "..2"; the entry
 * material is level 0, help.sap.com "Displaying a Multi-Level BOM
 * Explosion"), Arena / Windchill / Excel BOM templates "Level" 0, 1, 2.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ASSEMBLY_HEADERS,
  STAGES,
  assemblyCells,
  buildAssemblies,
  hierarchyOf,
  mapHeaders,
  readBomLevel,
  type AssemblyResult,
  type HierarchyRow,
  type Stage,
} from "../../src/core";

const P: Stage = "prototyping";
const L: Stage = "low-volume";
const M: Stage = "mass-production";

const row = (label: string, link: unknown, stage: Stage | null, n: number): HierarchyRow => ({ label, link, stage, cell: `C${n + 2}` });
const rows = (spec: readonly (readonly [string, unknown, Stage | null])[]): HierarchyRow[] => spec.map(([label, link, stage], i) => row(label, link, stage, i));
const stageOf = (r: AssemblyResult | undefined): string => (r === undefined ? "none" : r.kind === "known" ? r.stage : r.kind);

describe("readBomLevel", () => {
  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    ["0", 0],
    [" 3 ", 3],
    [".1", 1],
    ["..2", 2],
    ["...3", 3],
    ["..", 2],
    [null, undefined],
    ["", undefined],
    ["  ", undefined],
  ] as const)("%j is level %j", (value, expected) => {
    expect(readBomLevel(value)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [-1, /is not a BOM level/u],
    [1.5, /is not a BOM level/u],
    ["..1", /2 dots but says level 1/u],
    ["1.2.3", /outline or find number/u],
    ["+1", /is not a BOM level/u],
    ["Top", /is not a BOM level/u],
    [{ error: "#N/A" }, /Excel error #N\/A/u],
    [Number.NaN, /is not a BOM level/u],
  ] as const)("%j is not read and says why", (value, message) => {
    const read = readBomLevel(value);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issue).toMatch(message);
  });
});

describe("assemblies by level", () => {
  it("an assembly is as ready as its weakest component and names it; leaves stay empty; own stages are untouched", () => {
    const input = rows([
      ["A-100", 0, M],
      ["P-200", 1, P],
      ["P-210", 1, M],
      ["S-300", 1, L],
      ["A-400", 0, L],
      ["P-410", 1, L],
    ]);
    const a = buildAssemblies("level", input);
    expect(a.problems).toEqual([]);
    expect(a.results.map(stageOf)).toEqual([P, "leaf", "leaf", "leaf", L, "leaf"]);
    expect(assemblyCells(a.results[0] as AssemblyResult)).toEqual(["Prototyping", "P-200 (Prototyping)"]);
    // Its own stage caps it: nothing limits it.
    expect(assemblyCells(a.results[4] as AssemblyResult)).toEqual(["Low-volume manufacturing", ""]);
    expect(assemblyCells(a.results[1] as AssemblyResult)).toEqual(["", ""]);
    expect(input.map((r) => r.stage)).toEqual([M, P, M, L, L, L]);
  });

  it("reads SAP's dotted levels and names the component that caps a sub-assembly through it", () => {
    const a = buildAssemblies(
      "level",
      rows([
        ["TOP", ".1", M],
        ["SUB", "..2", M],
        ["LEAF", "...3", P],
        ["OTHER", "..2", M],
      ]),
    );
    expect(a.results.map(stageOf)).toEqual([P, P, "leaf", "leaf"]);
    expect(assemblyCells(a.results[0] as AssemblyResult)).toEqual(["Prototyping", "SUB (Prototyping, through LEAF)"]);
    const top = a.results[0];
    expect(top?.kind === "known" ? top.limitedBy.map((l) => l.index) : []).toEqual([1]);
  });

  it("a level jump (0 then 2) is reported by cell and makes the assembly above it unknown, not high", () => {
    const a = buildAssemblies(
      "level",
      rows([
        ["A", 0, M],
        ["B", 2, M],
        ["C", 0, M],
        ["D", 1, M],
      ]),
    );
    expect(a.problems.map((p) => [p.code, p.cell])).toEqual([["level-jump", "C3"]]);
    expect(a.problems[0]?.message).toMatch(/B is at level 2 right under A at level 0/u);
    expect(a.results.map(stageOf)).toEqual(["unknown", "leaf", M, "leaf"]);
  });

  it("a level that is not read makes every assembly it could belong to unknown", () => {
    const a = buildAssemblies(
      "level",
      rows([
        ["A", 0, M],
        ["B", 1, M],
        ["C", "x", M],
        ["D", 2, M],
        ["E", 0, M],
        ["F", 1, M],
      ]),
    );
    expect(a.problems.map((p) => [p.code, p.cell])).toEqual([["level-not-read", "C4"]]);
    expect(a.results.map(stageOf)).toEqual(["unknown", "unknown", "unknown", "leaf", M, "leaf"]);
    expect(assemblyCells(a.results[0] as AssemblyResult)[1]).toMatch(/C's level is not read \(C4\)/u);
  });

  it("a component without a stage leaves the assembly unknown and names it", () => {
    const a = buildAssemblies(
      "level",
      rows([
        ["A", 0, M],
        ["M4 screw", 1, null],
      ]),
    );
    expect(assemblyCells(a.results[0] as AssemblyResult)).toEqual(["Unknown", "Unknown: M4 screw has no stage"]);
  });

  it("blank rows are outside the structure; a labelled row without a level is reported", () => {
    const a = buildAssemblies(
      "level",
      rows([
        ["A", 0, M],
        ["", null, null],
        ["B", 1, P],
        ["Note: see drawing", "", null],
      ]),
    );
    expect(a.results.map(stageOf)).toEqual(["unknown", "leaf", "leaf", "unknown"]);
    expect(a.problems.map((p) => p.code)).toEqual(["no-level"]);
  });
});

describe("assemblies by parent", () => {
  it("matches parents by part number, case and spacing aside; a part used on two assemblies caps both", () => {
    const a = buildAssemblies(
      "parent",
      rows([
        ["A-1", "", M],
        ["a-2", null, L],
        ["P-9", "A-1", P],
        ["P-9", " a-2 ", P],
        ["P-8", "A-2", M],
      ]),
    );
    expect(a.problems).toEqual([]);
    expect(a.results.map(stageOf)).toEqual([P, P, "leaf", "leaf", "leaf"]);
  });

  it("an orphan is reported and read as top-level; a loop is reported and its members are unknown", () => {
    const a = buildAssemblies(
      "parent",
      rows([
        ["A", "B", M],
        ["B", "A", M],
        ["C", "Z-404", M],
        ["D", "", M],
        ["E", "D", L],
      ]),
    );
    expect(a.problems.map((p) => p.code).sort()).toEqual(["cycle", "orphan"]);
    expect(a.problems.find((p) => p.code === "orphan")?.message).toMatch(/parent "Z-404" of C is not in the list/u);
    expect(a.results.map(stageOf)).toEqual(["unknown", "unknown", "leaf", L, "leaf"]);
  });

  it("a part that is its own parent is a loop", () => {
    const a = buildAssemblies("parent", rows([["A", "A", M]]));
    expect(a.problems.map((p) => p.code)).toEqual(["cycle"]);
    expect(a.results.map(stageOf)).toEqual(["unknown"]);
  });

  it("the same part listed twice with different stages is reported; assemblies above it are unknown", () => {
    const a = buildAssemblies(
      "parent",
      rows([
        ["A", "", M],
        ["B", "A", M],
        ["B", "", P],
        ["C", "B", M],
      ]),
    );
    expect(a.problems.map((p) => p.code)).toEqual(["conflicting-stages"]);
    expect(a.results.map(stageOf)).toEqual(["unknown", "unknown", "unknown", "leaf"]);
  });
});

describe("hierarchy columns", () => {
  it("a Parent column wins over a Level column, which is set aside and says why", () => {
    const mapping = mapHeaders(["Part number", "Level", "Parent P/N", "Design", "Material"]);
    expect(hierarchyOf(mapping)).toEqual({ kind: "parent", column: 2, header: "Parent P/N" });
    expect(mapping.ignored.find((i) => i.column === 1)?.detail).toMatch(/read from the parent column/u);
    expect(hierarchyOf(mapHeaders(["Item", "BOM Level", "Design"]))?.kind).toBe("level");
    expect(hierarchyOf(mapHeaders(["Item", "Inspection level", "Design"]))).toBeUndefined();
    expect(ASSEMBLY_HEADERS).toEqual(["Assembly stage", "Limited by"]);
  });
});

const stageArb = fc.option(fc.constantFrom(...STAGES), { nil: null, freq: 5 });

/** A valid indented bill: each level at most one deeper than the row above. */
const validBill = fc.array(fc.tuple(fc.nat(3), stageArb), { minLength: 1, maxLength: 40 }).map((spec) => {
  let previous = -1;
  return spec.map(([step, stage], i) => {
    const level = Math.min(previous + 1, step);
    previous = level;
    return row(`P-${i}`, level, stage, i);
  });
});

/** The subtree of row i under a Level column: the rows after it that are deeper, up to the next row at its level or above. */
function subtree(bill: readonly HierarchyRow[], i: number): HierarchyRow[] {
  const level = bill[i]?.link as number;
  const out: HierarchyRow[] = [];
  for (let j = i + 1; j < bill.length && (bill[j]?.link as number) > level; j += 1) out.push(bill[j] as HierarchyRow);
  return out;
}

describe("properties", () => {
  it("on a valid bill, an assembly's stage is the lowest own stage in its subtree, unknown when any is missing, never above its own", () => {
    fc.assert(
      fc.property(validBill, (bill) => {
        const a = buildAssemblies("level", bill);
        expect(a.problems).toEqual([]);
        bill.forEach((r, i) => {
          const below = subtree(bill, i);
          const result = a.results[i] as AssemblyResult;
          if (below.length === 0) expect(result.kind).toBe("leaf");
          else if ([r, ...below].some((x) => x.stage === null)) expect(result.kind).toBe("unknown");
          else {
            const lowest = [r, ...below].map((x) => STAGES.indexOf(x.stage as Stage)).reduce((m, x) => Math.min(m, x));
            expect(result).toMatchObject({ kind: "known", stage: STAGES[lowest] });
            if (result.kind === "known") {
              expect(STAGES.indexOf(result.stage)).toBeLessThanOrEqual(STAGES.indexOf(r.stage as Stage));
              expect(result.limitedBy.length > 0).toBe(result.stage !== r.stage);
            }
          }
        });
      }),
    );
  });

  it("never throws on any level or parent cells, gives one result per row, and a problem never leaves an assembly higher than a valid reading would", () => {
    const cell = fc.oneof(fc.nat(5), fc.constantFrom(".1", "..2", "x", "", null, "-1", "1.2", { error: "#REF!" }), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("A", "B", "C", "D", ""), cell, stageArb), { maxLength: 30 }),
        fc.constantFrom("level", "parent" as const),
        (spec, kind) => {
          const input = rows(spec);
          const a = buildAssemblies(kind, input);
          expect(a.results).toHaveLength(input.length);
          a.results.forEach((r, i) => {
            if (r.kind === "known") expect(STAGES.indexOf(r.stage)).toBeLessThanOrEqual(STAGES.indexOf(input[i]?.stage as Stage));
            expect(assemblyCells(r)).toHaveLength(2);
          });
        },
      ),
    );
  });
});
