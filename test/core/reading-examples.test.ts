/** The README's "How cells are read" examples, read by the core as the README says. */
import { describe, expect, it } from "vitest";
import { readLevel, type Level, type LevelCriterionId } from "../../src/core";

const EXAMPLES: readonly (readonly [LevelCriterionId, string, Level | "reported"])[] = [
  ["design", "Frozen (rev C)", "met"],
  ["design", "Frozen - Rev C", "met"],
  ["design", "Released Rev B", "met"],
  ["material", "Locked: 6061-T6", "met"],
  ["design", "Not frozen", "not-met"],
  ["design", "Unreleased", "not-met"],
  ["supplier", "Unqualified", "not-met"],
  ["function", "Untested", "not-met"],
  ["function", "Never validated", "not-met"],
  ["function", "NOK", "not-met"],
  ["function", "NG", "not-met"],
  ["finish", "Failed salt spray", "not-met"],
  ["supplier", "Approved w/ conditions", "partial"],
  ["supplier", "Conditionally approved", "partial"],
  ["supplier", "Interim", "partial"],
  ["inspection", "Approved with deviations", "partial"],
  ["function", "Pass (with concession)", "partial"],
  ["function", "Fit OK, function pending", "partial"],
  ["design", "To be released", "partial"],
  ["function", "Awaiting test parts", "not-met"],
  ["tolerances", "Review scheduled", "not-met"],
  ["inspection", "No control plan", "not-met"],
  ["cost", "Quote pending", "not-met"],
  ["cost", "RFQ sent", "not-met"],
  ["design", "Frozen until redesign", "reported"],
  ["design", "Approved but not for production", "reported"],
  ["design", "Released, changing", "reported"],
  ["pilot", "80% complete", "partial"],
  ["function", "2 of 3 tests passed", "partial"],
  ["material", "N/A - bought-out part", "unknown"],
  ["supplier", "TBD: waiting for supplier", "unknown"],
];

describe("the README's examples of reading a cell", () => {
  it.each(EXAMPLES)("%s: %j is %s", (id, text, expected) => {
    const read = readLevel(id, text);
    if (expected === "reported") {
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.issue.message).toMatch(/counted as unknown/u);
    } else expect(read).toEqual({ ok: true, value: expected });
  });
});
