/**
 * Output files are written to a temporary file in the destination folder and
 * renamed over the destination only when complete; on any failure the
 * temporary file is removed and the destination is untouched.
 */
import { randomBytes } from "node:crypto";
import { realpathSync, rmSync, statSync, writeSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileError, usageError } from "../errors";

const pending = new Set<string>();

/** Removes every unfinished temporary file, synchronously; returns how many there were. */
function removePendingNow(): number {
  let removed = 0;
  for (const file of pending) {
    try {
      rmSync(file, { force: true });
      removed += 1;
    } catch {
      // Nothing more can be done while the process is stopping; the name says it is unfinished (.tmp).
    }
  }
  pending.clear();
  return removed;
}

/** The exit code for a stop by each signal: 128 + its number, as a shell reports it. */
export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

let signalsHooked = false;

/**
 * Ctrl-C (SIGINT), a kill (SIGTERM) or a closed terminal (SIGHUP) stops the
 * program at once: the handler removes the unfinished temporary files
 * synchronously and exits with 130, 143 or 129, without waiting for the run
 * to finish its sheet. A listener replaces Node's default exit, so it must
 * exit itself. Safe to call more than once.
 */
export function exitOnSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.on(signal, () => {
      const removed = removePendingNow();
      try {
        writeSync(2, `${process.stderr.isTTY ? "\n" : ""}part-readiness: stopped by ${signal}${removed > 0 ? "; the unfinished output was removed" : ""}\n`);
      } catch {
        // stderr is gone (a closed terminal): exit all the same.
      }
      process.exit(code);
    });
  }
}

export interface TempFile {
  readonly path: string;
  /** Renames the finished file over the destination. */
  commit(): Promise<void>;
  /** Removes the temporary file; safe to call more than once. */
  discard(): Promise<void>;
}

export function tempFileFor(destination: string): TempFile {
  exitOnSignals();
  const dir = path.dirname(destination);
  const temp = path.join(dir, `.${path.basename(destination)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  pending.add(temp);
  return {
    path: temp,
    async commit() {
      await rename(temp, destination);
      pending.delete(temp);
    },
    async discard() {
      pending.delete(temp);
      await rm(temp, { force: true });
    },
  };
}

/** A private file in the system's temporary folder, for output that goes to stdout only once it is complete. */
export function spoolFile(): TempFile {
  exitOnSignals();
  const temp = path.join(tmpdir(), `part-readiness-${process.pid}-${randomBytes(6).toString("hex")}.out`);
  pending.add(temp);
  return {
    path: temp,
    async commit() {
      pending.delete(temp);
      await rm(temp, { force: true });
    },
    async discard() {
      pending.delete(temp);
      await rm(temp, { force: true });
    },
  };
}

function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

function resolvedReal(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(file)), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

/**
 * Checks a destination before anything is written: never the input, never an
 * existing file without `force`, and a folder that exists.
 */
export function checkDestination(
  destination: string,
  shown: string,
  options: { readonly input?: string; readonly inputShown?: string; readonly force: boolean },
): void {
  if (options.input !== undefined && (resolvedReal(destination) === resolvedReal(options.input) || sameFile(destination, options.input))) {
    throw usageError(
      "output-is-input",
      `the output would overwrite the input ${options.inputShown ?? options.input}; choose another file with -o (the input is never overwritten, even with --force)`,
    );
  }
  let info;
  try {
    info = statSync(destination);
  } catch {
    info = undefined;
  }
  if (info?.isDirectory()) throw usageError("output-exists", `${shown} is a folder; give a file name with -o`);
  if (info !== undefined && !options.force)
    throw usageError("output-exists", `${shown} already exists; add --force to replace it or choose another file with -o`);
  let folder;
  try {
    folder = statSync(path.dirname(destination));
  } catch {
    folder = undefined;
  }
  if (folder === undefined || !folder.isDirectory()) throw fileError("output-folder-missing", shown, `the folder ${path.dirname(shown) || "."} does not exist`);
}
