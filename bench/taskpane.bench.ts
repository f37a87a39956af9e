/*
 * The task pane's classify path (locate the list, read it in chunks, classify,
 * write the five result columns in chunks, colour rules, summary sheet) on the
 * Node stand-in of Excel, 100,000 rows x 16 columns, in the same process as its
 * baselines:
 *   requests: how many round trips, the largest request and response, against
 *     the target of at most 2 + ceil(total payload / 4 MB) round trips, every
 *     request and response under Excel on the web's 5 MB;
 *   time: against the core alone on the same rows (rowReader built once), and
 *     against the stand-in moving the same data without classifying it.
 * ROWS=20000 npm run bench -- taskpane for a quick run.
 */
import { performance } from "node:perf_hooks";
import { mapHeaders, resultCells, rowReader, RESULT_HEADERS } from "../src/core";
import { PAYLOAD_LIMIT, PAYLOAD_TARGET } from "../src/taskpane/chunks";
import { classifyList } from "../src/taskpane/excel/classify-run";
import { locateList } from "../src/taskpane/excel/locate";
import type { Run } from "../src/taskpane/excel/run";
import { createStandIn, type StandIn, type WorkbookSeed } from "../test/support/excel-standin";
import { HEADERS, partRows } from "../test/taskpane/excel/fixtures";

const ROWS = Number(process.env.ROWS ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 3);
const MB = 1_000_000;

const rows = partRows(ROWS);
const thresholds = { prototypeQuantity: 10, lowVolumeQuantity: 1000 };

function seed(table: boolean): WorkbookSeed {
  return {
    sheets: [{ name: "Parts", rows: [[...HEADERS], ...rows] }],
    ...(table ? { tables: [{ name: "Parts", sheet: "Parts", address: `A1:P${ROWS + 1}` }] } : {}),
    selection: "Parts!C2",
  };
}

const runOf = (s: StandIn): Run => s.Excel.run as unknown as Run;

async function panePath(table: boolean): Promise<{ ms: number; s: StandIn }> {
  const s = createStandIn(seed(table));
  const run = runOf(s);
  const start = performance.now();
  const located = await locateList(run);
  if (!located.ok) throw new Error(located.issue.message);
  const out = await classifyList(run, { list: located.value, mapping: located.value.plan.mapping, thresholds });
  if (!out.ok) throw new Error(out.issue.message);
  return { ms: performance.now() - start, s };
}

function coreAlone(): number {
  const start = performance.now();
  const reader = rowReader(mapHeaders([...HEADERS]), thresholds);
  let n = 0;
  for (const row of rows) n += resultCells(reader.assess(row))[2].length;
  if (n === 0) throw new Error("no results");
  return performance.now() - start;
}

/** The stand-in reading the same rows and writing the same number of result cells, with no classification. */
async function transportAlone(readRows: number, writeRows: number, resultRow: readonly (string | number)[]): Promise<number> {
  const s = createStandIn(seed(false));
  const run = runOf(s);
  const start = performance.now();
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Parts");
    for (let r = 0; r < ROWS + 1; r += readRows) {
      const n = Math.min(readRows, ROWS + 1 - r);
      sheet.getRangeByIndexes(r, 0, n, HEADERS.length).load("values");
      sheet.getRangeByIndexes(r, HEADERS.length, n, RESULT_HEADERS.length).load("formulas");
      await context.sync();
    }
    for (let r = 0; r < ROWS + 1; r += writeRows) {
      const n = Math.min(writeRows, ROWS + 1 - r);
      sheet.getRangeByIndexes(r, HEADERS.length, n, RESULT_HEADERS.length).values = Array.from({ length: n }, () => [...resultRow]);
      await context.sync();
    }
  });
  return performance.now() - start;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const mb = (bytes: number): string => (bytes / MB).toFixed(2);

async function main(): Promise<void> {
  console.log(`task pane classify path, ${ROWS.toLocaleString("en")} rows x ${HEADERS.length} columns, Node stand-in, median of ${RUNS} runs`);
  for (const table of [false, true]) {
    const { s } = await panePath(table);
    const requests = s.stats.requests;
    const total = requests.reduce((n, r) => n + r.requestBytes + r.responseBytes, 0);
    const largestRequest = Math.max(...requests.map((r) => r.requestBytes));
    const largestResponse = Math.max(...requests.map((r) => r.responseBytes));
    const target = 2 + Math.ceil(total / PAYLOAD_TARGET);
    const under = largestRequest < PAYLOAD_LIMIT && largestResponse < PAYLOAD_LIMIT;
    console.log(`${table ? "excel table" : "current region"}:`);
    console.log(
      `  round trips ${requests.length} (sync calls ${s.stats.syncCalls}); target <= ${target} = 2 + ceil(${mb(total)} MB / 4 MB): ${requests.length <= target ? "met" : "NOT met"}`,
    );
    console.log(`  largest request ${mb(largestRequest)} MB, largest response ${mb(largestResponse)} MB; every one under 5 MB: ${under ? "yes" : "NO"}`);
    const reads = requests.filter((r) => r.responseBytes > MB);
    const writes = requests.filter((r) => r.requestBytes > MB);
    const readBytes = reads.reduce((n, r) => n + r.responseBytes, 0);
    const writeBytes = writes.reduce((n, r) => n + r.requestBytes, 0);
    console.log(
      `  of which: locating ${requests.length - reads.length - writes.length}, reads ${reads.length} for ${mb(readBytes)} MB (ceil / 4 MB = ${Math.ceil(readBytes / PAYLOAD_TARGET)}), writes ${writes.length} for ${mb(writeBytes)} MB (ceil / 4 MB = ${Math.ceil(writeBytes / PAYLOAD_TARGET)})`,
    );
    console.log(`  requests in MB (request/response): ${requests.map((r) => `${mb(r.requestBytes)}/${mb(r.responseBytes)}`).join(" ")}`);
    // Every results write but the last suspends calculation; the last does not, and ends with application.calculate(Recalculate).
    // Writes are the requests that send more than they get back (any size: the last results may be small); summary parts sent alone come after the last.
    const sent = requests.filter((r) => r.requestBytes > r.responseBytes);
    const lastResults = sent.findIndex((r) => !r.suspendedCalculation);
    const suspends =
      lastResults >= 0 && sent.slice(0, lastResults).every((r) => r.suspendedCalculation) && sent.slice(lastResults).every((r) => !r.suspendedCalculation);
    const recalculated = s.book.calculations.includes("Recalculate");
    console.log(
      `  every write but the last suspends calculation: ${suspends ? "yes" : "NO"}; the last recalculates: ${recalculated ? "yes" : "NO"}; the last suspends screen updating: ${requests.at(-1)?.suspendedScreenUpdating ? "yes" : "no"}`,
    );
  }

  const reader = rowReader(mapHeaders([...HEADERS]), thresholds);
  const sample = [...resultCells(reader.assess(rows[7] ?? []))];
  const pane: number[] = [];
  const core: number[] = [];
  const transport: number[] = [];
  coreAlone();
  await panePath(false);
  for (let i = 0; i < RUNS; i += 1) {
    core.push(coreAlone());
    pane.push((await panePath(false)).ms);
    transport.push(await transportAlone(20_000, 10_000, sample));
  }
  const [p, c, t] = [median(pane), median(core), median(transport)];
  console.log(`time: pane path ${p.toFixed(0)} ms, core alone ${c.toFixed(0)} ms, stand-in moving the same data ${t.toFixed(0)} ms`);
  console.log(`ratio pane / core alone: ${(p / c).toFixed(2)}`);
  console.log(`ratio pane / (core alone + stand-in transport): ${(p / (c + t)).toFixed(2)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
