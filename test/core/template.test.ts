import { describe, expect, it } from "vitest";
import {
  CRITERIA,
  STAGES,
  STAGE_COLORS,
  TEMPLATE_COLUMNS,
  TEMPLATE_EXAMPLES,
  VALIDATION_LIST_LIMIT,
  criterionChoices,
  mapHeaders,
  readGoal,
  readLevel,
  rowReader,
  validationList,
  type CriterionId,
  type LevelCriterionId,
} from "../../src/core";

const levelOf = (id: CriterionId, value: string): string => {
  if (id === "goal") {
    const read = readGoal(value);
    return read.ok ? read.value : "issue";
  }
  const read = readLevel(id as LevelCriterionId, value);
  return read.ok ? read.value : "issue";
};

describe("template columns", () => {
  const mapping = mapHeaders(TEMPLATE_COLUMNS.map((c) => c.header));

  it("names every criterion with an exact alias, under a status header rather than a bare name", () => {
    expect(mapping.absent).toEqual([]);
    for (const column of TEMPLATE_COLUMNS) {
      if (column.criterion === undefined) continue;
      const match = mapping.byCriterion[column.criterion];
      expect(match?.header).toBe(column.header);
      expect(match?.match).toBe("exact");
      expect(match?.bareName).toBe(false);
    }
  });

  it("starts with the part number, which labels the part", () => {
    expect(mapping.partColumn).toBe(0);
  });

  it.each(TEMPLATE_EXAMPLES.map((e) => [e.stage, e] as const))("the %s example row is assessed at its stage without cell issues", (stage, example) => {
    expect(example.cells).toHaveLength(TEMPLATE_COLUMNS.length);
    const a = rowReader(mapping).assess(example.cells);
    expect(a.stage).toBe(stage);
    expect(a.issues).toEqual([]);
  });

  it("has an example at every stage", () => {
    expect(new Set(TEMPLATE_EXAMPLES.map((e) => e.stage))).toEqual(new Set(STAGES));
  });
});

describe("criterion choices", () => {
  it.each(CRITERIA.map((id) => [id]))("every choice offered for %s reads as the meaning it is grouped under", (id) => {
    for (const group of criterionChoices(id)) {
      for (const value of group.values) expect([id, value, levelOf(id, value)]).toEqual([id, value, group.level]);
    }
  });

  it("offers met, partial, not met and not known for every level criterion, nothing for numbers", () => {
    for (const id of CRITERIA) {
      const levels = criterionChoices(id).map((g) => g.level);
      if (id === "quantity" || id === "annual_volume") expect(levels).toEqual([]);
      else if (id === "goal") expect(levels).toEqual(["delivering", "learning", "unknown"]);
      else expect(levels).toEqual(["met", "partial", "not-met", "unknown"]);
    }
  });
});

describe("validation lists", () => {
  it.each(CRITERIA.map((id) => [id]))("the %s list fits Excel's 255 characters and keeps a word of every meaning", (id) => {
    const list = validationList(id);
    expect(list.join(",").length).toBeLessThanOrEqual(VALIDATION_LIST_LIMIT);
    expect(list.every((w) => !w.includes(","))).toBe(true);
    expect(new Set(list).size).toBe(list.length);
    for (const group of criterionChoices(id)) expect(list).toContain(group.values[0]);
  });
});

describe("stage colours", () => {
  const luminance = (hex: string): number => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  it.each(STAGES.map((s) => [s]))("%s text is readable on its fill (WCAG contrast 4.5:1)", (stage) => {
    const { fill, font } = STAGE_COLORS[stage];
    const [hi, lo] = [luminance(fill), luminance(font)].sort((x, y) => y - x) as [number, number];
    expect((hi + 0.05) / (lo + 0.05)).toBeGreaterThanOrEqual(4.5);
  });
  it("gives each stage its own fill", () => {
    expect(new Set(STAGES.map((s) => STAGE_COLORS[s].fill)).size).toBe(STAGES.length);
  });
});
