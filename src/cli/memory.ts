/**
 * Keeps the heap of a long streaming run near what it really holds. V8 lets
 * the heap of a busy process grow to several times its live data before it
 * collects; on a million-row workbook that is the difference between ~250 MB
 * and ~400 MB. Every few thousand rows the guard looks at the heap and, when it
 * has grown past twice its live size (at least 64 MB more), collects at once.
 * If the runtime does not allow it, the guard does nothing.
 */
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

export interface HeapGuard {
  /** Call once per row; cheap. */
  tick(): void;
}

const CHECK_EVERY = 2048;
const FIRST_LIMIT = 128 * 1024 * 1024;
const MIN_HEADROOM = 64 * 1024 * 1024;

let collect: (() => void) | undefined | null;

function collector(): (() => void) | undefined {
  if (collect === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      const gc: unknown = runInNewContext("gc");
      collect = typeof gc === "function" ? () => (gc as () => void)() : null;
    } catch {
      collect = null;
    }
  }
  return collect ?? undefined;
}

export const NO_GUARD: HeapGuard = { tick() {} };

export function heapGuard(): HeapGuard {
  const gc = collector();
  if (gc === undefined) return NO_GUARD;
  let rows = 0;
  let limit = FIRST_LIMIT;
  return {
    tick() {
      rows += 1;
      if (rows % CHECK_EVERY !== 0) return;
      if (getHeapStatistics().used_heap_size <= limit) return;
      gc();
      const live = getHeapStatistics().used_heap_size;
      limit = Math.max(live * 2, live + MIN_HEADROOM);
    },
  };
}
