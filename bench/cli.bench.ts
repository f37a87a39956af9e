/*
 * The command line against plain copies of the same file, each run in its own
 * process (wall time, and peak memory as the process's peak RSS):
 *   - .xlsx, 100,000 and BENCH_ROWS (default 1,048,576) rows x 16 columns:
 *     classify (the package engine) against a bare exceljs streaming copy with
 *     exceljs's default options (WorkbookReader -> WorkbookWriter), and against
 *     a plain unzip + rezip of every entry (inflate, deflate at zlib's default
 *     level), the floor for any tool that rewrites the package.
 *     100,000 rows: median of 3; BENCH_ROWS: one run each.
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

/** The bare exceljs streaming copy, with exceljs's default options. */
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

/** Every entry inflated and deflated again (zlib's default level) into a new zip: the floor. */
const REZIP = `
const fs = require("fs");
const zlib = require("zlib");
const { open } = require("fs/promises");
const { readZipDirectory } = require(${buildPath("input/zip-directory.js")});
const { contentStream } = require(${buildPath("xlsx/package/zip-read.js")});
const { ZipWriter, deflateTo } = require(${buildPath("xlsx/package/zip-write.js")});
(async () => {
  const [input, output] = process.argv.slice(2);
  const handle = await open(input, "r");
  const dir = await readZipDirectory(handle, (await handle.stat()).size);
  const spool = output + ".part";
  const writer = await ZipWriter.create(output);
  for (const entry of dir.entries) {
    const out = fs.createWriteStream(spool);
    const data = await deflateTo(await contentStream(input, handle, entry), (chunk) => new Promise((resolve) => (out.write(chunk) ? resolve() : out.once("drain", resolve))));
    await new Promise((resolve) => out.end(resolve));
    await writer.addDeflated(entry, data, fs.createReadStream(spool));
  }
  await writer.finish();
  await handle.close();
  fs.rmSync(spool);
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
  const child = spawnSync(process.execPath, ["--require", rssHook, ...args], {
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
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
const peak = (runs: readonly Run[]): string => `${fmt(Math.max(...runs.map((r) => r.rssMb)), 0)} MB`;

function report(label: string, base: readonly Run[], cli: readonly Run[]): void {
  const b = median(base.map((r) => r.seconds));
  const c = median(cli.map((r) => r.seconds));
  process.stdout.write(`${label}: bare copy ${fmt(b)} s (peak ${peak(base)}), classify ${fmt(c)} s (peak ${peak(cli)}), time ratio ${fmt(c / b)}\n`);
}

async function xlsx(rows: number, runs: number, copy: string, rezip: string): Promise<void> {
  const file = path.join(work, `bill-${rows}.xlsx`);
  await writeWorkbook(file, rows);
  const out = path.join(work, "out.xlsx");
  const base: Run[] = [];
  const floor: Run[] = [];
  const cli: Run[] = [];
  for (let i = 0; i < runs; i += 1) {
    base.push(run([copy, file, out]));
    floor.push(run([rezip, file, out]));
    cli.push(run(classify(file, out)));
  }
  const rowsText = rows.toLocaleString("en-US");
  report(`xlsx ${rowsText} rows (${mb(file)})${runs > 1 ? `, median of ${runs}` : ""}`, base, cli);
  const c = median(cli.map((r) => r.seconds));
  const b = median(base.map((r) => r.seconds));
  const f = median(floor.map((r) => r.seconds));
  process.stdout.write(
    `xlsx ${rowsText} rows: unzip + rezip of every entry (the floor) ${fmt(f)} s (peak ${peak(floor)}); classify is ${fmt(c / f)}x the floor\n`,
  );
  const cliPeak = Math.max(...cli.map((r) => r.rssMb));
  process.stdout.write(
    `xlsx ${rowsText} rows: targets time ratio <= 0.60 and peak <= 200 MB: ${c / b <= 0.6 ? "met" : "missed"} / ${cliPeak <= 200 ? "met" : "missed"}\n`,
  );
  rmSync(file);
  rmSync(out, { force: true });
}

async function main(): Promise<void> {
  const copyXlsx = script("xlsx-default-copy.js", XLSX_DEFAULT_COPY);
  const rezip = script("rezip.js", REZIP);
  const copyCsv = script("csv-copy.js", CSV_COPY);
  process.stdout.write(`rows: ${MID.toLocaleString("en-US")} and ${BIG.toLocaleString("en-US")} x ${BILL_HEADERS.length} columns (BENCH_ROWS to change)\n`);
  await xlsx(MID, 3, copyXlsx, rezip);
  if (BIG > MID) await xlsx(BIG, 1, copyXlsx, rezip);

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
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
