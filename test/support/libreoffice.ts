/*
 * Runs LibreOffice headless for the tests: conversions with `--convert-to`, and
 * saving a workbook with an opening password through a small Basic macro.
 *
 * Every run uses a private profile (-env:UserInstallation) so it never touches
 * a user's LibreOffice, is killed with its whole process group after a
 * timeout, and holds a lock file (flock) so that only one soffice runs at a
 * time on the machine, whichever test process started it.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const SOFFICE_MISSING =
  "LibreOffice is not installed: these tests need `soffice` (Debian package libreoffice-calc-nogui; .ci/run installs it). " +
  "Set SOFFICE_PATH if it lives elsewhere.";

/** The soffice executable, or undefined when none is on PATH (or at SOFFICE_PATH). */
export function findSoffice(): string | undefined {
  const explicit = process.env.SOFFICE_PATH;
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of ["soffice", "libreoffice"]) {
      const candidate = path.join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Throws the clear message above when soffice is missing, so the suite fails instead of skipping. */
export function requireSoffice(): string {
  const found = findSoffice();
  if (found === undefined) throw new Error(SOFFICE_MISSING);
  return found;
}

const LOCK_FILE = path.join(tmpdir(), "part-readiness-soffice.lock");
const hasFlock = spawnSync("flock", ["--version"], { stdio: "ignore" }).status === 0;

/** Runs in this process one after another; flock serialises across processes. */
let queue: Promise<unknown> = Promise.resolve();

export interface SofficeRun {
  readonly stdout: string;
  readonly stderr: string;
}

export interface LibreOfficeOptions {
  /** Folder for the private profile; one per test file is enough. */
  readonly profileDir: string;
  /** Per soffice call; the first start of a fresh profile takes 10-20 s. */
  readonly timeoutMs?: number;
}

/** Calc's CSV filter: comma, double quote, UTF-8 (76), data from line 1. */
export const CSV_UTF8_IMPORT = "CSV:44,34,76,1";
/** Export every sheet (token 12 = -1) as UTF-8 CSV, comma-separated, raw values rather than as shown. */
export const CSV_UTF8_EXPORT_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

const MACRO_MODULE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub SaveWithPassword(src As String, dst As String, pwd As String, logFile As String)
  On Error GoTo Failed
  Dim loadArgs(0) As New com.sun.star.beans.PropertyValue
  loadArgs(0).Name = &quot;Hidden&quot;
  loadArgs(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), &quot;_blank&quot;, 0, loadArgs())
  Dim encryption(1) As New com.sun.star.beans.NamedValue
  encryption(0).Name = &quot;OOXPassword&quot;
  encryption(0).Value = pwd
  encryption(1).Name = &quot;CryptoType&quot;
  encryption(1).Value = &quot;StrongEncryptionDataSpace&quot;
  Dim storeArgs(1) As New com.sun.star.beans.PropertyValue
  storeArgs(0).Name = &quot;FilterName&quot;
  storeArgs(0).Value = &quot;Calc MS Excel 2007 XML&quot;
  storeArgs(1).Name = &quot;EncryptionData&quot;
  storeArgs(1).Value = encryption()
  doc.storeToURL(ConvertToURL(dst), storeArgs())
  doc.close(True)
  StarDesktop.terminate()
  Exit Sub
Failed:
  n = FreeFile
  Open logFile For Output As #n
  Print #n, &quot;error &quot; &amp; Err &amp; &quot;: &quot; &amp; Error$ &amp; &quot; (line &quot; &amp; Erl &amp; &quot;)&quot;
  Close #n
  StarDesktop.terminate()
End Sub
</script:module>
`;

export class LibreOffice {
  readonly soffice: string;
  readonly profileDir: string;
  readonly timeoutMs: number;
  private macroReady = false;

  constructor(options: LibreOfficeOptions) {
    this.soffice = requireSoffice();
    this.profileDir = options.profileDir;
    this.timeoutMs = options.timeoutMs ?? 180_000;
    mkdirSync(this.profileDir, { recursive: true });
  }

  /** One soffice process with this profile; rejects with its output on a non-zero exit or a timeout. */
  run(args: readonly string[]): Promise<SofficeRun> {
    const next = queue.then(() => this.spawnOnce(args));
    queue = next.catch(() => undefined);
    return next;
  }

  private spawnOnce(args: readonly string[]): Promise<SofficeRun> {
    const profile = `-env:UserInstallation=${pathToFileURL(this.profileDir).href}`;
    const sofficeArgs = [profile, "--headless", "--invisible", "--nologo", "--nodefault", "--nolockcheck", "--norestore", ...args];
    const waitSeconds = String(Math.ceil(this.timeoutMs / 1000));
    const [command, commandArgs] = hasFlock ? ["flock", ["-w", waitSeconds, LOCK_FILE, this.soffice, ...sofficeArgs]] : [this.soffice, sofficeArgs];
    return new Promise((resolve, reject) => {
      const child = spawn(command, commandArgs, { detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, SAL_USE_VCLPLUGIN: "svp" } });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
      child.stderr?.on("data", (chunk: Buffer) => err.push(chunk));
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        if (child.pid !== undefined) {
          try {
            process.kill(-child.pid, "SIGKILL");
          } catch {
            child.kill("SIGKILL");
          }
        }
      }, this.timeoutMs);
      child.on("error", (error) => {
        clearTimeout(timer);
        reject(new Error(`could not start ${command}: ${error.message}`));
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        const stdout = Buffer.concat(out).toString("utf8");
        const stderr = Buffer.concat(err).toString("utf8");
        if (timedOut) reject(new Error(`soffice ${args.join(" ")} did not finish within ${this.timeoutMs} ms and was killed.\n${stdout}${stderr}`));
        else if (code !== 0) reject(new Error(`soffice ${args.join(" ")} failed (exit ${code ?? signal}).\n${stdout}${stderr}`));
        else resolve({ stdout, stderr });
      });
    });
  }

  /**
   * Converts every file to `target` (e.g. "xlsx", "ods", "xls:MS Excel 97") in
   * one soffice call and returns the output paths, in the input order. Inputs
   * must have distinct base names.
   */
  async convert(files: readonly string[], target: string, outDir: string, options: { infilter?: string } = {}): Promise<string[]> {
    mkdirSync(outDir, { recursive: true });
    const extension = target.split(":")[0] ?? target;
    const args = [...(options.infilter ? [`--infilter=${options.infilter}`] : []), "--convert-to", target, "--outdir", outDir, ...files];
    const run = await this.run(args);
    return files.map((file) => {
      const out = path.join(outDir, `${path.parse(file).name}.${extension}`);
      if (!existsSync(out)) throw new Error(`soffice did not write ${out}.\n${run.stdout}${run.stderr}`);
      return out;
    });
  }

  /**
   * Exports every sheet of each workbook as UTF-8 CSV in one soffice call;
   * LibreOffice names each file NAME-SHEET.csv. Returns, per input file, the
   * CSV path by sheet name. Inputs must have distinct base names.
   */
  async exportSheetsAsCsv(files: readonly string[], outDir: string): Promise<ReadonlyMap<string, ReadonlyMap<string, string>>> {
    mkdirSync(outDir, { recursive: true });
    const run = await this.run(["--convert-to", CSV_UTF8_EXPORT_ALL_SHEETS, "--outdir", outDir, ...files]);
    const written = readdirSync(outDir);
    const result = new Map<string, ReadonlyMap<string, string>>();
    for (const file of files) {
      const prefix = `${path.parse(file).name}-`;
      const sheets = new Map<string, string>();
      for (const name of written) {
        if (name.startsWith(prefix) && name.endsWith(".csv")) sheets.set(name.slice(prefix.length, -".csv".length), path.join(outDir, name));
      }
      if (sheets.size === 0) throw new Error(`soffice wrote no CSV for ${file}.\n${run.stdout}${run.stderr}`);
      result.set(file, sheets);
    }
    return result;
  }

  /** Saves `source` as an .xlsx that needs `password` to open (an encrypted OOXML compound file). */
  async saveWithPassword(source: string, destination: string, password: string): Promise<void> {
    for (const value of [source, destination, password]) {
      if (/["\r\n]/u.test(value)) throw new Error(`saveWithPassword cannot pass ${JSON.stringify(value)} to a macro`);
    }
    await this.installMacro();
    const logFile = path.join(this.profileDir, "macro-error.txt");
    rmSync(logFile, { force: true });
    await this.run([`macro:///Standard.Module1.SaveWithPassword("${source}","${destination}","${password}","${logFile}")`]);
    if (existsSync(logFile)) throw new Error(`LibreOffice could not save ${destination} with a password: ${readFileSync(logFile, "utf8").trim()}`);
    if (!existsSync(destination)) throw new Error(`LibreOffice did not write ${destination}`);
  }

  /** A fresh profile gets its Basic library on first start; then our module replaces the empty Module1. */
  private async installMacro(): Promise<void> {
    if (this.macroReady) return;
    const module = path.join(this.profileDir, "user", "basic", "Standard", "Module1.xba");
    if (!existsSync(module)) await this.run(["--terminate_after_init"]);
    if (!existsSync(module)) throw new Error(`LibreOffice did not create its Basic library in ${this.profileDir}`);
    writeFileSync(module, MACRO_MODULE);
    this.macroReady = true;
  }
}
