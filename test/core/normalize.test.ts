import { describe, expect, it } from "vitest";
import { LEVEL_CRITERIA, assessPart, readCount, readGoal, readLevel, readPart, type Level, type LevelCriterionId } from "../../src/core";
import { SPEC_GENERIC, SPEC_GOALS, SPEC_UNKNOWN_TEXT, SPEC_VOCABULARY } from "./spec-tables";

const SPEC_LEVEL: Record<keyof typeof SPEC_GENERIC, Level> = { met: "met", partial: "partial", notMet: "not-met" };

/** The same word as a person might type it: case, surrounding spaces and trailing punctuation do not matter. */
function spellings(word: string): string[] {
  return [word, word.toUpperCase(), `  ${word}  `, `${word}.`, `${word[0]?.toUpperCase() ?? ""}${word.slice(1)}!`, `\t${word} ;`];
}

function levelOf(id: LevelCriterionId, value: unknown, bareName = false): Level | "issue" {
  const read = readLevel(id, value, bareName);
  return read.ok ? read.value : "issue";
}

describe("each criterion's own words (spec criteria table)", () => {
  const rows = LEVEL_CRITERIA.flatMap((id) =>
    (Object.keys(SPEC_LEVEL) as (keyof typeof SPEC_LEVEL)[]).flatMap((column) =>
      SPEC_VOCABULARY[id][column].map((word) => ({ id, word, level: SPEC_LEVEL[column] })),
    ),
  );

  it("covers every word of the table", () => {
    expect(rows.length).toBe(83);
  });

  it.each(rows)("$id: '$word' is $level", ({ id, word, level }) => {
    for (const text of spellings(word)) expect(levelOf(id, text), JSON.stringify(text)).toBe(level);
  });
});

describe("generic words every level criterion understands", () => {
  const rows = (Object.keys(SPEC_LEVEL) as (keyof typeof SPEC_LEVEL)[]).flatMap((column) =>
    SPEC_GENERIC[column].map((word) => ({ word, level: SPEC_LEVEL[column] })),
  );

  it.each(rows)("'$word' is $level for every criterion", ({ word, level }) => {
    for (const id of LEVEL_CRITERIA) {
      for (const text of spellings(word)) expect(levelOf(id, text), `${id} ${JSON.stringify(text)}`).toBe(level);
    }
  });

  it.each([
    [true, "met"],
    [false, "not-met"],
  ] as const)("Excel's own boolean %s is %s", (value, level) => {
    for (const id of LEVEL_CRITERIA) expect(levelOf(id, value)).toBe(level);
  });

  it.each([
    ["1%", "partial"],
    ["50%", "partial"],
    ["99.5%", "partial"],
    ["0.5%", "partial"],
    ["50 %", "partial"],
    ["0%", "not-met"],
    ["100%", "met"],
    [0.001, "partial"],
    [0.5, "partial"],
    [0.999, "partial"],
    ["0.25", "partial"],
    [".5", "partial"],
    [0, "not-met"],
    [1, "met"],
  ] as const)("the share %j is %s", (value, level) => {
    for (const id of LEVEL_CRITERIA) expect(levelOf(id, value)).toBe(level);
  });

  it.each([2, 50, -0.5, "150%", "-10%", "2"])("%j is not a share: an issue, counted as unknown", (value) => {
    for (const id of LEVEL_CRITERIA) {
      const read = readLevel(id, value);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.issue.code).toBe("unrecognised");
    }
  });
});

describe("unknown values", () => {
  const quiet: unknown[] = [null, undefined, "   ", ...SPEC_UNKNOWN_TEXT.flatMap(spellings), "N/A"];

  it.each(quiet.map((value) => [value]))("%j is unknown without an issue", (value) => {
    for (const id of LEVEL_CRITERIA) expect(readLevel(id, value)).toEqual({ ok: true, value: "unknown" });
  });

  it.each(["#N/A", "#REF!", "#DIV/0!", "#VALUE!", " #n/a "])("the Excel error text %j is unknown, with an issue naming the error", (text) => {
    const read = readLevel("design", text);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.issue.code).toBe("excel-error");
      expect(read.issue.message).toContain(text.trim());
    }
    expect(readPart({ design: text }).levels.design).toBe("unknown");
  });

  it("an Excel error cell { error } is unknown with an issue", () => {
    const read = readLevel("cost", { error: "#N/A" });
    expect(read.ok ? read.value : read.issue.code).toBe("excel-error");
    const reading = readPart({ cost: { error: "#N/A" }, design: "frozen" });
    expect(reading.levels.cost).toBe("unknown");
    expect(reading.issues.map((i) => i.criterion)).toEqual(["cost"]);
  });

  it("unrecognised text is unknown with a message naming the criterion, the text and what was expected", () => {
    const read = readLevel("design", "banana");
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.issue).toMatchObject({ criterion: "design", code: "unrecognised", text: "banana" });
      expect(read.issue.message).toMatch(/^Design: "banana" is not a status \(.*\); counted as unknown\.$/u);
      expect(read.issue.message).toContain("frozen");
    }
    expect(readPart({ design: "banana" }).levels.design).toBe("unknown");
  });

  it("keeps unknown distinct from no", () => {
    expect(levelOf("pilot", "")).toBe("unknown");
    expect(levelOf("pilot", "no")).toBe("not-met");
    expect(levelOf("pilot", "n/a")).toBe("unknown");
    expect(levelOf("pilot", "n")).toBe("not-met");
  });
});

describe("bare Material, Finish and Supplier headers", () => {
  it.each([
    ["material", "6061-T6", "partial"],
    ["material", "Stainless steel 304", "partial"],
    ["material", 6061, "partial"],
    ["finish", "black anodize", "partial"],
    ["finish", "Bead blast + clear anodize", "partial"],
    ["supplier", "Acme Precision GmbH", "unknown"],
    ["supplier", 4711, "unknown"],
  ] as const)("under a bare header %s, the name %j reads as %s without an issue", (id, value, level) => {
    expect(readLevel(id, value, true)).toEqual({ ok: true, value: level });
  });

  it.each([
    ["material", "locked", "met"],
    ["material", "open", "not-met"],
    ["material", "candidate", "partial"],
    ["finish", "confirmed", "met"],
    ["finish", "under evaluation", "not-met"],
    ["supplier", "qualified", "met"],
    ["supplier", "unproven", "not-met"],
    ["supplier", "conditional", "partial"],
    ["material", "", "unknown"],
    ["material", "n/a", "unknown"],
    ["supplier", "tbd", "unknown"],
  ] as const)("status words still win: %s %j is %s", (id, value, level) => {
    expect(levelOf(id, value, true)).toBe(level);
  });

  it("an Excel error under a bare header stays an error, not a name", () => {
    expect(readLevel("material", "#N/A", true).ok).toBe(false);
    expect(readLevel("finish", { error: "#REF!" }, true).ok).toBe(false);
  });

  it("without the bare header a name is not a status", () => {
    expect(levelOf("material", "6061-T6")).toBe("issue");
    expect(levelOf("finish", "black anodize")).toBe("issue");
    expect(levelOf("supplier", "Acme Precision GmbH")).toBe("issue");
    expect(levelOf("design", "6061-T6", false)).toBe("issue");
  });
});

describe("goal words", () => {
  const rows = (["learning", "delivering"] as const).flatMap((goal) => SPEC_GOALS[goal].map((word) => ({ goal, word })));

  it.each(rows)("'$word' means $goal", ({ goal, word }) => {
    for (const text of spellings(word)) expect(readGoal(text), JSON.stringify(text)).toEqual({ ok: true, value: goal });
  });

  it("'market test' and 'customer sampling' are delivering although 'test' alone is learning", () => {
    expect(readGoal("Market test")).toEqual({ ok: true, value: "delivering" });
    expect(readGoal("test")).toEqual({ ok: true, value: "learning" });
  });

  it.each([null, undefined, "", " ", "n/a", "?", "TBD"])("%j is an unknown goal", (value) => {
    expect(readGoal(value)).toEqual({ ok: true, value: "unknown" });
  });

  it.each([
    ["banana", "unrecognised"],
    [true, "unrecognised"],
    [42, "unrecognised"],
    ["#N/A", "excel-error"],
    [{ error: "#NAME?" }, "excel-error"],
  ] as const)("%j is not a goal (%s): unknown with an issue", (value, code) => {
    const read = readGoal(value);
    expect(read.ok ? read.value : read.issue.code).toBe(code);
    expect(readPart({ goal: value }).goal).toBe("unknown");
  });
});

describe("quantity and annual volume cells", () => {
  const numbers: [unknown, number | undefined][] = [
    [250, 250],
    [0, 0],
    ["250", 250],
    ["Qty 50", 50],
    ["250 off", 250],
    ["500+", 500],
    ["5,000 (first order)", 5000],
    ["1'000", 1000],
    ["1,5k", 1500],
    ["1,000", 1000],
    ["1k", 1000],
    ["2.5k", 2500],
    ["~200", 200],
    ["200 pcs", 200],
    ["50-100", 100],
    ["50 - 100 pcs", 100],
    ["1,000-2,000", 2000],
    [null, undefined],
    [undefined, undefined],
    ["", undefined],
    ["  ", undefined],
    ["n/a", undefined],
    ["?", undefined],
    ["tbd", undefined],
  ];

  for (const id of ["quantity", "annual_volume"] as const) {
    it.each(numbers)(`${id}: %j reads as %j`, (value, expected) => {
      expect(readCount(id, value)).toEqual({ ok: true, value: expected });
    });

    it.each([
      ["-5", "negative"],
      [-5, "negative"],
      ["lots", "not-a-number"],
      [Number.NaN, "not-a-number"],
      [Number.POSITIVE_INFINITY, "not-a-number"],
      [true, "not-a-number"],
      ["#N/A", "excel-error"],
      [{ error: "#DIV/0!" }, "excel-error"],
      ["1k-", "not-a-number"],
      [2.5, "not-a-number"],
      ["10.5", "not-a-number"],
      ["1.000", "ambiguous-number"],
      ["2.500", "ambiguous-number"],
      ["1.000-2.000", "ambiguous-number"],
    ] as const)(`${id}: %j is not a count (%s): an issue naming what was expected`, (value, code) => {
      const read = readCount(id, value);
      expect(read.ok).toBe(false);
      if (!read.ok) {
        expect(read.issue.code).toBe(code);
        expect(read.issue.criterion).toBe(id);
        expect(read.issue.message).toMatch(/counted as unknown\.$/u);
      }
    });
  }
});

describe("readPart", () => {
  it("reads every criterion; absent ones are unknown", () => {
    const reading = readPart({ design: "frozen", goal: "pilot", quantity: "1k", annual_volume: "5,000" });
    expect(reading.levels.design).toBe("met");
    for (const id of LEVEL_CRITERIA.filter((c) => c !== "design")) expect(reading.levels[id]).toBe("unknown");
    expect(reading).toMatchObject({ goal: "delivering", quantity: 1000, annualVolume: 5000, issues: [], filled: true, goalFilled: true });
  });

  it("a row whose criterion cells are all blank is not filled", () => {
    expect(readPart({}).filled).toBe(false);
    expect(readPart({ design: "", cost: "   ", goal: null, quantity: undefined }).filled).toBe(false);
  });

  it("any filled criterion cell makes the row a part, even TBD, n/a or unreadable text", () => {
    expect(readPart({ design: "", cost: "n/a", goal: "?", quantity: "tbd" }).filled).toBe(true);
    const garbage = readPart({ design: "banana", quantity: "lots" });
    expect(garbage.filled).toBe(true);
    expect(garbage.issues).toHaveLength(2);
    expect(readPart({ dfm: "no" }).filled).toBe(true);
    expect(readPart({ quantity: 0 }).filled).toBe(true);
    expect(readPart({ supplier: "Acme" }, { bareNames: new Set(["supplier"]), prices: new Set() }).filled).toBe(true);
  });

  it("a goal cell with text it cannot read, or TBD, is filled: quantity does not stand in for it", () => {
    expect(readPart({ goal: "TBD", quantity: 500 }).goalFilled).toBe(true);
    expect(assessPart({ design: "frozen", function: "ok", material: "locked", finish: "confirmed", goal: "Kanban bin", quantity: 500 })).toMatchObject({
      stage: "prototyping",
      goalBasis: "none",
    });
    expect(assessPart({ design: "frozen", function: "ok", material: "locked", finish: "confirmed", goal: "", quantity: 500 })).toMatchObject({
      stage: "low-volume",
      goalBasis: "quantity",
    });
  });
});

describe("annual volume rates and quantity rates", () => {
  it.each([
    ["100/month", 1200],
    ["250/quarter", 1000],
    ["20/week", 1040],
    ["100 per month", 1200],
    ["5k/yr", 5000],
    ["300 monthly", 3600],
  ] as const)("annual volume %j is %d a year", (text, perYear) => {
    expect(readCount("annual_volume", text)).toEqual({ ok: true, value: perYear });
  });

  it.each(["100/month", "250/quarter", "10/day"])("quantity %j is a rate, not a batch: reported and unknown", (text) => {
    const read = readCount("quantity", text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issue.code).toBe("rate");
  });
});

describe("odd count texts", () => {
  it.each(["100/constructor", "5 per __proto__", "constructor"])("%j is not a count and does not crash", (text) => {
    expect(readCount("annual_volume", text).ok).toBe(false);
  });
});
