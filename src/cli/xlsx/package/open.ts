/** Opens an .xlsx package for classify: its directory, its workbook and what reading cells needs. */
import { open, type FileHandle } from "node:fs/promises";
import { fileError } from "../../errors";
import { readProblem, workbookZipEntries } from "../../input/sniff";
import type { ValueContext } from "./cell-values";
import { dateStyles, EntryIndex, readSharedStrings, readWorkbookInfo, type WorkbookInfo } from "./workbook-info";
import { decodeAll, encodingOf, type XmlEncoding } from "./xml-text";
import { XmlProblem } from "./xml-tokens";
import { readContent, ZipProblem } from "./zip-read";

export interface OpenPackage {
  readonly file: string;
  readonly shown: string;
  readonly handle: FileHandle;
  readonly index: EntryIndex;
  readonly workbook: WorkbookInfo;
  readonly stylesXml: string | undefined;
  readonly stylesEncoding: XmlEncoding;
  readonly values: ValueContext;
}

/** A damaged part or zip named in the user's words; anything else (a bug) passes through. */
export function packageProblem(shown: string, error: unknown): Error {
  if (error instanceof Error && error.name === "CliError") return error;
  if (
    error instanceof XmlProblem ||
    error instanceof ZipProblem ||
    (error instanceof Error &&
      (error.name === "PartError" ||
        /invalid (stored block|distance|code)|unexpected end of file|incorrect header check|invalid block type/u.test(error.message)))
  ) {
    return fileError("corrupt", shown, `is damaged or not a valid .xlsx workbook and cannot be read (${error.message.slice(0, 160)})`);
  }
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === "string" && code.startsWith("Z_"))
    return fileError(
      "corrupt",
      shown,
      `is damaged: a part of the workbook's zip archive cannot be unpacked (${error instanceof Error ? error.message : code})`,
    );
  if (typeof code === "string" && /^E[A-Z]+$/u.test(code)) return readProblem(error, shown);
  return error instanceof Error ? error : new Error(String(error));
}

/** Reads the directory, the workbook part, the styles' date formats and the shared strings. Closes the file on failure. */
export async function openPackage(file: string, shown: string): Promise<OpenPackage> {
  let handle: FileHandle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    throw readProblem(error, shown);
  }
  try {
    const size = (await handle.stat()).size;
    const index = new EntryIndex(await workbookZipEntries(handle, size, shown));
    const workbook = await readWorkbookInfo(handle, index);
    if ("code" in workbook) throw fileError(workbook.code, shown, workbook.message);
    const stylesBytes = workbook.stylesEntry === undefined ? undefined : await readContent(handle, workbook.stylesEntry);
    const stylesXml = stylesBytes === undefined ? undefined : decodeAll(stylesBytes);
    const strings = workbook.sharedStringsEntry === undefined ? [] : await readSharedStrings(file, handle, workbook.sharedStringsEntry);
    return {
      file,
      shown,
      handle,
      index,
      workbook,
      stylesXml,
      stylesEncoding: stylesBytes === undefined ? "utf-8" : encodingOf(stylesBytes),
      values: { strings, dateStyles: stylesXml === undefined ? new Set() : dateStyles(stylesXml), date1904: workbook.date1904 },
    };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw packageProblem(shown, error);
  }
}
