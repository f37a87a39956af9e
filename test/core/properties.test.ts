import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CRITERIA,
  LEVELS,
  LEVEL_CRITERIA,
  STAGES,
  assess,
  criterionForHeader,
  findHeaderRow,
  mapHeaders,
  parseQuantityText,
  readCount,
  readGoal,
  readLevel,
  readPart,
  rowReader,
  type Assessment,
  type CriterionId,
  type Level,
  type LevelCriterionId,
  type Stage,
} from "../../src/core";
import { WORD_FOR, partValues, type PartSpec } from "./parts";
import { SPEC_GENERIC, SPEC_GOALS, SPEC_HEADERS, SPEC_UNKNOWN_TEXT, SPEC_VOCABULARY } from "./spec-tables";

const ALL_WORDS = [
  ...Object.values(SPEC_VOCABULARY).flatMap((v) => [...v.met, ...v.partial, ...v.notMet]),
  ...SPEC_GENERIC.met,
  ...SPEC_GENERIC.partial,
  ...SPEC_GENERIC.notMet,
  ...SPEC_UNKNOWN_TEXT,
  ...SPEC_GOALS.learning,
  ...SPEC_GOALS.delivering,
];

/** Objects that have tripped up code reading `.error` or iterating keys. */
const AWKWARD_OBJECTS: unknown[] = [
  JSON.parse('{"__proto__": {"error": "#N/A"}}'),
  JSON.parse('{"constructor": {"prototype": {"error": "x"}}}'),
  JSON.parse('{"__proto__": null, "error": "#REF!"}'),
  Object.create(null),
  Object.assign(Object.create(null), { error: "#N/A" }),
  { error: { toString: "x" } },
  { error: 42 },
  { error: null },
  { toString: null, valueOf: null },
  new Date(Number.NaN),
  [],
  [["yes"]],
];

/** Anything a cell (or a careless caller) might hand the core. */
const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withObjectString: true,
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withSparseArray: true,
    stringUnit: "grapheme",
  }),
  fc.string({ unit: "grapheme" }),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.date({ noInvalidDate: false }),
  fc.record({ error: fc.oneof(fc.string(), fc.anything()) }),
  fc.dictionary(fc.constantFrom("__proto__", "constructor", "error", "toString", "valueOf"), fc.anything()),
  fc.constantFrom(...AWKWARD_OBJECTS),
  fc.tuple(fc.constantFrom(...ALL_WORDS), fc.constantFrom("", " ", ".", "!?", "  ;", "%", "-")).map(([w, tail]) => `${w}${tail}`),
  fc.constantFrom("#N/A", "#REF!", "#DIV/0!", "1,000", "1k", "2.5k", "~200", "200 pcs", "50-100", "-5", "1e400", "9".repeat(400), "50%", "-10%", "0.5"),
);

const anyRow = fc.array(anyCell, { maxLength: 20 });
const anyValues = fc.dictionary(fc.constantFrom(...CRITERIA), anyCell).map((v) => v as Partial<Record<CriterionId, unknown>>);
const anyBare = fc
  .tuple(fc.subarray(["material", "finish", "supplier"] as CriterionId[]), fc.boolean())
  .map(([ids, price]) => ({ bareNames: new Set(ids), prices: new Set<CriterionId>(price ? ["cost"] : []) }));
const validThresholds = fc
  .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 100_000 }))
  .map(([a, b]) => ({ prototypeQuantity: a, lowVolumeQuantity: a + b }));

const RANK = (stage: Stage | null): number => (stage === null ? -1 : STAGES.indexOf(stage));

function wellFormed(a: Assessment): void {
  if (a.stage === null) {
    expect(a.score).toBeNull();
    return;
  }
  expect(Number.isInteger(a.score)).toBe(true);
  expect(a.score).toBeGreaterThanOrEqual(0);
  expect(a.score).toBeLessThanOrEqual(100);
  expect(a.score === 100).toBe(a.stage === "mass-production");
  // The score sorts by stage: prototyping 0-49, low-volume 50-99.
  expect(a.stage === "prototyping" ? (a.score ?? 100) <= 49 : (a.score ?? 0) >= 50).toBe(true);
  expect(Number.isInteger(a.progress)).toBe(true);
  expect(a.progress === 100).toBe(a.stage === "mass-production");
}

describe("reading never throws, whatever the cell holds", () => {
  it("readLevel, readGoal, readCount", () => {
    fc.assert(
      fc.property(anyCell, fc.constantFrom(...LEVEL_CRITERIA), fc.boolean(), (value, id, bare) => {
        const level = readLevel(id, value, bare);
        if (level.ok) expect(LEVELS).toContain(level.value);
        else expect(level.issue.message).toMatch(/\S/u);
        const goal = readGoal(value);
        if (goal.ok) expect(["learning", "delivering", "unknown"]).toContain(goal.value);
        for (const countId of ["quantity", "annual_volume"] as const) {
          const count = readCount(countId, value);
          if (count.ok && count.value !== undefined) {
            expect(Number.isFinite(count.value)).toBe(true);
            expect(count.value).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("readPart and assess", () => {
    fc.assert(
      fc.property(anyValues, anyBare, validThresholds, (values, bare, thresholds) => {
        const reading = readPart(values, bare);
        for (const id of LEVEL_CRITERIA) expect(LEVELS).toContain(reading.levels[id]);
        wellFormed(assess(reading, thresholds));
      }),
      { numRuns: 1000 },
    );
  });

  it("mapHeaders and findHeaderRow", () => {
    fc.assert(
      fc.property(fc.array(anyRow, { maxLength: 8 }), (rows) => {
        const found = findHeaderRow(rows);
        if (found) expect(found.mapping.columns.length).toBeGreaterThan(0);
        for (const row of rows) {
          const mapping = mapHeaders(row);
          expect(mapping.columns.length + mapping.absent.length).toBe(CRITERIA.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("value matching ignores case, surrounding spaces and trailing punctuation", () => {
  const levelOfColumn = { met: "met", partial: "partial", notMet: "not-met" } as const;
  const spoken = fc.constantFrom(
    ...LEVEL_CRITERIA.flatMap((id) =>
      (["met", "partial", "notMet"] as const).flatMap((col) => SPEC_VOCABULARY[id][col].map((word) => ({ id, word, level: levelOfColumn[col] as Level }))),
    ),
  );
  const caseMask = fc.array(fc.boolean(), { minLength: 30, maxLength: 30 });
  const space = fc.constantFrom("", " ", "  ", "\t", "\u00a0");
  const tail = fc.constantFrom("", ".", "!", "?", ";", ":", ",", "...", " .");

  it("for every word of the spec table", () => {
    fc.assert(
      fc.property(spoken, caseMask, space, space, tail, ({ id, word, level }, mask, before, after, punct) => {
        const cased = [...word].map((ch, i) => (mask[i] ? ch.toUpperCase() : ch)).join("");
        expect(readLevel(id, `${before}${cased}${punct}${after}`)).toEqual({ ok: true, value: level });
      }),
      { numRuns: 500 },
    );
  });

  it("header matching folds case, punctuation and repeated spaces", () => {
    const alias = fc.constantFrom(...CRITERIA.flatMap((id) => SPEC_HEADERS[id].map((a) => ({ id, a }))));
    const sep = fc.constantFrom(" ", "  ", "_", "-", "/", " - ", ".", "\u00a0");
    fc.assert(
      fc.property(alias, sep, caseMask, tail, ({ id, a }, s, mask, punct) => {
        const header = [...a.split(" ").join(s)].map((ch, i) => (mask[i % mask.length] ? ch.toUpperCase() : ch)).join("");
        expect(criterionForHeader(`${header}${punct}`)).toBe(id);
      }),
      { numRuns: 500 },
    );
  });
});

const levelArb = fc.constantFrom(...LEVELS);
const partArb: fc.Arbitrary<PartSpec> = fc.record({
  levels: fc.record(Object.fromEntries(LEVEL_CRITERIA.map((id) => [id, levelArb])) as Record<LevelCriterionId, fc.Arbitrary<Level>>),
  goal: fc.constantFrom("learning", "delivering", "unknown" as const),
  quantity: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
  annualVolume: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
});
const stageOf = (part: PartSpec, thresholds = { prototypeQuantity: 10, lowVolumeQuantity: 1000 }): Stage | null =>
  assess(readPart(partValues(part)), thresholds).stage;

describe("the stage", () => {
  const BETTER: Readonly<Record<Level, readonly Level[]>> = { unknown: ["partial", "met"], "not-met": ["partial", "met"], partial: ["met"], met: [] };

  it("never drops when one criterion improves (unknown/not met -> partial -> met, learning -> delivering)", () => {
    fc.assert(
      fc.property(partArb, fc.constantFrom(...LEVEL_CRITERIA, "goal" as const), fc.nat(), validThresholds, (part, which, pick, thresholds) => {
        const before = stageOf(part, thresholds);
        let improved: PartSpec;
        if (which === "goal") {
          if (part.goal !== "learning") return;
          improved = { ...part, goal: "delivering" };
        } else {
          const options = BETTER[part.levels?.[which] ?? "unknown"];
          if (options.length === 0) return;
          improved = { ...part, levels: { ...part.levels, [which]: options[pick % options.length] } };
        }
        expect(RANK(stageOf(improved, thresholds))).toBeGreaterThanOrEqual(RANK(before));
      }),
      { numRuns: 2000 },
    );
  });

  it("does not depend on column order", () => {
    const extras = ["Part number", "Notes", "Colour", "Supplier name", "Revision date", "Owner"];
    const sheet = fc
      .tuple(fc.subarray([...CRITERIA], { minLength: 1 }), fc.subarray(extras), fc.nat(), fc.boolean())
      .chain(([criteria, extra, aliasPick, aside]) => {
        const headers = [
          ...criteria.map((id) => {
            const aliases = SPEC_HEADERS[id];
            const alias = aliases[aliasPick % aliases.length] ?? id;
            return aside && id === "quantity" ? `${alias} (pcs)` : alias.toUpperCase();
          }),
          ...extra,
        ];
        const cells = headers.map((h) => {
          const id = criterionForHeader(h);
          if (id === "quantity" || id === "annual_volume" || h.includes("(pcs)"))
            return fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constantFrom("1k", "~200", "50-100", ""));
          if (id === "goal") return fc.constantFrom(...SPEC_GOALS.learning, ...SPEC_GOALS.delivering, "", "?");
          if (id !== undefined) return fc.constantFrom(...Object.values(WORD_FOR), "6061-T6", "frozen", "draft", "50%");
          return fc.string();
        });
        return fc.tuple(
          fc.constant(headers),
          fc.tuple(...cells),
          fc.shuffledSubarray(
            headers.map((_, i) => i),
            { minLength: headers.length, maxLength: headers.length },
          ),
        );
      });
    fc.assert(
      fc.property(sheet, ([headers, row, order]) => {
        const original = rowReader(mapHeaders(headers)).assess(row);
        const shuffled = rowReader(mapHeaders(order.map((i) => headers[i]))).assess(order.map((i) => row[i]));
        expect(shuffled).toEqual(original);
      }),
      { numRuns: 500 },
    );
  });

  it("an arbitrary cell matrix gives one assessment per row below its header row", () => {
    fc.assert(
      fc.property(fc.array(anyRow, { maxLength: 12 }), validThresholds, (rows, thresholds) => {
        const found = findHeaderRow(rows);
        const headerIndex = found?.index ?? 0;
        const reader = rowReader(found?.mapping ?? mapHeaders(rows[0] ?? []), thresholds);
        const body = rows.slice(headerIndex + 1);
        const assessments = body.map((row) => reader.assess(row));
        expect(assessments).toHaveLength(body.length);
        for (const a of assessments) {
          expect(a.stage === null || STAGES.includes(a.stage)).toBe(true);
          wellFormed(a);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("scores stay within 0..100 and are 100 exactly for mass production", () => {
    fc.assert(
      fc.property(partArb, validThresholds, (part, thresholds) => {
        const a = assess(readPart(partValues(part)), thresholds);
        wellFormed(a);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("quantity text round-trips", () => {
  const withCommas = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/gu, ",");
  const withK = (n: number): string => {
    const rest = n % 1000;
    return `${Math.floor(n / 1000)}${rest === 0 ? "" : `.${String(rest).padStart(3, "0").replace(/0+$/u, "")}`}k`;
  };
  const formats: readonly ((n: number) => string)[] = [
    String,
    withCommas,
    withK,
    (n) => `${n} pcs`,
    (n) => `~${withCommas(n)}`,
    (n) => `${withCommas(n)} PCS`,
    (n) => ` ${withK(n).toUpperCase()} `,
  ];

  it("an integer written with thousands commas, a k suffix, a pcs unit or a tilde reads back as itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.constantFrom(...formats), (n, format) => {
        expect(parseQuantityText(format(n))).toEqual({ ok: true, value: n });
        expect(readCount("quantity", format(n))).toEqual({ ok: true, value: n });
      }),
      { numRuns: 2000 },
    );
  });

  it("a range reads as its upper bound", () => {
    const numeric = fc.constantFrom(String, withCommas, withK, (n: number) => withK(n).toUpperCase());
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        numeric,
        numeric,
        fc.constantFrom("-", " - ", "–", " to "),
        fc.constantFrom("", "~"),
        fc.constantFrom("", " pcs"),
        (a, b, formatA, formatB, dash, prefix, unit) => {
          expect(parseQuantityText(`${prefix}${formatA(a)}${dash}${formatB(b)}${unit}`)).toEqual({ ok: true, value: Math.max(a, b) });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
