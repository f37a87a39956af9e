/** The worker thread behind workerClassifier: classifies each batch it is sent, in order. */
import { parentPort, workerData } from "node:worker_threads";
import { classifierFor, encodeBatch, type ClassifierSetup, type WorkerReply, type WorkerRequest } from "./batch";

const port = parentPort;
if (port !== null) {
  const setup = workerData as ClassifierSetup;
  const table = classifierFor(setup);
  port.on("message", (request: WorkerRequest) => {
    if (request.kind === "finish") {
      port.postMessage({ kind: "tally", tally: table.tally() } satisfies WorkerReply);
      return;
    }
    const results =
      setup.csvDelimiter === undefined
        ? request.rows.map(([number, values]) => table.result(number, values, setup.json))
        : encodeBatch(table, request.rows, setup.csvDelimiter, setup.json);
    port.postMessage({ kind: "results", id: request.id, results } satisfies WorkerReply);
  });
}
