/**
 * The report command: classifies the input as classify does (same options,
 * --compare included) without writing a workbook, and writes one
 * self-contained HTML report (src/report renderReport), atomically: to a
 * temporary file beside the destination, renamed when complete.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { renderReport } from "../../report";
import { flagOption, integerOption, listOption, stringOption, type ParsedArgs } from "../args";
import { DEFAULT_MAX_WARNINGS } from "../commands";
import type { ClassifyJob, ClassifyReport } from "../classify/job";
import { userMapping } from "../classify/mapping";
import { runLines, warningLines } from "../classify/report";
import { gateFor, gateReportLines, thresholdsFrom } from "../classify/run";
import { classifyCsv, readCsvFormat } from "../csv/classify";
import { outputFailure, usageError } from "../errors";
import { structureWarnings } from "../gate/lines";
import { sniffInput } from "../input/sniff";
import { printLine, writeOut, type CliIo } from "../io";
import { checkDestination, tempFileFor, type TempFile } from "../output/atomic";
import { NO_PROGRESS, progressOn } from "../progress";
import { classifyPackage } from "../xlsx/package/classify-package";
import { ReportCollector } from "./collect";

const HTML_EXTENSIONS: ReadonlySet<string> = new Set([".html", ".htm"]);

/** NAME.report.html beside the input. */
export function defaultReportOutput(inputShown: string): string {
  const parsed = path.parse(inputShown);
  return path.join(parsed.dir, `${parsed.name}.report.html`);
}

/** "2026-11-29 14:05 UTC": when the report was made. */
function stamp(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export async function runReport(args: ParsedArgs, io: CliIo): Promise<number> {
  const options = args.options;
  const inputShown = args.positionals[0] ?? "";
  const input = path.resolve(io.cwd, inputShown);
  const thresholds = thresholdsFrom(options);
  const mapping = await userMapping(listOption(options, "map"), stringOption(options, "mapping"), io.cwd);
  const output = stringOption(options, "output");
  if (output === "") throw usageError("missing-value", "-o needs a file name");
  if (output !== undefined && output !== "-" && !HTML_EXTENSIONS.has(path.extname(output).toLowerCase())) {
    throw usageError("conflicting-options", `the report is an HTML file: give -o a name ending in .html (not ${output}), or - for stdout`);
  }

  const file = await sniffInput(input, inputShown);
  const shown = output ?? defaultReportOutput(inputShown);
  const destination = output === "-" ? undefined : path.resolve(io.cwd, shown);
  if (destination !== undefined) checkDestination(destination, shown, { input, inputShown, force: flagOption(options, "force") });
  const gate = await gateFor(options, io, { path: input, shown: inputShown }, mapping);

  const quiet = flagOption(options, "quiet");
  const progress = quiet ? NO_PROGRESS : progressOn(io.stderr, "report");
  const job: ClassifyJob = {
    input,
    inputShown,
    sheet: stringOption(options, "sheet"),
    headerRow: integerOption(options, "header-row"),
    thresholds,
    mapping,
    maxNotes: integerOption(options, "max-warnings") ?? DEFAULT_MAX_WARNINGS,
    progress,
    gate,
  };
  const collector = new ReportCollector(gate, {
    title: `Gate review: ${path.basename(inputShown)}`,
    sourceFile: path.basename(inputShown),
    date: stamp(new Date()),
  });
  let report: ClassifyReport;
  try {
    if (file.kind === "csv") report = await classifyCsv(job, await readCsvFormat(job), collector, { keepRaw: false, json: true });
    else report = await classifyPackage(job, { kind: "table", table: collector });
  } finally {
    progress.done();
  }
  if (collector.input === undefined) throw new Error("the report's table was not finished");
  const html = renderReport(collector.input);

  if (destination === undefined) await writeOut(io.stdout, html);
  else {
    const temp: TempFile = tempFileFor(destination);
    try {
      await writeFile(temp.path, html, "utf8");
      await temp.commit();
    } catch (error) {
      await temp.discard();
      throw outputFailure(error, shown);
    }
  }

  const stream = destination === undefined ? io.stderr : io.stdout;
  if (!quiet) {
    for (const line of runLines(report, inputShown, undefined)) printLine(stream, line);
    for (const line of gateReportLines(gate, report)) printLine(stream, line);
    if (destination !== undefined)
      printLine(
        stream,
        `\nWrote the report ${shown} (${collector.input.parts.length.toLocaleString("en-US")} parts; open it in a browser, print it to PDF to hand round).`,
      );
    for (const line of warningLines(report, mapping)) printLine(io.stderr, line);
    for (const line of structureWarnings(gate, job.maxNotes)) printLine(io.stderr, line);
  }
  return 0;
}
