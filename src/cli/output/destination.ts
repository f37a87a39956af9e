/** A text output's (temporary) file. */
import { createWriteStream } from "node:fs";
import { outputFailure } from "../errors";
import { writeOut } from "../io";

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
    if (failure !== undefined) throw outputFailure(failure, shown);
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
