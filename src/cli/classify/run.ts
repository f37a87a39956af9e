/** The classify command: checks the request, reads the input as CSV or as a workbook package, writes the output safely, prints the report. */
import { createReadStream } from "node:fs";
import path from "node:path";
import { resolveThresholds, type Thresholds } from "../../core";
import { flagOption, integerOption, listOption, stringOption, type ParsedArgs } from "../args";
import { DEFAULT_MAX_WARNINGS, OUTPUT_FORMATS, type OutputFormat } from "../commands";
import { classifyCsv, readCsvFormat } from "../csv/classify";
import { usageError } from "../errors";
import { sniffInput, type InputFile } from "../input/sniff";
import { printLine, writeOut, type CliIo } from "../io";
import { checkDestination, spoolFile, tempFileFor, type TempFile } from "../output/atomic";
import { fileDestination, type Destination } from "../output/destination";
import { CsvTableOutput, JsonTableOutput } from "../output/tables";
import { NO_PROGRESS, progressOn } from "../progress";
import { Gate } from "../gate/gate";
import { compareLines, gateLines, structureWarnings } from "../gate/lines";
import { readPreviousRun } from "../gate/previous";
import { classifyPackage } from "../xlsx/package/classify-package";
import type { ClassifyJob, ClassifyReport, TableOutput } from "./job";
import { userMapping } from "./mapping";
import { runLines, warningLines } from "./report";

export type Target = { readonly kind: "stdout" } | { readonly kind: "file"; readonly path: string; readonly shown: string };

function formatOfPath(file: string): OutputFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") return "xlsx";
  if (ext === ".csv" || ext === ".tsv" || ext === ".txt") return "csv";
  if (ext === ".json") return "json";
  return undefined;
}

/** Output format and where it goes, from --format, -o and the input's kind. */
/** --format and the -o file's extension must agree. */
export function checkFormatAndPath(format: OutputFormat | undefined, out: string | undefined): OutputFormat | undefined {
  const fromPath = out === undefined || out === "-" ? undefined : formatOfPath(out);
  if (format !== undefined && fromPath !== undefined && fromPath !== format) {
    throw usageError("conflicting-options", `--format ${format} does not match the output file ${out ?? ""}; give a .${format} file or leave out --format`);
  }
  if (out === "-" && (format ?? "csv") === "xlsx")
    throw usageError("conflicting-options", "an .xlsx workbook cannot be written to stdout; give a file with -o, or use --format csv or --format json");
  return fromPath;
}

export function chooseOutput(
  options: { readonly format?: OutputFormat; readonly output?: string },
  input: { readonly kind: "xlsx" | "csv" },
): { format: OutputFormat; target: Target | { readonly kind: "default" } } {
  const out = options.output;
  const fromPath = checkFormatAndPath(options.format, out);
  const format = options.format ?? fromPath ?? input.kind;
  if (out === "-") {
    if (format === "xlsx")
      throw usageError("conflicting-options", "an .xlsx workbook cannot be written to stdout; give a file with -o, or use --format csv or --format json");
    return { format, target: { kind: "stdout" } };
  }
  if (out !== undefined) return { format, target: { kind: "file", path: out, shown: out } };
  if (options.format === "csv" || options.format === "json") return { format, target: { kind: "stdout" } };
  return { format, target: { kind: "default" } };
}

/** NAME.classified.xlsx (or .xlsm, .csv) beside the input. */
export function defaultOutput(inputShown: string, format: OutputFormat): string {
  const parsed = path.parse(inputShown);
  // A workbook with macros keeps its extension: Excel refuses a macro-enabled workbook named .xlsx.
  const extension = format === "xlsx" && /^\.xl[st]m$/iu.test(parsed.ext) ? "xlsm" : format;
  return path.join(parsed.dir, `${parsed.name}.classified.${extension}`);
}

export function thresholdsFrom(options: ParsedArgs["options"]): Thresholds {
  const resolved = resolveThresholds({
    prototypeQuantity: stringOption(options, "prototype-quantity"),
    lowVolumeQuantity: stringOption(options, "low-volume-quantity"),
  });
  if (!resolved.ok) {
    const flag = resolved.issue.field === "prototypeQuantity" ? "--prototype-quantity" : "--low-volume-quantity";
    throw usageError("bad-thresholds", `${flag}: ${resolved.issue.message}`);
  }
  return resolved.value;
}

/** --format, one of OUTPUT_FORMATS (the parser accepts no other choice). */
export function outputFormatOption(options: ParsedArgs["options"]): OutputFormat | undefined {
  const value = stringOption(options, "format");
  if (value === undefined) return undefined;
  const format = OUTPUT_FORMATS.find((f) => f === value);
  if (format === undefined) throw new TypeError(`--format holds "${value}", not one of ${OUTPUT_FORMATS.join(", ")}`);
  return format;
}

function csvBom(input: InputFile, encodingBom: number | undefined, encoding: string | undefined): boolean {
  if (input.kind === "xlsx") return true;
  return (encodingBom ?? 0) > 0 || (encoding !== undefined && encoding !== "utf-8");
}

/** --compare: the earlier run, read before anything is written (a wrong file stops the run early). */
export async function gateFor(
  options: ParsedArgs["options"],
  io: CliIo,
  input: { readonly path: string; readonly shown: string },
  mapping: ClassifyJob["mapping"],
): Promise<Gate> {
  const compare = stringOption(options, "compare");
  if (compare === "") throw usageError("missing-value", "--compare needs a file name (an earlier run's output)");
  if (compare === undefined) return new Gate(undefined);
  const file = path.resolve(io.cwd, compare);
  if (file === input.path)
    throw usageError(
      "conflicting-options",
      `--compare names the input ${input.shown} itself; give an earlier run's output, e.g. ${defaultOutput(input.shown, "xlsx")}`,
    );
  const previous = await readPreviousRun(file, compare, { sheet: stringOption(options, "sheet"), headerRow: integerOption(options, "header-row"), mapping });
  return new Gate(previous);
}

/** What classify and report print after the stage table: the comparison, the assemblies and the waivers. */
export function gateReportLines(gate: Gate, report: ClassifyReport): string[] {
  const lines = [...compareLines(gate, report.header.mapping.partColumn !== undefined), ...gateLines(gate, report.tally.summary)];
  return lines.length === 0 ? [] : ["", ...lines];
}

export async function runClassify(args: ParsedArgs, io: CliIo): Promise<number> {
  const options = args.options;
  const inputShown = args.positionals[0] ?? "";
  const input = path.resolve(io.cwd, inputShown);
  const thresholds = thresholdsFrom(options);
  const mapping = await userMapping(listOption(options, "map"), stringOption(options, "mapping"), io.cwd);
  const format = outputFormatOption(options);
  const output = stringOption(options, "output");
  if (output === "") throw usageError("missing-value", "-o needs a file name");
  checkFormatAndPath(format, output);

  const file = await sniffInput(input, inputShown);
  const chosen = chooseOutput({ format, output }, { kind: file.kind });
  const target: Target =
    chosen.target.kind === "default"
      ? { kind: "file", path: defaultOutput(inputShown, chosen.format), shown: defaultOutput(inputShown, chosen.format) }
      : chosen.target;
  const destinationPath = target.kind === "file" ? path.resolve(io.cwd, target.path) : undefined;
  if (target.kind === "file" && destinationPath !== undefined)
    checkDestination(destinationPath, target.shown, { input, inputShown, force: flagOption(options, "force") });
  const gate = await gateFor(options, io, { path: input, shown: inputShown }, mapping);

  const quiet = flagOption(options, "quiet");
  const reportStream = target.kind === "stdout" ? io.stderr : io.stdout;
  const progress = quiet ? NO_PROGRESS : progressOn(io.stderr, "classify");
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

  const temp: TempFile | undefined = destinationPath === undefined ? undefined : tempFileFor(destinationPath);
  // Results for stdout are spooled and sent only when complete, so a failure half-way prints nothing.
  const spool: TempFile | undefined = destinationPath === undefined ? spoolFile() : undefined;
  let tableOutput: TableOutput | undefined;
  const destination = (): Destination => fileDestination((temp ?? spool)?.path ?? "", target.kind === "file" ? target.shown : "stdout");
  let report: ClassifyReport;
  try {
    if (file.kind === "csv") {
      const csvFormat = await readCsvFormat(job);
      if (chosen.format === "xlsx") {
        // exceljs, which writes this workbook, is loaded only here (it is some 25 MB of the process once loaded).
        const { XlsxTableOutput, sheetNameFrom } = await import("../xlsx/table-writer");
        tableOutput = new XlsxTableOutput(
          temp?.path ?? "",
          target.kind === "file" ? target.shown : "",
          sheetNameFrom(path.parse(input).name),
          `${path.basename(input)}`,
          gate,
        );
      } else if (chosen.format === "json") tableOutput = new JsonTableOutput(destination(), gate);
      else {
        tableOutput = new CsvTableOutput(destination(), {
          delimiter: csvFormat.dialect.delimiter,
          eol: csvFormat.dialect.eol,
          bom: temp !== undefined && csvBom(file, csvFormat.encoding.bom, csvFormat.encoding.encoding),
          gate,
        });
      }
      report = await classifyCsv(job, csvFormat, tableOutput, { keepRaw: chosen.format === "csv", json: chosen.format === "json" });
    } else {
      if (chosen.format === "xlsx") {
        report = await classifyPackage(job, { kind: "xlsx", file: temp?.path ?? "", shown: target.kind === "file" ? target.shown : "" });
      } else {
        tableOutput =
          chosen.format === "json"
            ? new JsonTableOutput(destination(), gate)
            : new CsvTableOutput(destination(), { delimiter: ",", eol: "\n", bom: temp !== undefined, gate });
        report = await classifyPackage(job, { kind: "table", table: tableOutput });
      }
    }
    progress.done();
    await temp?.commit();
    if (spool !== undefined) {
      let gone = false;
      io.stdout.once?.("error", () => {
        gone = true;
      });
      for await (const chunk of createReadStream(spool.path)) {
        if (gone) break;
        await writeOut(io.stdout, chunk as Buffer);
      }
      await spool.commit();
    }
  } catch (error) {
    progress.done();
    await tableOutput?.abort().catch(() => undefined);
    await temp?.discard();
    await spool?.discard();
    throw error;
  }

  if (!quiet) {
    for (const line of runLines(report, inputShown, target.kind === "file" ? target.shown : undefined)) printLine(reportStream, line);
    for (const line of gateReportLines(gate, report)) printLine(reportStream, line);
    for (const line of warningLines(report, mapping)) printLine(io.stderr, line);
    for (const line of structureWarnings(gate, job.maxNotes)) printLine(io.stderr, line);
  }
  return 0;
}
