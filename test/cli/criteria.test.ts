import { describe, expect, it } from "vitest";
import { GENERIC_ACCEPTED, criteriaCatalog } from "../../src/core";
import { runCli } from "../fixtures/run-cli";

describe("criteria", () => {
  it("text lists every criterion, its headers and accepted values", async () => {
    const run = await runCli(["criteria"]);
    expect(run.code).toBe(0);
    for (const entry of criteriaCatalog()) {
      expect(run.stdout).toContain(`${entry.label} [${entry.id}]`);
      expect(run.stdout).toContain(entry.headers.join(", "));
      expect(run.stdout).toContain(entry.accepted);
    }
    expect(run.stdout).toContain(GENERIC_ACCEPTED);
  });

  it("json is the core's catalogue", async () => {
    const run = await runCli(["criteria", "--format", "json"]);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout) as { criteria: { id: string; headers: string[]; accepted: string }[]; generic: string };
    expect(parsed.criteria.map(({ id, headers, accepted }) => ({ id, headers, accepted }))).toEqual(
      criteriaCatalog().map(({ id, headers, accepted }) => ({ id, headers: [...headers], accepted })),
    );
    expect(parsed.generic).toBe(GENERIC_ACCEPTED);
  });

  it("md is a Markdown table with a row per criterion", async () => {
    const run = await runCli(["criteria", "--format", "md"]);
    expect(run.code).toBe(0);
    const rows = run.stdout.split("\n").filter((l) => l.startsWith("| `"));
    expect(rows.map((r) => /^\| `([a-z_]+)`/u.exec(r)?.[1])).toEqual(criteriaCatalog().map((e) => e.id));
  });
});
