/**
 * classify for an .xlsx or .xlsm input, by editing the workbook package: the
 * chosen worksheet gets its result columns row by row, the styles part the
 * result styles, the workbook a Readiness summary sheet with its chart; every
 * other zip entry is copied through as it was stored. For a CSV or JSON output
 * the same rows go to a table output instead.
 */
import path from "node:path";
import { classify, type Classified, type DriverSettings, type RowSink } from "../../classify/driver";
import type { ClassifyJob, ClassifyReport, TableOutput } from "../../classify/job";
import { sheetReading } from "../../classify/table";
import { fileError, outputFailure } from "../../errors";
import { tempFileFor } from "../../output/atomic";
import type { WorkbookParts } from "../parts/contract";
import { appendResultStyles } from "../parts/styles";
import { summarySheetParts } from "../parts/summary-sheet";
import { placeSummary } from "../parts/workbook-edits";
import { openPackage, packageProblem, type OpenPackage } from "./open";
import { writePackage, type Replacement } from "./package-writer";
import { relsPathOf } from "./relationships";
import { ResultColumnTaken, SheetSink } from "./sheet-sink";
import { chooseSheet, isOwnSummary, SheetRowSource, usedWidth, type ChosenSheet, type SheetRow } from "./sheet-source";
import { decodeAll, encodeText, encodingOf, type XmlEncoding } from "./xml-text";
import { readContent, ZipProblem } from "./zip-read";

export type PackageOutput = { readonly kind: "xlsx"; readonly file: string; readonly shown: string } | { readonly kind: "table"; readonly table: TableOutput };

/** Result columns must end within Excel's 16,384 columns. */
const MAX_COLUMNS = 16_384;
const CONTENT_TYPES = "[Content_Types].xml";

function tableSink(table: TableOutput): RowSink<SheetRow> {
  return {
    begin: (t) => table.begin(t),
    row: (row, role, result) => table.row(row.number, row.values, role, result),
    finish: (tally) => table.finish(tally),
  };
}

interface PartText {
  readonly text: string;
  readonly encoding: XmlEncoding;
}

async function readPart(pkg: OpenPackage, name: string): Promise<PartText | undefined> {
  const entry = pkg.index.get(name);
  if (entry === undefined) return undefined;
  const bytes = await readContent(pkg.handle, entry);
  return { text: decodeAll(bytes), encoding: encodingOf(bytes) };
}

function noRoom(job: ClassifyJob, chosen: ChosenSheet): Error {
  return fileError(
    "bad-header-row",
    job.inputShown,
    `sheet "${chosen.sheet.name}" uses every column up to the last (XFD): there is no room right of its data for the five result columns`,
  );
}

async function choose(pkg: OpenPackage, job: ClassifyJob): Promise<ChosenSheet> {
  const chosen = await chooseSheet(pkg, { sheet: job.sheet, headerRow: job.headerRow, mapping: job.mapping, inputShown: job.inputShown });
  if (chosen.header.resultColumn + 5 > MAX_COLUMNS) throw noRoom(job, chosen);
  return chosen;
}

export async function classifyPackage(job: ClassifyJob, output: PackageOutput): Promise<ClassifyReport> {
  const pkg = await openPackage(job.input, job.inputShown);
  let spool: ReturnType<typeof tempFileFor> | undefined;
  let sink: SheetSink | undefined;
  try {
    const chosen = await choose(pkg, job);
    // The gate columns need the whole table: a first pass over the sheet (see gate/gate.ts).
    await job.gate?.prepare(chosen.header, chosen.sheet.name, job.thresholds, new SheetRowSource(pkg, chosen.sheet, chosen.declaredWidth).rows());
    const settings: DriverSettings = {
      inputShown: job.inputShown,
      headerRow: job.headerRow,
      thresholds: job.thresholds,
      mapping: job.mapping,
      maxNotes: job.maxNotes,
      json: output.kind === "table" && output.table.needsJson,
      // Rows classified in this thread as they are read: a worker thread took more CPU in all (copying rows to it)
      // and raised the peak (rows waiting in batches outlive young-generation collections): 100,000 rows,
      // 5.7 s CPU and 205 MB in this thread against 6.9 s and 282 MB with the worker.
      worker: false,
      tick: () => job.progress.tick(),
    };
    if (output.kind === "table") {
      const done = await classify(new SheetRowSource(pkg, chosen.sheet, chosen.declaredWidth), tableSink(output.table), settings);
      return { sheetName: chosen.sheet.name, header: done.header, tally: done.tally, rows: done.rows, path: "package" };
    }

    const stylesEntry = pkg.workbook.stylesEntry;
    const styles = appendResultStyles(pkg.stylesXml);
    let declaredWidth = chosen.declaredWidth;
    let surveyed = false;
    let done: Classified | undefined;
    let source: SheetRowSource | undefined;
    while (done === undefined) {
      source = new SheetRowSource(pkg, chosen.sheet, declaredWidth);
      spool = tempFileFor(`${output.file}.sheet`);
      sink = new SheetSink(source, styles.styles, spool.path, !surveyed, job.gate);
      try {
        done = await classify(source, sink, settings);
      } catch (error) {
        if (!(error instanceof ResultColumnTaken) || surveyed) throw error;
        await sink.abort();
        await spool.discard();
        declaredWidth = Math.max(declaredWidth ?? 0, await usedWidth(pkg, chosen.sheet));
        surveyed = true;
      }
    }
    const sheetOutput = sink?.output;
    if (sheetOutput === undefined) throw new Error("the classified sheet was not finished");
    if (done.header.resultColumn + 5 > MAX_COLUMNS) throw noRoom(job, chosen);

    const workbookPath = pkg.workbook.workbookPath;
    const relsPath = relsPathOf(workbookPath);
    const [workbook, workbookRels, contentTypes] = await Promise.all([readPart(pkg, workbookPath), readPart(pkg, relsPath), readPart(pkg, CONTENT_TYPES)]);
    if (workbook === undefined || workbookRels === undefined) throw new Error("the workbook part was read before");
    const types = contentTypes ?? {
      text: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>',
      encoding: "utf-8" as const,
    };
    let parts: WorkbookParts = { workbookPath, workbook: workbook.text, workbookRels: workbookRels.text, contentTypes: types.text };
    const newStylesPath =
      stylesEntry === undefined ? `${path.posix.dirname(workbookPath) === "." ? "" : `${path.posix.dirname(workbookPath)}/`}styles.xml` : undefined;
    if (newStylesPath !== undefined) parts = withStylesPart(parts, newStylesPath);

    const tally = done.tally;
    const summary = summarySheetParts({
      summary: tally.summary,
      source: `${chosen.sheet.name} (${path.basename(job.input)})`,
      reading: job.gate?.withChanges(sheetReading(done.header, tally, chosen.sheet.name)) ?? sheetReading(done.header, tally, chosen.sheet.name),
      styles: styles.styles,
    });
    const ownSummaries = new Set<string>();
    for (const sheet of pkg.workbook.sheets)
      if (sheet.entry !== undefined && (await isOwnSummary(pkg, { ...sheet, entry: sheet.entry }))) ownSummaries.add(sheet.entry.name.toLowerCase());
    const classified = {
      sheetIndex: chosen.sheet.index,
      sheetName: chosen.sheet.name,
      headerRow: done.header.rowNumber,
      ...(sink?.filterRange === undefined ? {} : { filterRange: sink.filterRange }),
    };
    const placement = placeSummary(
      parts,
      summary,
      classified,
      pkg.index.entries.map((e) => e.name),
      (sheetPath) => ownSummaries.has(sheetPath.replace(/^\/+/u, "").toLowerCase()),
    );

    const replaced = new Map<string, Replacement>();
    const bytes = (text: string, encoding: XmlEncoding): Replacement => ({ kind: "bytes", bytes: encodeText(text, encoding) });
    replaced.set(chosen.sheet.entry.name.toLowerCase(), { kind: "deflated", data: sheetOutput.data, prefix: sheetOutput.prefix, file: spool?.path ?? "" });
    if (stylesEntry !== undefined) replaced.set(stylesEntry.name.toLowerCase(), bytes(styles.xml, pkg.stylesEncoding));
    replaced.set(workbookPath.toLowerCase(), bytes(placement.parts.workbook, workbook.encoding));
    replaced.set(relsPath.toLowerCase(), bytes(placement.parts.workbookRels, workbookRels.encoding));
    replaced.set(CONTENT_TYPES.toLowerCase(), bytes(placement.parts.contentTypes, types.encoding));
    const added = placement.written.map((p) => ({ path: p.path, bytes: Buffer.from(p.xml, "utf8") }));
    for (const p of placement.written)
      if (pkg.index.get(p.path) !== undefined) replaced.set(p.path.toLowerCase(), { kind: "bytes", bytes: Buffer.from(p.xml, "utf8") });
    if (newStylesPath !== undefined) added.push({ path: newStylesPath, bytes: Buffer.from(styles.xml, "utf8") });
    if (contentTypes === undefined) added.unshift({ path: CONTENT_TYPES, bytes: Buffer.from(placement.parts.contentTypes, "utf8") });
    try {
      await writePackage(pkg, output.file, { replaced, removed: new Set(placement.removed.map((p) => p.toLowerCase())), added });
    } catch (error) {
      throw error instanceof ZipProblem ? error : outputFailure(error, output.shown);
    }
    return { sheetName: chosen.sheet.name, header: done.header, tally, rows: done.rows, path: "package" };
  } catch (error) {
    await sink?.abort();
    throw packageProblem(job.inputShown, error);
  } finally {
    await spool?.discard();
    await pkg.handle.close().catch(() => undefined);
  }
}

/** A workbook without a styles part gets one: its relationship and content type. */
function withStylesPart(parts: WorkbookParts, stylesPath: string): WorkbookParts {
  const target = path.posix.relative(path.posix.dirname(parts.workbookPath), stylesPath);
  const workbookRels = parts.workbookRels.replace(
    /<\/([\w:]*)Relationships>\s*$/u,
    (_m, p: string) =>
      `<${p}Relationship Id="rIdPartReadinessStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="${target}"/></${p}Relationships>`,
  );
  const contentTypes = parts.contentTypes.replace(
    /<\/([\w:]*)Types>\s*$/u,
    (_m, p: string) =>
      `<${p}Override PartName="/${stylesPath}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></${p}Types>`,
  );
  return { ...parts, workbookRels, contentTypes };
}
