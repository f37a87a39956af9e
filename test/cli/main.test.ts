/* main() in-process: it answers with an exit code and writes to the streams it is given, never exiting the process. */
import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli/main";

function io(): CliIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (chunk: string | Uint8Array) => ((out += String(chunk)), true) },
    stderr: { write: (chunk: string | Uint8Array) => ((err += String(chunk)), true) },
    cwd: process.cwd(),
    out: () => out,
    err: () => err,
  };
}

describe("main", () => {
  it("returns 0 and prints help", async () => {
    const streams = io();
    expect(await main(["--help"], streams)).toBe(0);
    expect(streams.out()).toContain("Usage: part-readiness");
    expect(streams.err()).toBe("");
  });

  it.each([
    [["nope"], 1],
    [["classify"], 1],
    [["classify", "x.xlsx", "--format", "csv", "-o", "x.json"], 1],
    [["classify", "no-such-file.xlsx"], 2],
  ])("%j returns %i with one line on stderr", async (argv, code) => {
    const streams = io();
    expect(await main(argv, streams)).toBe(code);
    expect(streams.out()).toBe("");
    expect(streams.err().endsWith("\n")).toBe(true);
    expect(streams.err().trimEnd().split("\n")).toHaveLength(1);
  });

  it("criteria writes to the given stdout", async () => {
    const streams = io();
    expect(await main(["criteria", "--format", "md"], streams)).toBe(0);
    expect(streams.out()).toMatch(/^\| id \| criterion/u);
  });
});
