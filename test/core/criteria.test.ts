/* Invariants of the registry that keep every word and header unambiguous when someone adds to it. */
import { describe, expect, it } from "vitest";
import {
  CRITERIA,
  CRITERION_DEFS,
  GATE_A_LEVELS,
  GATE_B_LEVELS,
  GENERIC_WORDS,
  GOAL_WORDS,
  LEVEL_CRITERIA,
  PART_HEADERS,
  UNKNOWN_WORDS,
  headerKey,
  valueKey,
} from "../../src/core";
import { SPEC_GATE_A, SPEC_GATE_B } from "./spec-tables";

const keysOf = (words: readonly string[]): string[] => words.map(valueKey);

describe("criteria registry", () => {
  it("has the spec's criteria and gates", () => {
    expect([...LEVEL_CRITERIA]).toEqual(SPEC_GATE_B);
    expect([...GATE_A_LEVELS]).toEqual(SPEC_GATE_A);
    expect([...GATE_B_LEVELS]).toEqual(SPEC_GATE_B);
    expect([...CRITERIA]).toEqual([...SPEC_GATE_B, "goal", "quantity", "annual_volume"]);
    for (const id of CRITERIA) expect(CRITERION_DEFS[id].id).toBe(id);
  });

  it("gives every level criterion a vocabulary and the steps its gates need", () => {
    for (const id of LEVEL_CRITERIA) {
      const def = CRITERION_DEFS[id];
      expect(def.kind).toBe("level");
      expect(def.vocabulary).toBeDefined();
      expect(def.needB && def.stepB).toBeTruthy();
      if ((SPEC_GATE_A as readonly string[]).includes(id)) expect(def.needA && def.stepA).toBeTruthy();
    }
    expect(CRITERION_DEFS.goal.needA && CRITERION_DEFS.goal.stepA).toBeTruthy();
  });

  it.each(LEVEL_CRITERIA.map((id) => [id]))("%s: no word means two levels, and none is an unknown word", (id) => {
    const v = CRITERION_DEFS[id].vocabulary;
    const own = [...keysOf(v?.met ?? []), ...keysOf(v?.partial ?? []), ...keysOf(v?.notMet ?? [])];
    expect(new Set(own).size).toBe(own.length);
    const unknown = new Set(keysOf(UNKNOWN_WORDS));
    expect(own.filter((k) => unknown.has(k))).toEqual([]);
  });

  it("generic words are unambiguous and disjoint from the unknown words", () => {
    const generic = [...keysOf(GENERIC_WORDS.met), ...keysOf(GENERIC_WORDS.partial), ...keysOf(GENERIC_WORDS.notMet)];
    expect(new Set(generic).size).toBe(generic.length);
    const unknown = new Set(keysOf(UNKNOWN_WORDS));
    expect(generic.filter((k) => unknown.has(k))).toEqual([]);
  });

  it("no goal word is both learning and delivering", () => {
    const learning = new Set(keysOf(GOAL_WORDS.learning));
    expect(keysOf(GOAL_WORDS.delivering).filter((k) => learning.has(k))).toEqual([]);
  });

  it("header aliases are in header-key form and name exactly one criterion, never the part", () => {
    const seen = new Map<string, string>();
    const part = new Set(PART_HEADERS.map(headerKey));
    for (const id of CRITERIA) {
      for (const alias of CRITERION_DEFS[id].headers) {
        expect(headerKey(alias)).toBe(alias);
        expect(seen.get(alias), alias).toBeUndefined();
        expect(part.has(alias), alias).toBe(false);
        seen.set(alias, id);
      }
    }
  });
});
