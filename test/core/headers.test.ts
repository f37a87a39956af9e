import { describe, expect, it } from "vitest";
import { CRITERIA, criterionForHeader, findHeaderRow, mapHeaders, mappingFromAssignments, rowReader, type CriterionId } from "../../src/core";
import { SPEC_HEADERS } from "./spec-tables";

const aliasRows = CRITERIA.flatMap((id) => SPEC_HEADERS[id].map((alias) => ({ id, alias })));

/** The same header as different sheets write it. */
function headerSpellings(alias: string): string[] {
  const words = alias.split(" ");
  const title = words.map((w) => `${w[0]?.toUpperCase() ?? ""}${w.slice(1)}`).join(" ");
  return [alias, alias.toUpperCase(), title, `  ${title}  `, `${title}:`, words.join("   "), words.join("_"), words.join("-"), words.join(" / "), `${title}?`];
}

describe("header aliases (spec header table)", () => {
  it("covers every alias of the table", () => {
    expect(aliasRows).toHaveLength(73);
  });

  it.each(aliasRows)("'$alias' names $id, however it is spelled", ({ id, alias }) => {
    for (const header of headerSpellings(alias)) {
      expect(criterionForHeader(header), JSON.stringify(header)).toBe(id);
      const mapping = mapHeaders(["Part number", header]);
      expect(mapping.byCriterion[id], JSON.stringify(header)).toMatchObject({ column: 1, match: "exact", header: header.trim() });
    }
  });

  it("a row of one alias per criterion maps every criterion to its own column", () => {
    const header = CRITERIA.map((id) => SPEC_HEADERS[id][SPEC_HEADERS[id].length - 1] ?? "");
    const mapping = mapHeaders(header);
    expect(mapping.absent).toEqual([]);
    CRITERIA.forEach((id, column) => expect(mapping.byCriterion[id]?.column).toBe(column));
  });
});

describe("mapping rules", () => {
  it("the first of two columns for one criterion wins; the second is reported as a duplicate", () => {
    const mapping = mapHeaders(["Design status", "Qty", "Design", "CAD frozen"]);
    expect(mapping.byCriterion.design).toMatchObject({ column: 0, header: "Design status" });
    expect(mapping.ignored).toEqual([
      { column: 2, header: "Design", reason: "duplicate", criterion: "design" },
      { column: 3, header: "CAD frozen", reason: "duplicate", criterion: "design" },
    ]);
  });

  it("reads at most one column per criterion", () => {
    const mapping = mapHeaders(["qty", "Quantity", "Batch size", "EAU", "Annual volume", "Goal", "Purpose"]);
    const counts = new Map<CriterionId, number>();
    for (const c of mapping.columns) counts.set(c.criterion, (counts.get(c.criterion) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(mapping.columns.map((c) => [c.criterion, c.column])).toEqual([["quantity", 0], ["annual_volume", 3], ["goal", 5]]);
  });

  it("an exact alias wins over a header that only matches once its aside is removed, wherever it stands", () => {
    for (const header of [["Qty (pcs)", "Quantity"], ["Quantity", "Qty (pcs)"]]) {
      const mapping = mapHeaders(header);
      expect(mapping.byCriterion.quantity?.header).toBe("Quantity");
      expect(mapping.byCriterion.quantity?.match).toBe("exact");
      expect(mapping.ignored).toEqual([{ column: header.indexOf("Qty (pcs)"), header: "Qty (pcs)", reason: "duplicate", criterion: "quantity" }]);
    }
  });

  it("a header with an aside is read when no exact header takes the criterion", () => {
    expect(mapHeaders(["Qty (pcs)", "EAU [pcs/yr]"]).columns).toMatchObject([
      { criterion: "quantity", column: 0, match: "aside" },
      { criterion: "annual_volume", column: 1, match: "aside" },
    ]);
  });

  it('"Supplier name" is not supplier capability', () => {
    const alone = mapHeaders(["Part", "Supplier name", "Design"]);
    expect(alone.byCriterion.supplier).toBeUndefined();
    expect(alone.absent).toContain("supplier");
    expect(alone.ignored).toContainEqual({ column: 1, header: "Supplier name", reason: "unrecognised" });

    const both = mapHeaders(["Supplier name", "Supplier capability"]);
    expect(both.byCriterion.supplier).toMatchObject({ column: 1, header: "Supplier capability" });
  });

  it("a company name in a Supplier name column never reaches the assessment", () => {
    const reader = rowReader(mapHeaders(["Supplier name", "Design"]));
    const reading = reader.read(["Qualified Machining Ltd", "frozen"]);
    expect(reading.levels.supplier).toBe("unknown");
    expect(reading.issues).toEqual([]);
  });

  it("reports what it matched, what it ignored and what is absent", () => {
    const mapping = mapHeaders(["Part number", "Design", "", "Colour", "Design status", "Qty", null, 42]);
    expect(mapping.columns.map((c) => [c.criterion, c.column, c.header])).toEqual([["design", 1, "Design"], ["quantity", 5, "Qty"]]);
    expect(mapping.ignored).toEqual([
      { column: 0, header: "Part number", reason: "part" },
      { column: 3, header: "Colour", reason: "unrecognised" },
      { column: 4, header: "Design status", reason: "duplicate", criterion: "design" },
      { column: 7, header: "42", reason: "unrecognised" },
    ]);
    expect(mapping.absent).toEqual(CRITERIA.filter((id) => id !== "design" && id !== "quantity"));
    expect(mapping.partColumn).toBe(0);
    expect(mapping.width).toBe(8);
  });

  it.each([
    ["Material", "material", true], [" MATERIAL: ", "material", true], ["Finish", "finish", true], ["Supplier", "supplier", true],
    ["Coating", "finish", true], ["Treatment", "finish", true], ["Surface treatment", "finish", false],
    ["Material status", "material", false], ["Surface finish", "finish", false], ["Supplier qualified", "supplier", false], ["Design", "design", false],
  ] as const)("%j is a bare-name header: %s %s", (header, id, bare) => {
    expect(mapHeaders([header]).byCriterion[id]?.bareName).toBe(bare);
  });

  it("under bare headers a name is partial (material, finish) or unknown (supplier); under status headers it is an issue", () => {
    const bare = rowReader(mapHeaders(["Material", "Finish", "Supplier"])).read(["6061-T6", "black anodize", "Acme GmbH"]);
    expect(bare.levels).toMatchObject({ material: "partial", finish: "partial", supplier: "unknown" });
    expect(bare.issues).toEqual([]);

    const coating = rowReader(mapHeaders(["Coating"])).read(["zinc-nickel"]);
    expect(coating.levels.finish).toBe("partial");
    expect(coating.issues).toEqual([]);

    const status = rowReader(mapHeaders(["Material status", "Finish status", "Supplier capability"])).read(["6061-T6", "black anodize", "Acme GmbH"]);
    expect(status.levels).toMatchObject({ material: "unknown", finish: "unknown", supplier: "unknown" });
    expect(status.issues.map((i) => i.criterion)).toEqual(["material", "finish", "supplier"]);
  });
});

describe("findHeaderRow", () => {
  const header = ["Part number", "Design status", "Material", "Qty", "Goal"];

  it("finds the header row below title rows and blank rows", () => {
    const rows = [["Bill of parts: gearbox housing"], [], ["Revision C", "2024-05-01"], header, ["GB-001", "frozen", "6061-T6", 50, "pilot"]];
    const found = findHeaderRow(rows);
    expect(found?.index).toBe(3);
    expect(found?.mapping.columns.map((c) => c.criterion)).toEqual(["design", "material", "quantity", "goal"]);
  });

  it("prefers the row that names the most criteria over a title that happens to name one", () => {
    expect(findHeaderRow([["Design"], header])?.index).toBe(1);
  });

  it("takes the earliest row on a tie", () => {
    expect(findHeaderRow([["Design", "Qty"], ["Material", "Goal"]])?.index).toBe(0);
  });

  it("is undefined when no row names a criterion, or the header is beyond the rows it scans", () => {
    expect(findHeaderRow([["a", "b"], [1, 2]])).toBeUndefined();
    expect(findHeaderRow([])).toBeUndefined();
    const late = [...Array.from({ length: 60 }, () => ["notes"]), header];
    expect(findHeaderRow(late)).toBeUndefined();
    expect(findHeaderRow(late, 61)?.index).toBe(60);
  });
});

describe("mappingFromAssignments", () => {
  const header = ["Part", "Supplier name", "Maker status", "Design"];

  it("reads the columns the user chose, and reports the rest as ignored", () => {
    const mapping = mappingFromAssignments(header, { supplier: 2, design: 3 });
    expect(mapping.columns.map((c) => [c.criterion, c.column])).toEqual([["supplier", 2], ["design", 3]]);
    expect(mapping.ignored).toEqual([
      { column: 0, header: "Part", reason: "part" },
      { column: 1, header: "Supplier name", reason: "unrecognised" },
    ]);
    expect(mapping.absent).toEqual(CRITERIA.filter((id) => id !== "supplier" && id !== "design"));
  });

  it("skips columns outside the row and a column given twice", () => {
    const mapping = mappingFromAssignments(header, { design: 9, material: -1, supplier: 2, cost: 2 });
    expect(mapping.columns.map((c) => [c.criterion, c.column])).toEqual([["supplier", 2]]);
  });
});
