import { describe, expect, it } from "vitest";
import { headerKey, headerKeyWithoutAsides, valueKey } from "../../src/core";

describe("valueKey", () => {
  it.each([
    ["Frozen", "frozen"],
    ["  In Progress  ", "in progress"],
    ["done.", "done"],
    ["Yes!!", "yes"],
    ["ok?", "ok"],
    ["one-off", "one off"],
    ["not_started", "not started"],
    ["in   review", "in review"],
    ["N/A", "n/a"],
    ["N.A.", "n.a"],
    ["0.5", "0.5"],
    ["50 %", "50 %"],
    ["\u00a0yes\u00a0", "yes"],
    ["ＹＥＳ", "yes"],
    ["R&D", "r&d"],
    ["?", ""],
    ["", ""],
  ])("%j -> %j", (text, key) => {
    expect(valueKey(text)).toBe(key);
  });
});

describe("headerKey", () => {
  it.each([
    ["Design Status", "design status"],
    ["Design-Status:", "design status"],
    ["  CAD / Drawing   status ", "cad drawing status"],
    ["Qty.", "qty"],
    ["Fit/Function", "fit function"],
    ["EAU (pcs/yr)", "eau pcs yr"],
    ["Pre-production", "pre production"],
    ["", ""],
    ["---", ""],
  ])("%j -> %j", (text, key) => {
    expect(headerKey(text)).toBe(key);
  });
});

describe("headerKeyWithoutAsides", () => {
  it.each([
    ["Qty (pcs)", "qty"],
    ["EAU [pcs/yr]", "eau"],
    ["Design status {CAD}", "design status"],
    ["(all) Material", "material"],
    ["Qty (pcs", "qty pcs"],
  ])("%j -> %j", (text, key) => {
    expect(headerKeyWithoutAsides(text)).toBe(key);
  });
});
