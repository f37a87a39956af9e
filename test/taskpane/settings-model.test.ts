import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS } from "../../src/core";
import { settingFromThresholds, thresholdsFromSetting } from "../../src/taskpane/settings-model";

describe("thresholds stored with the workbook", () => {
  it.each([
    [undefined, DEFAULT_THRESHOLDS],
    [null, DEFAULT_THRESHOLDS],
    [{}, DEFAULT_THRESHOLDS],
    [{ prototypeQuantity: 25 }, { prototypeQuantity: 25, lowVolumeQuantity: 1000 }],
    [{ prototypeQuantity: "5", lowVolumeQuantity: "2,000" }, { prototypeQuantity: 5, lowVolumeQuantity: 2000 }],
  ])("%j reads as %j", (stored, expected) => {
    expect(thresholdsFromSetting(stored)).toEqual({ ok: true, value: expected });
  });

  it.each([["text"], [[1, 2]], [{ prototypeQuantity: -1 }], [{ prototypeQuantity: 2000, lowVolumeQuantity: 1000 }]])("%j is refused with a message", (stored) => {
    const read = thresholdsFromSetting(stored);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.issue.message.length).toBeGreaterThan(10);
  });

  it("round-trips", () => {
    const t = { prototypeQuantity: 7, lowVolumeQuantity: 700 };
    expect(thresholdsFromSetting(JSON.parse(JSON.stringify(settingFromThresholds(t))))).toEqual({ ok: true, value: t });
  });
});
