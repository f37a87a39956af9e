/*
 * The command line against a bare copy of the same file, each run in its own
 * process (wall time, and peak memory as the process's maxRSS):
 *   - .xlsx, 100,000 rows x 16 columns: classify vs a bare exceljs streaming copy
 *     (WorkbookReader -> WorkbookWriter with the same options, back-pressure and
 *     heap guard as classify), three runs each, alternating; medians. Also vs the
 *     same copy writing rows through classify's row writer (classification's own cost).
 *   - .xlsx, BENCH_ROWS rows (default 1,048,576): one run each; time ratio and peak memory.
 *   - .csv, BENCH_ROWS rows: classify vs a bare csv-parse -> csv-stringify copy, three runs each.
 * The files are generated into a temporary folder (the workbook with exceljs's
 * streaming writer and shared strings, as Excel saves them) and deleted after.
 *
 *   npm run bench -- cli                      # full size
 *   BENCH_ROWS=200000 npm run bench -- cli    # quick
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import { BILL_HEADERS, billRows } from "./bill-rows";

const ROOT = path.resolve(__dirname, "..");
/** The size above which classify streams an .xlsx (src/cli/commands.ts). */
const STREAMING_FILE_BYTES = 1024 * 1024;
const BIG = Number(process.env.BENCH_ROWS ?? process.argv[2] ?? 1_048_576);
const MID = Math.min(100_000, BIG);
const work = mkdtempSync(path.join(tmpdir(), "part-readiness-bench-"));

const modulePath = (name: string): string => JSON.stringify(require.resolve(name, { paths: [ROOT] }));
const buildPath = (file: string): string => JSON.stringify(path.join(ROOT, "build", "cli", file));

/**
 * Writes the process's peak resident memory to BENCH_RSS_FILE when it exits. On Linux it
 * reads VmHWM: getrusage's maxRSS carries over the parent's peak through fork and exec,
 * so a child of this (large) bench process would report the bench's own memory.
 */
const RSS_HOOK = `process.on("exit", () => {
  const fs = require("fs");
  let bytes = process.resourceUsage().maxRSS * 1024;
  try { const m = /VmHWM:\\s+(\\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8")); if (m) bytes = Number(m[1]) * 1024; } catch {}
  fs.writeFileSync(process.env.BENCH_RSS_FILE, String(bytes));
});
`;

/**
 * The bare streaming copy: every row read and written with exceljs's streaming reader and
 * writer, with classify's options, back-pressure and heap guard, without classifying.
 * With a third argument "rowxml" it writes rows through classify's own row writer
 * (src/cli/xlsx/row-xml.ts) instead of exceljs's Row and Cell objects: the copy that
 * classify is, minus the classification.
 */
const XLSX_COPY = `
const ExcelJS = require(${modulePath("exceljs")});
const { RowXmlWriter, writeSheetRow } = require(${buildPath("xlsx/row-xml.js")});
const { READER_OPTIONS, WRITER_OPTIONS, writableValue } = require(${buildPath("xlsx/stream.js")});
const { rawCellValue } = require(${buildPath("xlsx/cells.js")});
const { styleOrPlain } = require(${buildPath("xlsx/style.js")});
const { waitForRoom } = require(${buildPath("xlsx/backpressure.js")});
const { heapGuard } = require(${buildPath("memory.js")});
const fs = require("fs");
(async () => {
  const [input, output, mode] = process.argv.slice(2);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(fs.createReadStream(input), READER_OPTIONS);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: fs.createWriteStream(output), ...WRITER_OPTIONS });
  const heap = heapGuard();
  for await (const sheet of reader) {
    const out = writer.addWorksheet(sheet.name);
    const xml = mode === "rowxml" ? new RowXmlWriter(out) : undefined;
    let n = 0;
    for await (const row of sheet) {
      const cells = row._cells;
      const plain = cells.map((cell) => (cell === undefined ? undefined : { value: writableValue(rawCellValue(cell)), style: styleOrPlain(cell.style) }));
      writeSheetRow(out, xml, row.number, undefined, false, plain);
      heap.tick();
      if (++n % 256 === 0) await waitForRoom(out);
    }
    out.commit();
  }
  await writer.commit();
})();
`;

/** The same copy with exceljs's default options, as a reference for memory. */
const XLSX_DEFAULT_COPY = `
const ExcelJS = require(${modulePath("exceljs")});
(async () => {
  const [input, output] = process.argv.slice(2);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {});
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: output });
  for await (const sheet of reader) {
    const out = writer.addWorksheet(sheet.name);
    for await (const row of sheet) out.addRow(row.values).commit();
    out.commit();
  }
  await writer.commit();
})();
`;

const CSV_COPY = `
const fs = require("fs");
const { pipeline } = require("stream/promises");
const { parse } = require(${modulePath("csv-parse")});
const { stringify } = require(${modulePath("csv-stringify")});
const [input, output] = process.argv.slice(2);
pipeline(fs.createReadStream(input), parse({ relax_column_count: true, relax_quotes: true }), stringify(), fs.createWriteStream(output));
`;

interface Run {
  readonly seconds: number;
  readonly rssMb: number;
}

function script(name: string, text: string): string {
  const file = path.join(work, name);
  writeFileSync(file, text);
  return file;
}

const rssHook = script("rss-hook.js", RSS_HOOK);

function run(args: readonly string[]): Run {
  const rssFile = path.join(work, "rss.txt");
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["--require", rssHook, ...args], { env: { ...process.env, BENCH_RSS_FILE: rssFile }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`${args.join(" ")} failed (${String(child.status)}): ${child.stderr}`);
  return { seconds, rssMb: Number(readFileSync(rssFile, "utf8")) / 1024 / 1024 };
}

const classify = (input: string, output: string): string[] => [path.join(ROOT, "bin", "part-readiness.js"), "classify", input, "-o", output, "--force", "-q"];

async function writeWorkbook(file: string, rows: number): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = writer.addWorksheet("Parts");
  const header = sheet.addRow([...BILL_HEADERS]);
  header.font = { bold: true };
  header.commit();
  for (const row of billRows(rows)()) sheet.addRow(row).commit();
  sheet.commit();
  await writer.commit();
}

async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  const csv = stringify();
  csv.pipe(out);
  csv.write([...BILL_HEADERS]);
  for (const row of billRows(rows)()) if (!csv.write(row.map(String))) await new Promise<void>((resolve) => csv.once("drain", () => resolve()));
  csv.end();
  await new Promise<void>((resolve) => out.on("close", () => resolve()));
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const fmt = (n: number, digits = 2): string => n.toFixed(digits);
const mb = (file: string): string => `${fmt(statSync(file).size / 1024 / 1024, 1)} MB`;
const workbookSize = (file: string): string => `${mb(file)}, ${statSync(file).size > STREAMING_FILE_BYTES ? "streaming" : "whole-workbook"} path`;

function report(label: string, base: readonly Run[], cli: readonly Run[]): void {
  const b = median(base.map((r) => r.seconds));
  const c = median(cli.map((r) => r.seconds));
  process.stdout.write(`${label}: bare copy ${fmt(b)} s (peak ${fmt(Math.max(...base.map((r) => r.rssMb)), 0)} MB), classify ${fmt(c)} s (peak ${fmt(Math.max(...cli.map((r) => r.rssMb)), 0)} MB), time ratio ${fmt(c / b)}\n`);
}

async function main(): Promise<void> {
  const copyXlsx = script("xlsx-copy.js", XLSX_COPY);
  const copyXlsxDefault = script("xlsx-default-copy.js", XLSX_DEFAULT_COPY);
  const copyCsv = script("csv-copy.js", CSV_COPY);
  process.stdout.write(`rows: ${MID.toLocaleString("en-US")} and ${BIG.toLocaleString("en-US")} x ${BILL_HEADERS.length} columns (BENCH_ROWS to change)\n`);

  const midFile = path.join(work, "mid.xlsx");
  await writeWorkbook(midFile, MID);
  const out = path.join(work, "out.xlsx");
  const base: Run[] = [];
  const same: Run[] = [];
  const cli: Run[] = [];
  for (let i = 0; i < 3; i += 1) {
    base.push(run([copyXlsx, midFile, out]));
    same.push(run([copyXlsx, midFile, out, "rowxml"]));
    cli.push(run(classify(midFile, out)));
  }
  report(`xlsx ${MID.toLocaleString("en-US")} rows (${workbookSize(midFile)}), median of 3`, base, cli);
  report(`xlsx ${MID.toLocaleString("en-US")} rows, classification's own cost: copy through classify's row writer`, same, cli);
  const plain = run([copyXlsxDefault, midFile, out]);
  process.stdout.write(`xlsx ${MID.toLocaleString("en-US")} rows: bare copy with exceljs's default options ${fmt(plain.seconds)} s, peak ${fmt(plain.rssMb, 0)} MB (reference)\n`);
  rmSync(midFile);

  if (BIG > MID) {
    const bigFile = path.join(work, "big.xlsx");
    await writeWorkbook(bigFile, BIG);
    const b = run([copyXlsx, bigFile, out]);
    const c = run(classify(bigFile, out));
    const r = run([copyXlsx, bigFile, out, "rowxml"]);
    report(`xlsx ${BIG.toLocaleString("en-US")} rows (${workbookSize(bigFile)})`, [b], [c]);
    report(`xlsx ${BIG.toLocaleString("en-US")} rows, classification's own cost: copy through classify's row writer`, [r], [c]);
    process.stdout.write(`xlsx ${BIG.toLocaleString("en-US")} rows: targets time ratio <= 1.10 and peak <= 300 MB: ${c.seconds / b.seconds <= 1.1 ? "met" : "missed"} / ${c.rssMb <= 300 ? "met" : "missed"}\n`);
    rmSync(bigFile);
  }
  rmSync(out, { force: true });

  const csvFile = path.join(work, "big.csv");
  const csvOut = path.join(work, "out.csv");
  await writeCsv(csvFile, BIG);
  const cb: Run[] = [];
  const cc: Run[] = [];
  for (let i = 0; i < 3; i += 1) {
    cb.push(run([copyCsv, csvFile, csvOut]));
    cc.push(run(classify(csvFile, csvOut)));
  }
  report(`csv ${BIG.toLocaleString("en-US")} rows (${mb(csvFile)}), median of 3`, cb, cc);
  const csvRatio = median(cc.map((x) => x.seconds)) / median(cb.map((x) => x.seconds));
  process.stdout.write(`csv ${BIG.toLocaleString("en-US")} rows: target time ratio <= 1.20: ${csvRatio <= 1.2 ? "met" : "missed"}\n`);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
