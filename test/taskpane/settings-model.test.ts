import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS } from "../../src/core";
import {
  NO_SAVED_CHOICES,
  choicesFromSetting,
  sameChoices,
  settingFromChoices,
  settingFromThresholds,
  thresholdsFromSetting,
  withListChoices,
} from "../../src/taskpane/settings-model";

describe("thresholds stored with the workbook", () => {
  it.each([
    [undefined, DEFAULT_THRESHOLDS],
    [null, DEFAULT_THRESHOLDS],
    [{}, DEFAULT_THRESHOLDS],
    [{ prototypeQuantity: 25 }, { prototypeQuantity: 25, lowVolumeQuantity: 1000 }],
    [
      { prototypeQuantity: "5", lowVolumeQuantity: "2,000" },
      { prototypeQuantity: 5, lowVolumeQuantity: 2000 },
    ],
  ])("%j reads as %j", (stored, expected) => {
    expect(thresholdsFromSetting(stored)).toEqual({ ok: true, value: expected });
  });

  it.each([["text"], [[1, 2]], [{ prototypeQuantity: -1 }], [{ prototypeQuantity: 2000, lowVolumeQuantity: 1000 }]])(
    "%j is refused with a message",
    (stored) => {
      const read = thresholdsFromSetting(stored);
      expect(read.ok).toBe(false);
      expect(!read.ok && read.issue.message.length).toBeGreaterThan(10);
    },
  );

  it("round-trips", () => {
    const t = { prototypeQuantity: 7, lowVolumeQuantity: 700 };
    expect(thresholdsFromSetting(JSON.parse(JSON.stringify(settingFromThresholds(t))))).toEqual({ ok: true, value: t });
  });
});

describe("column choices stored with the workbook, in the core's ColumnChoices JSON", () => {
  it("reads nothing stored as no choices", () => {
    expect(choicesFromSetting(undefined)).toEqual({ ok: true, value: NO_SAVED_CHOICES });
    expect(choicesFromSetting(null)).toEqual({ ok: true, value: NO_SAVED_CHOICES });
  });

  it("reads the JSON object of header -> criterion, keyed like the core, keeping each header as written", () => {
    const read = choicesFromSetting({ "Dwg Status": "design", Vendor: "none", "Unit $": "Piece price" });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect([...read.value.choices]).toEqual([
      ["dwg status", "design"],
      ["vendor", "none"],
      ["unit", "cost"],
    ]);
    expect(read.value.headers).toEqual({ "dwg status": "Dwg Status", vendor: "Vendor", unit: "Unit $" });
    expect(settingFromChoices(read.value)).toEqual({ "Dwg Status": "design", Vendor: "none", "Unit $": "cost" });
  });

  it.each([["text"], [["Dwg Status", "design"]], [{ "Dwg Status": "drawing" }], [{ "Dwg Status": 3 }]])("refuses %j with a message", (stored) => {
    const read = choicesFromSetting(stored);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.issue.message).toMatch(/^The column choices saved in this workbook are not readable/);
  });

  it("round-trips through the workbook's JSON", () => {
    const read = choicesFromSetting({ "Dwg Status": "design", Remarks: "function" });
    if (!read.ok) throw new Error(read.issue.message);
    const again = choicesFromSetting(JSON.parse(JSON.stringify(settingFromChoices(read.value))));
    expect(again).toEqual(read);
  });

  it("lays a list's choices over the saved ones, keeping the others and the list's spelling", () => {
    const saved = choicesFromSetting({ "Dwg Rev": "design", Vendor: "none" });
    if (!saved.ok) throw new Error(saved.issue.message);
    const list = new Map([...saved.value.choices, ["remarks", "function" as const], ["vendor", "supplier" as const]]);
    const merged = withListChoices(saved.value, list, ["Part", "REMARKS", "Vendor"]);
    expect(settingFromChoices(merged)).toEqual({ "Dwg Rev": "design", Vendor: "supplier", REMARKS: "function" });
    expect(sameChoices(merged.choices, list)).toBe(true);
    expect(sameChoices(merged.choices, saved.value.choices)).toBe(false);
  });
});
