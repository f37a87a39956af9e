import { beforeEach, describe, expect, it } from "vitest";
import "./custom-functions-double";
import { DEFAULT_THRESHOLDS, choicesFrom, mapHeaders } from "../../src/core";
import { mappingCache } from "../../src/functions/adapter";
import { readinessBlockers, readinessScore, readinessStage } from "../../src/functions/functions";
import { MappingCache, choicesKey, type KeyedChoices } from "../../src/functions/mapping-cache";
import { excelRows, headerCells } from "./sample-table";

describe("header mapping cache used by the functions", () => {
  beforeEach(() => mappingCache.clear());

  it("maps a header row once for a column of one-row formulas", () => {
    for (const row of excelRows()) readinessStage([row], [headerCells()]);
    // The sample's header row has one column per criterion: no row is ever looked at to decide between columns.
    expect(mappingCache.stats()).toEqual({ hits: excelRows().length - 1, misses: 1, size: 1, sampled: 0 });
  });

  it("is shared by every function and by both ways of passing the header row", () => {
    readinessStage(excelRows(), [headerCells()]);
    readinessScore([headerCells(), ...excelRows()]);
    readinessBlockers(excelRows(), [headerCells()], true);
    expect(mappingCache.stats().misses).toBe(1);
  });

  it("keys by header text: the same words in other cell types share an entry, other words do not", () => {
    readinessStage([["yes", 1]], [["Design", "Qty"]]);
    readinessStage([["yes", 1]], [[{ type: "Entity", text: "Design" }, "Qty"]]);
    expect(mappingCache.stats().misses).toBe(1);
    readinessStage([["yes", 1]], [["Design", "Quantity"]]);
    expect(mappingCache.stats().misses).toBe(2);
  });
});

describe("MappingCache", () => {
  it("gives the core's mapping of the header texts", () => {
    const cache = new MappingCache();
    expect(cache.reader(headerCells(), DEFAULT_THRESHOLDS).mapping).toEqual(mapHeaders(headerCells()));
  });

  it("reuses one row reader per thresholds", () => {
    const cache = new MappingCache();
    const a = cache.reader(["Design"], DEFAULT_THRESHOLDS);
    expect(cache.reader(["Design"], { ...DEFAULT_THRESHOLDS })).toBe(a);
    expect(cache.reader(["Design"], { prototypeQuantity: 20, lowVolumeQuantity: 1000 })).not.toBe(a);
  });

  it("forgets the least recently used header row beyond its capacity", () => {
    const cache = new MappingCache(2);
    cache.reader(["Design"], DEFAULT_THRESHOLDS);
    cache.reader(["Material"], DEFAULT_THRESHOLDS);
    cache.reader(["Design"], DEFAULT_THRESHOLDS);
    cache.reader(["Finish"], DEFAULT_THRESHOLDS);
    expect(cache.stats()).toEqual({ hits: 1, misses: 3, size: 2, sampled: 0 });
    cache.reader(["Design"], DEFAULT_THRESHOLDS);
    expect(cache.stats().hits).toBe(2);
    cache.reader(["Material"], DEFAULT_THRESHOLDS);
    expect(cache.stats().misses).toBe(4);
  });
});

const keyed = (...pairs: [string, string][]): KeyedChoices => {
  const c = choicesFrom(pairs);
  if (!c.ok) throw new Error(c.issue.message);
  return { choices: c.value, key: choicesKey(c.value) };
};

describe("MappingCache with choices and part rows", () => {
  const headers = ["Part", "Supplier", "Supplier status", "Design", "Notes"];

  it("keys by the choices too: other choices are another entry, the same choices in another order the same", () => {
    const cache = new MappingCache();
    cache.reader(headers, DEFAULT_THRESHOLDS);
    cache.reader(headers, DEFAULT_THRESHOLDS, { choices: keyed(["Notes", "function"], ["Supplier", "none"]) });
    cache.reader(headers, DEFAULT_THRESHOLDS, { choices: keyed(["Supplier", "none"], ["notes", "function"]) });
    expect(cache.stats()).toMatchObject({ misses: 2, hits: 1, size: 2 });
    const mapping = cache.mapping(headers, { choices: keyed(["Notes", "function"]) });
    expect(mapping).toEqual(mapHeaders(headers, { choices: keyed(["Notes", "function"]).choices }));
    expect(mapping.byCriterion.function?.header).toBe("Notes");
  });

  it("looks at the part rows only when two columns claim one criterion", () => {
    const cache = new MappingCache();
    const plain = ["Part", "Design", "Qty"];
    cache.reader(plain, DEFAULT_THRESHOLDS, { sample: [["A", "frozen", 5]] });
    expect(cache.stats().sampled).toBe(0);
    const contested = ["Part", "Design", "Drawing status"];
    const rows = [["A", "Bracket", "frozen"]];
    const reader = cache.reader(contested, DEFAULT_THRESHOLDS, { sample: rows });
    expect(cache.stats().sampled).toBe(1);
    expect(reader.mapping).toEqual(mapHeaders(contested, { sample: rows }));
    expect(reader.mapping.byCriterion.design?.header).toBe("Drawing status");
  });

  it("does not look at the rows when the user's choice settles the criterion", () => {
    const cache = new MappingCache();
    const contested = ["Part", "Design", "Drawing status"];
    const choices = keyed(["Design", "design"]);
    const reader = cache.reader(contested, DEFAULT_THRESHOLDS, { choices, sample: [["A", "Bracket", "frozen"]] });
    expect(cache.stats().sampled).toBe(0);
    expect(reader.mapping.byCriterion.design?.header).toBe("Design");
  });

  it("decides once per distinct contents of the contested cells, and shares one reader per outcome", () => {
    const cache = new MappingCache();
    const contested = ["Part", "Design", "Drawing status", "Qty"];
    const a = cache.reader(contested, DEFAULT_THRESHOLDS, { sample: [["A", "Bracket", "frozen", 5]] });
    const b = cache.reader(contested, DEFAULT_THRESHOLDS, { sample: [["B", "Bracket", "frozen", 7]] });
    const c = cache.reader(contested, DEFAULT_THRESHOLDS, { sample: [["C", "Housing", "draft", 9]] });
    const d = cache.reader(contested, DEFAULT_THRESHOLDS, { sample: [["D", "frozen", "", 9]] });
    expect(cache.stats().sampled).toBe(3);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(d).not.toBe(a);
    expect(d.mapping.byCriterion.design?.header).toBe("Design");
    expect(d).toBe(cache.reader(contested, DEFAULT_THRESHOLDS));
  });

  it("tells a number from the same digits as text when the cells decide", () => {
    const cache = new MappingCache();
    const contested = ["Qty", "Quantity"];
    const asNumber = cache.mapping(contested, { sample: [["", 5]] });
    const asText = cache.mapping(contested, { sample: [["", "5"]] });
    expect(cache.stats().sampled).toBe(2);
    expect(asNumber).toEqual(mapHeaders(contested, { sample: [["", 5]] }));
    expect(asText).toEqual(mapHeaders(contested, { sample: [["", "5"]] }));
  });

  it("is cheap for 100,000 one-row formulas on a contested header row", () => {
    const cache = new MappingCache();
    const contested = ["Part", "Supplier", "Supplier status", "Design", "Drawing status", "Qty"];
    const started = performance.now();
    for (let i = 0; i < 100_000; i += 1) {
      const row = [`P-${i}`, i % 2 ? "Acme" : "Beta", i % 3 ? "qualified" : "", "Bracket", i % 5 ? "frozen" : "draft", i];
      cache.reader(contested, DEFAULT_THRESHOLDS, { sample: [row] });
    }
    const ms = performance.now() - started;
    expect(cache.stats()).toMatchObject({ misses: 1, hits: 99_999 });
    // 2 x 2 x 2 x 1 x 2 contents of the contested cells, each decided once.
    expect(cache.stats().sampled).toBeLessThanOrEqual(16);
    console.log(`100,000 one-row lookups on a contested header row: ${ms.toFixed(0)} ms, ${cache.stats().sampled} decisions`);
  });
});
