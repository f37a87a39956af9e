import { describe, expect, it } from "vitest";
import { parseQuantityText } from "../../src/core";

describe("parseQuantityText", () => {
  it.each([
    // the spec's own examples
    ["1,000", 1000],
    ["1k", 1000],
    ["2.5k", 2500],
    ["~200", 200],
    ["200 pcs", 200],
    ["50-100", 100],
    // plain numbers
    ["0", 0],
    ["7", 7],
    ["250", 250],
    ["12.5", 12.5],
    ["  300  ", 300],
    // thousands separators
    ["1,000,000", 1_000_000],
    ["12,500", 12_500],
    ["1 000", 1000],
    ["1,000.5", 1000.5],
    // suffixes, any case, with or without a space
    ["1K", 1000],
    ["10 k", 10_000],
    ["1.001k", 1001],
    ["0.3m", 300_000],
    ["2 million", 2_000_000],
    // approximations and units
    ["~ 1k", 1000],
    ["approx. 300", 300],
    ["about 40", 40],
    ["200 PCS", 200],
    ["1 pc", 1],
    ["5 pieces", 5],
    ["1,000 pcs.", 1000],
    ["12 units", 12],
    ["5000/yr", 5000],
    ["5,000 per year", 5000],
    // ranges count as their upper bound
    ["10 - 20", 20],
    ["10–20", 20],
    ["10 to 20", 20],
    ["1,000-2,000", 2000],
    ["2.5k-5k", 5000],
    ["1k-1.5k pcs", 1500],
    ["100-50", 100],
    ["~50-100", 100],
  ] as const)("%j is %d", (text, expected) => {
    expect(parseQuantityText(text)).toEqual({ ok: true, value: expected });
  });

  it.each(["", "   "])("%j is no quantity (not a problem)", (text) => {
    expect(parseQuantityText(text)).toEqual({ ok: true, value: undefined });
  });

  it.each([
    ["-5", "negative"],
    ["-1k", "negative"],
    ["- 20", "negative"],
    ["lots", "not-a-number"],
    ["1k-", "not-a-number"],
    ["12,34", "not-a-number"],
    ["1e3", "not-a-number"],
    ["ten", "not-a-number"],
    ["10-lots", "not-a-number"],
    ["9".repeat(400), "not-a-number"],
  ] as const)("%j is refused (%s)", (text, problem) => {
    expect(parseQuantityText(text)).toEqual({ ok: false, issue: problem });
  });
});
