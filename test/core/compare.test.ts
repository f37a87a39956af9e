import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHANGE_HEADER, STAGES, changeText, compareRuns, labelKey, type RunPart, type Stage, type StageChange } from "../../src/core";

const P = "prototyping" as const;
const L = "low-volume" as const;
const M = "mass-production" as const;

/** Parts on rows 2, 3, ... from [label, stage] pairs. */
const run = (...parts: readonly (readonly [string, Stage])[]): RunPart[] => parts.map(([label, stage], i) => ({ label, stage, row: i + 2 }));

describe("compareRuns", () => {
  it.each<[string, RunPart[], RunPart[], string[], { up: number; down: number; added: number; dropped: string[] }]>([
    ["nothing before, nothing now", [], [], [], { up: 0, down: 0, added: 0, dropped: [] }],
    ["all new", [], run(["A", P], ["B", M]), ["new", "new"], { up: 0, down: 0, added: 2, dropped: [] }],
    ["all dropped", run(["A", P], ["B", M]), [], [], { up: 0, down: 0, added: 0, dropped: ["A", "B"] }],
    ["one up by one stage", run(["A", P]), run(["A", L]), ["↑ from Prototyping"], { up: 1, down: 0, added: 0, dropped: [] }],
    ["one up by two stages", run(["A", P]), run(["A", M]), ["↑ from Prototyping"], { up: 1, down: 0, added: 0, dropped: [] }],
    ["one down", run(["A", M]), run(["A", L]), ["↓ from Mass production"], { up: 0, down: 1, added: 0, dropped: [] }],
    ["unchanged", run(["A", L]), run(["A", L]), [""], { up: 0, down: 0, added: 0, dropped: [] }],
    [
      "rows reordered still match",
      run(["A", P], ["B", M]),
      run(["B", L], ["A", L]),
      ["↓ from Mass production", "↑ from Prototyping"],
      { up: 1, down: 1, added: 0, dropped: [] },
    ],
    [
      "case, surrounding and inner spaces do not matter",
      run(["p-100  rev\tA", P]),
      run([" P-100 Rev A ", L]),
      ["↑ from Prototyping"],
      { up: 1, down: 0, added: 0, dropped: [] },
    ],
    ["punctuation does matter", run(["P-100", P]), run(["P100", L]), ["new"], { up: 0, down: 0, added: 1, dropped: ["P-100"] }],
    [
      "a mix",
      run(["A", P], ["B", L], ["C", M]),
      run(["A", P], ["C", L], ["D", M]),
      ["", "↓ from Mass production", "new"],
      { up: 0, down: 1, added: 1, dropped: ["B"] },
    ],
    ["a label twice now: no claim, even if it moved", run(["A", P]), run(["A", M], ["A", M]), ["", ""], { up: 0, down: 0, added: 0, dropped: [] }],
    ["a label twice before: no claim", run(["A", P], ["a", P]), run(["A", M]), [""], { up: 0, down: 0, added: 0, dropped: [] }],
    ["a label twice now and absent before: both new", [], run(["A", P], ["A", M]), ["new", "new"], { up: 0, down: 0, added: 2, dropped: [] }],
    ["a label twice before and gone now: both dropped", run(["A", P], ["A", M]), [], [], { up: 0, down: 0, added: 0, dropped: ["A", "A"] }],
    ["a blank label is neither matched, new nor dropped", run(["", P], ["  ", L]), run(["", M], [" ", P]), ["", ""], { up: 0, down: 0, added: 0, dropped: [] }],
  ])("%s", (_name, previous, current, texts, expected) => {
    const c = compareRuns(previous, current);
    expect(c.changes.map(changeText)).toEqual(texts);
    expect({ up: c.movedUp, down: c.movedDown, added: c.added, dropped: c.dropped.map((p) => p.label) }).toEqual(expected);
  });

  it("reports each duplicated label once per side, with its rows, previous side first", () => {
    const c = compareRuns(run(["X", P], ["Y", P], [" x ", L], ["x", M], ["Z", P]), run(["Y", P], ["Z", P], ["y", L], ["  ", P], ["", P]));
    expect(c.duplicates).toEqual([
      { label: "X", rows: [2, 4, 5], side: "previous" },
      { label: "Y", rows: [2, 4], side: "current" },
    ]);
    // Y is duplicated now: its parts make no claim; Z is unique on both sides.
    expect(c.changes.map((ch) => ch.kind)).toEqual(["same", "same", "same", "same", "same"]);
    expect(c.dropped.map((p) => p.row)).toEqual([2, 4, 5]);
  });

  it("keeps the dropped parts whole, in the previous run's order", () => {
    const previous = run(["B", M], ["A", P]);
    expect(compareRuns(previous, run(["C", P])).dropped).toEqual(previous);
  });
});

describe("labelKey", () => {
  it.each([
    ["  P-100 ", "p-100"],
    ["Bracket\u00a0\u00a0LEFT", "bracket left"],
    ["A\n\tB", "a b"],
    ["", ""],
    [" \t ", ""],
    ["e\u0301", "\u00e9"],
  ])("%j -> %j", (label, key) => expect(labelKey(label)).toBe(key));
});

describe("changeText", () => {
  it.each<[StageChange, string]>([
    [{ kind: "up", from: P }, "↑ from Prototyping"],
    [{ kind: "up", from: L }, "↑ from Low-volume manufacturing"],
    [{ kind: "down", from: M }, "↓ from Mass production"],
    [{ kind: "down", from: L }, "↓ from Low-volume manufacturing"],
    [{ kind: "new" }, "new"],
    [{ kind: "same" }, ""],
  ])("%j -> %j", (change, text) => expect(changeText(change)).toBe(text));

  it("heads the column Change", () => expect(CHANGE_HEADER).toBe("Change"));
});

describe("compareRuns invariants", () => {
  const stage = fc.constantFrom(...STAGES);
  // Few distinct labels, with case and space variants, so that matches and duplicates are common.
  const label = fc
    .tuple(fc.constantFrom("A", "b", "P-1", "P 2", "", "x y"), fc.constantFrom("", " ", "  "), fc.boolean())
    .map(([l, pad, upper]) => `${pad}${upper ? l.toUpperCase() : l}${pad}`);
  const part = fc.record({ label, stage, row: fc.integer({ min: 1, max: 10_000 }) });
  const parts = fc.array(part, { maxLength: 12 });
  const uniqueParts = fc.uniqueArray(part, { selector: (p) => labelKey(p.label), maxLength: 8 });

  it("gives one change per current part; up + down + same + new = current count", () => {
    fc.assert(
      fc.property(parts, parts, (previous, current) => {
        const c = compareRuns(previous, current);
        expect(c.changes).toHaveLength(current.length);
        const count = (k: StageChange["kind"]): number => c.changes.filter((ch) => ch.kind === k).length;
        expect(count("up")).toBe(c.movedUp);
        expect(count("down")).toBe(c.movedDown);
        expect(count("new")).toBe(c.added);
        expect(c.movedUp + c.movedDown + count("same") + c.added).toBe(current.length);
      }),
    );
  });

  it("claims a move only with exactly one previous and one current part of that label, from that part's stage", () => {
    fc.assert(
      fc.property(parts, parts, (previous, current) => {
        const c = compareRuns(previous, current);
        current.forEach((p, i) => {
          const ch = c.changes[i];
          if (ch?.kind !== "up" && ch?.kind !== "down") return;
          const key = labelKey(p.label);
          const before = previous.filter((q) => labelKey(q.label) === key);
          expect(before).toHaveLength(1);
          expect(current.filter((q) => labelKey(q.label) === key)).toHaveLength(1);
          expect(ch.from).toBe(before[0]?.stage);
          expect(Math.sign(STAGES.indexOf(p.stage) - STAGES.indexOf(ch.from))).toBe(ch.kind === "up" ? 1 : -1);
        });
      }),
    );
  });

  it("a run compared with itself has no moves, nothing new and nothing dropped", () => {
    fc.assert(
      fc.property(parts, (same) => {
        const c = compareRuns(same, same);
        expect([c.movedUp, c.movedDown, c.added, c.dropped.length]).toEqual([0, 0, 0, 0]);
        expect(c.changes.every((ch) => ch.kind === "same")).toBe(true);
      }),
    );
  });

  it("swapping the runs swaps up and down, and new with dropped, when labels are unique", () => {
    fc.assert(
      fc.property(uniqueParts, uniqueParts, (previous, current) => {
        const forward = compareRuns(previous, current);
        const back = compareRuns(current, previous);
        expect(back.movedUp).toBe(forward.movedDown);
        expect(back.movedDown).toBe(forward.movedUp);
        const labelled = (ps: readonly RunPart[]): number => ps.filter((p) => labelKey(p.label) !== "").length;
        expect(back.added).toBe(forward.dropped.length);
        expect(forward.added).toBe(back.dropped.length);
        expect(forward.duplicates).toEqual([]);
        // Every labelled current part is either matched or new.
        expect(labelled(current) - forward.added).toBe(labelled(previous) - forward.dropped.length);
      }),
    );
  });

  it("every duplicate names a label written more than once on its side, with ascending-by-position rows", () => {
    fc.assert(
      fc.property(parts, parts, (previous, current) => {
        for (const d of compareRuns(previous, current).duplicates) {
          const side = d.side === "previous" ? previous : current;
          const same = side.filter((p) => labelKey(p.label) === labelKey(d.label));
          expect(d.rows).toEqual(same.map((p) => p.row));
          expect(d.rows.length).toBeGreaterThan(1);
        }
      }),
    );
  });
});
