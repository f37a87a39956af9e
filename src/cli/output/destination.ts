/** Where a text output goes: a (temporary) file or stdout. */
import { createWriteStream } from "node:fs";
import { fileError } from "../errors";
import { writeOut, type OutputStream } from "../io";

export interface Destination {
  write(chunk: string): Promise<void>;
  /** Flushes and closes; rejects when the file could not be written. */
  close(): Promise<void>;
  /** Closes without caring whether everything was written. */
  abort(): Promise<void>;
}

export function fileDestination(file: string, shown: string): Destination {
  const stream = createWriteStream(file);
  let failure: Error | undefined;
  stream.on("error", (error) => {
    failure ??= error;
  });
  const check = (): void => {
    if (failure !== undefined) throw fileError("output-failed", shown, `cannot be written (${failure.message})`);
  };
  return {
    async write(chunk) {
      check();
      await writeOut(stream, chunk);
      check();
    },
    async close() {
      check();
      await new Promise<void>((resolve) => {
        stream.once("error", () => resolve());
        stream.end(() => resolve());
      });
      check();
    },
    async abort() {
      if (stream.closed) return;
      await new Promise<void>((resolve) => {
        stream.once("error", () => resolve());
        stream.once("close", () => resolve());
        stream.destroy();
      });
    },
  };
}

/** stdout; a reader that goes away early (`| head`) ends the output quietly. */
export function streamDestination(stream: OutputStream): Destination {
  let closed = false;
  stream.once?.("error", () => {
    closed = true;
  });
  return {
    async write(chunk) {
      if (!closed) await writeOut(stream, chunk);
    },
    async close() {},
    async abort() {},
  };
}
