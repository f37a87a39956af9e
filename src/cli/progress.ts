/** A progress line on stderr for long runs: only on a terminal, only after the first second. */
import { formatCount } from "../core";
import type { OutputStream } from "./io";

export interface Progress {
  /** Call once per row; cheap. */
  tick(rows?: number): void;
  done(): void;
}

export const NO_PROGRESS: Progress = { tick() {}, done() {} };

const DELAY_MS = 1000;
const REFRESH_MS = 200;
const BAR = 24;

export function progressOn(stream: OutputStream, label: string, fraction?: () => number | undefined, now: () => number = Date.now): Progress {
  if (stream.isTTY !== true) return NO_PROGRESS;
  const started = now();
  let rows = 0;
  let nextCheck = 1024;
  let lastDraw = 0;
  let drawn = false;
  const draw = (): void => {
    const t = now();
    if (t - started < DELAY_MS || t - lastDraw < REFRESH_MS) return;
    lastDraw = t;
    const rate = rows / ((t - started) / 1000);
    const share = fraction?.();
    const bar = share === undefined ? "" : `[${"#".repeat(Math.round(Math.min(1, Math.max(0, share || 0)) * BAR)).padEnd(BAR, ".")}] `;
    stream.write(`\r${label} ${bar}${formatCount(rows)} rows, ${formatCount(Math.round(rate))} rows/s\u001b[K`);
    drawn = true;
  };
  return {
    tick(n = 1) {
      rows += n;
      if (rows >= nextCheck) {
        nextCheck = rows + 1024;
        draw();
      }
    },
    done() {
      if (drawn) stream.write("\r\u001b[K");
    },
  };
}
