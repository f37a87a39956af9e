/*
 * Custom functions speed, measured on the code Excel runs: functions.js as
 * webpack bundles it for production (built here into a temporary folder, so a
 * dist/ in use by a test is left alone), against the core alone as tsc compiles
 * it for the command line (build/, which `npm run bench` builds first), on the
 * same rows in the same process:
 *   one READINESS_STAGE call over 100,000 rows (target under 0.5 s), and
 *   100,000 one-row READINESS_STAGE calls (a column of filled-down formulas).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { runInThisContext } from "node:vm";
import webpack, { type Configuration, type Stats } from "webpack";

type Cell = string | number | boolean;
type Fn = (...args: unknown[]) => unknown;

const ROOT = path.resolve(__dirname, "..");
const ROWS = 100_000;
const TARGET_MS = 500;

const HEADERS = [
  "Part number",
  "Design status",
  "Function",
  "Material",
  "Finish",
  "Tolerance review",
  "DFM review",
  "Pilot run",
  "Demand",
  "Supplier",
  "Inspection plan",
  "Piece price",
  "Goal",
  "Qty",
  "Annual volume",
  "Notes",
];

/** Values per column after the part number, a realistic mix of statuses, names, blanks, numbers and an error. */
const CHOICES: readonly (readonly Cell[])[] = [
  ["frozen", "stable", "draft", "", "yes", true],
  ["verified", "in progress", "failed", "", 1, 0.5],
  ["locked", "6061-T6", "candidate", "open", ""],
  ["confirmed", "black anodize", "under evaluation", ""],
  ["reviewed", "critical only", "", "no"],
  ["done", "partial", "not started", ""],
  ["validated", "in progress", "", "failed"],
  ["stable", "forecast", "one-off", ""],
  ["qualified", "Acme GmbH", "conditional", ""],
  ["defined", "draft", "none", ""],
  ["quoted", "estimated", "", "not quoted"],
  ["pilot", "production", "R&D", "", "sampling"],
  [5, 50, "1,000", "~200", "", 5000],
  [500, 12000, "", "10k"],
  ["", "rush", "#N/A"],
];

/** Deterministic rows (a linear congruential generator), as Excel passes them: "" for blanks. */
function makeRows(count: number): Cell[][] {
  let seed = 12345;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  return Array.from({ length: count }, (_, i) => [`P-${i}`, ...CHOICES.map((c) => c[next(c.length)] ?? "")]);
}

/**
 * Median wall time of each piece of work over `runs` rounds after one warm-up.
 * The pieces take turns within each round, so that load from other processes
 * on a shared machine falls on all of them alike.
 */
function timeInTurns<K extends string>(runs: number, works: Record<K, () => void>): Record<K, number> {
  const names = Object.keys(works) as K[];
  const samples = new Map<K, number[]>(names.map((n) => [n, []]));
  for (const n of names) works[n]();
  for (let i = 0; i < runs; i += 1) {
    for (const n of names) {
      (globalThis as { gc?: () => void }).gc?.();
      const start = performance.now();
      works[n]();
      samples.get(n)?.push(performance.now() - start);
    }
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return Object.fromEntries(names.map((n) => [n, median(samples.get(n) ?? [])])) as Record<K, number>;
}

/**
 * Builds the functions entry alone for production into a temporary folder (so
 * neither dist/ nor the task pane's state matters) and returns the functions by
 * id, as Excel's runtime would see them.
 */
async function loadBundle(): Promise<Record<string, Fn>> {
  const out = mkdtempSync(path.join(tmpdir(), "part-readiness-bench-"));
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's own CommonJS webpack config
    const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (env: unknown, argv: { mode: string }) => Configuration;
    const config = makeConfig({}, { mode: "production" });
    const entry = (config.entry as Record<string, string>).functions;
    const compiler = webpack({ ...config, context: ROOT, entry: { functions: entry ?? "" }, output: { ...config.output, path: out } });
    const stats = await new Promise<Stats | undefined>((resolve, reject) => compiler.run((error, result) => (error ? reject(error) : resolve(result))));
    if (!stats || stats.hasErrors()) throw new Error(`building functions.js failed:\n${stats?.toString("errors-only") ?? ""}`);
    const associated: Record<string, Fn> = {};
    class ErrorDouble {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    // In this process's own global scope, as a page would run it: a separate vm context would slow every global lookup.
    Object.assign(globalThis, {
      CustomFunctions: {
        associate: (id: string, fn: Fn) => (associated[id] = fn),
        Error: ErrorDouble,
        ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
      },
      Office: { onReady: () => Promise.resolve({}) },
    });
    runInThisContext(readFileSync(path.join(out, "functions.js"), "utf8"), { filename: "functions.js" });
    return associated;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the tsc build of the core that `npm run bench` makes first
  const core = require(path.join(ROOT, "build/core")) as typeof import("../src/core");
  const fns = await loadBundle();
  const stage = fns.READINESS_STAGE;
  const report = fns.READINESS_REPORT;
  if (!stage || !report) throw new Error("functions.js did not associate READINESS_STAGE and READINESS_REPORT");

  const rows = makeRows(ROWS);
  const headerRow = [HEADERS];
  const reader = core.rowReader(core.mapHeaders(HEADERS));

  let sink = 0;
  const times = timeInTurns(7, {
    core: () => {
      for (const row of rows) sink += reader.assess(row).stageName.length;
    },
    oneCall: () => {
      sink += (stage(rows, headerRow, null, null) as unknown[]).length;
    },
    report: () => {
      sink += (report(rows, headerRow, null, null, null) as unknown[]).length;
    },
    oneRowCalls: () => {
      for (const row of rows) sink += (stage([row], headerRow, null, null) as unknown[]).length;
    },
  });
  const { core: coreMs, oneCall: oneCallMs, report: reportMs, oneRowCalls: singleMs } = times;
  const sameAnswers = (stage(rows, headerRow, null, null) as string[][]).every((r, i) => r[0] === reader.assess(rows[i] ?? []).stageName);

  const ms = (n: number): string => `${n.toFixed(0)} ms`;
  const ratio = (n: number): string => `${(n / coreMs).toFixed(2)}x the core alone`;
  process.stdout.write(
    [
      `rows: ${ROWS} x ${HEADERS.length} columns; functions.js as bundled for production, core as compiled by tsc`,
      `core alone (rowReader built once, assess per row): ${ms(coreMs)}`,
      `READINESS_STAGE, one call over ${ROWS} rows: ${ms(oneCallMs)}, ${ratio(oneCallMs)} (target under ${TARGET_MS} ms: ${oneCallMs < TARGET_MS ? "met" : "MISSED"})`,
      `READINESS_REPORT, one call over ${ROWS} rows: ${ms(reportMs)}, ${ratio(reportMs)}`,
      `READINESS_STAGE, ${ROWS} one-row calls: ${ms(singleMs)}, ${ratio(singleMs)} (${((singleMs * 1000) / ROWS).toFixed(1)} µs a call)`,
      `same stages as the core on every row: ${sameAnswers ? "yes" : "NO"}`,
      `checksum: ${sink}`,
      "",
    ].join("\n"),
  );
  if (!sameAnswers) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
