/* The gate-review columns after the five results: which, in what order, and their cells, shared by the command line and the task pane. */
import { describe, expect, it } from "vitest";
import {
  ASSEMBLY_HEADERS,
  CHANGE_HEADER,
  EXTRA_RESULT_HEADERS,
  WAIVED_HEADER,
  assemblyCells,
  extraResultHeaderCount,
  gateCells,
  gateHeaders,
  type AssemblyResult,
  type GateNeeds,
} from "../../src/core";

const [ASSEMBLY, LIMITED] = ASSEMBLY_HEADERS;

describe("gateHeaders", () => {
  it.each<[GateNeeds, readonly string[]]>([
    [{ assemblies: false, waived: false, change: false }, []],
    [{ assemblies: true, waived: false, change: false }, [ASSEMBLY, LIMITED]],
    [{ assemblies: false, waived: true, change: false }, [WAIVED_HEADER]],
    [{ assemblies: false, waived: false, change: true }, [CHANGE_HEADER]],
    [{ assemblies: true, waived: true, change: false }, [ASSEMBLY, LIMITED, WAIVED_HEADER]],
    [{ assemblies: true, waived: false, change: true }, [ASSEMBLY, LIMITED, CHANGE_HEADER]],
    [{ assemblies: false, waived: true, change: true }, [WAIVED_HEADER, CHANGE_HEADER]],
    [{ assemblies: true, waived: true, change: true }, [ASSEMBLY, LIMITED, WAIVED_HEADER, CHANGE_HEADER]],
  ])("%o gives %o, always in the order Assembly stage, Limited by, Waived, Change", (needs, headers) => {
    expect(gateHeaders(needs)).toEqual(headers);
  });

  it("names the four columns the command line writes", () => {
    expect(EXTRA_RESULT_HEADERS).toEqual(["Assembly stage", "Limited by", "Waived", "Change"]);
  });
});

describe("gateCells", () => {
  const all = gateHeaders({ assemblies: true, waived: true, change: true });
  const known: AssemblyResult = {
    kind: "known",
    stage: "prototyping",
    components: 2,
    limitedBy: [{ index: 2, label: "P7-520", stage: "prototyping", through: [] }],
  };
  const unknown: AssemblyResult = { kind: "unknown", because: "a level is missing under it (BOM!A9)", components: 1 };
  const leaf: AssemblyResult = { kind: "leaf" };
  it.each<[string, AssemblyResult | undefined, string, string, readonly string[]]>([
    ["an assembly limited by a component", known, "", "", [...assemblyCells(known), "", ""]],
    ["an assembly that cannot be known: Unknown, never empty or higher", unknown, "", "", ["Unknown", "Unknown: a level is missing under it (BOM!A9)", "", ""]],
    ["a leaf part", leaf, "Pilot run: waived (carry-over)", "new", ["", "", "Pilot run: waived (carry-over)", "new"]],
    ["a row outside the structure (a blank row)", undefined, "", "", ["", "", "", ""]],
  ])("%s", (_what, assembly, waived, change, cells) => {
    expect(gateCells(all, { assembly, waived, change })).toEqual(cells);
  });

  it("gives only the columns asked for, in their order", () => {
    const facts = { assembly: known, waived: "W", change: "↑ from Prototyping" };
    expect(gateCells([WAIVED_HEADER, CHANGE_HEADER], facts)).toEqual(["W", "↑ from Prototyping"]);
    expect(gateCells([ASSEMBLY, LIMITED], facts)).toEqual(assemblyCells(known));
    expect(gateCells([], facts)).toEqual([]);
  });
});

describe("extraResultHeaderCount: an earlier run's gate columns after its five", () => {
  it.each<[readonly string[], number]>([
    [[], 0],
    [["Assembly stage", "Limited by"], 2],
    [["Assembly stage", "Limited by", "Waived", "Change"], 4],
    [["Waived", "Change"], 2],
    [["Change"], 1],
    [["Limited by"], 1],
    [["Change", "Waived"], 1],
    [["Waived", "Waived"], 1],
    [["Notes", "Change"], 0],
    [["Assembly stage", "", "Waived"], 1],
    [["Waived", "Notes"], 1],
  ])("%o: %i", (texts, count) => {
    expect(extraResultHeaderCount(texts)).toBe(count);
  });

  it("compares as the caller says (the pane ignores case and spaces)", () => {
    expect(extraResultHeaderCount(["assembly stage", "CHANGE"])).toBe(0);
    expect(extraResultHeaderCount(["assembly stage", "change"], (cell, header) => cell === header.toLowerCase())).toBe(2);
  });
});
