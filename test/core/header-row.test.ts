/* The header row rule: two criteria, or one and a part label column, with at least one part row under it (issue 10). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellText, findHeaderRow, headerRowMiss, headerRowMissText, mapHeaders, type CriterionId } from "../../src/core";

type Rows = unknown[][];

interface Found {
  readonly name: string;
  readonly rows: Rows;
  /** 0-based index of the header row. */
  readonly index: number;
  readonly criteria: readonly CriterionId[];
}

const FOUND: readonly Found[] = [
  {
    name: "a bill of parts with status columns",
    rows: [
      ["Part number", "Description", "Design status", "Material", "Qty", "Goal"],
      ["GB-001", "Housing", "frozen", "6061-T6", 50, "pilot"],
    ],
    index: 0,
    criteria: ["design", "material", "quantity", "goal"],
  },
  {
    name: "one criterion and the part number column",
    rows: [
      ["Part number", "Qty"],
      ["PN-1", 5],
      ["PN-2", 12],
    ],
    index: 0,
    criteria: ["quantity"],
  },
  {
    name: "an ERP export: item, description, quantity, unit price",
    rows: [
      ["Item", "Description", "Qty", "Unit price"],
      ["100-200", "Bracket", 4, "12.50"],
    ],
    index: 0,
    criteria: ["quantity", "cost"],
  },
  {
    name: "a German Stückliste without a part number column",
    rows: [
      ["Pos", "Benennung", "Menge", "Werkstoff"],
      [1, "Deckel", 2, "S235"],
    ],
    index: 0,
    criteria: ["quantity", "material"],
  },
  {
    name: "an Altium BOM: designator, comment, quantity, supplier",
    rows: [
      ["Designator", "Comment", "Quantity", "Supplier"],
      ["R1, R2", "10k", 2, "Digi-Key"],
    ],
    index: 0,
    criteria: ["quantity", "supplier"],
  },
  {
    name: "title and revision rows above the header, a blank row under it",
    rows: [["Bill of parts: gearbox"], [], ["Revision C", "2024-05-01"], ["Part No.", "Design", "Pilot run"], [], ["GB-002", "", "passed"]],
    index: 3,
    criteria: ["design", "pilot"],
  },
  {
    name: "a title that names one criterion above the real header",
    rows: [["Material"], ["Part No.", "Material", "Finish", "Qty"], ["P-1", "PA12", "bead blasted", 3]],
    index: 1,
    criteria: ["material", "finish", "quantity"],
  },
  {
    name: "a sparse list whose only filled criterion cell is a quantity",
    rows: [
      ["Part No.", "Design status", "Qty"],
      ["P-1", "", ""],
      ["P-2", null, 40],
    ],
    index: 0,
    criteria: ["design", "quantity"],
  },
];

interface Missed {
  readonly name: string;
  readonly rows: Rows;
  readonly miss: { readonly kind: "one-criterion" | "no-part-rows"; readonly index: number } | undefined;
  /** The reason in words, with rows named by their 1-based number. */
  readonly text?: RegExp;
}

const MISSED: readonly Missed[] = [
  {
    name: "a chart template whose row label is Forecast",
    rows: [["Sales plan 2024"], ["", "Q1", "Q2", "Q3", "Q4"], ["Forecast", 120, 140, 160, 180], ["Actual", 110, 150, 170, null]],
    miss: { kind: "one-criterion", index: 2 },
    text: /^row 3 \("Forecast"\) names only one criterion \(Demand\) and no part name or number column \(a header row needs two criteria, or one criterion and a part column\)$/u,
  },
  {
    name: "a KiCad BOM whose only criterion is Qty and whose reference columns are not part labels",
    rows: [
      ["Ref", "Value", "Footprint", "Qty", "MPN", "Manufacturer"],
      ["R1", "10k", "0603", 1, "RC0603", "Yageo"],
    ],
    miss: { kind: "one-criterion", index: 0 },
    text: /^row 1 \("Qty"\) names only one criterion \(Quantity\)/u,
  },
  {
    name: "a one-column list of materials",
    rows: [["Material"], ["Steel"], ["PA12"]],
    miss: { kind: "one-criterion", index: 0 },
  },
  {
    name: "a template with headers and no parts yet",
    rows: [["Part No.", "Design status", "Material", "Qty"]],
    miss: { kind: "no-part-rows", index: 0 },
    text: /^row 1 names "Design status", "Material" and "Qty", but no row under it fills any of those columns, so there are no parts to classify$/u,
  },
  {
    name: "a header whose rows fill only the part names",
    rows: [["Notes"], ["Part No.", "Qty"], ["P-1", ""], ["P-2", "  "]],
    miss: { kind: "no-part-rows", index: 1 },
    text: /^row 2 names "Qty", but no row under it fills that column/u,
  },
  {
    name: "a calendar that names no criterion",
    rows: [
      ["Month", "Jan", "Feb", "Mar"],
      ["Hours", 12, 14, 9],
    ],
    miss: undefined,
  },
  { name: "an empty sheet", rows: [], miss: undefined },
];

describe("findHeaderRow: real-world header rows", () => {
  it.each(FOUND)("finds the header of $name", ({ rows, index, criteria }) => {
    const found = findHeaderRow(rows);
    expect(found?.index).toBe(index);
    expect(found?.mapping.columns.map((c) => c.criterion)).toEqual(criteria);
    expect(headerRowMiss(rows)).toBeUndefined();
  });

  it.each(MISSED)("finds no header in $name, and says why", ({ rows, miss, text }) => {
    expect(findHeaderRow(rows)).toBeUndefined();
    const why = headerRowMiss(rows);
    expect(why === undefined ? undefined : { kind: why.kind, index: why.index }).toEqual(miss);
    if (text !== undefined && why !== undefined) expect(headerRowMissText(why, (i) => `row ${i + 1}`)).toMatch(text);
  });

  it("looks for part rows among all the rows it is given, not only the scanned ones", () => {
    const rows: Rows = [["Part No.", "Design", "Qty"], ...Array.from({ length: 60 }, () => ["P-x"]), ["P-9", "frozen", 2]];
    expect(findHeaderRow(rows, 1)?.index).toBe(0);
    expect(headerRowMiss(rows.slice(0, 61), 1)?.kind).toBe("no-part-rows");
  });

  it("applies the rule to the criteria the user's column choices give", () => {
    const rows: Rows = [
      ["Part No.", "Werkstoff status"],
      ["P-1", "approved"],
    ];
    const choices = new Map([["werkstoff status", "material" as const]]);
    expect(findHeaderRow(rows, 50, choices)?.mapping.byCriterion.material?.column).toBe(1);
    const noPart: Rows = [["Werkstoff status"], ["approved"]];
    expect(findHeaderRow(noPart, 50, new Map([["werkstoff status", "material" as const]]))).toBeUndefined();
  });
});

const CELLS = [
  "Part No.",
  "Part number",
  "Description",
  "Design status",
  "Design",
  "Material",
  "Finish",
  "Qty",
  "Quantity",
  "Supplier",
  "Pilot run",
  "Goal",
  "Forecast",
  "Notes",
  "frozen",
  "released",
  "PA12",
  "approved",
  "pilot",
  "Q1",
  "",
  "  ",
  null,
  undefined,
  0,
  5,
  120,
  true,
];
const cell = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...CELLS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
const rowsArb = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 10 });
const filled = (v: unknown): boolean => cellText(v).trim() !== "";

describe("findHeaderRow: invariants", () => {
  it("a found header names two criteria, or one and a part column, within the scan, with a part row under it", () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 12 }), (rows, scan) => {
        const found = findHeaderRow(rows, scan);
        if (found === undefined) return;
        expect(found.index).toBeLessThan(scan);
        const named = found.mapping.columns.length;
        expect(named >= 2 || (named === 1 && found.mapping.partColumn !== undefined)).toBe(true);
        const below = rows.slice(found.index + 1);
        expect(below.some((row) => found.mapping.columns.some((c) => filled(row[c.column])))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("either finds a header, or says why, or no scanned row names a criterion; and never changes its input", () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 12 }), (rows, scan) => {
        const before = structuredClone(rows);
        const found = findHeaderRow(rows, scan);
        const miss = headerRowMiss(rows, scan);
        expect(found !== undefined && miss !== undefined).toBe(false);
        if (found === undefined && miss === undefined) {
          for (const row of rows.slice(0, scan)) expect(mapHeaders(row).columns).toEqual([]);
        }
        if (miss !== undefined) {
          expect(miss.index).toBeLessThan(scan);
          expect(headerRowMissText(miss, (i) => `row ${i + 1}`)).toMatch(new RegExp(`^row ${miss.index + 1} `, "u"));
        }
        expect(rows).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it("a title row above the list moves the header down by one row and changes nothing else", () => {
    const title = ["Bill of parts: gearbox housing, revision C"];
    expect(mapHeaders(title).columns).toEqual([]);
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const found = findHeaderRow(rows);
        const below = findHeaderRow([title, ...rows]);
        expect(below === undefined ? undefined : { index: below.index - 1, criteria: below.mapping.columns }).toEqual(
          found === undefined ? undefined : { index: found.index, criteria: found.mapping.columns },
        );
        expect(headerRowMiss([title, ...rows])?.kind).toBe(headerRowMiss(rows)?.kind);
      }),
      { numRuns: 300 },
    );
  });
});
