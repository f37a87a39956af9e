/*
 * Builds test/corpus/files/ from the test-file collections of spreadsheet
 * libraries, and writes test/corpus/sources.json and test/corpus/SOURCES.md.
 *
 * Usage: tsx scripts/corpus/collect.ts GITDIR...
 *   each GITDIR a bare clone (or .git directory) of one repository below,
 *   named OWNER+NAME/... or passed as OWNER/NAME=GITDIR.
 *
 * Selection, deterministic for a given commit of each repository: every
 * .xlsx/.xlsm of at most 200 KB under the repository's test-data folders that
 * is a zip (not a Git LFS pointer), deduplicated by content across
 * repositories; files whose names say they are odd (charts, macros, Strict,
 * 1904, pivots, tables, comments, rich text...) always; the rest evenly spaced
 * in path order up to the repository's quota.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Package } from "./ooxml";
import { readZip } from "./zip";

interface Source {
  readonly repo: string;
  readonly licence: string;
  readonly folders: readonly string[];
  readonly quota: number;
  readonly note: string;
}

export const SOURCES: readonly Source[] = [
  {
    repo: "jmcnamara/rust_xlsxwriter",
    licence: "MIT OR Apache-2.0",
    folders: ["tests/input/"],
    quota: 100,
    note: "reference files saved by Excel (Windows) for the comparison tests",
  },
  {
    repo: "jmcnamara/XlsxWriter",
    licence: "BSD-2-Clause",
    folders: ["xlsxwriter/test/comparison/xlsx_files/"],
    quota: 40,
    note: "reference files saved by Excel 2007+ for the comparison tests",
  },
  {
    repo: "apache/poi",
    licence: "Apache-2.0",
    folders: ["test-data/spreadsheet/", "test-data/openxml4j/"],
    quota: 120,
    note: "bug reports' files: Excel of many versions, POI, LibreOffice, other producers",
  },
  {
    repo: "ClosedXML/ClosedXML",
    licence: "MIT",
    folders: ["ClosedXML.Tests/Resource/TryToLoad/"],
    quota: 1000,
    note: "TryToLoad: files from LibreOffice and other producers that ClosedXML must open",
  },
  {
    repo: "ClosedXML/ClosedXML",
    licence: "MIT",
    folders: ["ClosedXML.Tests/Resource/Examples/", "ClosedXML.Tests/Resource/Other/"],
    quota: 40,
    note: "ClosedXML's examples, saved by ClosedXML or Excel",
  },
  { repo: "PHPOffice/PhpSpreadsheet", licence: "MIT", folders: ["tests/data/", "samples/templates/"], quota: 80, note: "reader test files and templates" },
  { repo: "ExcelDataReader/ExcelDataReader", licence: "MIT", folders: ["src/TestData/"], quota: 70, note: "reader test files, including Strict OOXML copies" },
  {
    repo: "SheetJS/test_files",
    licence: "Apache-2.0",
    folders: [""],
    quota: 1000,
    note: "SheetJS test files: Excel for Windows and Mac (2007-2019), WPS, LibreOffice, stream writers",
  },
  { repo: "tafia/calamine", licence: "MIT", folders: ["tests/"], quota: 1000, note: "calamine (Rust) reader tests" },
  { repo: "roo-rb/roo", licence: "MIT", folders: ["test/files/"], quota: 1000, note: "roo (Ruby) reader tests" },
  { repo: "exceljs/exceljs", licence: "MIT", folders: ["spec/", "test/"], quota: 1000, note: "exceljs integration data" },
  { repo: "dtjohnson/xlsx-populate", licence: "MIT", folders: [""], quota: 1000, note: "xlsx-populate test and example files" },
  { repo: "tealeg/xlsx", licence: "BSD-3-Clause", folders: ["testdocs/", "tutorial/"], quota: 1000, note: "tealeg/xlsx (Go) test documents" },
  { repo: "qax-os/excelize", licence: "BSD-3-Clause", folders: ["test/"], quota: 1000, note: "excelize (Go) test files" },
];

const ODD =
  /chart|macro|vba|xlsm|strict|1904|pivot|table|comment|rich|phonetic|shared|formula|utf-?16|namespace|prefix|merge|valid|inline|numbers|google|libre|mac|date|hyperlink|filter|protect|hidden|outline|external|theme|drawing|image|sparkline|slicer|unicode|emoji|wps|gnumeric|empty|blank/iu;
/** Files from producers that are rare in these collections (Google Sheets, Numbers, openpyxl, ONLYOFFICE, Gnumeric, WPS): always taken. */
const ALWAYS = /google|numbers-export|openpyxl|onlyoffice|gnumeric|wps/iu;
const MAX_BYTES = 200 * 1024;

interface Blob {
  readonly path: string;
  readonly sha: string;
  readonly size: number;
}

function git(gitDir: string, args: readonly string[]): Buffer {
  return execFileSync("git", [`--git-dir=${gitDir}`, ...args], { maxBuffer: 512 * 1024 * 1024 });
}

function evenly<T>(items: readonly T[], count: number): T[] {
  if (count <= 0) return [];
  if (items.length <= count) return [...items];
  const picked: T[] = [];
  for (let i = 0; i < count; i += 1) picked.push(items[Math.floor((i * items.length) / count)] as T);
  return picked;
}

export interface CorpusFile {
  /** Path under test/corpus/files/. */
  readonly file: string;
  readonly repo: string;
  readonly path: string;
  readonly commit: string;
  readonly licence: string;
  readonly bytes: number;
  readonly sha256: string;
  /** docProps/app.xml's Application and AppVersion, when present. */
  readonly application: string;
}

function application(data: Buffer): string {
  try {
    const pkg = new Package(readZip(data));
    const app = pkg.entry("docProps/app.xml");
    if (app === undefined) return "";
    const text = pkg.text("docProps/app.xml")?.text ?? "";
    const name = /<(?:[\w.-]+:)?Application>([^<]*)</u.exec(text)?.[1] ?? "";
    const version = /<(?:[\w.-]+:)?AppVersion>([^<]*)</u.exec(text)?.[1] ?? "";
    return `${name}${version ? ` ${version}` : ""}`.trim();
  } catch {
    return "";
  }
}

function safeName(repoPath: string): string {
  return repoPath.replace(/[^A-Za-z0-9._-]+/gu, "_").replace(/^_+/u, "");
}

function main(): void {
  const root = path.resolve(__dirname, "..", "..", "test", "corpus");
  const filesDir = path.join(root, "files");
  const dirs = new Map<string, string>();
  for (const arg of process.argv.slice(2)) {
    const explicit = /^([^=]+\/[^=]+)=(.+)$/u.exec(arg);
    if (explicit) dirs.set(explicit[1] ?? "", explicit[2] ?? "");
    else {
      const match = /([^/]+)\+([^/]+)/u.exec(arg);
      if (match) dirs.set(`${match[1]}/${match[2]}`, arg);
    }
  }
  rmSync(filesDir, { recursive: true, force: true });
  mkdirSync(filesDir, { recursive: true });
  const seen = new Set<string>();
  const corpus: CorpusFile[] = [];
  for (const source of SOURCES) {
    const gitDir = dirs.get(source.repo);
    if (gitDir === undefined) {
      process.stderr.write(`skipped ${source.repo}: no git dir given\n`);
      continue;
    }
    const commit = git(gitDir, ["rev-parse", "HEAD"]).toString().trim();
    const blobs: Blob[] = [];
    for (const line of git(gitDir, ["ls-tree", "-r", "-l", "HEAD"]).toString().split("\n")) {
      const match = /^\d+ blob ([0-9a-f]+)\s+(\d+)\t(.+)$/u.exec(line);
      if (!match) continue;
      const [, sha, size, file] = match as unknown as [string, string, string, string];
      if (!/\.(xlsx|xlsm)$/iu.test(file) || Number(size) > MAX_BYTES || Number(size) < 200) continue;
      if (!source.folders.some((folder) => file.startsWith(folder))) continue;
      blobs.push({ path: file, sha, size: Number(size) });
    }
    blobs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const fresh = blobs.filter((blob) => !seen.has(blob.sha));
    const odd = fresh.filter((blob) => ODD.test(path.posix.basename(blob.path)));
    const plain = fresh.filter((blob) => !ODD.test(path.posix.basename(blob.path)));
    const oddShare = Math.min(odd.length, Math.ceil(source.quota / 2));
    const chosen = [...evenly(odd, oddShare), ...evenly(plain, source.quota - oddShare)];
    if (chosen.length < source.quota)
      chosen.push(
        ...evenly(
          odd.filter((blob) => !chosen.includes(blob)),
          source.quota - chosen.length,
        ),
      );
    // Producers the corpus has few of, on top of the quota.
    chosen.push(...fresh.filter((blob) => ALWAYS.test(blob.path) && !chosen.includes(blob)));
    chosen.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const prefix = source.repo.replace("/", "__");
    for (const blob of chosen) {
      const data = git(gitDir, ["cat-file", "blob", blob.sha]);
      if (data.readUInt32LE(0) !== 0x04034b50) continue; // an LFS pointer or not a zip
      const digest = createHash("sha256").update(data).digest("hex");
      if (seen.has(blob.sha) || seen.has(digest)) continue;
      seen.add(blob.sha);
      seen.add(digest);
      const file = `${prefix}/${safeName(blob.path)}`;
      mkdirSync(path.join(filesDir, prefix), { recursive: true });
      writeFileSync(path.join(filesDir, file), data);
      corpus.push({
        file,
        repo: source.repo,
        path: blob.path,
        commit,
        licence: source.licence,
        bytes: data.length,
        sha256: digest,
        application: application(data),
      });
    }
    process.stderr.write(`${source.repo}: ${chosen.length} chosen of ${blobs.length}\n`);
  }
  writeFileSync(path.join(root, "sources.json"), `${JSON.stringify(corpus, null, 1)}\n`);
  writeFileSync(path.join(root, "SOURCES.md"), sourcesMarkdown(corpus));
  const total = corpus.reduce((sum, file) => sum + file.bytes, 0);
  process.stderr.write(`${corpus.length} files, ${(total / 1e6).toFixed(1)} MB\n`);
}

function sourcesMarkdown(corpus: readonly CorpusFile[]): string {
  const lines = [
    "# Corpus sources",
    "",
    "Generated by `scripts/corpus/collect.ts` (see docs/corpus.md); do not edit by hand.",
    "Every file is a test fixture of an open-source spreadsheet library, copied unchanged",
    "from the repository, path and commit named below under that project's licence.",
    "`application` is what the file's docProps/app.xml says saved it (blank when it has none).",
    "",
    "| repository | licence | commit | files | what they are |",
    "|---|---|---|---|---|",
  ];
  for (const source of SOURCES) {
    const files = corpus.filter((file) => file.repo === source.repo && source.folders.some((folder) => file.path.startsWith(folder)));
    if (files.length === 0) continue;
    lines.push(
      `| [${source.repo}](https://github.com/${source.repo}) | ${source.licence} | \`${files[0]?.commit ?? ""}\` | ${files.length} | ${source.note} |`,
    );
  }
  lines.push("", "| file | source path | bytes | application |", "|---|---|---|---|");
  for (const file of corpus) {
    lines.push(
      `| \`${file.file}\` | [${file.path}](https://github.com/${file.repo}/blob/${file.commit}/${encodeURI(file.path)}) | ${file.bytes} | ${file.application.replace(/\|/gu, "\\|")} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}

if (require.main === module) main();
