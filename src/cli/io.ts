/** The streams and folder the command line works with; `main` never touches process globals directly. */
export interface OutputStream {
  write(chunk: string | Uint8Array): boolean;
  once?(event: "drain" | "error" | "close", listener: (...args: unknown[]) => void): unknown;
  removeListener?(event: "drain" | "error" | "close", listener: (...args: unknown[]) => void): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin?: unknown;
  readonly cwd: string;
  /** Environment for NO_COLOR-style switches; defaults to none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Writes and, when the stream asks for it, waits until it has room again (or closes). */
export async function writeOut(stream: OutputStream, chunk: string | Uint8Array): Promise<void> {
  if (stream.write(chunk) || stream.once === undefined) return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      stream.removeListener?.("drain", done);
      stream.removeListener?.("close", done);
      stream.removeListener?.("error", done);
      resolve();
    };
    stream.once?.("drain", done);
    stream.once?.("close", done);
    stream.once?.("error", done);
  });
}

export function printLine(stream: OutputStream, line = ""): void {
  stream.write(`${line}\n`);
}
