import { beforeEach, describe, expect, it } from "vitest";
import "./custom-functions-double";
import { DEFAULT_THRESHOLDS, mapHeaders } from "../../src/core";
import { mappingCache } from "../../src/functions/adapter";
import { readinessBlockers, readinessScore, readinessStage } from "../../src/functions/functions";
import { MappingCache } from "../../src/functions/mapping-cache";
import { excelRows, headerCells } from "./sample-table";

describe("header mapping cache used by the functions", () => {
  beforeEach(() => mappingCache.clear());

  it("maps a header row once for a column of one-row formulas", () => {
    for (const row of excelRows()) readinessStage([row], [headerCells()]);
    expect(mappingCache.stats()).toEqual({ hits: excelRows().length - 1, misses: 1, size: 1 });
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
    expect(cache.stats()).toEqual({ hits: 1, misses: 3, size: 2 });
    cache.reader(["Design"], DEFAULT_THRESHOLDS);
    expect(cache.stats().hits).toBe(2);
    cache.reader(["Material"], DEFAULT_THRESHOLDS);
    expect(cache.stats().misses).toBe(4);
  });
});
