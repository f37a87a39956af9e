/*
 * The command line as an oracle: classify the same rows with `part-readiness
 * classify FILE.csv --format json` and turn each part into the five result cells.
 * Undefined while the CLI is not built, so callers fall back to the core.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DEFAULT_THRESHOLDS, LIST_SEPARATOR, type CellValue } from "../../src/core";
import { TableClassifier, chooseHeader } from "../../src/cli/classify/table";
import { Gate, type GateRow } from "../../src/cli/gate/gate";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/part-readiness.js");

export function cliBuilt(): boolean {
  return existsSync(path.join(ROOT, "build/cli/main.js"));
}

const csvCell = (v: unknown): string => {
  const text = v === null || v === undefined ? "" : String(v);
  return /[",\n\r]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
};

const joined = (v: unknown): string =>
  Array.isArray(v)
    ? v
        .map((x) => (typeof x === "string" ? x : String((x as { reason?: unknown; provide?: unknown }).reason ?? (x as { provide?: unknown }).provide ?? "")))
        .join(LIST_SEPARATOR)
    : v === undefined || v === null
      ? ""
      : String(v);

export async function classifyWithCli(headers: readonly string[], rows: readonly (readonly unknown[])[]): Promise<(string | number)[][] | undefined> {
  if (!cliBuilt()) return undefined;
  const dir = await mkdtemp(path.join(tmpdir(), "pane-oracle-"));
  try {
    const file = path.join(dir, "parts.csv");
    await writeFile(file, [headers, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n"), "utf8");
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, "classify", file, "--format", "json"], { maxBuffer: 512 * 1024 * 1024 });
    const parsed = JSON.parse(stdout) as unknown;
    // One object per part; the JSON may close with a summary object (how columns were read, cells not understood), which is not a part.
    const records = (Array.isArray(parsed) ? parsed : (parsed as { parts?: unknown[] }).parts) as Record<string, unknown>[];
    const parts = Array.isArray(records) ? records.filter((r) => !("summary" in r)) : records;
    if (!Array.isArray(parts) || parts.length !== rows.length)
      throw new Error(`the CLI answered ${Array.isArray(parts) ? parts.length : "no"} parts for ${rows.length} rows`);
    return parts.map((p) => [
      String(p.stageName ?? p.stage_name ?? ""),
      p.score === null || p.score === undefined || p.score === "" ? "" : Number(p.score),
      String(p.nextStep ?? p.next_step ?? ""),
      joined(p.blockers),
      joined(p.missing),
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The command line's table code run in this process on a sheet whose header is
 * its first row: chooseHeader, TableClassifier and the gate pass of
 * src/cli/gate/gate.ts, the code `part-readiness classify` writes its columns
 * with. Gives the headers it writes after the five and, per data row, their
 * cells (a blank row's are empty).
 */
export async function cliGateColumns(
  sheetName: string,
  rows: readonly (readonly CellValue[])[],
): Promise<{ readonly headers: readonly string[]; readonly cells: readonly (readonly string[])[] }> {
  const header = chooseHeader(rows, { headerRow: 1, scan: 1, where: `sheet "${sheetName}"` });
  if (!header.ok) throw new Error(header.issue.message);
  const gate = new Gate(undefined);
  async function* numbered(): AsyncIterable<GateRow> {
    for (const [i, values] of rows.entries()) yield { number: i + 1, values };
    await Promise.resolve();
  }
  await gate.prepare(header.value, sheetName, DEFAULT_THRESHOLDS, numbered());
  const table = new TableClassifier(sheetName, header.value, DEFAULT_THRESHOLDS, 0);
  const cells = rows.slice(1).map((values, i) => {
    const number = i + 2;
    const result = table.result(number, values, false);
    return gate.headers.length === 0 ? [] : gate.cells(number, result);
  });
  return { headers: gate.headers, cells };
}
