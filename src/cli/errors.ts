/**
 * Errors the command line reports to the user: each has a code, an exit code
 * and a one-line message. Anything else that is thrown is a bug.
 */

/** Mistakes in how the program was called: exit 1. */
export const USAGE_ERRORS = [
  "unknown-command",
  "unknown-option",
  "missing-argument",
  "missing-value",
  "unexpected-argument",
  "bad-number",
  "bad-choice",
  "bad-thresholds",
  "bad-map",
  "bad-mapping-file",
  "conflicting-options",
  "output-exists",
  "output-is-input",
] as const;

/** Files that cannot be read or written: exit 2. */
export const FILE_ERRORS = [
  "input-missing",
  "input-not-a-file",
  "input-empty",
  "input-unreadable",
  "not-a-spreadsheet",
  "encrypted",
  "legacy-xls",
  "opendocument",
  "corrupt",
  "no-sheets",
  "sheet-not-found",
  "no-header-row",
  "bad-header-row",
  "output-folder-missing",
  "output-folder-not-writable",
  "output-disk-full",
  "output-failed",
  "not-a-classified-output",
] as const;

export type UsageErrorCode = (typeof USAGE_ERRORS)[number];
export type FileErrorCode = (typeof FILE_ERRORS)[number];
export type CliErrorCode = UsageErrorCode | FileErrorCode;

export const EXIT_OK = 0;
export const EXIT_USAGE = 1;
export const EXIT_FILE = 2;

const USAGE_SET: ReadonlySet<string> = new Set(USAGE_ERRORS);

export class CliError extends Error {
  override readonly name = "CliError";
  readonly exitCode: number;

  /** `subject` is what the message is about (a file name, an option); it leads the printed line. */
  constructor(
    readonly code: CliErrorCode,
    message: string,
    readonly subject?: string,
  ) {
    super(message);
    this.exitCode = USAGE_SET.has(code) ? EXIT_USAGE : EXIT_FILE;
  }

  /** The single line printed on stderr. */
  line(): string {
    const text = this.subject === undefined ? this.message : `${this.subject}: ${this.message}`;
    return `part-readiness: ${text.replace(/\s*[\r\n]+\s*/gu, " ")}`;
  }
}

export function usageError(code: UsageErrorCode, message: string, subject?: string): CliError {
  return new CliError(code, message, subject);
}

export function fileError(code: FileErrorCode, file: string, message: string): CliError {
  return new CliError(code, message, file);
}

const systemCodeOf = (error: unknown): string => {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : "";
};

/**
 * Why an output file could not be written, in the user's words: the folder
 * (not our temporary file) when it cannot be written, a full disk, or the
 * system's own message.
 */
export function outputFailure(error: unknown, shown: string): CliError {
  if (error instanceof CliError) return error;
  const code = systemCodeOf(error);
  const folder = shown.includes("/") || shown.includes("\\") ? shown.replace(/[\\/][^\\/]*$/u, "") || "/" : ".";
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
    return fileError(
      "output-folder-not-writable",
      shown,
      `the folder ${folder} cannot be written (${code === "EROFS" ? "read-only file system" : "permission denied"}); choose a folder you can write to with -o`,
    );
  }
  // The folder was checked before writing: a missing entry now means it takes no new files (/proc, a vanished mount).
  if (code === "ENOENT")
    return fileError(
      "output-folder-not-writable",
      shown,
      `the folder ${folder} cannot be written (it does not accept new files); choose another folder with -o`,
    );
  if (code === "ENOSPC" || code === "EDQUOT")
    return fileError("output-disk-full", shown, `the disk holding ${folder} is full; free some space or choose another folder with -o`);
  return fileError("output-failed", shown, `cannot be written (${error instanceof Error ? error.message : String(error)})`);
}

export function isCliError(error: unknown): error is CliError {
  return error instanceof CliError;
}
