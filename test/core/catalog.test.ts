import { describe, expect, it } from "vitest";
import { CRITERIA, GENERIC_ACCEPTED, NUMBER_ACCEPTED, criteriaCatalog, valueKey, type LevelCriterionId } from "../../src/core";
import { SPEC_GENERIC, SPEC_GOALS, SPEC_HEADERS, SPEC_UNKNOWN_TEXT, SPEC_VOCABULARY } from "./spec-tables";

/** The words of a catalog text, in the form values are matched in. */
function wordsOf(text: string): string {
  return ` ${text
    .split(/[,:·;()]/u)
    .map((w) => valueKey(w))
    .join(" | ")} `.replace(/\s+/gu, " ");
}
const mentions = (text: string, word: string): boolean => wordsOf(text).includes(` ${valueKey(word)} `);

describe("criteriaCatalog", () => {
  const catalog = criteriaCatalog();

  it("has one entry per criterion, in the registry's order", () => {
    expect(catalog.map((e) => e.id)).toEqual([...CRITERIA]);
    for (const e of catalog) {
      expect(e.label.length).toBeGreaterThan(0);
      expect(e.description.length).toBeGreaterThan(0);
    }
  });

  it.each(CRITERIA.map((id) => [id]))("%s lists at least the spec's header aliases", (id) => {
    const entry = catalog.find((e) => e.id === id);
    for (const alias of SPEC_HEADERS[id]) expect(entry?.headers).toContain(alias);
  });

  it.each(Object.keys(SPEC_VOCABULARY).map((id) => [id as LevelCriterionId]))("%s documents every spec word, itself or among the generic words", (id) => {
    const entry = catalog.find((e) => e.id === id);
    const vocab = SPEC_VOCABULARY[id];
    for (const word of [...vocab.met, ...vocab.partial, ...vocab.notMet]) {
      expect(mentions(entry?.accepted ?? "", word) || mentions(GENERIC_ACCEPTED, word), word).toBe(true);
    }
  });

  it("the generic text lists the generic words, the booleans, shares and the unknown words", () => {
    for (const word of [...SPEC_GENERIC.met, ...SPEC_GENERIC.partial, ...SPEC_GENERIC.notMet]) expect(mentions(GENERIC_ACCEPTED, word), word).toBe(true);
    for (const word of SPEC_UNKNOWN_TEXT.filter((w) => w !== "")) expect(GENERIC_ACCEPTED.split(/, | /u), word).toContain(word);
    expect(GENERIC_ACCEPTED).toMatch(/TRUE/u);
    expect(GENERIC_ACCEPTED).toMatch(/FALSE/u);
    expect(GENERIC_ACCEPTED).toMatch(/Excel error/u);
    expect(GENERIC_ACCEPTED).toMatch(/percentage/u);
  });

  it("the goal lists the spec's learning and delivering words", () => {
    const goal = catalog.find((e) => e.id === "goal")?.accepted ?? "";
    for (const word of [...SPEC_GOALS.learning, ...SPEC_GOALS.delivering]) expect(mentions(goal, word), word).toBe(true);
  });

  it("quantities say how they are read", () => {
    for (const id of ["quantity", "annual_volume"] as const) expect(catalog.find((e) => e.id === id)?.accepted).toContain(NUMBER_ACCEPTED);
    for (const example of ["1,000", "1k", "2.5k", "~200", "200 pcs", "50-100", "upper bound", "Qty 50", "500+", "1.000"])
      expect(NUMBER_ACCEPTED).toContain(example);
    expect(catalog.find((e) => e.id === "annual_volume")?.accepted).toMatch(/100\/month = 1,200/u);
    expect(catalog.find((e) => e.id === "quantity")?.accepted).toMatch(/rate other than per year .* refused/u);
  });

  it("explains the bare-header rules", () => {
    expect(catalog.find((e) => e.id === "material")?.accepted).toMatch(/bare "Material".*partial/u);
    expect(catalog.find((e) => e.id === "finish")?.accepted).toMatch(/bare "Finish".*partial/u);
    expect(catalog.find((e) => e.id === "supplier")?.accepted).toMatch(/bare "Supplier".*unknown/u);
  });
});
