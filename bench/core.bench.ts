/*
 * The assessment core's speed on realistic rows (bench/bill-rows.ts): rows per
 * second of rowReader.assess + resultCells (what classify does per part),
 * against a plain loop that only reads the same cells, in the same process.
 * Best of five passes over 200,000 rows each, on the compiled core.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { BILL_HEADERS, billRows } from "./bill-rows";

/**
 * The core as the command line runs it: compiled by tsc into build/ (npm run
 * bench builds it first). Run through tsx, every function would carry the
 * transpiler's naming helpers and measure some 2x slower than what users get.
 */
const core = createRequire(__filename)(path.join(__dirname, "..", "build", "core")) as typeof import("../src/core");
const { findHeaderRow, resultCells, rowReader, summaryBuilder } = core;

const ROWS = 200_000;
const PASSES = 5;

const rows = [...billRows(ROWS)()];
const header = findHeaderRow([[...BILL_HEADERS]]);
if (header === undefined) throw new Error("bench headers are not recognised");
const reader = rowReader(header.mapping);
const columns = header.mapping.columns.map((c) => c.column);

function best(pass: () => number): { perSecond: number; check: number } {
  let fastest = Number.POSITIVE_INFINITY;
  let check = 0;
  for (let i = 0; i < PASSES; i += 1) {
    const started = process.hrtime.bigint();
    check = pass();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    fastest = Math.min(fastest, seconds);
  }
  return { perSecond: ROWS / fastest, check };
}

/** Reads every mapped cell and looks at its type and length: the floor any classifier pays. */
const baseline = best(() => {
  let n = 0;
  for (const row of rows)
    for (const c of columns) {
      const v = row[c];
      n += typeof v === "string" ? v.length : typeof v === "number" ? 1 : 0;
    }
  return n;
});

const assessed = best(() => {
  let n = 0;
  for (const row of rows) {
    const cells = resultCells(reader.assess(row));
    n += cells[2].length;
  }
  return n;
});

const withSummary = best(() => {
  const summary = summaryBuilder();
  for (const row of rows) summary.add(reader.assess(row));
  return summary.result().parts;
});

const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");
process.stdout.write(`core: ${ROWS.toLocaleString("en-US")} realistic rows x ${BILL_HEADERS.length} columns, best of ${PASSES}\n`);
process.stdout.write(`baseline (read the ${columns.length} mapped cells): ${fmt(baseline.perSecond)} rows/s\n`);
process.stdout.write(
  `rowReader.assess + resultCells: ${fmt(assessed.perSecond)} rows/s (${(1e6 / assessed.perSecond).toFixed(2)} us/row), ${(baseline.perSecond / assessed.perSecond).toFixed(1)}x the baseline's time\n`,
);
process.stdout.write(`rowReader.assess + summaryBuilder.add: ${fmt(withSummary.perSecond)} rows/s\n`);
