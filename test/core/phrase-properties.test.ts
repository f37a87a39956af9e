/** Invariants of phrase reading, over generated phrases (fast-check). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CRITERION_DEFS, LEVEL_CRITERIA, readCount, readGoal, readLevel, type Level, type LevelCriterionId } from "../../src/core";

const RANK: Readonly<Record<Level, number>> = { unknown: 0, "not-met": 0, partial: 1, met: 2 };
const level = (id: LevelCriterionId, text: string): Level => {
  const read = readLevel(id, text);
  return read.ok ? read.value : "unknown";
};

const criterion = fc.constantFrom(...LEVEL_CRITERIA);
/** A criterion with one of its own met words. */
const metWord = criterion.chain((id) => fc.constantFrom(...(CRITERION_DEFS[id].vocabulary?.met ?? ["yes"])).map((word) => [id, word] as const));
const revision = fc.oneof(
  fc.constantFrom("A", "B", "C", "D", "E", "F").map((r) => ` (rev ${r})`),
  fc.constantFrom("A", "B", "C", "07").map((r) => ` - Rev ${r}`),
  fc.date({ min: new Date("2015-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => ` ${d.toISOString().slice(0, 10)}`),
  fc.integer({ min: 100, max: 99999 }).map((n) => ` per ECN ${n}`),
);

describe("phrase reading", () => {
  it("a qualifier (revision, date, ECN) never changes a met word's reading", () => {
    fc.assert(
      fc.property(metWord, revision, ([id, word], qualifier) => {
        expect(level(id, `${word}${qualifier}`)).toBe(level(id, word));
      }),
      { numRuns: 500 },
    );
  });

  // Demand that is not committed or not firm is still a forecast: partial, as engineers read it.
  const FORECAST_PHRASES = new Set(["demand:committed", "demand:firm"]);

  it("a negation before a met word never leaves it met, nor partial but for a demand that is only a forecast", () => {
    fc.assert(
      fc.property(metWord, fc.constantFrom("not", "Not", "NOT", "never", "not yet"), ([id, word], negation) => {
        const read = level(id, `${negation} ${word}`);
        expect(read).not.toBe("met");
        if (!FORECAST_PHRASES.has(`${id}:${word}`) || negation === "never") expect(RANK[read]).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it("a condition never raises a reading, and makes a met word at most partial", () => {
    fc.assert(
      fc.property(metWord, fc.constantFrom("conditional", "interim", "with deviations", "w/ conditions", "provisionally"), ([id, word], condition) => {
        const plain = level(id, word);
        const conditioned = level(id, `${word} ${condition}`);
        expect(RANK[conditioned]).toBeLessThanOrEqual(RANK[plain]);
        expect(conditioned).not.toBe("met");
      }),
      { numRuns: 500 },
    );
  });

  it("appending any text never turns a not-met reading into met", () => {
    fc.assert(
      fc.property(criterion, fc.string({ maxLength: 30 }), (id, tail) => {
        const base = CRITERION_DEFS[id].vocabulary?.notMet[0] ?? "no";
        expect(level(id, `${base} ${tail}`)).not.toBe("met");
      }),
      { numRuns: 1000 },
    );
  });

  it("reading any text never throws and gives a level, a goal or a count", () => {
    fc.assert(
      fc.property(criterion, fc.string({ maxLength: 80 }), (id, text) => {
        expect(["met", "partial", "not-met", "unknown"]).toContain(level(id, text));
        const goal = readGoal(text);
        if (goal.ok) expect(["learning", "delivering", "unknown"]).toContain(goal.value);
        const count = readCount("annual_volume", text);
        if (count.ok && count.value !== undefined) expect(Number.isInteger(count.value) && count.value >= 0).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("learning and delivering words together are never read as delivering", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("Prototype", "Proto", "EVT", "Feasibility", "Lab test"),
        fc.constantFrom("pilot", "series", "SOP", "production", "spares"),
        fc.boolean(),
        (learn, deliver, first) => {
          const read = readGoal(first ? `${learn} for ${deliver}` : `${deliver} ${learn}`);
          expect(read.ok && read.value === "delivering").toBe(false);
        },
      ),
    );
  });
});

describe("count reading", () => {
  it("labels, units and bounds around a whole number read as that number", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }),
        fc.constantFrom(
          (n: string) => `Qty ${n}`,
          (n: string) => `${n} off`,
          (n: string) => `${n}+`,
          (n: string) => `${n} pcs`,
          (n: string) => `${n} (first order)`,
          (n: string) => `~${n}`,
        ),
        (n, form) => {
          const grouped = n.toLocaleString("en-US");
          expect(readCount("quantity", form(grouped))).toEqual({ ok: true, value: n });
        },
      ),
      { numRuns: 500 },
    );
  });

  it("a rate under annual volume is the rate times the periods in a year", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom(["/month", 12], [" per quarter", 4], ["/week", 52], [" monthly", 12]) as fc.Arbitrary<[string, number]>,
        (n, [unit, periods]) => {
          expect(readCount("annual_volume", `${n}${unit}`)).toEqual({ ok: true, value: n * periods });
        },
      ),
      { numRuns: 500 },
    );
  });

  it("a point-grouped number of three decimals is ambiguous, and the message gives both readings", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 }), (whole, part) => {
        const text = `${whole}.${String(part).padStart(3, "0")}`;
        const read = readCount("quantity", text);
        expect(read.ok).toBe(false);
        if (!read.ok) expect(read.issue.code).toBe("ambiguous-number");
      }),
      { numRuns: 300 },
    );
  });

  it("any amount with a currency is a known piece price", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom(
          (a: string) => `$${a}`,
          (a: string) => `${a} EUR`,
          (a: string) => `€${a}`,
          (a: string) => `USD ${a}`,
          (a: string) => `£${a}/pc`,
        ),
        (whole, cents, form) => {
          expect(readLevel("cost", form(`${whole}.${String(cents).padStart(2, "0")}`))).toEqual({ ok: true, value: "met" });
        },
      ),
      { numRuns: 500 },
    );
  });
});
