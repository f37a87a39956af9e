/**
 * Waivers. Wording from PPAP and gate-review trackers: a customer deviation
 * ("deviation approved", "per deviation D-12", ppapmanager.com on interim
 * approvals and deviations), waiver requests in supplier quality trackers
 * ("waiver pending", "waiver rejected"), gate minutes ("Pilot run waived:
 * carry-over part identical to P-100", issue 13).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  GATE_B_LEVELS,
  LEVEL_CRITERIA,
  STAGES,
  WAIVED_LABEL,
  mapHeaders,
  readLevel,
  readPart,
  assess,
  rowReader,
  summarize,
  summaryLayout,
  waiverInPhrase,
  waivedText,
} from "../../src/core";

describe("waiverInPhrase", () => {
  it.each([
    ["Waived", "waived"],
    ["waiver", "waiver"],
    ["PPAP waived per deviation D-12", "waived"],
    ["Deviation approved", "deviation approved"],
    ["Approved per deviation DV-0042", "per deviation"],
    ["Pilot run waived: carry-over part identical to P-100", "waived"],
    ["Waiver granted by customer SQE", "waiver"],
    ["Customer waiver on file", "waiver"],
    ["Deviation granted (rev B only)", "deviation granted"],
    ["FAI waived - family part", "waived"],
    ["approved deviation #1182", "approved deviation"],
  ])("%j is waived (%j)", (text, words) => {
    expect(waiverInPhrase(text)).toEqual({ kind: "waived", words });
  });

  it.each([
    "Waiver pending",
    "Waiver requested",
    "Not waived",
    "Waiver rejected",
    "Waiver was granted",
    "Deviation approved until rev C",
    "No waiver",
    "Waiver to be requested",
  ])("%j names a waiver that is not in force", (text) => {
    expect(waiverInPhrase(text).kind).toBe("not-granted");
  });

  it.each(["Deviation expired", "Deviation approval pending", "Deviation request submitted"])("%j is no waiver in force and never met", (text) => {
    expect(waiverInPhrase(text).kind).toBe("none");
    const read = readLevel("pilot", text);
    expect(read.ok && read.value === "met").toBe(false);
  });

  it.each(["Approved with deviations", "Open deviation", "Released with deviations", "Frozen", "Deviation", "Approved"])("%j is no waiver", (text) => {
    expect(waiverInPhrase(text).kind).toBe("none");
  });

  it("a waived cell alone is unknown with an issue; a waiver not in force is unclear; neither is ever met", () => {
    expect(readLevel("pilot", "Waived")).toMatchObject({ ok: false, issue: { code: "waived" } });
    expect(readLevel("pilot", "Waiver pending")).toMatchObject({ ok: false, issue: { code: "unclear" } });
    expect(readLevel("design", "Approved with deviations")).toEqual({ ok: true, value: "partial" });
  });
});

const HEADERS = [
  "Part",
  "Design",
  "Function",
  "Material",
  "Finish",
  "Tolerances",
  "DFM",
  "Pilot run",
  "Demand",
  "Supplier",
  "Inspection",
  "Cost",
  "Goal",
  "Waiver justification",
];
const READY = [
  "P-100",
  "Frozen",
  "Verified",
  "Locked",
  "Confirmed",
  "Reviewed",
  "Done",
  "Validated",
  "Stable",
  "Qualified",
  "Defined",
  "Quoted",
  "Series production",
];

describe("waivers in a row", () => {
  const reader = rowReader(mapHeaders(HEADERS));

  it("with a written justification a waived criterion is met, listed with it, and the next step says the stage rests on it", () => {
    const row = [...READY, "Carry-over part identical to P-100"];
    row[7] = "Pilot run waived";
    const a = reader.assess(row);
    expect(a.stage).toBe("mass-production");
    expect(a.waived).toEqual([{ criterion: "pilot", text: "Pilot run waived", justification: "Carry-over part identical to P-100" }]);
    expect(a.nextStep).toMatch(/^Mass production only thanks to the waiver on pilot run\. /u);
    expect(waivedText(a)).toBe("Pilot run: Pilot run waived (Carry-over part identical to P-100)");
    expect(summarize([a])).toMatchObject({ waived: 1, partsWithWaivers: 1 });
  });

  it.each(["", "n/a", "-", "TBD", "  "])("without a justification (%j) it is unknown and reported, naming the column", (justification) => {
    const row = [...READY, justification];
    row[7] = "Pilot run waived";
    const a = reader.assess(row);
    expect(a.stage).toBe("low-volume");
    expect(a.waived).toEqual([]);
    expect(a.missing.map((m) => m.criterion)).toEqual(["pilot"]);
    expect(a.issues.map((i) => i.message)).toEqual([
      'Pilot run: "Pilot run waived" is waived but there is no justification in column "Waiver justification"; counted as unknown until the waiver is justified in writing.',
    ]);
  });

  it("a sheet without a justification column says so", () => {
    const a = rowReader(mapHeaders(HEADERS.slice(0, -1))).assess(READY.map((v, i) => (i === 1 ? "Waived" : v)));
    expect(a.issues[0]?.message).toMatch(/the sheet has no Waiver justification column/u);
    expect(a.stage).toBe("prototyping");
  });

  it("a waiver that does not change the stage leaves the next step alone", () => {
    const row = [...READY, "Customer deviation D-12"];
    row[7] = "Waived";
    row[8] = "Forecast only";
    const a = reader.assess(row);
    expect(a.stage).toBe("low-volume");
    expect(a.waived).toHaveLength(1);
    expect(a.nextStep).not.toMatch(/waiver/u);
  });

  it("with two justification columns the first that holds written text counts", () => {
    const two = rowReader(mapHeaders([...HEADERS.slice(0, -1), "Deviation no.", "Justification"]));
    const row = [...READY, "n/a", "Carry-over part"];
    row[7] = "Waived";
    expect(two.assess(row).waived.map((w) => w.justification)).toEqual(["Carry-over part"]);
    row[14] = "";
    expect(two.assess(row).waived).toEqual([]);
  });

  it.each(["Waiver", "Deviation", "Justification", "Deviation no.", "Waiver reason", "Justificaton"])("%j is a justification column", (header) => {
    const mapping = mapHeaders(["Part", "Design", header]);
    expect(mapping.roles.map((r) => r.role)).toEqual(["justification"]);
  });
});

const cellFor = fc.constantFrom(
  "Waived",
  "Deviation approved",
  "Frozen",
  "Done",
  "Partial",
  "No",
  "Waiver pending",
  "",
  "Approved with deviations",
  "Per deviation D-7",
);

describe("property: waivers never promote without a justification", () => {
  it("removing the justification never raises the stage, the score or the progress", () => {
    fc.assert(
      fc.property(
        fc.array(cellFor, { minLength: LEVEL_CRITERIA.length, maxLength: LEVEL_CRITERIA.length }),
        fc.constantFrom("Series production", "Prototype", ""),
        fc.string({ maxLength: 12 }),
        (cells, goal, justification) => {
          const values = Object.fromEntries([...LEVEL_CRITERIA.map((id, i) => [id, cells[i]]), ["goal", goal]]);
          const withIt = assess(readPart(values, undefined, { justification, justificationHeader: "Waiver" }));
          const without = assess(readPart(values, undefined, { justificationHeader: "Waiver" }));
          const rank = (s: (typeof STAGES)[number] | null): number => (s === null ? -1 : STAGES.indexOf(s));
          expect(rank(without.stage)).toBeLessThanOrEqual(rank(withIt.stage));
          expect(without.score ?? -1).toBeLessThanOrEqual(withIt.score ?? -1);
          expect(without.waived).toEqual([]);
          // Without a justification a waived cell is never met.
          for (const id of GATE_B_LEVELS)
            if (/waived|deviation approved|per deviation/iu.test(String(values[id]))) expect(readPart(values).levels[id]).toBe("unknown");
        },
      ),
    );
  });
});

describe("the summary sheet", () => {
  it("counts criteria met by waiver, and leaves the line out when there is none", () => {
    const reader = rowReader(mapHeaders(HEADERS));
    const waived = [...READY, "Carry-over part"];
    waived[7] = "Waived";
    waived[11] = "Deviation approved";
    const plain = [...READY, ""];
    const withWaivers = summaryLayout(summarize([reader.assess(waived), reader.assess(plain)]), "Parts");
    expect(withWaivers.values.filter((r) => r[0] === WAIVED_LABEL)).toEqual([[WAIVED_LABEL, 2, "", ""]]);
    const without = summaryLayout(summarize([reader.assess(plain)]), "Parts");
    expect(without.values.some((r) => r[0] === WAIVED_LABEL)).toBe(false);
  });
});
