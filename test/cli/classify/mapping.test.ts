/* --map and --mapping: what each entry and file means, and the usage error for each mistake. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgs } from "../../../src/cli/args";
import { readMapOptions, unmatchedChoices, userMapping } from "../../../src/cli/classify/mapping";
import { CLASSIFY } from "../../../src/cli/commands";
import { EXIT_USAGE, isCliError } from "../../../src/cli/errors";
import { choiceKey, mapHeaders } from "../../../src/core";
import { testFolders } from "../../fixtures/files";

const folders = testFolders("cli-mapping");

/** The choices as header key -> target, sorted, for comparing. */
async function choicesOf(maps: readonly string[], file?: string, cwd = folders.root()): Promise<[string, string][]> {
  const mapping = await userMapping(maps, file, cwd);
  return [...mapping.choices].sort(([a], [b]) => a.localeCompare(b));
}

async function refusal(run: () => unknown): Promise<{ code: string; line: string; exit: number }> {
  try {
    await run();
  } catch (error) {
    if (!isCliError(error)) throw error;
    return { code: error.code, line: error.line(), exit: error.exitCode };
  }
  throw new Error("expected a usage error");
}

function mappingFile(name: string, text: string): string {
  const dir = folders.caseDir();
  writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("--map on the command line", () => {
  it("is repeatable and keeps every entry in order, as --map X and --map=X", () => {
    const parsed = parseArgs(CLASSIFY, ["parts.xlsx", "--map", "Dwg Rev=design", "--map=Vendor=none", "--mapping", "cols.json"]);
    expect(parsed.ok && parsed.value.options).toEqual({ map: ["Dwg Rev=design", "Vendor=none"], mapping: "cols.json" });
  });

  it.each([
    ["a criterion id", ["Drawing Rev Status=design"], [[choiceKey("Drawing Rev Status"), "design"]]],
    [
      "an id with an underscore and a label",
      ["Est. Annual Usage=annual_volume", "Unit Cost=Piece price"],
      [
        [choiceKey("Est. Annual Usage"), "annual_volume"],
        [choiceKey("Unit Cost"), "cost"],
      ],
    ],
    ["none ignores a column", ["Vendor=none"], [[choiceKey("Vendor"), "none"]]],
    ["spaces around = and case do not matter", ["  vendor status =  SUPPLIER "], [[choiceKey("vendor status"), "supplier"]]],
    ["the last = splits, so a header may hold =", ["Qty=Ordered=quantity"], [[choiceKey("Qty=Ordered"), "quantity"]]],
    ["the same header twice with the same criterion", ["Dwg=design", "DWG=design"], [[choiceKey("Dwg"), "design"]]],
  ])("reads %s", async (_name, maps, want) => {
    expect(await choicesOf(maps)).toEqual([...want].sort(([a], [b]) => (a ?? "").localeCompare(b ?? "")));
  });

  it.each([
    ["no =", ["Drawing Rev Status"], /--map: "Drawing Rev Status" is not a column choice: write HEADER=CRITERION/u],
    ["no header", ["=design"], /--map: "=design" is not a column choice/u],
    ["no criterion", ["Dwg="], /--map: "Dwg=" is not a column choice/u],
    ["an unknown criterion", ["Dwg=drawing"], /--map: "drawing" in "Dwg=drawing" is not a criterion: use design, function, .* or none/u],
    ["one header, two criteria", ["Dwg=design", "dwg=material"], /--map: the header "dwg" is given twice, as design and as material/u],
  ])("refuses %s as a usage error naming the entry", async (_name, maps, message) => {
    const refused = await refusal(() => readMapOptions(maps));
    expect(refused).toMatchObject({ code: "bad-map", exit: EXIT_USAGE });
    expect(refused.line).toMatch(/^part-readiness: --map: /u);
    expect(refused.line).toMatch(message);
  });
});

describe("--mapping FILE.json", () => {
  it("reads an object of header to criterion (ids, labels, none), with or without a byte-order mark", async () => {
    for (const bom of ["", "\uFEFF"]) {
      const dir = mappingFile("cols.json", `${bom}{ "Drawing Rev Status": "design", "Unit Cost": "Piece price", "Vendor": "none" }`);
      expect(await choicesOf([], "cols.json", dir)).toEqual([
        [choiceKey("Drawing Rev Status"), "design"],
        [choiceKey("Unit Cost"), "cost"],
        [choiceKey("Vendor"), "none"],
      ]);
    }
  });

  it("takes --map over the file on the same header, however it is written", async () => {
    const dir = mappingFile("cols.json", '{ "Vendor": "supplier", "Dwg": "design" }');
    expect(await choicesOf(["VENDOR=none"], "cols.json", dir)).toEqual([
      [choiceKey("Dwg"), "design"],
      [choiceKey("Vendor"), "none"],
    ]);
  });

  it("finds the file from the working folder", async () => {
    const dir = folders.caseDir();
    mkdirSync(path.join(dir, "conf"));
    writeFileSync(path.join(dir, "conf", "cols.json"), '{ "Dwg": "design" }');
    expect(await choicesOf([], "conf/cols.json", dir)).toEqual([[choiceKey("Dwg"), "design"]]);
  });

  it.each([
    [
      "a missing file",
      undefined,
      "missing.json",
      /part-readiness: missing\.json: does not exist; --mapping takes a JSON file of header to criterion, e\.g\. \{ "Drawing Rev Status": "design"/u,
    ],
    ["a folder", "folder", "folder", /part-readiness: folder: is a folder, not a file; --mapping takes a JSON file/u],
    ["text that is not JSON", "Dwg = design", "cols.json", /part-readiness: cols\.json: is not valid JSON \(.+\); expected an object of header to criterion/u],
    ["JSON cut short", '{ "Dwg": ', "cols.json", /cols\.json: is not valid JSON/u],
    ["an array", '[["Dwg", "design"]]', "cols.json", /cols\.json: expected a JSON object of header to criterion/u],
    ["a bare string", '"Dwg=design"', "cols.json", /cols\.json: expected a JSON object of header to criterion/u],
    ["null", "null", "cols.json", /cols\.json: expected a JSON object/u],
    ["a number for a criterion", '{ "Dwg": 3 }', "cols.json", /cols\.json: the value for "Dwg" must be a criterion name in quotes, got 3/u],
    ["an unknown criterion", '{ "Dwg": "drawing" }', "cols.json", /cols\.json: "drawing" for the header "Dwg" is not a criterion: use design, .* or none/u],
    ["an empty header", '{ "": "design" }', "cols.json", /cols\.json: a column choice needs a header/u],
    [
      "one header twice with two criteria",
      '{ "Dwg": "design", "DWG": "material" }',
      "cols.json",
      /cols\.json: the header "DWG" is given twice, as design and as material/u,
    ],
  ])("refuses %s as a usage error naming the file", async (_name, content, name, message) => {
    const dir = folders.caseDir();
    if (content !== undefined) {
      if (name === "folder") mkdirSync(path.join(dir, name));
      else writeFileSync(path.join(dir, name), content);
    }
    const refused = await refusal(() => userMapping([], name, dir));
    expect(refused).toMatchObject({ code: "bad-mapping-file", exit: EXIT_USAGE });
    expect(refused.line).toMatch(message);
    expect(refused.line).not.toMatch(/[\r\n]/u);
  });

  it("an empty --mapping is a missing value", async () => {
    expect(await refusal(() => userMapping([], "", folders.root()))).toMatchObject({ code: "missing-value", exit: EXIT_USAGE });
  });
});

describe("unmatchedChoices", () => {
  it("lists the chosen headers no column carries, as the user wrote them", async () => {
    const user = await userMapping(["dwg rev=design", "Vendor=none", "Colour code=none"], undefined, folders.root());
    const mapping = mapHeaders(["Part No.", "DWG  Rev.", "Vendor", "Qty"], { choices: user.choices });
    expect(unmatchedChoices(user, mapping)).toEqual(["Colour code"]);
  });
});
