import { describe, expect, it } from "vitest";
import { formatCount, resolveThresholds } from "../../src/core";
import { SPEC_DEFAULTS } from "./spec-tables";

describe("resolveThresholds", () => {
  it.each([
    [{}, SPEC_DEFAULTS],
    [undefined, SPEC_DEFAULTS],
    [{ prototypeQuantity: 20 }, { prototypeQuantity: 20, lowVolumeQuantity: 1000 }],
    [{ lowVolumeQuantity: 5000 }, { prototypeQuantity: 10, lowVolumeQuantity: 5000 }],
    [
      { prototypeQuantity: "25", lowVolumeQuantity: " 2,000 " },
      { prototypeQuantity: 25, lowVolumeQuantity: 2000 },
    ],
    [{ prototypeQuantity: "", lowVolumeQuantity: null }, SPEC_DEFAULTS],
    [
      { prototypeQuantity: 0, lowVolumeQuantity: 1 },
      { prototypeQuantity: 0, lowVolumeQuantity: 1 },
    ],
  ] as const)("%j resolves to %j", (input, expected) => {
    expect(resolveThresholds(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [{ prototypeQuantity: -1 }, "prototypeQuantity", /Prototype quantity.*-1/u],
    [{ prototypeQuantity: "abc" }, "prototypeQuantity", /Prototype quantity.*"abc"/u],
    [{ lowVolumeQuantity: Number.NaN }, "lowVolumeQuantity", /Low-volume quantity/u],
    [{ lowVolumeQuantity: Number.POSITIVE_INFINITY }, "lowVolumeQuantity", /Low-volume quantity/u],
    [{ prototypeQuantity: true }, "prototypeQuantity", /number of parts/u],
    [{ prototypeQuantity: {} }, "prototypeQuantity", /number of parts/u],
    [{ prototypeQuantity: 1000 }, "lowVolumeQuantity", /greater than the prototype quantity/u],
    [{ prototypeQuantity: 50, lowVolumeQuantity: 20 }, "lowVolumeQuantity", /\(20\).*\(50\)/u],
  ] as const)("%j is refused on %s with a message saying what is expected", (input, field, message) => {
    const result = resolveThresholds(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issue.field).toBe(field);
      expect(result.issue.message).toMatch(message);
    }
  });
});

describe("formatCount", () => {
  it.each([
    [0, "0"],
    [7, "7"],
    [999, "999"],
    [1000, "1,000"],
    [12_500, "12,500"],
    [1_234_567, "1,234,567"],
    [2.5, "2.5"],
    [1000.25, "1,000.25"],
    [1000.999, "1,001"],
  ])("%d reads %s", (n, text) => {
    expect(formatCount(n)).toBe(text);
  });
});
