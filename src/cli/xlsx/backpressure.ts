/**
 * exceljs's streaming writer pushes each committed row into the zip without
 * waiting, so a fast reader piles up compressed-but-unwritten data in memory.
 * These helpers look at the writer's sheet stream (exceljs 4.4 internals: a
 * StreamBuf whose `pipes[0]` is the zip entry's input) and wait until it has
 * drained. If the internals differ they do nothing, so the copy stays correct,
 * only less frugal.
 */
interface PipeLike {
  readonly _writableState?: { readonly length?: number };
  once?(event: "drain", listener: () => void): unknown;
}

interface SheetStreamLike {
  readonly pipes?: readonly PipeLike[];
  readonly buffers?: readonly unknown[];
}

const HIGH_WATER = 8 * 1024 * 1024;
const MAX_WAITING_BUFFERS = 128;

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Waits while the sheet's pending output is above a few megabytes. */
export async function waitForRoom(sheet: unknown): Promise<void> {
  const stream = (sheet as { stream?: SheetStreamLike }).stream;
  if (stream === undefined) return;
  for (let spins = 0; spins < 10_000; spins += 1) {
    const pipe = stream.pipes?.[0];
    if (pipe !== undefined) {
      const pending = pipe._writableState?.length ?? 0;
      if (pending <= HIGH_WATER || pipe.once === undefined) return;
      await new Promise<void>((resolve) => pipe.once?.("drain", resolve));
      return;
    }
    if ((stream.buffers?.length ?? 0) <= MAX_WAITING_BUFFERS) return;
    await tick();
  }
}
