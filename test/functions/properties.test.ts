import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExcelErrorDouble } from "./custom-functions-double";
import { CRITERIA, CRITERION_DEFS, cellText, mapHeaders } from "../../src/core";
import { toCellValue } from "../../src/functions/excel-values";
import { readMapping } from "../../src/functions/mapping-arg";
import { coreAssessments } from "./sample-table";
import {
  readinessBlockers,
  readinessMissing,
  readinessNextStep,
  readinessReport,
  readinessScore,
  readinessStage,
  readinessWarnings,
} from "../../src/functions/functions";

const WORDS = [
  "frozen",
  "draft",
  "verified",
  "failed",
  "locked",
  "candidate",
  "open",
  "yes",
  "no",
  "partial",
  "in progress",
  "n/a",
  "tbd",
  "?",
  "pilot",
  "learning",
  "R&D",
  "1k",
  "50-100",
  "~200",
  "1,000",
  "-3",
  "50%",
  "✓",
  "#N/A",
  "#REF!",
  "6061-T6",
  "Acme GmbH",
];

const ALIASES = CRITERIA.flatMap((id) => CRITERION_DEFS[id].headers);

/** A cell in any shape Excel may pass to an `any` matrix parameter. */
const cell: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.integer({ min: -5, max: 100_000 }),
  fc.boolean(),
  fc.constant(""),
  fc.constant(null),
  fc.constantFrom("#N/A", "#DIV/0!", "#VALUE!").map((code) => new ExcelErrorDouble(code)),
  fc.record({ type: fc.constant("Double"), basicValue: fc.double(), numberFormat: fc.constant("0.0") }),
  fc.record({ type: fc.constant("Entity"), text: fc.constantFrom(...WORDS), properties: fc.constant({}) }),
  fc.record({ type: fc.constant("Error"), basicValue: fc.constantFrom("#N/A", "#SPILL!") }),
  fc.object({ maxDepth: 1, maxKeys: 2 }),
);

const header: fc.Arbitrary<unknown> = fc.oneof(fc.constantFrom(...ALIASES), fc.constantFrom("Part", "Notes", "", "Supplier name"), cell);

const table = fc.integer({ min: 1, max: 6 }).chain((width) =>
  fc.record({
    headers: fc.array(header, { minLength: width, maxLength: width }),
    rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 0, maxLength: 6 }),
    separate: fc.boolean(),
  }),
);

const CALLS = [
  (c: unknown[][], h?: unknown[][]) => readinessStage(c, h),
  (c: unknown[][], h?: unknown[][]) => readinessScore(c, h),
  (c: unknown[][], h?: unknown[][]) => readinessNextStep(c, h),
  (c: unknown[][], h?: unknown[][]) => readinessBlockers(c, h, true),
  (c: unknown[][], h?: unknown[][]) => readinessMissing(c, h, false),
  (c: unknown[][], h?: unknown[][]) => readinessWarnings(c, h, true),
  (c: unknown[][], h?: unknown[][]) => readinessReport(c, h, false),
];

describe("any cells Excel can pass", () => {
  it("give one rectangular result row per part row, or #VALUE!/#N/A exactly when the arguments are unusable", () => {
    fc.assert(
      fc.property(table, ({ headers, rows, separate }) => {
        const criteria = separate ? rows : [headers, ...rows];
        if (criteria.length === 0) return;
        const mapsSomething = mapHeaders(headers.map((h) => cellText(toCellValue(h)))).columns.length > 0;
        for (const call of CALLS) {
          let out: unknown[][];
          try {
            out = call(criteria, separate ? [headers] : undefined);
          } catch (error) {
            expect(error).toBeInstanceOf(ExcelErrorDouble);
            const { code } = error as ExcelErrorDouble;
            expect(["#VALUE!", "#N/A"]).toContain(code);
            expect(mapsSomething && rows.length > 0).toBe(false);
            expect(code).toBe(mapsSomething ? "#N/A" : "#VALUE!");
            continue;
          }
          expect(mapsSomething).toBe(true);
          expect(out).toHaveLength(rows.length);
          const width = out[0]?.length ?? 0;
          expect(width).toBeGreaterThan(0);
          for (const r of out) {
            expect(r).toHaveLength(width);
            for (const c of r) expect(typeof c === "string" || (typeof c === "number" && Number.isFinite(c))).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("any mapping argument", () => {
  const name = fc.oneof(fc.constantFrom(...CRITERIA, "none", "Piece price", "ignore", "desing", "", "#N/A"), fc.string({ maxLength: 8 }));
  const pairs = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...ALIASES, "Notes", ""), fc.string({ maxLength: 8 })), name), { maxLength: 5 });
  const headers = ["Part", "Design status", "Function", "Material", "Notes", "Qty"];
  const rows = [
    ["A", "frozen", "verified", "locked", "passed", 20],
    ["B", "draft", "", "", "", 3],
  ];

  it("gives the core's answers with the choices it reads, or #VALUE! naming the mapping", () => {
    fc.assert(
      fc.property(pairs, (mapping) => {
        const read = readMapping(mapping);
        let out: unknown[][];
        try {
          out = readinessStage(rows, [headers], null, null, mapping);
        } catch (error) {
          expect(error).toBeInstanceOf(ExcelErrorDouble);
          const { code, message } = error as ExcelErrorDouble;
          expect(code).toBe("#VALUE!");
          if (read.ok) {
            expect(message).toMatch(/^headers names no criterion/);
            expect(mapHeaders(headers, { choices: read.value.choices }).columns).toEqual([]);
          } else expect(message).toBe(read.issue.message);
          return;
        }
        expect(read.ok).toBe(true);
        if (read.ok) expect(out).toEqual(coreAssessments(headers, rows, {}, read.value.choices).map((a) => [a.stageName]));
      }),
      { numRuns: 300 },
    );
  });
});

describe("column order", () => {
  const distinctCriteria = fc
    .shuffledSubarray([...CRITERIA], { minLength: 1, maxLength: 8 })
    .chain((ids) => fc.tuple(...ids.map((id) => fc.constantFrom(...CRITERION_DEFS[id].headers))));

  const reordered = distinctCriteria.chain((aliases) => {
    const headers: unknown[] = [...aliases, "Part number", "Notes"];
    const width = headers.length;
    return fc.record({
      headers: fc.constant(headers),
      rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 5 }),
      order: fc.shuffledSubarray([...Array(width).keys()], { minLength: width, maxLength: width }),
    });
  });

  it("does not change any answer when the columns (one per criterion) are reordered", () => {
    fc.assert(
      fc.property(reordered, ({ headers, rows, order }) => {
        const permute = <T>(r: readonly T[]): T[] => order.map((i) => r[i] as T);
        expect(readinessReport(rows.map(permute), [permute(headers)], true)).toEqual(readinessReport(rows, [headers], true));
        expect(readinessWarnings(rows.map(permute), [permute(headers)], true)).toEqual(readinessWarnings(rows, [headers], true));
      }),
      { numRuns: 200 },
    );
  });
});
