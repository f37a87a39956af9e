/**
 * Decides what an input file is from its bytes, before any parser sees it:
 * an .xlsx (zip) workbook, a CSV text, or something the program refuses with
 * a clear reason.
 */
import { open, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { fileError, type CliError } from "../errors";
import { readZipDirectory, type ZipEntry } from "./zip-directory";

export type InputFile =
  | { readonly kind: "xlsx"; readonly path: string; readonly size: number; readonly entries: readonly ZipEntry[] }
  | { readonly kind: "csv"; readonly path: string; readonly size: number };

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");
const WORKBOOK_EXTENSIONS: ReadonlySet<string> = new Set([".xlsx", ".xlsm", ".xltx", ".xltm"]);

function systemCode(error: unknown): string {
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string" ? (error as { code: string }).code : "";
}

export function readProblem(error: unknown, shown: string): CliError {
  switch (systemCode(error)) {
    case "ENOENT":
      return fileError("input-missing", shown, "no such file");
    case "EACCES":
    case "EPERM":
      return fileError("input-unreadable", shown, "permission denied: the file cannot be read");
    case "EISDIR":
      return fileError("input-not-a-file", shown, "is a folder, not a file");
    default:
      return fileError("input-unreadable", shown, `cannot be read (${systemCode(error) || (error instanceof Error ? error.message : "unknown error")})`);
  }
}

async function containsBytes(handle: FileHandle, size: number, needle: Buffer): Promise<boolean> {
  const chunk = 1 << 20;
  const buffer = Buffer.alloc(chunk + needle.length);
  let carry = 0;
  for (let position = 0; position < size; position += chunk) {
    const { bytesRead } = await handle.read(buffer, carry, chunk, position);
    if (buffer.subarray(0, carry + bytesRead).includes(needle)) return true;
    const keep = Math.min(needle.length - 1, carry + bytesRead);
    buffer.copy(buffer, 0, carry + bytesRead - keep, carry + bytesRead);
    carry = keep;
  }
  return false;
}

function looksBinary(head: Buffer): boolean {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return false;
  return head.includes(0);
}

/** Opens the input, checks that it is a file with something in it, and tells what it holds. */
/** The entries of a workbook's zip archive, or the "damaged" refusal naming the file. */
export async function workbookZipEntries(handle: FileHandle, size: number, shown: string): Promise<readonly ZipEntry[]> {
  const dir = await readZipDirectory(handle, size);
  if (dir.ok) return dir.entries;
  throw fileError(
    "corrupt",
    shown,
    dir.problem === "truncated" ? "is damaged: the workbook's zip archive is truncated or incomplete" : "is damaged: the workbook's zip archive cannot be read",
  );
}

export async function sniffInput(file: string, shown: string): Promise<InputFile> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw fileError("input-not-a-file", shown, "is a folder, not a file");
    if (!info.isFile()) throw fileError("input-not-a-file", shown, "is not a regular file");
    size = info.size;
  } catch (error) {
    throw error instanceof Error && error.name === "CliError" ? error : readProblem(error, shown);
  }
  if (size === 0) throw fileError("input-empty", shown, "the file is empty (0 bytes); expected an .xlsx workbook or a .csv file");

  let handle: FileHandle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    throw readProblem(error, shown);
  }
  try {
    const head = Buffer.alloc(Math.min(size, 8192));
    await handle.read(head, 0, head.length, 0);
    const ext = path.extname(file).toLowerCase();

    if (head.subarray(0, 8).equals(OLE_MAGIC)) {
      if (await containsBytes(handle, size, ENCRYPTED_PACKAGE)) {
        throw fileError(
          "encrypted",
          shown,
          "is password-protected (an encrypted workbook); open it in Excel, remove the password (File > Info > Protect Workbook) and save a copy to classify",
        );
      }
      throw fileError(
        "legacy-xls",
        shown,
        "is an old binary Excel 97-2003 (.xls) file, not .xlsx; save it as .xlsx (Excel Workbook) in Excel or LibreOffice and classify that copy",
      );
    }

    if (head.subarray(0, 4).equals(ZIP_MAGIC) || head.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) {
      const entries = await workbookZipEntries(handle, size, shown);
      const names = new Set(entries.map((e) => e.name.toLowerCase()));
      if (names.has("mimetype") && names.has("content.xml") && !names.has("xl/workbook.xml")) {
        throw fileError(
          "opendocument",
          shown,
          "is an OpenDocument spreadsheet (.ods), not .xlsx or .csv; save it as .xlsx (Excel 2007-365) in LibreOffice and classify that copy",
        );
      }
      // Whether it holds a workbook, and worksheets, is for the package reader to tell: it follows the package's relationships.
      return { kind: "xlsx", path: file, size, entries };
    }

    if (WORKBOOK_EXTENSIONS.has(ext) || ext === ".xls" || ext === ".ods") {
      const what = looksBinary(head) ? "holds unknown binary data" : "holds plain text (perhaps a CSV or a web page renamed)";
      throw fileError(
        "not-a-spreadsheet",
        shown,
        `is not an ${ext === ".ods" ? ".ods" : ".xlsx"} workbook: it ${what}; expected an .xlsx workbook or a .csv file`,
      );
    }
    if (looksBinary(head))
      throw fileError("not-a-spreadsheet", shown, "is not a spreadsheet: it holds binary data that is neither an .xlsx workbook nor CSV text");
    return { kind: "csv", path: file, size };
  } finally {
    await handle.close();
  }
}
