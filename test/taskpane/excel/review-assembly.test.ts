/* The review of a part in an indented bill, through the stand-in: the whole list read once more for its assembly, or not when it is too long. */
import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS } from "../../../src/core";
import { readReview } from "../../../src/taskpane/excel/review";
import { ASSEMBLY_REVIEW_ROWS } from "../../../src/taskpane/review-model";
import { HEADERS as PART_HEADERS, partRow, standIn } from "./fixtures";

// The fixture's columns with a Level column first: partRow(5) is a mass-production part, partRow(0) a prototype.
const HEADERS = ["Level", ...PART_HEADERS];
const ready = (level: number, label: string) => [level, label, ...partRow(5).slice(1)];
const proto = (level: number, label: string) => [level, label, ...partRow(0).slice(1)];

describe("the review of an assembly", () => {
  it("reads every row of the list in one more request, and watches them all", async () => {
    const { s, run } = standIn({ sheets: [{ name: "BOM", rows: [HEADERS, ready(0, "A"), ready(1, "B"), proto(2, "C"), ready(1, "D")] }], selection: "BOM!C2" });
    const read = await readReview(run, DEFAULT_THRESHOLDS);
    expect(read.review.ok && read.review.value.assessment.stage).toBe("mass-production");
    expect(read.review.ok && read.review.value.assembly).toEqual({
      kind: "known",
      stage: "prototyping",
      components: 2,
      limitedBy: [{ label: "B", stage: "prototyping", through: ["C"] }],
    });
    expect(s.stats.requests).toHaveLength(2);
    expect(read.watch.rows).toEqual([0, 1, 2, 3, 4]);
    expect(read.watch.columns).toEqual({ first: 0, last: 16 });
  });

  it(`does not read a list of more than ${ASSEMBLY_REVIEW_ROWS} rows on every selection, and says so`, async () => {
    const rows = [ready(0, "A"), ...Array.from({ length: ASSEMBLY_REVIEW_ROWS }, (_, i) => ready(1, `P-${i}`))];
    const { s, run } = standIn({ sheets: [{ name: "BOM", rows: [HEADERS, ...rows] }], selection: "BOM!C2" });
    const read = await readReview(run, DEFAULT_THRESHOLDS);
    expect(read.review.ok && read.review.value.assembly).toEqual({
      kind: "not-read",
      why: expect.stringMatching(/^The list has more than 5,000 rows.*Classify list gives each assembly's stage\.$/u),
    });
    expect(s.stats.requests).toHaveLength(1);
    expect(read.watch.rows).toEqual([0, 1]);
  });

  it("reads no more for a list without a Level or Parent column", async () => {
    const { s, run } = standIn({ sheets: [{ name: "P", rows: [HEADERS.slice(1), ready(0, "A").slice(1)] }], selection: "P!B2" });
    const read = await readReview(run, DEFAULT_THRESHOLDS);
    expect(read.review.ok && [read.review.value.hierarchy, read.review.value.assembly]).toEqual([false, undefined]);
    expect(s.stats.requests).toHaveLength(1);
  });
});
