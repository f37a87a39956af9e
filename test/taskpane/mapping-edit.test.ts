import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CRITERIA, NO_CHOICES, choicesFrom, columnReport, mapHeaders, rowReader, type ColumnChoices } from "../../src/core";
import { ROLE_CHOICES, chooseRole, chosenCount, mappingRows, type ColumnRole } from "../../src/taskpane/mapping-edit";

const headers = ["Part No.", "Design status", "Supplier name", "Material (alloy)", "Qty", "Notes", "Drawing status", ""];
const sample = [["P-1", "Bracket", "Acme", "6061-T6", 50, "verified", "frozen", ""]];

describe("the list's columns as the pane shows them", () => {
  const auto = mapHeaders(headers, { sample });
  const rows = mappingRows(auto, 2);

  it("lists every non-blank header with the core's column report: sheet letter, role, read as and how", () => {
    expect(rows.map((r) => [r.letter, r.header, r.role, r.readAs, r.how])).toEqual(
      columnReport(auto, 2).map((l) => [l.letter, l.header, l.criterion ?? "ignore", l.readAs, l.how]),
    );
    expect(rows.map((r) => r.letter)).toEqual(["C", "D", "E", "F", "G", "H", "I"]);
  });

  it("says why a column is not read: the part's name, a disqualifying word, set aside for another column", () => {
    const by = (header: string) => rows.find((r) => r.header === header);
    expect(by("Part No.")).toMatchObject({ role: "ignore", part: true, readAs: "Part label" });
    expect(by("Supplier name")?.how).toMatch(/^not a status column: "name"/);
    expect(by("Notes")?.how).toMatch(/^not a status column/);
    // Two columns claim design; the values decide (design status holds a description here).
    expect(by("Drawing status")).toMatchObject({ role: "design" });
    expect(by("Drawing status")?.how).toMatch(/^by its values/);
    expect(by("Design status")?.how).toMatch(/^set aside: Design is read from column I/);
    expect(by("Material (alloy)")).toMatchObject({ role: "material", bareName: true });
    expect(chosenCount(rows)).toBe(0);
  });
});

const choices = (...pairs: [string, string][]): ColumnChoices => {
  const c = choicesFrom(pairs);
  if (!c.ok) throw new Error(c.issue.message);
  return c.value;
};

describe("correcting a column records the user's choice by its header", () => {
  it("gives the column's header the role, as the core's choices", () => {
    const c = chooseRole(NO_CHOICES, headers, 5, "function");
    expect([...c]).toEqual([["notes", "function"]]);
    const mapping = mapHeaders(headers, { sample, choices: c });
    expect(mapping.byCriterion.function).toMatchObject({ header: "Notes", match: "user" });
    const shown = mappingRows(mapping, 0).find((r) => r.header === "Notes");
    expect(shown).toMatchObject({ role: "function", chosen: true, how: "your mapping" });
  });

  it("ignoring a column is the choice none", () => {
    const c = chooseRole(NO_CHOICES, headers, 4, "ignore");
    expect([...c]).toEqual([["qty", "none"]]);
    const mapping = mapHeaders(headers, { choices: c });
    expect(mapping.byCriterion.quantity).toBeUndefined();
    expect(mappingRows(mapping, 0).find((r) => r.header === "Qty")).toMatchObject({ role: "ignore", chosen: true, how: "your mapping says to leave it" });
  });

  it("a criterion the user gives another column is read from that column; the column that names it is set aside", () => {
    const mapping = mapHeaders(headers, { sample, choices: chooseRole(NO_CHOICES, headers, 5, "design") });
    expect(mapping.byCriterion.design?.header).toBe("Notes");
    const set = mapping.ignored
      .filter((i) => i.reason === "duplicate")
      .map((i) => i.header)
      .sort();
    expect(set).toEqual(["Design status", "Drawing status"]);
  });

  it("moving a chosen criterion to another column leaves the first column unread", () => {
    let c = chooseRole(NO_CHOICES, headers, 5, "function");
    c = chooseRole(c, headers, 2, "function");
    expect(c.get("notes")).toBe("none");
    expect(c.get("supplier name")).toBe("function");
  });

  it("keeps choices about headers of other lists", () => {
    const saved = choices(["Dwg Rev", "design"], ["Vendor", "none"]);
    const c = chooseRole(saved, headers, 5, "design");
    expect(c.get("dwg rev")).toBe("design");
    expect(c.get("vendor")).toBe("none");
    expect(c.get("notes")).toBe("design");
  });

  it("does nothing for a blank header", () => {
    expect(chooseRole(NO_CHOICES, headers, 7, "design")).toBe(NO_CHOICES);
  });

  it("left as the automatic reading, gives the same assessments", () => {
    const row = ["P-1", "frozen", "Acme", "6061-T6", 50, "", "", ""];
    expect(rowReader(mapHeaders(headers, { choices: NO_CHOICES })).assess(row)).toEqual(rowReader(mapHeaders(headers)).assess(row));
  });

  it("never gives a criterion two columns, and every column shows what the core reads it as, whatever the user does", () => {
    const role = fc.constantFrom<ColumnRole>(...ROLE_CHOICES.map((c) => c.role));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: headers.length - 1 }), role), { maxLength: 30 }), (steps) => {
        let c: ColumnChoices = NO_CHOICES;
        for (const [column, r] of steps) c = chooseRole(c, headers, column, r);
        const mapping = mapHeaders(headers, { sample, choices: c });
        const taken = mapping.columns.map((m) => m.criterion);
        expect(new Set(taken).size).toBe(taken.length);
        // The last choice made for a column's header is what that column is read as.
        const last = new Map<number, ColumnRole>();
        for (const [column, r] of steps) if (headers[column] !== "") last.set(column, r);
        const finalRoles = new Map(mappingRows(mapping, 0).map((r) => [r.column, r.role]));
        for (const [column, r] of last) {
          const now = finalRoles.get(column);
          if (r === "ignore") expect(now).toBe("ignore");
          else expect([r, "ignore"]).toContain(now);
        }
        // The very last choice always holds.
        const lastStep = steps.at(-1);
        if (lastStep && headers[lastStep[0]] !== "") expect(finalRoles.get(lastStep[0])).toBe(lastStep[1]);
      }),
    );
  });

  it("offers ignore and every criterion", () => {
    expect(ROLE_CHOICES.map((c) => c.role)).toEqual(["ignore", ...CRITERIA]);
  });
});
