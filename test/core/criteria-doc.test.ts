import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CRITERIA, criteriaCatalog } from "../../src/core";
import { END_MARKER, README_PATH, START_MARKER, renderCriteriaSection, withCriteriaSection } from "../../scripts/criteria-doc";
import { SPEC_HEADERS } from "./spec-tables";

function block(readme: string): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return readme.slice(start + START_MARKER.length, end);
}

describe("the criteria section of README.md", () => {
  it("is what npm run docs:criteria writes from the registry now", () => {
    const readme = readFileSync(README_PATH, "utf8");
    expect(block(readme), "README.md is out of date: run npm run docs:criteria").toBe(`\n${renderCriteriaSection()}\n`);
  });
});

describe("renderCriteriaSection", () => {
  const section = renderCriteriaSection();
  const rows = section.split("\n").filter((line) => /^\| `/u.test(line));

  it("has one table row per criterion, in the registry's order, with five cells", () => {
    expect(rows.map((r) => /^\| `([a-z_]+)`/u.exec(r)?.[1])).toEqual([...CRITERIA]);
    for (const row of rows) expect(row.split(/(?<!\\)\|/u)).toHaveLength(7);
  });

  it("lists each criterion's headers and accepted values", () => {
    const catalog = criteriaCatalog();
    CRITERIA.forEach((id, i) => {
      const row = rows[i] ?? "";
      for (const alias of SPEC_HEADERS[id]) expect(row).toContain(alias);
      expect(row).toContain(catalog[i]?.accepted);
    });
  });

  it("names the gate each criterion belongs to", () => {
    const gates = (id: string): string => /^(?:[^|]*\|){3}([^|]*)\|/u.exec(rows[CRITERIA.indexOf(id as never)] ?? "")?.[1] ?? "";
    expect(gates("design")).toMatch(/A \(at least partial\).*B \(met\)/u);
    expect(gates("tolerances")).toMatch(/^ B \(met\)/u);
    expect(gates("goal")).toMatch(/A \(delivering\).*above 10/u);
    expect(gates("quantity")).toMatch(/no gate.*1,000/u);
  });

  it("covers the generic words, the unknown words and quantities", () => {
    expect(section).toContain("### Words every level criterion accepts");
    expect(section).toMatch(/\| met \| `yes`.*`100%`/u);
    expect(section).toMatch(/\| not met \| `no`.*`0%`/u);
    expect(section).toMatch(/`n\/a`.*`\?`.*`tbd`/u);
    expect(section).toContain("### Quantities");
    expect(section).toContain("upper bound");
  });

  it("follows the thresholds it is given", () => {
    expect(renderCriteriaSection({ prototypeQuantity: 25, lowVolumeQuantity: 5000 })).toMatch(/above 25.*\n?.*5,000/u);
  });
});

describe("withCriteriaSection", () => {
  it("replaces only what is between the markers", () => {
    const readme = `# Title\n\nbefore\n${START_MARKER}\nold text\n| old | table |\n${END_MARKER}\nafter ${START_MARKER.length}\n`;
    expect(withCriteriaSection(readme, "NEW")).toBe(`# Title\n\nbefore\n${START_MARKER}\nNEW\n${END_MARKER}\nafter ${START_MARKER.length}\n`);
  });

  it("is stable: writing the same section twice changes nothing", () => {
    const once = withCriteriaSection(`a\n${START_MARKER}\n${END_MARKER}\nb`, renderCriteriaSection());
    expect(withCriteriaSection(once, renderCriteriaSection())).toBe(once);
  });

  it.each([
    ["no markers", "# Title\n"],
    ["only the start marker", `${START_MARKER}\n`],
    ["markers in the wrong order", `${END_MARKER}\n${START_MARKER}\n`],
  ])("refuses a README with %s, naming the markers", (_name, readme) => {
    expect(() => withCriteriaSection(readme, "x")).toThrow(/criteria:start.*criteria:end/u);
  });
});
