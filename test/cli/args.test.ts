import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseArgs, wantsHelp, type CommandDef } from "../../src/cli/args";
import { CLASSIFY, COMMANDS, CRITERIA } from "../../src/cli/commands";
import { EXIT_USAGE } from "../../src/cli/errors";

const ok = (def: CommandDef, argv: string[]) => {
  const parsed = parseArgs(def, argv);
  if (!parsed.ok) throw new Error(`expected to parse ${JSON.stringify(argv)}: ${parsed.issue.message}`);
  return parsed.value;
};

describe("parseArgs", () => {
  it.each([
    [["parts.xlsx"], { positionals: ["parts.xlsx"], options: {} }],
    [["parts.xlsx", "-o", "out.xlsx"], { positionals: ["parts.xlsx"], options: { output: "out.xlsx" } }],
    [["parts.xlsx", "-oout.xlsx"], { positionals: ["parts.xlsx"], options: { output: "out.xlsx" } }],
    [["parts.xlsx", "--output=out.xlsx"], { positionals: ["parts.xlsx"], options: { output: "out.xlsx" } }],
    [["--sheet", "BOM", "parts.xlsx", "--header-row", "3"], { positionals: ["parts.xlsx"], options: { sheet: "BOM", "header-row": 3 } }],
    [["parts.xlsx", "--header-row", "1,000"], { positionals: ["parts.xlsx"], options: { "header-row": 1000 } }],
    [["parts.xlsx", "--format", "JSON"], { positionals: ["parts.xlsx"], options: { format: "json" } }],
    [["parts.xlsx", "--force", "-q"], { positionals: ["parts.xlsx"], options: { force: true, quiet: true } }],
    [["parts.xlsx", "--no-streaming"], { positionals: ["parts.xlsx"], options: { streaming: false } }],
    [["parts.xlsx", "--streaming"], { positionals: ["parts.xlsx"], options: { streaming: true } }],
    [["parts.xlsx", "--prototype-quantity", "-5"], { positionals: ["parts.xlsx"], options: { "prototype-quantity": "-5" } }],
    [["--", "--odd-name.csv"], { positionals: ["--odd-name.csv"], options: {} }],
    [["-", "-o", "-"], { positionals: ["-"], options: { output: "-" } }],
    [["parts.xlsx", "--map", "Dwg=design"], { positionals: ["parts.xlsx"], options: { map: ["Dwg=design"] } }],
    [
      ["--map", "Dwg=design", "parts.xlsx", "--map=Vendor=none", "--mapping", "c.json"],
      { positionals: ["parts.xlsx"], options: { map: ["Dwg=design", "Vendor=none"], mapping: "c.json" } },
    ],
  ])("classify %j", (argv, expected) => {
    expect(ok(CLASSIFY, argv)).toEqual(expected);
  });

  it.each([
    [["parts.xlsx", "--frobnicate"], "unknown-option", /unknown option "--frobnicate"/u],
    [["parts.xlsx", "-z"], "unknown-option", /unknown option "-z"/u],
    [[], "missing-argument", /needs FILE/u],
    [["a.xlsx", "b.xlsx"], "unexpected-argument", /unexpected argument "b.xlsx"/u],
    [["parts.xlsx", "-o"], "missing-value", /-o needs a value/u],
    [["parts.xlsx", "--sheet", "--force"], "missing-value", /--sheet needs a value/u],
    [["parts.xlsx", "--header-row", "0"], "bad-number", /whole number of at least 1/u],
    [["parts.xlsx", "--header-row", "three"], "bad-number", /"three"/u],
    [["parts.xlsx", "--header-row", "2.5"], "bad-number", /"2.5"/u],
    [["parts.xlsx", "--max-warnings", "-1"], "bad-number", /--max-warnings/u],
    [["parts.xlsx", "--format", "pdf"], "bad-choice", /one of xlsx, csv, json/u],
    [["parts.xlsx", "--force=yes"], "unexpected-argument", /takes no value/u],
    [["parts.xlsx", "--no-force"], "unknown-option", /--no-force/u],
    [["parts.xlsx", "--map"], "missing-value", /--map needs a value \(HEADER=CRITERION\)/u],
    [["parts.xlsx", "--mapping", "--force"], "missing-value", /--mapping needs a value \(FILE\)/u],
  ])("classify %j is refused as %s", (argv, code, message) => {
    const parsed = parseArgs(CLASSIFY, argv);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issue.code).toBe(code);
    expect(parsed.issue.exitCode).toBe(EXIT_USAGE);
    expect(parsed.issue.message).toMatch(message);
    expect(parsed.issue.line()).not.toContain("\n");
  });

  it("criteria takes only its --format", () => {
    expect(ok(CRITERIA, ["--format", "md"]).options).toEqual({ format: "md" });
    expect(parseArgs(CRITERIA, ["extra"]).ok).toBe(false);
  });

  it("wantsHelp sees -h and --help before --, not after", () => {
    expect(wantsHelp(["x", "-h"])).toBe(true);
    expect(wantsHelp(["--help"])).toBe(true);
    expect(wantsHelp(["--", "--help"])).toBe(false);
    expect(wantsHelp(["--helpful"])).toBe(false);
  });

  it("never throws and always answers with a result, whatever the arguments", () => {
    const token = fc.oneof(
      fc.string(),
      fc.constantFrom("-o", "--format", "--header-row", "--sheet", "--no-streaming", "--", "-", "-q", "--force", "--=", "-="),
    );
    fc.assert(
      fc.property(fc.constantFrom(...COMMANDS), fc.array(token, { maxLength: 8 }), (def, argv) => {
        const parsed = parseArgs(def, argv);
        if (!parsed.ok) {
          expect(parsed.issue.exitCode).toBe(EXIT_USAGE);
          expect(parsed.issue.line()).not.toMatch(/[\r\n]/u);
        }
      }),
    );
  });
});
