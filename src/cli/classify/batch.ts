/**
 * Classifies rows in batches, in this thread or in a worker thread. A large
 * CSV is parsed in the main thread while a worker classifies the rows parsed
 * before, so the two use both cores; results come back in order.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { stringify } from "csv-stringify/sync";
import type { CellValue, Thresholds } from "../../core";
import type { RowResult } from "./job";
import { TableClassifier, type HeaderChoice, type Tally } from "./table";

export type BatchRow = readonly [number, readonly CellValue[]];

export interface BatchClassifier {
  classify(rows: readonly BatchRow[]): Promise<readonly RowResult[]>;
  /** The counts and notes of every row classified; ends the classifier. */
  finish(): Promise<Tally>;
  /** Stops without a tally (after a failure). */
  close(): Promise<void>;
}

export interface ClassifierSetup {
  readonly sheetName: string;
  readonly header: HeaderChoice;
  readonly thresholds: Thresholds;
  readonly maxNotes: number;
  readonly json: boolean;
  /** For a CSV output: the worker sends each part's five result fields as CSV text with this delimiter. */
  readonly csvDelimiter?: string;
}

export type WorkerRequest = { readonly kind: "batch"; readonly id: number; readonly rows: readonly BatchRow[] } | { readonly kind: "finish" };

export type WorkerReply =
  /** A string stands for `{ kind: "csv", text }`: plain strings cross between threads at a fraction of an object's cost. */
  { readonly kind: "results"; readonly id: number; readonly results: readonly (RowResult | string)[] } | { readonly kind: "tally"; readonly tally: Tally };

export function classifierFor(setup: ClassifierSetup): TableClassifier {
  return new TableClassifier(setup.sheetName, setup.header, setup.thresholds, setup.maxNotes);
}

/** What the worker sends for a batch in CSV mode: the five result fields of each part as CSV text; rows that the output must rearrange keep their full result. */
export function encodeBatch(table: TableClassifier, rows: readonly BatchRow[], delimiter: string, json: boolean): (RowResult | string)[] {
  const { resultColumn, rewrite } = table.header;
  const options = { delimiter, eof: false };
  return rows.map(([number, values]): RowResult | string => {
    const result = table.result(number, values, json);
    if (result.kind !== "part" || rewrite || values.length > resultColumn) return result;
    return stringify([result.cells.map(String)], options);
  });
}

export function localClassifier(setup: ClassifierSetup): BatchClassifier {
  const table = classifierFor(setup);
  return {
    async classify(rows) {
      return rows.map(([number, values]) => table.result(number, values, setup.json));
    },
    async finish() {
      return table.tally();
    },
    async close() {},
  };
}

const WORKER_FILE = path.join(__dirname, "worker.js");

/** False when running from TypeScript sources (tests), where there is no compiled worker to start. */
export function workerAvailable(): boolean {
  return path.extname(__filename) === ".js" && existsSync(WORKER_FILE);
}

export function workerClassifier(setup: ClassifierSetup): BatchClassifier {
  const worker = new Worker(WORKER_FILE, { workerData: setup });
  const waiting = new Map<number, { resolve: (r: readonly RowResult[]) => void; reject: (e: Error) => void }>();
  let tallyWaiter: { resolve: (t: Tally) => void; reject: (e: Error) => void } | undefined;
  let failure: Error | undefined;
  let nextId = 0;
  const fail = (error: Error): void => {
    failure ??= error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
    tallyWaiter?.reject(error);
    tallyWaiter = undefined;
  };
  worker.on("message", (reply: WorkerReply) => {
    if (reply.kind === "tally") {
      tallyWaiter?.resolve(reply.tally);
      return;
    }
    waiting.get(reply.id)?.resolve(reply.results.map((r): RowResult => (typeof r === "string" ? { kind: "csv", text: r } : r)));
    waiting.delete(reply.id);
  });
  worker.on("error", fail);
  worker.on("exit", () => fail(new Error("the classifier thread stopped")));
  return {
    classify(rows) {
      if (failure !== undefined) return Promise.reject(failure);
      const id = nextId;
      nextId += 1;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ kind: "batch", id, rows } satisfies WorkerRequest);
      });
    },
    async finish() {
      if (failure !== undefined) throw failure;
      const tally = await new Promise<Tally>((resolve, reject) => {
        tallyWaiter = { resolve, reject };
        worker.postMessage({ kind: "finish" } satisfies WorkerRequest);
      });
      await this.close();
      return tally;
    },
    async close() {
      worker.removeAllListeners("exit");
      await worker.terminate();
    },
  };
}

/** A row waiting for its result; `data` rows are classified, the others pass through in order. */
export interface QueuedRow {
  readonly number: number;
  readonly values: readonly CellValue[];
  readonly data: boolean;
}

const BATCH_ROWS = 1000;
const MAX_IN_FLIGHT = 4;

/**
 * Sends rows to a classifier in batches and hands each row with its result to
 * `write`, in the order the rows came; a few batches are in flight while the
 * caller reads on.
 */
export class BatchPipeline<R extends QueuedRow> {
  private batch: R[] = [];
  private readonly pending: { readonly rows: readonly R[]; readonly results: Promise<readonly RowResult[]> }[] = [];

  constructor(
    private readonly classifier: BatchClassifier,
    private readonly write: (row: R, result: RowResult | undefined) => void | Promise<void>,
  ) {}

  /** Queues a row; returns a promise only when the caller must wait while the oldest batches are written. */
  add(row: R): void | Promise<void> {
    this.batch.push(row);
    if (this.batch.length < BATCH_ROWS) return undefined;
    this.send();
    return this.pending.length >= MAX_IN_FLIGHT ? this.makeRoom() : undefined;
  }

  private async makeRoom(): Promise<void> {
    while (this.pending.length >= MAX_IN_FLIGHT) await this.writeOldest();
  }

  private send(): void {
    if (this.batch.length === 0) return;
    const rows = this.batch;
    this.batch = [];
    const results = this.classifier.classify(rows.filter((r) => r.data).map((r) => [r.number, r.values] as const));
    results.catch(() => undefined);
    this.pending.push({ rows, results });
  }

  private async writeOldest(): Promise<void> {
    const next = this.pending.shift();
    if (next === undefined) return;
    const results = await next.results;
    let k = 0;
    for (const row of next.rows) {
      const written = this.write(row, row.data ? results[k++] : undefined);
      if (written !== undefined) await written;
    }
  }

  /** Writes every row still queued. */
  async drain(): Promise<void> {
    this.send();
    while (this.pending.length > 0) await this.writeOldest();
  }
}
