import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeResults } from "../../../src/cli/classify/place";

const R = ["S", "1", "N", "B", "M"];
const opts = (resultColumn: number, rewrite = false) => ({ resultColumn, rewrite, blank: "", hasValue: (v: string) => v.trim() !== "" });

describe("placeResults", () => {
  it.each([
    ["results right of the data", ["a", "b"], R, opts(2), ["a", "b", ...R], false],
    ["a short row is padded up to the result columns", ["a"], R, opts(3), ["a", "", "", ...R], false],
    ["a row without results is left alone", ["a", "b"], undefined, opts(2), ["a", "b"], false],
    ["empty trailing cells where the results go are replaced", ["a", "b", "", " "], R, opts(2), ["a", "b", ...R], false],
    ["a user's value where the results go is moved right, never overwritten", ["a", "b", "note"], R, opts(2), ["a", "b", ...R, "note"], true],
    ["an earlier run's results are rewritten", ["a", "b", "x", "9", "y", "z", "w"], R, opts(2, true), ["a", "b", ...R], false],
    ["an earlier run's results are cleared on a blank row", ["", "", "x", "9", "y", "z", "w"], undefined, opts(2, true), ["", "", "", "", "", "", ""], false],
    ["cells right of an earlier run's results stay", ["a", "b", "x", "9", "y", "z", "w", "kept"], R, opts(2, true), ["a", "b", ...R, "kept"], false],
  ])("%s", (_name, values, results, options, row, displaced) => {
    expect(placeResults(values, results, options)).toEqual({ row, displaced });
  });

  it("keeps every value of the user's, in order, and puts the five results at the result column", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 12 }), fc.nat(10), (values, resultColumn) => {
        const placed = placeResults(values, R, opts(resultColumn));
        expect(placed.row.slice(resultColumn, resultColumn + 5)).toEqual(R);
        const kept = [...placed.row.slice(0, resultColumn), ...placed.row.slice(resultColumn + 5)].filter((v) => v.trim() !== "");
        expect(kept).toEqual(values.filter((v) => v.trim() !== ""));
      }),
    );
  });
});
