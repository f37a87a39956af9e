import { describe, expect, it } from "vitest";
import { officeVisibility, type OfficeVisibilityHost } from "../../src/taskpane/visibility";
import { createStandIn } from "../support/excel-standin";

describe("whether the pane is shown", () => {
  it("follows Office.addin.onVisibilityModeChanged where the host has SharedRuntime 1.1", async () => {
    const s = createStandIn({ sheets: [{ name: "S" }] });
    const seen: boolean[] = [];
    expect(await officeVisibility(s.Office as OfficeVisibilityHost)((visible) => seen.push(visible))).toBe(true);
    await s.setVisibility("Hidden");
    await s.setVisibility("Taskpane");
    expect(seen).toEqual([false, true]);
  });

  it.each([
    ["a host without SharedRuntime 1.1", createStandIn({ sheets: [{ name: "S" }] }, { sharedRuntime: false }).Office as OfficeVisibilityHost],
    [
      "a host that claims it but refuses the call",
      { context: { requirements: { isSetSupported: () => true } }, addin: { onVisibilityModeChanged: () => Promise.reject(new Error("not here")) } },
    ],
    ["a host with no Office.addin", { context: { requirements: { isSetSupported: () => true } } }],
    ["a page outside Office", {}],
  ] as [string, OfficeVisibilityHost][])("on %s it cannot tell, and says so without an error", async (_name, office) => {
    const seen: boolean[] = [];
    expect(await officeVisibility(office)((visible) => seen.push(visible))).toBe(false);
    expect(seen).toEqual([]);
  });
});
