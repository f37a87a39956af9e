/*
 * Ctrl-C and kills stop a classify run at once, in the middle of a sheet: the
 * built binary exits 130 (SIGINT) or 143 (SIGTERM), leaves no temporary file
 * and no output, and never touches the input (issue 10).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readdirSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { snapshot, testFolders } from "../fixtures/files";
import { BIN, requireBuiltCli } from "../fixtures/run-cli";

const folders = testFolders("signals");

/** Enough rows that classifying them takes seconds, not milliseconds, on any machine. */
const CSV_ROWS = 200_000;
const XLSX_ROWS = 60_000;
const HEADERS = [
  "Part number",
  "Description",
  "Design status",
  "Material",
  "Surface finish",
  "Pilot run",
  "Supplier capability",
  "Goal",
  "Qty",
  "Annual volume",
];
const DESIGN = ["frozen", "released", "in work", "concept", "Approved", ""];
const MATERIAL = ["6061-T6", "POM-C", "PA12", "AISI 304", "tbd"];
const PILOT = ["passed", "planned", "none", "in progress"];
const GOAL = ["learning", "delivering", "pilot"];

function row(i: number): (string | number)[] {
  const pick = <T>(items: readonly T[], salt: number): T => items[(i * 7 + salt) % items.length] as T;
  return [
    `PN-${100000 + i}`,
    `Bracket rev ${i % 26}`,
    pick(DESIGN, 1),
    pick(MATERIAL, 2),
    pick(["anodized", "bead blast", "none"], 3),
    pick(PILOT, 4),
    pick(["qualified", "not capable", ""], 5),
    pick(GOAL, 6),
    (i % 900) + 1,
    (i % 50) * 1000,
  ];
}

async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${HEADERS.join(",")}\n`);
  for (let i = 0; i < rows; i += 1) {
    if (!out.write(`${row(i).join(",")}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

async function writeXlsx(file: string, rows: number): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const sheet = book.addWorksheet("Parts");
  sheet.addRow(HEADERS).commit();
  for (let i = 0; i < rows; i += 1) sheet.addRow(row(i)).commit();
  sheet.commit();
  await book.commit();
}

let csvInput = "";
let xlsxInput = "";

beforeAll(async () => {
  requireBuiltCli();
  const dir = folders.caseDir("inputs");
  csvInput = path.join(dir, "big.csv");
  xlsxInput = path.join(dir, "big.xlsx");
  await Promise.all([writeCsv(csvInput, CSV_ROWS), writeXlsx(xlsxInput, XLSX_ROWS)]);
});

/** The temporary files a run with this process id may leave: `.NAME.PID-xxxx.tmp` beside the output, `part-readiness-PID-xxxx.out` in the system's temporary folder. */
function tempFiles(dir: string, pid: number): string[] {
  const beside = readdirSync(dir).filter((name) => name.endsWith(".tmp") || name.includes(`.${pid}-`));
  const spooled = readdirSync(tmpdir()).filter((name) => name.startsWith(`part-readiness-${pid}-`));
  return [...beside, ...spooled];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the run has made its temporary file (it is then reading rows and writing results). */
async function untilWriting(child: ChildProcess, dir: string, exited: () => boolean): Promise<void> {
  const pid = child.pid ?? -1;
  const deadline = Date.now() + 120_000;
  while (tempFiles(dir, pid).length === 0) {
    if (exited()) throw new Error("the run ended before it made its temporary file: the input is too small to stop it half-way");
    if (Date.now() > deadline) throw new Error("no temporary file after 120 s");
    await sleep(20);
  }
}

interface Stopped {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** From the signal to the process's end. */
  readonly stopMs: number;
  readonly pid: number;
}

async function runAndStop(input: () => string, args: readonly string[], dir: string, signal: NodeJS.Signals): Promise<Stopped> {
  const child = spawn(process.execPath, [BIN, "classify", input(), ...args], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => err.push(chunk));
  let ended = false;
  const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on("close", (code, sig) => {
      ended = true;
      resolve([code, sig]);
    }),
  );
  try {
    await untilWriting(child, dir, () => ended);
    // Well inside the sheet: some rows are written, most are still to come.
    await sleep(300);
    expect(ended, "the run must still be going when the signal is sent").toBe(false);
    const sent = Date.now();
    child.kill(signal);
    const [code, sig] = await closed;
    return {
      code,
      signal: sig,
      stdout: Buffer.concat(out).toString("utf8"),
      stderr: Buffer.concat(err).toString("utf8"),
      stopMs: Date.now() - sent,
      pid: child.pid ?? -1,
    };
  } finally {
    if (!ended) child.kill("SIGKILL");
  }
}

const CASES = [
  { name: "CSV to a CSV file", input: () => csvInput, output: "out.csv", signal: "SIGINT" as const, code: 130 },
  { name: "CSV to a CSV file", input: () => csvInput, output: "out.csv", signal: "SIGTERM" as const, code: 143 },
  { name: "CSV to a workbook", input: () => csvInput, output: "out.xlsx", signal: "SIGINT" as const, code: 130 },
  { name: "CSV to JSON on stdout (spooled)", input: () => csvInput, output: "-", signal: "SIGTERM" as const, code: 143 },
  { name: "a workbook to a workbook", input: () => xlsxInput, output: "out.xlsx", signal: "SIGTERM" as const, code: 143 },
  { name: "a workbook to a workbook", input: () => xlsxInput, output: "out.xlsx", signal: "SIGINT" as const, code: 130 },
];

describe("a signal stops classify at once", () => {
  it.each(CASES)("$name: $signal exits $code, removes the temporary file and writes no output", async ({ input, output, signal, code }) => {
    const dir = folders.caseDir();
    const before = snapshot(input());
    const args = output === "-" ? ["-o", "-", "--format", "json"] : ["-o", output];
    const run = await runAndStop(input, args, dir, signal);
    expect({ code: run.code, signal: run.signal }, run.stderr).toEqual({ code, signal: null });
    expect(run.stderr).toContain(`part-readiness: stopped by ${signal}; the unfinished output was removed`);
    expect(run.stopMs, "the run stops at once, not at the end of the sheet").toBeLessThan(5_000);
    expect(tempFiles(dir, run.pid)).toEqual([]);
    if (output === "-") expect(run.stdout).toBe("");
    else expect(existsSync(path.join(dir, output))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    expect(snapshot(input())).toEqual(before);
  });
});
