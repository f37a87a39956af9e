/* The proxy classes of the Excel API subset the task pane uses, over the in-memory workbook. */
import { MAX_COLUMNS, MAX_ROWS, intersect, parseRect, rectAddress, sheetAddress, splitSheet, type Rect } from "./address";
import { ClientObject, ClientResult, CollectionObject, NULL_TARGET, type RequestContext, type Scalars } from "./context";
import { StandInError, accessDenied, invalidArgument, itemNotFound } from "./errors";
import type { EventSource, Handler, Host, WriteRecord } from "./host";
import {
  chartSeries,
  type ChartModel,
  type ChartSeriesModel,
  type ConditionalFormatModel,
  type Scalar,
  type SheetModel,
  type TableModel,
  type WorkbookModel,
} from "./model";
import { typedInput } from "./typed-input";

interface RangeTarget {
  readonly sheet: SheetModel;
  readonly rect: Rect;
}

const host = (context: RequestContext): Host => context.host;
const book = (context: RequestContext): WorkbookModel => context.host.book;

/** "1.12" > "1.9": requirement set versions compare part by part. */
export function versionAtMost(version: string, max: string): boolean {
  const [a = 0, b = 0] = version.split(".").map(Number);
  const [x = 0, y = 0] = max.split(".").map(Number);
  return a < x || (a === x && b <= y);
}

/**
 * The members the stand-in implements that are newer than ExcelApi 1.9 (the
 * pane's requirement), with the requirement set @types/office-js gives each;
 * the stand-in's tests check this list against those annotations.
 */
export const NEWER_APIS = {
  "Range.hasSpill": "1.12",
  "Range.getSpillingToRange": "1.12",
  "Range.getSpillingToRangeOrNullObject": "1.12",
  "Range.getSpillParent": "1.12",
  "Range.getSpillParentOrNullObject": "1.12",
  "TableScopedCollection.getItemOrNullObject": "1.14",
} as const;

/**
 * An API above the ExcelApi requirement set the host claims fails the request,
 * as on an older Excel ("ApiNotFound"). Checked when the request runs.
 */
export function requireApi(context: RequestContext, member: keyof typeof NEWER_APIS): void {
  const version = NEWER_APIS[member];
  if (!versionAtMost(version, host(context).excelApi)) {
    throw new StandInError(
      "ApiNotFound",
      `The API you are trying to use could not be found (${member} needs ExcelApi ${version}; this Excel has ${host(context).excelApi}).`,
    );
  }
}

function guardWrite(context: RequestContext, sheet: SheetModel, rect: Rect | undefined, kind: WriteRecord["kind"]): void {
  if (sheet.protected) throw accessDenied(rect ? sheetAddress(sheet.name, rect) : sheet.name);
  host(context).stats.writes.push({ sheet: sheet.name, address: rect ? rectAddress(rect) : "", kind });
}

function raiseChanged(context: RequestContext, target: RangeTarget): void {
  const args = {
    type: "WorksheetChanged",
    changeType: "RangeEdited",
    source: "Local",
    triggerSource: "ThisLocalAddin",
    address: rectAddress(target.rect),
    worksheetId: target.sheet.id,
  };
  host(context).raise(`sheet.changed:${target.sheet.id}`, args);
  host(context).raise("worksheets.changed", args);
}

function readGrid(context: RequestContext, t: RangeTarget, cell: (sheet: SheetModel, row: number, column: number) => unknown): unknown[][] {
  const cells = t.rect.rows * t.rect.columns;
  if (cells > host(context).limits.readCells)
    throw new StandInError("RangeExceedsLimit", `The range has ${cells} cells; reads are limited to ${host(context).limits.readCells}.`);
  const out: unknown[][] = [];
  for (let r = 0; r < t.rect.rows; r += 1) {
    const line: unknown[] = new Array(t.rect.columns);
    for (let c = 0; c < t.rect.columns; c += 1) line[c] = cell(t.sheet, t.rect.row + r, t.rect.column + c);
    out.push(line);
  }
  return out;
}

function isScalar(v: unknown): v is Scalar | null {
  return v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
}

/**
 * A value written through the API, as Excel takes typed input (typed-input.ts):
 * a string may become a number, a date, a truth value, an error or a formula,
 * and take a number format with it ("50%" is 0.5 shown as 0%); a leading
 * apostrophe (the quote prefix) or the cell's Text format ("@") keeps it as text.
 * Numbers and booleans are stored as they are.
 */
export function setTyped(sheet: SheetModel, row: number, column: number, value: Scalar | null | undefined): void {
  if (typeof value !== "string") {
    sheet.set(row, column, value);
    return;
  }
  const format = sheet.format(row, column)?.numberFormat ?? "General";
  const typed = typedInput(value, format);
  switch (typed.kind) {
    case "empty":
      sheet.set(row, column, "");
      return;
    case "text":
      sheet.setText(row, column, typed.text);
      return;
    case "formula":
      sheet.set(row, column, typed.formula);
      return;
    case "error":
      sheet.setText(row, column, typed.value);
      return;
    case "boolean":
      sheet.set(row, column, typed.value);
      return;
    case "number":
      sheet.set(row, column, typed.value);
      if (typed.format !== undefined && format === "General") sheet.setFormat(row, column, { numberFormat: typed.format });
  }
}

function writeGrid(context: RequestContext, t: RangeTarget, value: unknown, kind: "values" | "formulas"): void {
  guardWrite(context, t.sheet, t.rect, kind);
  const { rows, columns } = t.rect;
  if (!Array.isArray(value)) {
    if (!isScalar(value)) throw invalidArgument(`${kind} must be a value or a 2D array`, sheetAddress(t.sheet.name, t.rect));
    for (let r = 0; r < rows; r += 1) for (let c = 0; c < columns; c += 1) setTyped(t.sheet, t.rect.row + r, t.rect.column + c, value);
  } else {
    if (value.length !== rows || value.some((line) => !Array.isArray(line) || line.length !== columns)) {
      throw invalidArgument(
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${columns}).`,
        sheetAddress(t.sheet.name, t.rect),
      );
    }
    (value as unknown[][]).forEach((line, r) =>
      line.forEach((v, c) => {
        if (!isScalar(v)) throw invalidArgument(`cell value ${String(v)} is not a string, number or boolean`, sheetAddress(t.sheet.name, t.rect));
        if (v !== null) setTyped(t.sheet, t.rect.row + r, t.rect.column + c, v);
      }),
    );
  }
  book(context).expandTables(t.sheet, t.rect);
  book(context).afterWrite(t.sheet);
  raiseChanged(context, t);
}

/** Sets the number format of every cell: one code for all, or a 2D array of the range's size. */
function writeNumberFormat(context: RequestContext, t: RangeTarget, value: unknown): void {
  guardWrite(context, t.sheet, t.rect, "format");
  const { rows, columns } = t.rect;
  const at = (r: number, c: number): unknown => (Array.isArray(value) ? (value as unknown[][])[r]?.[c] : value);
  if (Array.isArray(value) && (value.length !== rows || value.some((line) => !Array.isArray(line) || line.length !== columns))) {
    throw invalidArgument(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${columns}).`,
      sheetAddress(t.sheet.name, t.rect),
    );
  }
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      const code = at(r, c);
      if (code === null || code === undefined) continue;
      if (typeof code !== "string") throw invalidArgument("a number format is a string", sheetAddress(t.sheet.name, t.rect));
      t.sheet.setFormat(t.rect.row + r, t.rect.column + c, { numberFormat: code });
    }
  }
}

function rangeOf(t: RangeTarget, rect: Rect | undefined, what: string): RangeTarget {
  if (
    !rect ||
    rect.rows <= 0 ||
    rect.columns <= 0 ||
    rect.row < 0 ||
    rect.column < 0 ||
    rect.row + rect.rows > MAX_ROWS ||
    rect.column + rect.columns > MAX_COLUMNS
  ) {
    throw invalidArgument(`${what} is outside the worksheet`, sheetAddress(t.sheet.name, t.rect));
  }
  return { sheet: t.sheet, rect };
}

function uniform<T>(t: RangeTarget, pick: (sheet: SheetModel, row: number, column: number) => T): T | null {
  let first: T | undefined;
  const limit = Math.min(t.rect.rows * t.rect.columns, 100_000);
  for (let i = 0; i < limit; i += 1) {
    const v = pick(t.sheet, t.rect.row + Math.floor(i / t.rect.columns), t.rect.column + (i % t.rect.columns));
    if (i === 0) first = v;
    else if (v !== first) return null;
  }
  return first ?? null;
}

// ---------------------------------------------------------------- formats

class RangeFill extends ClientObject {
  protected scalars(): Scalars<never> {
    return fillScalars as Scalars<never>;
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.write("color", v);
  }
  clear(): void {
    this.call("clear", [], (t: RangeTarget) => {
      guardWrite(this.context, t.sheet, t.rect, "format");
      forEachCell(t, (s, r, c) => s.setFormat(r, c, { fill: undefined }));
    });
  }
}
const forEachCell = (t: RangeTarget, fn: (sheet: SheetModel, row: number, column: number) => void): void => {
  for (let r = 0; r < t.rect.rows; r += 1) for (let c = 0; c < t.rect.columns; c += 1) fn(t.sheet, t.rect.row + r, t.rect.column + c);
};
const fillScalars: Scalars<RangeTarget> = {
  color: {
    get: (t) => uniform(t, (s, r, c) => s.format(r, c)?.fill ?? "#FFFFFF"),
    set: (t, v, ctx) => {
      guardWrite(ctx, t.sheet, t.rect, "format");
      forEachCell(t, (s, r, c) => s.setFormat(r, c, { fill: String(v).toUpperCase() }));
    },
  },
};

class RangeFont extends ClientObject {
  protected scalars(): Scalars<never> {
    return fontScalars as Scalars<never>;
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.write("color", v);
  }
  get bold(): boolean {
    return this.read("bold");
  }
  set bold(v: boolean) {
    this.write("bold", v);
  }
}
const fontScalars: Scalars<RangeTarget> = {
  color: {
    get: (t) => uniform(t, (s, r, c) => s.format(r, c)?.fontColor ?? "#000000"),
    set: (t, v, ctx) => {
      guardWrite(ctx, t.sheet, t.rect, "format");
      forEachCell(t, (s, r, c) => s.setFormat(r, c, { fontColor: String(v).toUpperCase() }));
    },
  },
  bold: {
    get: (t) => uniform(t, (s, r, c) => s.format(r, c)?.bold ?? false),
    set: (t, v, ctx) => {
      guardWrite(ctx, t.sheet, t.rect, "format");
      forEachCell(t, (s, r, c) => s.setFormat(r, c, { bold: Boolean(v) }));
    },
  },
};

class RangeFormat extends ClientObject {
  protected scalars(): Scalars<never> {
    return formatScalars as Scalars<never>;
  }
  get fill(): RangeFill {
    return this.child((ctx, p) => new RangeFill(ctx, p, "Fill", [], (t) => t), "fill");
  }
  get font(): RangeFont {
    return this.child((ctx, p) => new RangeFont(ctx, p, "Font", [], (t) => t), "font");
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(v: number) {
    this.write("columnWidth", v);
  }
  get wrapText(): boolean {
    return this.read("wrapText");
  }
  set wrapText(v: boolean) {
    this.write("wrapText", v);
  }
  autofitColumns(): void {
    this.call("autofitColumns", [], (t: RangeTarget) => {
      guardWrite(this.context, t.sheet, t.rect, "format");
    });
  }
}
const formatScalars: Scalars<RangeTarget> = {
  columnWidth: {
    get: (t) => t.sheet.columnWidths.get(t.rect.column) ?? 48,
    set: (t, v, ctx) => {
      guardWrite(ctx, t.sheet, t.rect, "format");
      for (let c = 0; c < t.rect.columns; c += 1) t.sheet.columnWidths.set(t.rect.column + c, Number(v));
    },
  },
  wrapText: {
    get: () => false,
    set: (t, _v, ctx) => guardWrite(ctx, t.sheet, t.rect, "format"),
  },
};

// ---------------------------------------------------------------- conditional formats

class ConditionalFill extends ClientObject {
  protected scalars(): Scalars<never> {
    return {
      color: {
        get: (cf: ConditionalFormatModel) => cf.format.fill ?? null,
        set: (cf: ConditionalFormatModel, v: unknown) => void (cf.format.fill = String(v).toUpperCase()),
      },
    } as Scalars<never>;
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.write("color", v);
  }
}
class ConditionalFont extends ClientObject {
  protected scalars(): Scalars<never> {
    return {
      color: {
        get: (cf: ConditionalFormatModel) => cf.format.fontColor ?? null,
        set: (cf: ConditionalFormatModel, v: unknown) => void (cf.format.fontColor = String(v).toUpperCase()),
      },
      bold: {
        get: (cf: ConditionalFormatModel) => cf.format.bold ?? null,
        set: (cf: ConditionalFormatModel, v: unknown) => void (cf.format.bold = Boolean(v)),
      },
    } as Scalars<never>;
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.write("color", v);
  }
  get bold(): boolean {
    return this.read("bold");
  }
  set bold(v: boolean) {
    this.write("bold", v);
  }
}
class ConditionalRangeFormat extends ClientObject {
  protected scalars(): Scalars<never> {
    return {};
  }
  get fill(): ConditionalFill {
    return this.child((ctx, p) => new ConditionalFill(ctx, p, "Fill", [], (t) => t), "fill");
  }
  get font(): ConditionalFont {
    return this.child((ctx, p) => new ConditionalFont(ctx, p, "Font", [], (t) => t), "font");
  }
}
class TextConditionalFormat extends ClientObject {
  protected scalars(): Scalars<never> {
    return {
      rule: {
        get: (cf: ConditionalFormatModel) => ({ ...cf.rule }),
        set: (cf: ConditionalFormatModel, v: unknown) => {
          const rule = v as { operator?: unknown; text?: unknown };
          if (typeof rule?.text !== "string" || typeof rule.operator !== "string") throw invalidArgument("a text rule needs operator and text");
          cf.rule = { operator: rule.operator, text: rule.text };
        },
      },
    } as Scalars<never>;
  }
  get format(): ConditionalRangeFormat {
    return this.child((ctx, p) => new ConditionalRangeFormat(ctx, p, "Format", [], (t) => t), "format");
  }
  get rule(): { operator: string; text: string } {
    return this.read("rule");
  }
  set rule(v: { operator: string; text: string }) {
    this.write("rule", v);
  }
}
class ConditionalFormat extends ClientObject {
  protected scalars(): Scalars<never> {
    return { type: { get: (cf: ConditionalFormatModel) => cf.type }, id: { get: (cf: ConditionalFormatModel) => String(cf.id) } } as Scalars<never>;
  }
  get type(): string {
    return this.read("type");
  }
  get textComparison(): TextConditionalFormat {
    return this.child(
      (ctx, p) =>
        new TextConditionalFormat(ctx, p, "TextComparison", [], (cf: unknown) => {
          if ((cf as ConditionalFormatModel).type !== "ContainsText") throw invalidArgument("not a text comparison format");
          return cf;
        }),
      "textComparison",
    );
  }
  delete(): void {
    this.call("delete", [], (cf: ConditionalFormatModel) => {
      for (const sheet of book(this.context).sheets) {
        const i = sheet.conditionalFormats.indexOf(cf);
        if (i >= 0) sheet.conditionalFormats.splice(i, 1);
      }
    });
  }
}
let cfIds = 0;
class ConditionalFormatCollection extends CollectionObject<ConditionalFormat> {
  protected itemTargets(t: RangeTarget): readonly unknown[] {
    return t.sheet.conditionalFormats.filter((cf) => intersect(cf.rect, t.rect));
  }
  protected makeItem(context: RequestContext, _target: unknown, index: number): ConditionalFormat {
    return new ConditionalFormat(context, this, "GetItemAt", [index], (t: unknown) => this.itemTargets(t as RangeTarget)[index]);
  }
  protected override itemScalars(): Scalars<never> {
    return { type: { get: (cf: ConditionalFormatModel) => cf.type } } as Scalars<never>;
  }
  add(type: string): ConditionalFormat {
    const made = new ConditionalFormat(this.context, this, "Add", [type], (t: unknown) => {
      const target = t as RangeTarget;
      guardWrite(this.context, target.sheet, target.rect, "conditionalFormat");
      if (type !== "ContainsText" && type !== "Custom") throw new StandInError("NotImplemented", `stand-in: conditional format type ${type}`);
      cfIds += 1;
      const cf: ConditionalFormatModel = { id: cfIds, rect: target.rect, type, rule: {}, format: {} };
      target.sheet.conditionalFormats.push(cf);
      return cf;
    });
    this.context.enqueue({ record: { ActionType: 1, Name: "Add", ObjectPathId: made.pathId }, objects: [made], run: () => void made.resolve() });
    return made;
  }
  clearAll(): void {
    this.call("clearAll", [], (t: RangeTarget) => {
      guardWrite(this.context, t.sheet, t.rect, "conditionalFormat");
      const keep = t.sheet.conditionalFormats.filter((cf) => !intersect(cf.rect, t.rect));
      t.sheet.conditionalFormats.splice(0, t.sheet.conditionalFormats.length, ...keep);
    });
  }
}

// ---------------------------------------------------------------- data validation

class DataValidation extends ClientObject {
  protected scalars(): Scalars<never> {
    const find = (t: RangeTarget) =>
      t.sheet.validations.find(
        (v) => v.rect.row === t.rect.row && v.rect.column === t.rect.column && v.rect.rows === t.rect.rows && v.rect.columns === t.rect.columns,
      );
    const setter = (field: "rule" | "errorAlert" | "prompt") => (t: RangeTarget, v: unknown, ctx: RequestContext) => {
      guardWrite(ctx, t.sheet, t.rect, "dataValidation");
      if (field === "rule") {
        const list = (v as { list?: { source?: unknown } }).list;
        if (list && typeof list.source === "string" && list.source.length > 255) throw invalidArgument("a list source is limited to 255 characters");
      }
      let entry = find(t);
      if (!entry) {
        entry = { rect: t.rect, rule: undefined };
        t.sheet.validations.push(entry);
      }
      entry[field] = v;
    };
    return {
      rule: { get: (t: RangeTarget) => find(t)?.rule ?? {}, set: setter("rule") },
      errorAlert: { get: (t: RangeTarget) => find(t)?.errorAlert ?? null, set: setter("errorAlert") },
      prompt: { get: (t: RangeTarget) => find(t)?.prompt ?? null, set: setter("prompt") },
      type: { get: (t: RangeTarget) => (find(t)?.rule ? Object.keys(find(t)?.rule as object)[0] : "None") },
    } as Scalars<never>;
  }
  get rule(): unknown {
    return this.read("rule");
  }
  set rule(v: unknown) {
    this.write("rule", v);
  }
  get errorAlert(): unknown {
    return this.read("errorAlert");
  }
  set errorAlert(v: unknown) {
    this.write("errorAlert", v);
  }
  get prompt(): unknown {
    return this.read("prompt");
  }
  set prompt(v: unknown) {
    this.write("prompt", v);
  }
  get type(): string {
    return this.read("type");
  }
  clear(): void {
    this.call("clear", [], (t: RangeTarget) => {
      guardWrite(this.context, t.sheet, t.rect, "dataValidation");
      const keep = t.sheet.validations.filter((v) => !intersect(v.rect, t.rect));
      t.sheet.validations.splice(0, t.sheet.validations.length, ...keep);
    });
  }
}

// ---------------------------------------------------------------- range

const rangeScalars: Scalars<RangeTarget> = {
  address: { get: (t) => sheetAddress(t.sheet.name, t.rect) },
  addressLocal: { get: (t) => sheetAddress(t.sheet.name, t.rect) },
  rowIndex: { get: (t) => t.rect.row },
  columnIndex: { get: (t) => t.rect.column },
  rowCount: { get: (t) => t.rect.rows },
  columnCount: { get: (t) => t.rect.columns },
  cellCount: { get: (t) => t.rect.rows * t.rect.columns },
  values: { get: (t, ctx) => readGrid(ctx, t, (s, r, c) => s.get(r, c)), set: (t, v, ctx) => writeGrid(ctx, t, v, "values"), explicitOnly: false },
  // A spilled cell has a value but no formula of its own: its formula reads as "".
  formulas: {
    get: (t, ctx) => readGrid(ctx, t, (s, r, c) => s.formula(r, c) ?? (s.isSpilled(r, c) ? "" : s.get(r, c))),
    set: (t, v, ctx) => writeGrid(ctx, t, v, "formulas"),
  },
  text: { get: (t, ctx) => readGrid(ctx, t, (s, r, c) => String(s.get(r, c))) },
  numberFormat: {
    get: (t, ctx) => readGrid(ctx, t, (s, r, c) => s.format(r, c)?.numberFormat ?? "General"),
    set: (t, v, ctx) => writeNumberFormat(ctx, t, v),
  },
  hasSpill: {
    get: (t, ctx) => {
      requireApi(ctx, "Range.hasSpill");
      const flags = readGrid(ctx, t, (s, r, c) => s.isSpilled(r, c) || s.spillRange(r, c) !== undefined).flat();
      return flags.every(Boolean) ? true : flags.some(Boolean) ? null : false;
    },
    explicitOnly: true,
  },
  valueTypes: {
    get: (t, ctx) =>
      readGrid(ctx, t, (s, r, c) => {
        const v = s.get(r, c);
        if (v === "") return "Empty";
        if (typeof v === "number") return "Double";
        if (typeof v === "boolean") return "Boolean";
        return /^#[A-Z0-9/!?]+[!?A]$/u.test(v) ? "Error" : "String";
      }),
  },
};

export class Range extends ClientObject {
  protected scalars(): Scalars<never> {
    return rangeScalars as Scalars<never>;
  }
  get address(): string {
    return this.read("address");
  }
  get addressLocal(): string {
    return this.read("addressLocal");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    this.write("values", v);
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown[][]) {
    this.write("formulas", v);
  }
  get text(): string[][] {
    return this.read("text");
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.write("numberFormat", v);
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get hasSpill(): boolean {
    return this.read("hasSpill");
  }
  get format(): RangeFormat {
    return this.child((ctx, p) => new RangeFormat(ctx, p, "Format", [], (t) => t), "format");
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return this.child((ctx, p) => new ConditionalFormatCollection(ctx, p, "ConditionalFormats", [], (t) => t), "conditionalFormats");
  }
  get dataValidation(): DataValidation {
    return this.child((ctx, p) => new DataValidation(ctx, p, "DataValidation", [], (t) => t), "dataValidation");
  }
  get worksheet(): Worksheet {
    return this.child((ctx, p) => new Worksheet(ctx, p, "Worksheet", [], (t) => (t as RangeTarget).sheet), "worksheet");
  }

  private derived(name: string, args: readonly unknown[], make: (t: RangeTarget) => RangeTarget | typeof NULL_TARGET, orNull = false): Range {
    return new Range(this.context, this, name, args, (t) => make(t as RangeTarget), orNull);
  }

  getCell(row: number, column: number): Range {
    return this.derived("GetCell", [row, column], (t) => rangeOf(t, { row: t.rect.row + row, column: t.rect.column + column, rows: 1, columns: 1 }, "getCell"));
  }
  getRow(row: number): Range {
    return this.derived("GetRow", [row], (t) => rangeOf(t, { row: t.rect.row + row, column: t.rect.column, rows: 1, columns: t.rect.columns }, "getRow"));
  }
  getColumn(column: number): Range {
    return this.derived("GetColumn", [column], (t) =>
      rangeOf(t, { row: t.rect.row, column: t.rect.column + column, rows: t.rect.rows, columns: 1 }, "getColumn"),
    );
  }
  getOffsetRange(rows: number, columns: number): Range {
    return this.derived("GetOffsetRange", [rows, columns], (t) =>
      rangeOf(t, { ...t.rect, row: t.rect.row + rows, column: t.rect.column + columns }, "getOffsetRange"),
    );
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derived("GetResizedRange", [deltaRows, deltaColumns], (t) =>
      rangeOf(t, { ...t.rect, rows: t.rect.rows + deltaRows, columns: t.rect.columns + deltaColumns }, "getResizedRange"),
    );
  }
  getAbsoluteResizedRange(rows: number, columns: number): Range {
    return this.derived("GetAbsoluteResizedRange", [rows, columns], (t) =>
      rangeOf(t, { row: t.rect.row, column: t.rect.column, rows, columns }, "getAbsoluteResizedRange"),
    );
  }
  getColumnsAfter(count = 1): Range {
    return this.derived("GetColumnsAfter", [count], (t) =>
      count > 0
        ? rangeOf(t, { row: t.rect.row, column: t.rect.column + t.rect.columns, rows: t.rect.rows, columns: count }, "getColumnsAfter")
        : rangeOf(t, { row: t.rect.row, column: t.rect.column + t.rect.columns + count, rows: t.rect.rows, columns: -count }, "getColumnsAfter"),
    );
  }
  getColumnsBefore(count = 1): Range {
    return this.derived("GetColumnsBefore", [count], (t) =>
      rangeOf(t, { row: t.rect.row, column: t.rect.column - count, rows: t.rect.rows, columns: count }, "getColumnsBefore"),
    );
  }
  getRowsBelow(count = 1): Range {
    return this.derived("GetRowsBelow", [count], (t) =>
      rangeOf(t, { row: t.rect.row + t.rect.rows, column: t.rect.column, rows: count, columns: t.rect.columns }, "getRowsBelow"),
    );
  }
  getRowsAbove(count = 1): Range {
    return this.derived("GetRowsAbove", [count], (t) =>
      rangeOf(t, { row: t.rect.row - count, column: t.rect.column, rows: count, columns: t.rect.columns }, "getRowsAbove"),
    );
  }
  getEntireRow(): Range {
    return this.derived("GetEntireRow", [], (t) => ({ sheet: t.sheet, rect: { row: t.rect.row, column: 0, rows: t.rect.rows, columns: MAX_COLUMNS } }));
  }
  getEntireColumn(): Range {
    return this.derived("GetEntireColumn", [], (t) => ({ sheet: t.sheet, rect: { row: 0, column: t.rect.column, rows: MAX_ROWS, columns: t.rect.columns } }));
  }
  getSurroundingRegion(): Range {
    return this.derived("GetSurroundingRegion", [], (t) => ({
      sheet: t.sheet,
      rect: t.sheet.region({ row: t.rect.row, column: t.rect.column, rows: 1, columns: 1 }),
    }));
  }
  getUsedRange(valuesOnly?: boolean): Range {
    return this.derived("GetUsedRange", [valuesOnly ?? false], (t) => usedWithin(t) ?? thrown(itemNotFound("no used cells in the range")));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this.derived("GetUsedRangeOrNullObject", [valuesOnly ?? false], (t) => usedWithin(t) ?? NULL_TARGET, true);
  }
  getIntersection(other: Range | string): Range {
    return this.derived("GetIntersection", [other], (t) => intersectWith(this.context, t, other) ?? thrown(itemNotFound("the ranges do not intersect")));
  }
  getIntersectionOrNullObject(other: Range | string): Range {
    return this.derived("GetIntersectionOrNullObject", [other], (t) => intersectWith(this.context, t, other) ?? NULL_TARGET, true);
  }
  getBoundingRect(other: Range | string): Range {
    return this.derived("GetBoundingRect", [other], (t) => {
      const o = otherRect(this.context, t, other);
      const row = Math.min(t.rect.row, o.row);
      const column = Math.min(t.rect.column, o.column);
      return {
        sheet: t.sheet,
        rect: {
          row,
          column,
          rows: Math.max(t.rect.row + t.rect.rows, o.row + o.rows) - row,
          columns: Math.max(t.rect.column + t.rect.columns, o.column + o.columns) - column,
        },
      };
    });
  }
  /** The range an anchor cell's formula spills into (ExcelApi 1.12). */
  getSpillingToRange(): Range {
    return this.derived(
      "GetSpillingToRange",
      [],
      (t) => spillingTo(this.context, t, "Range.getSpillingToRange") ?? thrown(itemNotFound("the cell does not spill")),
    );
  }
  getSpillingToRangeOrNullObject(): Range {
    return this.derived("GetSpillingToRangeOrNullObject", [], (t) => spillingTo(this.context, t, "Range.getSpillingToRangeOrNullObject") ?? NULL_TARGET, true);
  }
  /** The anchor cell whose formula spills into this cell (ExcelApi 1.12). */
  getSpillParent(): Range {
    return this.derived(
      "GetSpillParent",
      [],
      (t) => spillParent(this.context, t, "Range.getSpillParent") ?? thrown(itemNotFound("the cell is not spilled into")),
    );
  }
  getSpillParentOrNullObject(): Range {
    return this.derived("GetSpillParentOrNullObject", [], (t) => spillParent(this.context, t, "Range.getSpillParentOrNullObject") ?? NULL_TARGET, true);
  }
  getTables(fullyContained?: boolean): TableScopedCollection {
    return new TableScopedCollection(this.context, this, "GetTables", [fullyContained ?? false], (t) => {
      const target = t as RangeTarget;
      return book(this.context).tablesOverlapping(target.sheet, target.rect, fullyContained ?? false);
    });
  }
  select(): void {
    this.call("select", [], (t: RangeTarget) => {
      book(this.context).selection = { sheet: t.sheet, rect: t.rect };
      raiseSelection(this.context);
    });
  }
  clear(applyTo?: string): void {
    this.call("clear", [applyTo ?? "All"], (t: RangeTarget) => {
      guardWrite(this.context, t.sheet, t.rect, "clear");
      forEachCell(t, (s, r, c) => {
        if (applyTo === undefined || applyTo === "All" || applyTo === "Contents") s.set(r, c, "");
        if (applyTo === undefined || applyTo === "All" || applyTo === "Formats") s.formats.delete(`${r},${c}`);
      });
      book(this.context).afterWrite(t.sheet);
      raiseChanged(this.context, t);
    });
  }
}

function thrown(error: Error): never {
  throw error;
}

function singleCell(t: RangeTarget, what: string): void {
  if (t.rect.rows !== 1 || t.rect.columns !== 1) throw invalidArgument(`${what} takes a single cell`, sheetAddress(t.sheet.name, t.rect));
}

function spillingTo(
  context: RequestContext,
  t: RangeTarget,
  member: "Range.getSpillingToRange" | "Range.getSpillingToRangeOrNullObject",
): RangeTarget | undefined {
  requireApi(context, member);
  singleCell(t, "getSpillingToRange");
  const rect = t.sheet.spillRange(t.rect.row, t.rect.column);
  return rect ? { sheet: t.sheet, rect } : undefined;
}

function spillParent(context: RequestContext, t: RangeTarget, member: "Range.getSpillParent" | "Range.getSpillParentOrNullObject"): RangeTarget | undefined {
  requireApi(context, member);
  singleCell(t, "getSpillParent");
  const anchor = t.sheet.spillParent(t.rect.row, t.rect.column);
  return anchor ? { sheet: t.sheet, rect: { ...anchor, rows: 1, columns: 1 } } : undefined;
}

function usedWithin(t: RangeTarget): RangeTarget | undefined {
  const used = t.sheet.usedRect();
  const rect = used && intersect(used, t.rect);
  return rect ? { sheet: t.sheet, rect } : undefined;
}

function otherRect(context: RequestContext, t: RangeTarget, other: Range | string): Rect {
  if (typeof other === "string") {
    const { sheet, local } = splitSheet(other);
    if (sheet !== undefined && sheet.toLowerCase() !== t.sheet.name.toLowerCase()) throw invalidArgument("the ranges are on different sheets");
    return parseRect(local) ?? thrown(invalidArgument(`bad address ${other}`));
  }
  const target = other.resolve() as RangeTarget | typeof NULL_TARGET;
  if (target === NULL_TARGET) throw itemNotFound("null range");
  if (target.sheet !== t.sheet) throw invalidArgument("the ranges are on different sheets");
  void context;
  return target.rect;
}

function intersectWith(context: RequestContext, t: RangeTarget, other: Range | string): RangeTarget | undefined {
  const rect = intersect(t.rect, otherRect(context, t, other));
  return rect ? { sheet: t.sheet, rect } : undefined;
}

function raiseSelection(context: RequestContext): void {
  const { sheet, rect } = book(context).selection;
  const args = { type: "WorksheetSelectionChanged", address: rectAddress(rect), worksheetId: sheet.id };
  host(context).raise(`sheet.selectionChanged:${sheet.id}`, args);
  host(context).raise("worksheets.selectionChanged", args);
  host(context).raise("workbook.selectionChanged", { type: "SelectionChanged" });
}

// ---------------------------------------------------------------- tables

const tableScalars: Scalars<TableModel> = {
  name: {
    get: (t) => t.name,
    set: (t, v, ctx) => {
      const name = String(v);
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/u.test(name)) throw invalidArgument(`"${name}" is not a valid table name`);
      if (book(ctx).tables.some((o) => o !== t && o.name.toLowerCase() === name.toLowerCase()))
        throw new StandInError("ItemAlreadyExists", `A table named ${name} already exists.`);
      t.name = name;
    },
  },
  id: { get: (t) => t.id },
  showHeaders: { get: (t) => t.showHeaders },
  showTotals: { get: (t) => t.showTotals },
};

export class Table extends ClientObject {
  protected scalars(): Scalars<never> {
    return tableScalars as Scalars<never>;
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.write("name", v);
  }
  get id(): string {
    return this.read("id");
  }
  get showHeaders(): boolean {
    return this.read("showHeaders");
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }
  get worksheet(): Worksheet {
    return this.child((ctx, p) => new Worksheet(ctx, p, "Worksheet", [], (t) => (t as TableModel).sheet), "worksheet");
  }
  /** The whole table: header row, data rows and the totals row when it has one. */
  getRange(): Range {
    return new Range(this.context, this, "GetRange", [], (t) => ({ sheet: (t as TableModel).sheet, rect: (t as TableModel).rect }));
  }
  getHeaderRowRange(): Range {
    return new Range(this.context, this, "GetHeaderRowRange", [], (t) => {
      const table = t as TableModel;
      if (!table.showHeaders) throw itemNotFound("the table has no header row");
      return { sheet: table.sheet, rect: { ...table.rect, rows: 1 } };
    });
  }
  /** The data rows: neither the header row nor the totals row. */
  getDataBodyRange(): Range {
    return new Range(this.context, this, "GetDataBodyRange", [], (t) => {
      const table = t as TableModel;
      const skip = table.showHeaders ? 1 : 0;
      const totals = table.showTotals ? 1 : 0;
      return { sheet: table.sheet, rect: { ...table.rect, row: table.rect.row + skip, rows: Math.max(1, table.rect.rows - skip - totals) } };
    });
  }
  getTotalRowRange(): Range {
    return new Range(this.context, this, "GetTotalRowRange", [], (t) => {
      const table = t as TableModel;
      if (!table.showTotals) throw itemNotFound("the table has no totals row");
      return { sheet: table.sheet, rect: { ...table.rect, row: table.rect.row + table.rect.rows - 1, rows: 1 } };
    });
  }
  delete(): void {
    this.call("delete", [], (t: TableModel) => {
      const list = book(this.context).tables;
      list.splice(list.indexOf(t), 1);
    });
  }
}

abstract class TableListBase extends CollectionObject<Table> {
  protected abstract list(target: unknown): readonly TableModel[];
  protected itemTargets(target: never): readonly unknown[] {
    return this.list(target);
  }
  protected makeItem(context: RequestContext, _t: unknown, index: number): Table {
    return new Table(context, this, "GetItemAt", [index], (t) => this.list(t)[index] ?? thrown(itemNotFound(`table ${index}`)));
  }
  protected override itemScalars(): Scalars<never> {
    return tableScalars as Scalars<never>;
  }
}

export class TableScopedCollection extends TableListBase {
  protected list(target: unknown): readonly TableModel[] {
    return target as TableModel[];
  }
  getFirst(): Table {
    return new Table(this.context, this, "GetFirst", [], (t) => (t as TableModel[])[0] ?? thrown(itemNotFound("no table overlaps the range")));
  }
  getItem(key: string): Table {
    return new Table(
      this.context,
      this,
      "GetItem",
      [key],
      (t) => (t as TableModel[]).find((x) => x.name.toLowerCase() === key.toLowerCase() || x.id === key) ?? thrown(itemNotFound(`table ${key}`)),
    );
  }
  getItemOrNullObject(key: string): Table {
    return new Table(
      this.context,
      this,
      "GetItemOrNullObject",
      [key],
      (t) => {
        requireApi(this.context, "TableScopedCollection.getItemOrNullObject");
        return (t as TableModel[]).find((x) => x.name.toLowerCase() === key.toLowerCase() || x.id === key) ?? NULL_TARGET;
      },
      true,
    );
  }
}

export class TableCollection extends TableListBase {
  constructor(
    context: RequestContext,
    parent: ClientObject,
    private readonly sheetScoped: boolean,
  ) {
    super(context, parent, "Tables", [], (t) => t);
  }
  protected list(target: unknown): readonly TableModel[] {
    return this.sheetScoped ? book(this.context).tables.filter((t) => t.sheet === target) : book(this.context).tables;
  }
  getItem(name: string): Table {
    return new Table(
      this.context,
      this,
      "GetItem",
      [name],
      (t) => this.list(t).find((x) => x.name.toLowerCase() === name.toLowerCase() || x.id === name) ?? thrown(itemNotFound(`table ${name}`)),
    );
  }
  getItemOrNullObject(name: string): Table {
    return new Table(
      this.context,
      this,
      "GetItemOrNullObject",
      [name],
      (t) => this.list(t).find((x) => x.name.toLowerCase() === name.toLowerCase() || x.id === name) ?? NULL_TARGET,
      true,
    );
  }
  add(address: string | Range, hasHeaders: boolean): Table {
    const made = new Table(this.context, this, "Add", [address, hasHeaders], (t) => {
      let target: RangeTarget;
      if (typeof address === "string") {
        const { sheet: name, local } = splitSheet(address);
        const sheet = name !== undefined ? book(this.context).sheetNamed(name) : this.sheetScoped ? (t as SheetModel) : book(this.context).selection.sheet;
        const rect = parseRect(local);
        if (!sheet || !rect) throw invalidArgument(`bad table address ${address}`);
        target = { sheet, rect };
      } else target = address.resolve() as RangeTarget;
      if (!hasHeaders) throw new StandInError("NotImplemented", "stand-in: tables without headers");
      guardWrite(this.context, target.sheet, target.rect, "table");
      if (book(this.context).tablesOverlapping(target.sheet, target.rect, false).length > 0) throw invalidArgument("a table cannot overlap another table");
      return book(this.context).addTable(target.sheet, target.rect);
    });
    this.context.enqueue({ record: { ActionType: 1, Name: "Add", ObjectPathId: made.pathId }, objects: [made], run: () => void made.resolve() });
    return made;
  }
}

// ---------------------------------------------------------------- charts

class ChartTitle extends ClientObject {
  protected scalars(): Scalars<never> {
    return { text: { get: (c: ChartModel) => c.title, set: (c: ChartModel, v: unknown) => void (c.title = String(v)) } } as Scalars<never>;
  }
  get text(): string {
    return this.read("text");
  }
  set text(v: string) {
    this.write("text", v);
  }
}
class ChartLegend extends ClientObject {
  protected scalars(): Scalars<never> {
    return { visible: { get: () => true, set: () => undefined }, position: { get: () => "Right", set: () => undefined } } as Scalars<never>;
  }
  set visible(v: boolean) {
    this.write("visible", v);
  }
  set position(v: string) {
    this.write("position", v);
  }
}
/** A chart's category (horizontal) axis: its labels and whether they are read as text or dates. ExcelApi 1.7. */
class ChartAxis extends ClientObject {
  protected scalars(): Scalars<never> {
    return {
      categoryType: {
        get: (c: ChartModel) => c.categoryType,
        set: (c: ChartModel, v: unknown) => {
          if (!["Automatic", "TextAxis", "DateAxis"].includes(String(v))) throw invalidArgument(`category type ${String(v)}`);
          c.categoryType = String(v);
        },
      },
    } as Scalars<never>;
  }
  get categoryType(): string {
    return this.read("categoryType");
  }
  set categoryType(v: string) {
    this.write("categoryType", v);
  }
  setCategoryNames(sourceData: Range): void {
    this.call("setCategoryNames", [sourceData], (c: ChartModel) => {
      const source = sourceData.resolve() as RangeTarget;
      c.categories = sheetAddress(source.sheet.name, source.rect);
    });
  }
}
class ChartAxes extends ClientObject {
  protected scalars(): Scalars<never> {
    return {};
  }
  get categoryAxis(): ChartAxis {
    return this.child((ctx, p) => new ChartAxis(ctx, p, "CategoryAxis", [], (t) => t), "categoryAxis");
  }
}
class ChartSeries extends ClientObject {
  protected scalars(): Scalars<never> {
    return { name: { get: (s: ChartSeriesModel) => s.name } } as Scalars<never>;
  }
  get name(): string {
    return this.read("name");
  }
}
class ChartSeriesCollection extends CollectionObject<ChartSeries> {
  protected itemTargets(chart: ChartModel): readonly unknown[] {
    return chart.series;
  }
  protected makeItem(context: RequestContext, _t: unknown, index: number): ChartSeries {
    return new ChartSeries(context, this, "GetItemAt", [index], (c) => (c as ChartModel).series[index] ?? thrown(itemNotFound(`series ${index}`)));
  }
  protected override itemScalars(): Scalars<never> {
    return { name: { get: (s: ChartSeriesModel) => s.name } } as Scalars<never>;
  }
  getItemAt(index: number): ChartSeries {
    return this.makeItem(this.context, undefined, index);
  }
}

export class Chart extends ClientObject {
  protected scalars(): Scalars<never> {
    return {
      name: { get: (c: ChartModel) => c.name, set: (c: ChartModel, v: unknown) => void (c.name = String(v)) },
      chartType: { get: (c: ChartModel) => c.type },
      id: { get: (c: ChartModel) => c.id },
    } as Scalars<never>;
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.write("name", v);
  }
  get chartType(): string {
    return this.read("chartType");
  }
  get title(): ChartTitle {
    return this.child((ctx, p) => new ChartTitle(ctx, p, "Title", [], (t) => t), "title");
  }
  get legend(): ChartLegend {
    return this.child((ctx, p) => new ChartLegend(ctx, p, "Legend", [], (t) => t), "legend");
  }
  get axes(): ChartAxes {
    return this.child((ctx, p) => new ChartAxes(ctx, p, "Axes", [], (t) => t), "axes");
  }
  get series(): ChartSeriesCollection {
    return this.child((ctx, p) => new ChartSeriesCollection(ctx, p, "Series", [], (t) => t), "series");
  }
  /** Points the chart at another range: its series are made again from it. */
  setData(sourceData: Range, seriesBy?: string): void {
    this.call("setData", [sourceData, seriesBy ?? "Auto"], (c: ChartModel) => {
      const source = sourceData.resolve() as RangeTarget;
      const sheet = book(this.context).sheets.find((s) => s.charts.includes(c));
      if (sheet) guardWrite(this.context, sheet, undefined, "chart");
      c.source = sheetAddress(source.sheet.name, source.rect);
      c.seriesBy = seriesBy ?? "Auto";
      c.series = chartSeries(source.sheet, source.rect, c.seriesBy);
    });
  }
  setPosition(start: string | Range, end?: string | Range): void {
    const text = (r: string | Range | undefined): string | undefined =>
      r === undefined ? undefined : typeof r === "string" ? r : rectAddress((r.resolve() as RangeTarget).rect);
    this.call("setPosition", [start, end], (c: ChartModel) => {
      const startText = text(start) ?? "";
      const endText = text(end);
      c.position = endText === undefined ? { start: startText } : { start: startText, end: endText };
    });
  }
  delete(): void {
    this.call("delete", [], (c: ChartModel) => {
      for (const sheet of book(this.context).sheets) {
        const i = sheet.charts.indexOf(c);
        if (i >= 0) sheet.charts.splice(i, 1);
      }
    });
  }
}
export class ChartCollection extends CollectionObject<Chart> {
  protected itemTargets(sheet: SheetModel): readonly unknown[] {
    return sheet.charts;
  }
  protected makeItem(context: RequestContext, _t: unknown, index: number): Chart {
    return new Chart(context, this, "GetItemAt", [index], (s) => (s as SheetModel).charts[index]);
  }
  protected override itemScalars(): Scalars<never> {
    return { name: { get: (c: ChartModel) => c.name }, chartType: { get: (c: ChartModel) => c.type } } as Scalars<never>;
  }
  /** The chart of that name (Excel matches chart names without regard to case). */
  getItem(name: string): Chart {
    return new Chart(this.context, this, "GetItem", [name], (s) => chartNamed(s as SheetModel, name) ?? thrown(itemNotFound(`chart ${name}`)));
  }
  getItemOrNullObject(name: string): Chart {
    return new Chart(this.context, this, "GetItemOrNullObject", [name], (s) => chartNamed(s as SheetModel, name) ?? NULL_TARGET, true);
  }
  add(type: string, sourceData: Range, seriesBy?: string): Chart {
    const made = new Chart(this.context, this, "Add", [type, sourceData, seriesBy ?? "Auto"], (s) => {
      const sheet = s as SheetModel;
      const source = sourceData.resolve() as RangeTarget;
      guardWrite(this.context, sheet, undefined, "chart");
      const chart: ChartModel = {
        id: book(this.context).newId("chart"),
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        source: sheetAddress(source.sheet.name, source.rect),
        seriesBy: seriesBy ?? "Auto",
        series: chartSeries(source.sheet, source.rect, seriesBy ?? "Auto"),
        categoryType: "Automatic",
        title: "",
      };
      sheet.charts.push(chart);
      return chart;
    });
    this.context.enqueue({ record: { ActionType: 1, Name: "Add", ObjectPathId: made.pathId }, objects: [made, sourceData], run: () => void made.resolve() });
    return made;
  }
}

function chartNamed(sheet: SheetModel, name: string): ChartModel | undefined {
  return sheet.charts.find((c) => c.name.toLowerCase() === name.toLowerCase());
}

// ---------------------------------------------------------------- worksheets

class EventHandlers extends ClientObject {
  constructor(
    context: RequestContext,
    parent: ClientObject,
    private readonly source: (target: unknown) => EventSource,
  ) {
    super(context, parent, "Event", [], (t) => t);
  }
  protected scalars(): Scalars<never> {
    return {};
  }
  add(handler: Handler): { remove(): void; readonly context: RequestContext } {
    let registered: EventSource | undefined;
    this.context.registerEvent(this, "AddHandler", () => {
      registered = this.source(this.live<unknown>());
      host(this.context).addHandler(registered, handler);
    });
    const context = this.context;
    return {
      context,
      remove: () =>
        context.registerEvent(this, "RemoveHandler", () => {
          if (registered) host(context).removeHandler(registered, handler);
        }),
    };
  }
}

class WorksheetProtection extends ClientObject {
  protected scalars(): Scalars<never> {
    return { protected: { get: (s: SheetModel) => s.protected } } as Scalars<never>;
  }
  get protected(): boolean {
    return this.read("protected");
  }
  protect(): void {
    this.call("protect", [], (s: SheetModel) => void (s.protected = true));
  }
  unprotect(): void {
    this.call("unprotect", [], (s: SheetModel) => void (s.protected = false));
  }
}

class FreezePanes extends ClientObject {
  protected scalars(): Scalars<never> {
    return {};
  }
  freezeRows(count = 1): void {
    this.call("freezeRows", [count], (s: SheetModel) => {
      guardWrite(this.context, s, undefined, "freeze");
      s.frozenRows = count;
    });
  }
  unfreeze(): void {
    this.call("unfreeze", [], (s: SheetModel) => void (s.frozenRows = 0));
  }
}

const sheetScalars: Scalars<SheetModel> = {
  name: {
    get: (s) => s.name,
    set: (s, v, ctx) => {
      const name = String(v);
      if (book(ctx).sheets.some((o) => o !== s && o.name.toLowerCase() === name.toLowerCase()))
        throw new StandInError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
      s.name = name;
    },
  },
  id: { get: (s) => s.id },
  position: { get: (s, ctx) => book(ctx).sheets.indexOf(s) },
  visibility: { get: (s) => (s.visible ? "Visible" : "Hidden") },
};

export class Worksheet extends ClientObject {
  protected scalars(): Scalars<never> {
    return sheetScalars as Scalars<never>;
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.write("name", v);
  }
  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  get protection(): WorksheetProtection {
    return this.child((ctx, p) => new WorksheetProtection(ctx, p, "Protection", [], (t) => t), "protection");
  }
  get freezePanes(): FreezePanes {
    return this.child((ctx, p) => new FreezePanes(ctx, p, "FreezePanes", [], (t) => t), "freezePanes");
  }
  get tables(): TableCollection {
    return this.child((ctx, p) => new TableCollection(ctx, p, true), "tables");
  }
  get charts(): ChartCollection {
    return this.child((ctx, p) => new ChartCollection(ctx, p, "Charts", [], (t) => t), "charts");
  }
  get onSelectionChanged(): EventHandlers {
    return this.child((ctx, p) => new EventHandlers(ctx, p, (s) => `sheet.selectionChanged:${(s as SheetModel).id}`), "onSelectionChanged");
  }
  get onChanged(): EventHandlers {
    return this.child((ctx, p) => new EventHandlers(ctx, p, (s) => `sheet.changed:${(s as SheetModel).id}`), "onChanged");
  }
  getRange(address?: string): Range {
    return new Range(this.context, this, "GetRange", [address ?? ""], (s) => {
      const sheet = s as SheetModel;
      if (address === undefined || address === "") return { sheet, rect: { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS } };
      const { sheet: name, local } = splitSheet(address);
      if (name !== undefined && name.toLowerCase() !== sheet.name.toLowerCase()) throw invalidArgument(`address ${address} names another sheet`);
      const rect = parseRect(local);
      if (!rect) throw invalidArgument(`bad address ${address}`);
      return { sheet, rect };
    });
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): Range {
    return new Range(this.context, this, "GetRangeByIndexes", [row, column, rows, columns], (s) =>
      rangeOf({ sheet: s as SheetModel, rect: { row: 0, column: 0, rows: 1, columns: 1 } }, { row, column, rows, columns }, "getRangeByIndexes"),
    );
  }
  getCell(row: number, column: number): Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly?: boolean): Range {
    return new Range(this.context, this, "GetUsedRange", [valuesOnly ?? false], (s) => {
      const sheet = s as SheetModel;
      return { sheet, rect: sheet.usedRect() ?? { row: 0, column: 0, rows: 1, columns: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return new Range(
      this.context,
      this,
      "GetUsedRangeOrNullObject",
      [valuesOnly ?? false],
      (s) => {
        const sheet = s as SheetModel;
        const rect = sheet.usedRect();
        return rect ? { sheet, rect } : NULL_TARGET;
      },
      true,
    );
  }
  activate(): void {
    this.call("activate", [], (s: SheetModel) => {
      const b = book(this.context);
      if (b.selection.sheet !== s) b.selection = { sheet: s, rect: { row: 0, column: 0, rows: 1, columns: 1 } };
    });
  }
  delete(): void {
    this.call("delete", [], (s: SheetModel) => {
      const b = book(this.context);
      if (b.sheets.length === 1) throw new StandInError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      b.sheets.splice(b.sheets.indexOf(s), 1);
      for (let i = b.tables.length - 1; i >= 0; i -= 1) if (b.tables[i]?.sheet === s) b.tables.splice(i, 1);
      if (b.selection.sheet === s) b.selection = { sheet: b.sheets[0] as SheetModel, rect: { row: 0, column: 0, rows: 1, columns: 1 } };
    });
  }
}

export class WorksheetCollection extends CollectionObject<Worksheet> {
  protected itemTargets(target: WorkbookModel): readonly unknown[] {
    return target.sheets;
  }
  protected makeItem(context: RequestContext, target: unknown): Worksheet {
    const id = (target as SheetModel).id;
    return new Worksheet(context, this, "GetItem", [id], (b) => (b as WorkbookModel).sheetById(id) ?? thrown(itemNotFound(`sheet ${id}`)));
  }
  protected override itemScalars(): Scalars<never> {
    return sheetScalars as Scalars<never>;
  }
  getItem(key: string): Worksheet {
    return new Worksheet(
      this.context,
      this,
      "GetItem",
      [key],
      (b) => (b as WorkbookModel).sheetNamed(key) ?? (b as WorkbookModel).sheetById(key) ?? thrown(itemNotFound(`sheet ${key}`)),
    );
  }
  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(
      this.context,
      this,
      "GetItemOrNullObject",
      [key],
      (b) => (b as WorkbookModel).sheetNamed(key) ?? (b as WorkbookModel).sheetById(key) ?? NULL_TARGET,
      true,
    );
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, this, "GetActiveWorksheet", [], (b) => (b as WorkbookModel).selection.sheet);
  }
  add(name?: string): Worksheet {
    const made = new Worksheet(this.context, this, "Add", [name ?? null], (b) => {
      const wb = b as WorkbookModel;
      const sheetName = name ?? `Sheet${wb.sheets.length + 1}`;
      if (/[\\/?*[\]:]/u.test(sheetName) || sheetName.length > 31 || sheetName.trim() === "") throw invalidArgument(`"${sheetName}" is not a valid sheet name`);
      if (wb.sheetNamed(sheetName)) throw new StandInError("ItemAlreadyExists", `A sheet named ${sheetName} already exists.`);
      return wb.addSheet(sheetName);
    });
    this.context.enqueue({ record: { ActionType: 1, Name: "Add", ObjectPathId: made.pathId }, objects: [made], run: () => void made.resolve() });
    return made;
  }
  get onSelectionChanged(): EventHandlers {
    return this.child((ctx, p) => new EventHandlers(ctx, p, () => "worksheets.selectionChanged"), "onSelectionChanged");
  }
  get onChanged(): EventHandlers {
    return this.child((ctx, p) => new EventHandlers(ctx, p, () => "worksheets.changed"), "onChanged");
  }
}

// ---------------------------------------------------------------- settings, application, workbook

class Setting extends ClientObject {
  protected scalars(): Scalars<never> {
    return settingScalars as Scalars<never>;
  }
  get key(): string {
    return this.read("key");
  }
  get value(): unknown {
    return this.read("value");
  }
  set value(v: unknown) {
    this.write("value", v);
  }
  delete(): void {
    this.call("delete", [], (k: string) => void book(this.context).settings.delete(k));
  }
}
const settingScalars: Scalars<string> = {
  key: { get: (k) => k },
  value: {
    get: (k, ctx) => {
      const v = book(ctx).settings.get(k);
      return v === undefined ? null : JSON.parse(JSON.stringify(v));
    },
    set: (k, v, ctx) => void book(ctx).settings.set(k, JSON.parse(JSON.stringify(v ?? null))),
  },
};

class SettingCollection extends CollectionObject<Setting> {
  protected itemTargets(b: WorkbookModel): readonly unknown[] {
    return [...b.settings.keys()];
  }
  protected makeItem(context: RequestContext, target: unknown): Setting {
    return new Setting(context, this, "GetItem", [target], () => target);
  }
  protected override itemScalars(): Scalars<never> {
    return settingScalars as Scalars<never>;
  }
  getItem(key: string): Setting {
    return new Setting(this.context, this, "GetItem", [key], (b) => ((b as WorkbookModel).settings.has(key) ? key : thrown(itemNotFound(`setting ${key}`))));
  }
  getItemOrNullObject(key: string): Setting {
    return new Setting(this.context, this, "GetItemOrNullObject", [key], (b) => ((b as WorkbookModel).settings.has(key) ? key : NULL_TARGET), true);
  }
  add(key: string, value: unknown): Setting {
    const made = new Setting(this.context, this, "Add", [key, value], (b) => {
      if (typeof key !== "string" || key.length === 0 || key.length > 255) throw invalidArgument("a setting key is 1 to 255 characters");
      (b as WorkbookModel).settings.set(key, JSON.parse(JSON.stringify(value ?? null)));
      return key;
    });
    this.context.enqueue({
      record: { ActionType: 1, Name: "Add", ObjectPathId: made.pathId, ArgumentInfo: { Arguments: [key, value] } },
      objects: [made],
      run: () => void made.resolve(),
    });
    return made;
  }
}

class Application extends ClientObject {
  protected scalars(): Scalars<never> {
    return { calculationMode: { get: (_t: unknown, ctx: RequestContext) => book(ctx).calculationMode } } as Scalars<never>;
  }
  get calculationMode(): string {
    return this.read("calculationMode");
  }
  /** Recalculates (the stand-in recalculates every formula whatever the type: the values are the same). */
  calculate(calculationType: string): void {
    this.call("calculate", [calculationType], () => {
      if (!["Recalculate", "Full", "FullRebuild"].includes(calculationType)) throw invalidArgument(`calculation type ${calculationType}`);
      book(this.context).calculate(calculationType);
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    this.call("suspendApiCalculationUntilNextSync", [], () => void (this.context.suspension.calculation = true));
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.call("suspendScreenUpdatingUntilNextSync", [], () => void (this.context.suspension.screen = true));
  }
}

export class Workbook extends ClientObject {
  protected scalars(): Scalars<never> {
    return { name: { get: () => "Book1.xlsx" } } as Scalars<never>;
  }
  get name(): string {
    return this.read("name");
  }
  get worksheets(): WorksheetCollection {
    return this.child((ctx, p) => new WorksheetCollection(ctx, p, "Worksheets", [], (t) => t), "worksheets");
  }
  get tables(): TableCollection {
    return this.child((ctx, p) => new TableCollection(ctx, p, false), "tables");
  }
  get settings(): SettingCollection {
    return this.child((ctx, p) => new SettingCollection(ctx, p, "Settings", [], (t) => t), "settings");
  }
  get application(): Application {
    return this.child((ctx, p) => new Application(ctx, p, "Application", [], (t) => t), "application");
  }
  get onSelectionChanged(): EventHandlers {
    return this.child((ctx, p) => new EventHandlers(ctx, p, () => "workbook.selectionChanged"), "onSelectionChanged");
  }
  getSelectedRange(): Range {
    return new Range(this.context, this, "GetSelectedRange", [], (b) => ({ ...(b as WorkbookModel).selection }));
  }
  getActiveCell(): Range {
    return new Range(this.context, this, "GetActiveCell", [], (b) => {
      const { sheet, rect } = (b as WorkbookModel).selection;
      return { sheet, rect: { row: rect.row, column: rect.column, rows: 1, columns: 1 } };
    });
  }
}

export function makeWorkbook(context: RequestContext): Workbook {
  return new Workbook(context, undefined, "Workbook", [], () => context.host.book);
}

export { ClientResult, raiseSelection };
