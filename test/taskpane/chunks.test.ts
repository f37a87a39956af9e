import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PAYLOAD_LIMIT, PAYLOAD_TARGET, ReadPlanner, planChunks } from "../../src/taskpane/chunks";

describe("planChunks", () => {
  it.each([
    { sizes: [], budget: 100, overhead: 0, expected: [] },
    { sizes: [10, 10, 10], budget: 100, overhead: 0, expected: [[0, 3, 2 + 30 + 2]] },
    // 2 brackets + 40 + 1 comma + 40 = 83; a third row would need 124 > 100.
    {
      sizes: [40, 40, 40],
      budget: 100,
      overhead: 0,
      expected: [
        [0, 2, 83],
        [2, 3, 42],
      ],
    },
    {
      sizes: [40, 40, 40],
      budget: 100,
      overhead: 17,
      expected: [
        [0, 2, 100],
        [2, 3, 59],
      ],
    },
    { sizes: [98], budget: 100, overhead: 0, expected: [[0, 1, 100]] },
  ])("$sizes within $budget (overhead $overhead)", ({ sizes, budget, overhead, expected }) => {
    const plan = planChunks(sizes, budget, overhead);
    expect(plan.ok && plan.value.map((c) => [c.start, c.end, c.bytes])).toEqual(expected);
  });

  it("refuses a row that alone would not fit, naming it", () => {
    expect(planChunks([10, 99, 10], 100, 0)).toEqual({ ok: false, issue: { row: 1, bytes: 101 } });
  });

  it("covers every row once, in order, each chunk within budget, and no chunk could take the next row", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 300 }),
        fc.integer({ min: 600, max: 5000 }),
        fc.integer({ min: 0, max: 90 }),
        (sizes, budget, overhead) => {
          const plan = planChunks(sizes, budget, overhead);
          if (!plan.ok) return false;
          let next = 0;
          for (const [i, c] of plan.value.entries()) {
            if (c.start !== next || c.end <= c.start) return false;
            const exact = overhead + 2 + sizes.slice(c.start, c.end).reduce((a, b) => a + b, 0) + (c.end - c.start - 1);
            if (c.bytes !== exact || c.bytes > budget) return false;
            const following = sizes[c.end];
            if (i < plan.value.length - 1 && following !== undefined && exact + 1 + following <= budget) return false;
            next = c.end;
          }
          return next === sizes.length;
        },
      ),
    );
  });

  it("aims under 4 MB, well under Excel's 5 MB", () => {
    expect(PAYLOAD_TARGET).toBeLessThan(PAYLOAD_LIMIT);
  });
});

describe("ReadPlanner", () => {
  it("sizes the first chunk from the sample, later ones from the largest bytes per row read so far", () => {
    const p = new ReadPlanner(100_000, 250, 1_000_000);
    const first = p.next();
    expect(first).toEqual({ start: 0, rows: Math.floor((1_000_000 - 2_000) / 250) });
    p.accept((first?.rows ?? 0) * 100);
    const second = p.next();
    expect(second).toEqual({ start: first?.rows, rows: Math.floor((1_000_000 - 2_000) / 100) });
    p.accept((second?.rows ?? 0) * 80);
    expect(p.next()?.rows).toBe(Math.floor((1_000_000 - 2_000) / 100));
  });

  it("applies a margin when asked", () => {
    expect(new ReadPlanner(100_000, 100, 1_000_000, 1.25).next()?.rows).toBe(Math.floor((1_000_000 - 2_000) / 125));
  });

  it("halves a refused chunk and never goes below one row", () => {
    const p = new ReadPlanner(10, 1_000_000, 4_000_000);
    expect(p.next()).toEqual({ start: 0, rows: 3 });
    expect(p.shrink()).toBe(true);
    expect(p.next()).toEqual({ start: 0, rows: 2 });
    expect(p.shrink()).toBe(true);
    expect(p.next()).toEqual({ start: 0, rows: 1 });
    expect(p.shrink()).toBe(false);
  });

  it("reads every row exactly once whatever the row sizes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 50 }), (total, rowBytes) => {
        const p = new ReadPlanner(total, 50, 100_000);
        let next = 0;
        for (let step = 0; step < 100_000; step += 1) {
          const c = p.next();
          if (!c) break;
          if (c.start !== next || c.rows < 1 || c.start + c.rows > total) return false;
          p.accept(c.rows * (rowBytes[step % rowBytes.length] ?? 1));
          next += c.rows;
        }
        return next === total && p.rowsDone === total;
      }),
    );
  });
});
