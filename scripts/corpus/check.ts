/*
 * The corpus checker (issue 10, "How it is measured"): classifies every corpus
 * file, injected and original, with the built CLI and reports data lost,
 * hangs, crashes, wrong refusals and LibreOffice failures.
 *
 * Usage: tsx scripts/corpus/check.ts [--every K] [--jobs N] [--timeout SECONDS] [--no-libreoffice] [--doc] [--reasons] [--json FILE] [--work DIR]
 *        tsx scripts/corpus/check.ts --from-json FILE [--doc] [--reasons]   (report a saved run again)
 *   --every K   a deterministic subset: every K-th file of test/corpus/sources.json
 *   --doc       write the figures into docs/corpus.md (between its "figures" markers, or --doc-section NAME's)
 *
 * The CLI is run as `node bin/part-readiness.js classify IN -o OUT --force`
 * (plus `--sheet NAME` for an injected copy, naming the sheet written into),
 * so build it first (npm run build:cli). Exit code 1 when anything is lost,
 * hangs, crashes or is wrongly refused.
 */
import { spawn, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { LibreOffice } from "../../test/support/libreoffice";
import { inject, INJECTED_PARTS, NotInjectable } from "./inject";
import { Package, workbookInfo } from "./ooxml";
import { verifyOutput, type Finding } from "./verify";
import { entryData, readZip } from "./zip";

export const ROOT = path.resolve(__dirname, "..", "..");
export const CORPUS_DIR = path.join(ROOT, "test", "corpus");
/** The CLI under test: bin/part-readiness.js (which loads build/), or CORPUS_CLI to check another build. */
const BIN = process.env.CORPUS_CLI ?? path.join(ROOT, "bin", "part-readiness.js");

export interface CorpusEntry {
  readonly file: string;
  readonly repo: string;
  readonly path: string;
  readonly application: string;
  readonly bytes: number;
}

export function corpusFiles(every = 1): CorpusEntry[] {
  const all = JSON.parse(readFileSync(path.join(CORPUS_DIR, "sources.json"), "utf8")) as CorpusEntry[];
  return all.filter((_file, i) => i % every === 0);
}

export interface CliRun {
  readonly code: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly ms: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** One CLI run in its own process group, killed with the group after `timeoutMs`. */
export function runCli(args: readonly string[], timeoutMs: number): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1" },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    const finish = (code: number | null, signal: string | null): void => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, ms: Date.now() - started, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") });
    };
    child.on("error", (error) => {
      err.push(Buffer.from(String(error)));
      finish(null, null);
    });
    child.on("close", finish);
  });
}

export type Outcome =
  /** classified, nothing lost */
  | "ok"
  /** refused with a documented reason that fits the file */
  | "refused"
  | "lost"
  | "hang"
  | "crash"
  | "wrong-refusal"
  /** results or the summary sheet missing although the run said it classified */
  | "results"
  /** a change outside the contract that loses nothing */
  | "contract";

export interface FileResult {
  readonly file: string;
  readonly mode: "injected" | "original";
  readonly outcome: Outcome;
  readonly code: number | null;
  readonly ms: number;
  readonly message: string;
  readonly findings: readonly Finding[];
  /** LibreOffice: did it open the input, and the output? (undefined when not run) */
  readonly loInput?: boolean;
  readonly loOutput?: boolean;
}

/** A refusal the CLI documents (docs/cli.md "Exit codes and errors"): one line naming the file and the problem. */
const DOCUMENTED =
  /no header row|no part|no worksheets|is damaged|not a valid \.xlsx|cannot be read|password-protected|old binary|OpenDocument|not an \.xlsx|not a workbook|the file is empty|--sheet|sheet .* not found|no such file/iu;
/** Refusals that are right for a readable workbook: it has no criteria table. */
const FITS_ANY_READABLE = /no header row|no part/iu;

interface Prepared {
  readonly entry: CorpusEntry;
  readonly mode: "injected" | "original";
  readonly input: string;
  readonly output: string;
  readonly args: readonly string[];
  readonly sheetName?: string;
  /** Does the workbook have a worksheet at all (a chart-only workbook is rightly refused as having none)? */
  readonly worksheets: boolean;
  /** Is it an OpenDocument spreadsheet under an .xlsx/.xlsm name (rightly refused as one)? */
  readonly openDocument?: boolean;
}

export interface CheckOptions {
  readonly every?: number;
  readonly jobs?: number;
  readonly timeoutMs?: number;
  readonly libreOffice?: boolean;
  readonly workDir?: string;
  readonly log?: (line: string) => void;
}

export interface CheckReport {
  readonly files: number;
  readonly injected: number;
  readonly notInjectable: readonly { file: string; reason: string }[];
  readonly results: readonly FileResult[];
  readonly counts: Readonly<Record<string, number>>;
  readonly engine: string;
  readonly date: string;
  readonly seconds: number;
}

function classifyRun(prepared: Prepared, run: CliRun, inputBefore: Buffer): FileResult {
  const base = { file: prepared.entry.file, mode: prepared.mode, code: run.code, ms: run.ms };
  const message = run.stderr.trim().split("\n").slice(0, 3).join(" | ");
  if (run.timedOut) return { ...base, outcome: "hang", message: `no exit within the timeout`, findings: [] };
  const inputAfter = readFileSync(prepared.input);
  if (!inputAfter.equals(inputBefore)) return { ...base, outcome: "lost", message: "the input file was modified", findings: [] };
  if (run.code === null || run.code > 2 || /internal error/u.test(run.stderr))
    return { ...base, outcome: "crash", message: message || `signal ${run.signal ?? "?"}`, findings: [] };
  if (run.code === 1) return { ...base, outcome: "crash", message: `usage error: ${message}`, findings: [] };
  if (run.code === 2) {
    const line = run.stderr.trim();
    if (!/^part-readiness: /u.test(line) || !DOCUMENTED.test(line))
      return { ...base, outcome: "crash", message: `undocumented refusal: ${message}`, findings: [] };
    if (existsSync(prepared.output)) return { ...base, outcome: "crash", message: `refused but left an output file: ${message}`, findings: [] };
    // Whether it is wrong is decided with LibreOffice's verdict on the input (see settle).
    return { ...base, outcome: "refused", message, findings: [] };
  }
  if (!existsSync(prepared.output)) return { ...base, outcome: "crash", message: "exit 0 without an output file", findings: [] };
  const partRows = prepared.mode === "injected" ? INJECTED_PARTS.map((_part, i) => i + 2) : undefined;
  const verification = verifyOutput(inputBefore, readFileSync(prepared.output), {
    ...(prepared.sheetName !== undefined ? { sheetName: prepared.sheetName } : {}),
    ...(partRows ? { partRows } : {}),
  });
  const findings = verification.findings;
  // An original with a header row but no parts may rightly classify none; an injected copy has six.
  const classifiedZero = prepared.mode === "original" && /Classified 0 parts/u.test(run.stdout);
  const outcome: Outcome = findings.some((finding) => finding.kind === "lost")
    ? "lost"
    : findings.some((finding) => finding.kind === "results") && !classifiedZero
      ? "results"
      : findings.some((finding) => finding.kind === "contract")
        ? "contract"
        : "ok";
  return { ...base, outcome, message: outcome === "ok" ? "" : summarise(findings), findings };
}

const RANK: Readonly<Record<string, number>> = { lost: 0, results: 1, contract: 2 };

/** The first few findings, data lost first. */
function summarise(findings: readonly Finding[]): string {
  const sorted = [...findings].sort((a, b) => (RANK[a.kind] ?? 3) - (RANK[b.kind] ?? 3));
  const more = sorted.length > 4 ? ` | … ${sorted.length - 4} more` : "";
  return `${sorted
    .slice(0, 4)
    .map((finding) => `${finding.kind}: ${finding.detail}`)
    .join(" | ")}${more}`;
}

/**
 * A refusal of a workbook LibreOffice opens is wrong when the file has a header row (every injected copy), or when the
 * reason is not "no header row / no parts"; an OpenDocument spreadsheet named .xlsx is rightly refused as what it is.
 */
function settle(result: FileResult, worksheets: boolean, openDocument = false): FileResult {
  if (result.outcome !== "refused") return result;
  if (result.loInput === false) return result;
  if (openDocument && /OpenDocument/u.test(result.message)) return result;
  if (result.mode === "injected") return { ...result, outcome: "wrong-refusal" };
  if (FITS_ANY_READABLE.test(result.message) || (!worksheets && /no worksheets/iu.test(result.message))) return result;
  return { ...result, outcome: "wrong-refusal" };
}

async function pool<T, R>(items: readonly T[], jobs: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
  return results;
}

/** Which of `files` LibreOffice opens: one soffice call per batch (much faster than one per file), each file alone when a batch fails. */
export async function libreOfficeOpens(files: readonly string[], workDir: string, log: (line: string) => void): Promise<Map<string, boolean>> {
  const office = new LibreOffice({ profileDir: path.join(workDir, "lo-profile"), timeoutMs: 600_000 });
  const opened = new Map<string, boolean>();
  const outDir = path.join(workDir, "lo-csv");
  const convert = async (batch: readonly string[], timeoutMs: number): Promise<boolean> => {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const single = new LibreOffice({ profileDir: office.profileDir, timeoutMs });
    try {
      await single.run(["--convert-to", "csv", "--outdir", outDir, ...batch]);
    } catch (error) {
      if (batch.length === 1) opened.set(batch[0] as string, false);
      log(`soffice failed on a batch of ${batch.length}: ${String(error).split("\n")[0] ?? ""}`);
      return false;
    }
    const written = new Set(readdirSync(outDir));
    for (const file of batch) opened.set(file, written.has(`${path.parse(file).name}.csv`));
    return true;
  };
  const BATCH = 40;
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    if (await convert(batch, 300_000)) continue;
    // One by one; a failure may be another process holding soffice's lock for long, so each gets a second try.
    for (const file of batch) if (!(await convert([file], 180_000))) await convert([file], 180_000);
  }
  return opened;
}

export function engineCommit(): string {
  if (process.env.CORPUS_ENGINE) return process.env.CORPUS_ENGINE;
  try {
    const head = execFileSync("git", ["log", "-1", "--format=%h %s", "--", "src/cli", "src/core"], { cwd: ROOT }).toString().trim();
    return head.length > 100 ? `${head.slice(0, 100)}…` : head;
  } catch {
    return "unknown";
  }
}

export async function checkCorpus(options: CheckOptions = {}): Promise<CheckReport> {
  const started = Date.now();
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const workDir = options.workDir ?? mkdtempSync(path.join(tmpdir(), "corpus-check-"));
  const inDir = path.join(workDir, "in");
  const outDir = path.join(workDir, "out");
  rmSync(inDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(inDir, { recursive: true });
  mkdirSync(outDir, { recursive: true });
  const entries = corpusFiles(options.every ?? 1);
  const prepared: Prepared[] = [];
  const notInjectable: { file: string; reason: string }[] = [];
  entries.forEach((entry, i) => {
    const original = readFileSync(path.join(CORPUS_DIR, "files", entry.file));
    const id = String(i).padStart(4, "0");
    const ext = path.extname(entry.file).toLowerCase();
    const originalCopy = path.join(inDir, `o${id}${ext}`);
    writeFileSync(originalCopy, original);
    prepared.push({
      entry,
      mode: "original",
      input: originalCopy,
      output: path.join(outDir, `o${id}.out${ext}`),
      args: [],
      worksheets: hasWorksheet(original),
      openDocument: isOpenDocument(original),
    });
    try {
      const injected = inject(original);
      const input = path.join(inDir, `i${id}${ext}`);
      writeFileSync(input, injected.zip);
      prepared.push({
        entry,
        mode: "injected",
        input,
        output: path.join(outDir, `i${id}.out${ext}`),
        args: ["--sheet", injected.sheetName],
        sheetName: injected.sheetName,
        worksheets: true,
      });
    } catch (error) {
      notInjectable.push({ file: entry.file, reason: error instanceof NotInjectable ? error.message : `injector failed: ${String(error)}` });
    }
  });
  const timeoutMs = options.timeoutMs ?? 30_000;
  let done = 0;
  const results = await pool(prepared, options.jobs ?? 2, async (item) => {
    const before = readFileSync(item.input);
    const run = await runCli(["classify", item.input, "-o", item.output, "--force", ...item.args], timeoutMs);
    const result = classifyRun(item, run, before);
    done += 1;
    if (result.outcome !== "ok" && result.outcome !== "refused")
      log(`${result.outcome.padEnd(13)} ${item.mode.padEnd(8)} ${item.entry.file}: ${result.message.slice(0, 300)}`);
    if (done % 100 === 0) log(`${done}/${prepared.length} runs`);
    return result;
  });
  const leftovers = readdirSync(outDir).filter((name) => /\.tmp|^\./u.test(name));
  if (leftovers.length > 0) log(`temporary files left in the output folder: ${leftovers.join(", ")}`);

  let final: FileResult[] = results;
  if (options.libreOffice !== false) {
    const outputs = prepared.filter((item, i) => results[i]?.code === 0 && existsSync(item.output)).map((item) => item.output);
    const inputs = prepared.map((item) => item.input);
    const verdicts = await libreOfficeOpensCached([...inputs, ...outputs], workDir, log);
    final = results.map((result, i) => {
      const item = prepared[i] as Prepared;
      const loInput = verdicts.get(item.input);
      const loOutput = result.code === 0 ? verdicts.get(item.output) : undefined;
      return settle(
        { ...result, ...(loInput !== undefined ? { loInput } : {}), ...(loOutput !== undefined ? { loOutput } : {}) },
        item.worksheets,
        item.openDocument,
      );
    });
  }
  const counts: Record<string, number> = {};
  for (const result of final) counts[result.outcome] = (counts[result.outcome] ?? 0) + 1;
  counts["libreoffice-failures"] = final.filter((result) => result.loOutput === false && result.loInput !== false).length;
  return {
    files: entries.length,
    injected: prepared.filter((item) => item.mode === "injected").length,
    notInjectable,
    results: final,
    counts,
    engine: engineCommit(),
    date: new Date().toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
  };
}

/** LibreOffice's verdict on the inputs does not depend on the engine: cached by content in test-output/corpus/. */
async function libreOfficeOpensCached(files: readonly string[], workDir: string, log: (line: string) => void): Promise<Map<string, boolean>> {
  const cacheFile = path.join(ROOT, "test-output", "corpus", "libreoffice-inputs.json");
  let cache: Record<string, boolean>;
  try {
    cache = JSON.parse(readFileSync(cacheFile, "utf8")) as Record<string, boolean>;
  } catch {
    cache = {};
  }
  const digests = new Map(files.map((file) => [file, createHash("sha256").update(readFileSync(file)).digest("hex")]));
  const isInput = (file: string): boolean => path.basename(path.dirname(file)) === "in";
  const verdicts = new Map<string, boolean>();
  const todo: string[] = [];
  for (const file of files) {
    const known = isInput(file) ? cache[digests.get(file) ?? ""] : undefined;
    if (known !== undefined) verdicts.set(file, known);
    else todo.push(file);
  }
  log(`LibreOffice: ${todo.length} files to open (${files.length - todo.length} inputs known)`);
  const fresh = await libreOfficeOpens(todo, workDir, log);
  for (const [file, opened] of fresh) {
    verdicts.set(file, opened);
    if (isInput(file)) cache[digests.get(file) ?? ""] = opened;
  }
  mkdirSync(path.dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, JSON.stringify(cache));
  return verdicts;
}

/** Does the original have a worksheet at all (for reading refusals)? */
/** An OpenDocument package: its first entry is `mimetype`, naming an OpenDocument type. */
export function isOpenDocument(data: Buffer): boolean {
  try {
    const mimetype = readZip(data).find((entry) => entry.name === "mimetype");
    return mimetype !== undefined && entryData(mimetype).toString("latin1").startsWith("application/vnd.oasis.opendocument.");
  } catch {
    return false;
  }
}

export function hasWorksheet(data: Buffer): boolean {
  try {
    const pkg = new Package(readZip(data));
    return workbookInfo(pkg)?.sheets.some((sheet) => sheet.kind === "worksheet" && sheet.part !== undefined && pkg.entry(sheet.part) !== undefined) ?? false;
  } catch {
    return false;
  }
}

export function reportLines(report: CheckReport): string[] {
  const c = (key: string): number => report.counts[key] ?? 0;
  const injected = report.results.filter((result) => result.mode === "injected");
  const originals = report.results.filter((result) => result.mode === "original");
  const by = (list: readonly FileResult[], outcome: Outcome): number => list.filter((result) => result.outcome === outcome).length;
  return [
    `files: ${report.files} originals, ${report.injected} injected copies (${report.notInjectable.length} not injectable), ${report.results.length} runs in ${report.seconds} s`,
    `data lost: ${c("lost")} (injected ${by(injected, "lost")}, originals ${by(originals, "lost")})`,
    `hangs: ${c("hang")}`,
    `crashes: ${c("crash")}`,
    `wrong refusals: ${c("wrong-refusal")} (injected ${by(injected, "wrong-refusal")}, originals ${by(originals, "wrong-refusal")})`,
    `LibreOffice failures: ${c("libreoffice-failures")}`,
    `results missing: ${c("results")}; changes outside the contract (nothing lost): ${c("contract")}`,
    `classified and checked: ${c("ok") + c("contract")}; refused with a fitting reason: ${c("refused")}`,
    `engine: ${report.engine}; date: ${report.date}`,
  ];
}

/** True when the report has nothing the issue counts as a failure. */
export function isClean(report: CheckReport): boolean {
  return ["lost", "hang", "crash", "wrong-refusal", "results", "libreoffice-failures"].every((key) => (report.counts[key] ?? 0) === 0);
}

/** A finding or message with its particulars (names, numbers, quoted text) folded, to count runs failing the same way. */
function pattern(text: string): string {
  return text
    .replace(/"[^"]*"/gu, '"…"')
    .replace(/<[^>]{40,}>/gu, "<…>")
    .replace(/\b(entry|part) \S+/gu, "$1 …")
    .replace(/\d+/gu, "N")
    .slice(0, 140);
}

/** The ways runs fail, most frequent first: outcome, a pattern of the first finding, how many runs, one example. */
export function failureReasons(report: CheckReport): { outcome: string; reason: string; runs: number; example: string }[] {
  const groups = new Map<string, { outcome: string; reason: string; runs: number; example: string }>();
  for (const result of report.results) {
    if (result.outcome === "ok" || result.outcome === "refused") continue;
    const first = [...result.findings].sort((a, b) => (RANK[a.kind] ?? 3) - (RANK[b.kind] ?? 3))[0];
    const reason = pattern(first === undefined ? result.message : `${first.kind}: ${first.detail}`);
    const key = `${result.outcome}\u0000${reason}`;
    const group = groups.get(key) ?? { outcome: result.outcome, reason, runs: 0, example: `${result.mode} ${result.file}` };
    groups.set(key, { ...group, runs: group.runs + 1 });
  }
  return [...groups.values()].sort((a, b) => b.runs - a.runs);
}

function writeDoc(report: CheckReport, section: string): void {
  const doc = path.join(ROOT, "docs", "corpus.md");
  const text = readFileSync(doc, "utf8");
  const start = `<!-- ${section}:start -->`;
  const end = `<!-- ${section}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`docs/corpus.md has no ${section} markers`);
  const cell = (value: string): string => value.replace(/\|/gu, "\\|").replace(/\n/gu, " ");
  const reasons = failureReasons(report);
  const serious = report.results.filter(
    (result) => ["hang", "crash", "wrong-refusal"].includes(result.outcome) || (result.loOutput === false && result.loInput !== false),
  );
  const body = [
    "",
    "```",
    ...reportLines(report),
    "```",
    "",
    ...(reasons.length === 0
      ? []
      : [
          "How runs fail, most frequent first (the first finding of each run, particulars folded):",
          "",
          "| outcome | runs | first finding | for example |",
          "|---|---|---|---|",
          ...reasons.slice(0, 25).map((reason) => `| ${reason.outcome} | ${reason.runs} | ${cell(reason.reason)} | \`${cell(reason.example)}\` |`),
          "",
        ]),
    ...(serious.length === 0
      ? []
      : [
          "Hangs, crashes, wrong refusals and LibreOffice failures, every one:",
          "",
          "| outcome | run | file | what |",
          "|---|---|---|---|",
          ...serious.map(
            (result) =>
              `| ${result.outcome}${result.loOutput === false ? " (LibreOffice cannot open the output)" : ""} | ${result.mode} | \`${result.file}\` | ${cell(result.message).slice(0, 240)} |`,
          ),
          "",
        ]),
  ].join("\n");
  writeFileSync(doc, `${text.slice(0, a + start.length)}\n${body}\n${text.slice(b)}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const saved = value("--from-json");
  const report: CheckReport =
    saved !== undefined
      ? (JSON.parse(readFileSync(saved, "utf8")) as CheckReport)
      : await checkCorpus({
          every: Number(value("--every") ?? "1"),
          jobs: Number(value("--jobs") ?? "2"),
          timeoutMs: Number(value("--timeout") ?? "30") * 1000,
          libreOffice: !args.includes("--no-libreoffice"),
          workDir: value("--work") ?? path.join(ROOT, "test-output", "corpus", "work"),
        });
  if (saved === undefined) {
    const json = value("--json") ?? path.join(ROOT, "test-output", "corpus", "report.json");
    mkdirSync(path.dirname(json), { recursive: true });
    writeFileSync(json, JSON.stringify(report, null, 1));
  }
  process.stdout.write(`${reportLines(report).join("\n")}\n`);
  if (args.includes("--doc")) writeDoc(report, value("--doc-section") ?? "figures");
  if (args.includes("--reasons"))
    for (const reason of failureReasons(report))
      process.stdout.write(`${String(reason.runs).padStart(5)} ${reason.outcome}: ${reason.reason}  (${reason.example})\n`);
  process.exitCode = isClean(report) ? 0 : 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  });
}
