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
    expect(mapping.ignored).toMatchObject([
      { column: 2, header: "Design", reason: "duplicate", criterion: "design", keptColumn: 0 },
      { column: 3, header: "CAD frozen", reason: "duplicate", criterion: "design", keptColumn: 0 },
    ]);
  });

  it("reads at most one column per criterion", () => {
    const mapping = mapHeaders(["qty", "Quantity", "Batch size", "EAU", "Annual volume", "Goal", "Purpose"]);
    const counts = new Map<CriterionId, number>();
    for (const c of mapping.columns) counts.set(c.criterion, (counts.get(c.criterion) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(mapping.columns.map((c) => [c.criterion, c.column])).toEqual([
      ["quantity", 0],
      ["annual_volume", 3],
      ["goal", 5],
    ]);
  });

  it("an exact alias wins over a header that only matches once its aside is removed, wherever it stands", () => {
    for (const header of [
      ["Qty (pcs)", "Quantity"],
      ["Quantity", "Qty (pcs)"],
    ]) {
      const mapping = mapHeaders(header);
      expect(mapping.byCriterion.quantity?.header).toBe("Quantity");
      expect(mapping.byCriterion.quantity?.match).toBe("exact");
      expect(mapping.ignored).toMatchObject([{ column: header.indexOf("Qty (pcs)"), header: "Qty (pcs)", reason: "duplicate", criterion: "quantity" }]);
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
    expect(alone.ignored).toContainEqual(expect.objectContaining({ column: 1, header: "Supplier name", reason: "disqualified" }));

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
    expect(mapping.columns.map((c) => [c.criterion, c.column, c.header])).toEqual([
      ["design", 1, "Design"],
      ["quantity", 5, "Qty"],
    ]);
    expect(mapping.ignored).toMatchObject([
      { column: 0, header: "Part number", reason: "part" },
      { column: 3, header: "Colour", reason: "unrecognised" },
      { column: 4, header: "Design status", reason: "duplicate", criterion: "design", keptColumn: 1 },
      { column: 7, header: "42", reason: "unrecognised" },
    ]);
    expect(mapping.absent).toEqual(CRITERIA.filter((id) => id !== "design" && id !== "quantity"));
    expect(mapping.partColumn).toBe(0);
    expect(mapping.width).toBe(8);
  });

  it.each([
    ["Material", "material", true],
    [" MATERIAL: ", "material", true],
    ["Finish", "finish", true],
    ["Supplier", "supplier", true],
    ["Coating", "finish", true],
    ["Treatment", "finish", true],
    ["Surface treatment", "finish", true],
    ["Plating", "finish", true],
    ["Finish / Coating", "finish", true],
    ["Raw material", "material", true],
    ["Material grade", "material", true],
    ["Material status", "material", false],
    ["Surface finish", "finish", true],
    ["Finish confirmed", "finish", false],
    ["Material approved", "material", false],
    ["Supplier qualified", "supplier", false],
    ["Supplier status", "supplier", false],
    ["Design", "design", false],
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
    expect(findHeaderRow([["Design"], header, ["GB-001", "frozen", "6061-T6", 50, "pilot"]])?.index).toBe(1);
  });

  it("takes the earliest row on a tie", () => {
    expect(
      findHeaderRow([
        ["Design", "Qty"],
        ["Material", "Goal"],
      ])?.index,
    ).toBe(0);
  });

  it("is undefined when no row names a criterion, or the header is beyond the rows it scans", () => {
    expect(
      findHeaderRow([
        ["a", "b"],
        [1, 2],
      ]),
    ).toBeUndefined();
    expect(findHeaderRow([])).toBeUndefined();
    const late = [...Array.from({ length: 60 }, () => ["notes"]), header, ["GB-001", "frozen"]];
    expect(findHeaderRow(late)).toBeUndefined();
    expect(findHeaderRow(late, 61)?.index).toBe(60);
  });
});

describe("mappingFromAssignments", () => {
  const header = ["Part", "Supplier name", "Maker status", "Design"];

  it("reads the columns the user chose, and reports the rest as ignored", () => {
    const mapping = mappingFromAssignments(header, { supplier: 2, design: 3 });
    expect(mapping.columns.map((c) => [c.criterion, c.column])).toEqual([
      ["supplier", 2],
      ["design", 3],
    ]);
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

describe("reading headers by their words", () => {
  it.each([
    ["Drawing Rev Status", "design", "words"],
    ["Dwg Status", "design", "words"],
    ["Function Test", "function", "words"],
    ["Fit Check", "function", "words"],
    ["Finish / Coating", "finish", "words"],
    ["Plating", "finish", "words"],
    ["Critical Dims", "tolerances", "words"],
    ["Tolerence Review", "tolerances", "words"],
    ["Inspetion Plan", "inspection", "typo"],
    ["Control Plan", "inspection", "words"],
    ["FAI Status", "inspection", "words"],
    ["Unit Price", "cost", "words"],
    ["Target Cost", "cost", "words"],
    ["Annual Qty", "annual_volume", "words"],
    ["Est. Annual Usage", "annual_volume", "words"],
    ["Qty Required", "quantity", "words"],
    ["Build Purpose", "goal", "words"],
    ["Design frozen (Y/N)", "design", "aside"],
    ["Design frozen?", "design", "exact"],
    ["DFM done?", "dfm", "exact"],
    ["Suplier Status", "supplier", "typo"],
  ] as const)("%j is %s (%s)", (header, criterion, match) => {
    expect(mapHeaders([header]).columns).toMatchObject([{ criterion, match }]);
  });

  it.each([
    ["Supplier name", "disqualified"],
    ["Vendor", "unrecognised"],
    ["Buyer", "disqualified"],
    ["Lead time", "disqualified"],
    ["Drawing number", "disqualified"],
    ["Quantity on hand", "disqualified"],
    ["Inspection date", "disqualified"],
    ["Finish date", "disqualified"],
    ["Design engineer", "disqualified"],
    ["Qty per assembly", "disqualified"],
    ["Price unit", "disqualified"],
    ["Material cost", "unrecognised"],
    ["Drawing rev", "unrecognised"],
    ["Status", "unrecognised"],
  ] as const)("%j is not read (%s), and says why", (header, reason) => {
    const mapping = mapHeaders([header]);
    expect(mapping.columns).toEqual([]);
    expect(mapping.ignored).toMatchObject([{ reason }]);
    if (reason === "disqualified") expect(mapping.ignored[0]?.detail).toMatch(/"[^"]+" says it holds something other than a status/u);
  });

  it("the longer phrase wins over a word it contains: Design for manufacturing is DFM, Annual qty is annual volume", () => {
    expect(criterionForHeader("Design for Manufacture Review")).toBe("dfm");
    expect(criterionForHeader("Annual Qty")).toBe("annual_volume");
    expect(criterionForHeader("Design verification")).toBe("function");
  });

  it("a price header holds a price; a status header about cost does not", () => {
    expect(mapHeaders(["Unit price"]).columns[0]?.price).toBe(true);
    expect(mapHeaders(["Piece price"]).columns[0]?.price).toBe(true);
    expect(mapHeaders(["Cost understood"]).columns[0]?.price).toBe(false);
    expect(mapHeaders(["Quote status"]).columns[0]).toMatchObject({ criterion: "cost", price: false });
  });
});

describe("values decide between two columns of one criterion", () => {
  const header = ["Part", "Supplier", "Supplier Status", "Design"];
  const rows = [
    ["P-1", "Acme CNC", "Qualified", "frozen"],
    ["P-2", "Bolt & Co", "Approved", "frozen"],
    ["P-3", "Acme CNC", "Qualified", "frozen"],
  ];

  it("a status column is kept over a bare column of company names, and the other is set aside with the reason", () => {
    const mapping = mapHeaders(header, { sample: rows });
    expect(mapping.byCriterion.supplier).toMatchObject({ column: 2 });
    expect(mapping.ignored).toContainEqual(expect.objectContaining({ column: 1, reason: "duplicate", criterion: "supplier", keptColumn: 2 }));
    const reader = rowReader(mapping);
    expect(rows.map((r) => reader.read(r).levels.supplier)).toEqual(["met", "met", "met"]);
  });

  it("between two status headers, the one whose cells read wins even when it stands second", () => {
    const mapping = mapHeaders(["Design status", "CAD status"], {
      sample: [
        ["see PLM", "Released"],
        ["ask Bob", "Frozen (rev C)"],
      ],
    });
    expect(mapping.byCriterion.design).toMatchObject({ column: 1, match: "values" });
    expect(mapping.byCriterion.design?.detail).toMatch(/Design status/u);
  });

  it("without a sample, or when neither column reads, the stronger match and then the leftmost wins", () => {
    expect(mapHeaders(["Design status", "CAD status"]).byCriterion.design?.column).toBe(0);
    expect(mapHeaders(["Design status", "CAD status"], { sample: [["x", "y"]] }).byCriterion.design?.column).toBe(0);
  });
});

describe("the user's column choices", () => {
  it("map a header the reader does not know, and ignore one it would read", () => {
    const choices = new Map([
      ["mystery column", "pilot"],
      ["design", "none"],
    ] as const);
    const mapping = mapHeaders(["Mystery column", "Design", "CAD status"], { choices });
    expect(mapping.byCriterion.pilot).toMatchObject({ column: 0, match: "user" });
    expect(mapping.byCriterion.design).toMatchObject({ column: 2 });
    expect(mapping.ignored).toContainEqual(expect.objectContaining({ column: 1, reason: "user" }));
  });

  it("win over values and over exact aliases", () => {
    const choices = new Map([["supplier", "supplier"]] as const);
    const mapping = mapHeaders(["Supplier", "Supplier Status"], { choices, sample: [["Acme", "Qualified"]] });
    expect(mapping.byCriterion.supplier).toMatchObject({ column: 0, match: "user" });
  });
});

describe("review findings", () => {
  it("a part row of status words is not a header row (quoted, repeat, EVT, PVT are values)", () => {
    expect(
      mapHeaders([
        "MP-1",
        "Drive shaft",
        "frozen",
        "verified",
        "locked",
        "confirmed",
        "reviewed",
        "done",
        "validated",
        "repeat",
        "qualified",
        "defined",
        "quoted",
        "EVT",
        "PVT",
      ]).columns,
    ).toEqual([]);
  });

  it.each([
    ["Design status / Function status", ["design", "function"]],
    ["Material / Finish", ["material", "finish"]],
  ] as const)("%j names two criteria: ambiguous, naming both", (header, both) => {
    const mapping = mapHeaders([header]);
    expect(mapping.columns).toEqual([]);
    expect(mapping.ignored[0]).toMatchObject({ reason: "ambiguous" });
    expect([...(mapping.ignored[0]?.candidates ?? [])].sort()).toEqual([...both].sort());
  });

  it("a column the user maps keeps the reading its criterion needs: prices, names", () => {
    const cost = mapHeaders(["Unit $"], { choices: new Map([["unit", "cost"]]) });
    expect(cost.byCriterion.cost).toMatchObject({ match: "user", price: true });
    const byValues = mapHeaders(["Spend"], { choices: new Map([["spend", "cost"]]), sample: [[0.85], [4.2], ["$3.10"]] });
    expect(byValues.byCriterion.cost?.price).toBe(true);
    const reader = rowReader(byValues);
    expect(reader.read([0.85]).levels.cost).toBe("met");
    const spec = mapHeaders(["Spec"], { choices: new Map([["spec", "material"]]) });
    expect(spec.byCriterion.material?.bareName).toBe(true);
    expect(rowReader(spec).read(["6061-T6"]).levels.material).toBe("partial");
  });
});

describe("odd header texts", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "Constructor status", "valueOf qty"])("%j is read without a crash", (header) => {
    expect(() => mapHeaders([header, "Design"])).not.toThrow();
    expect(mapHeaders([header, "Design"]).byCriterion.design?.column).toBe(1);
  });

  it("a header of punctuation only is listed as not read", () => {
    const mapping = mapHeaders(["Design", "#", "---", "Qty"]);
    expect(mapping.ignored.map((i) => [i.column, i.reason])).toEqual([
      [1, "unrecognised"],
      [2, "unrecognised"],
    ]);
  });
});
