/* The in-memory workbook behind the stand-in: cells, formats, tables, settings, selection. */
import { contains, intersect, parseRect, sheetAddress, splitSheet, type Rect } from "./address";

/** What a cell holds as Excel's `values` reports it; "" is an empty cell. */
export type Scalar = string | number | boolean;

export interface CellFormat {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface ConditionalFormatModel {
  readonly id: number;
  readonly rect: Rect;
  readonly type: string;
  rule: { operator?: string; text?: string; formula?: string };
  format: { fill?: string; fontColor?: string; bold?: boolean };
}

export interface ValidationModel {
  readonly rect: Rect;
  rule: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
}

export interface ChartModel {
  readonly id: string;
  name: string;
  readonly type: string;
  readonly source: string;
  readonly seriesBy: string;
  title: string;
  position?: { start: string; end?: string };
}

export interface TableModel {
  readonly id: string;
  name: string;
  sheet: SheetModel;
  rect: Rect;
  showHeaders: boolean;
}

const key = (row: number, column: number): string => `${row},${column}`;

export class SheetModel {
  readonly id: string;
  name: string;
  /** Rows of cells; a missing row or cell is empty. */
  readonly cells: (Scalar | undefined)[][] = [];
  readonly formulas = new Map<string, string>();
  readonly formats = new Map<string, CellFormat>();
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  readonly validations: ValidationModel[] = [];
  readonly charts: ChartModel[] = [];
  readonly columnWidths = new Map<number, number>();
  protected = false;
  frozenRows = 0;
  visible = true;

  constructor(id: string, name: string) {
    this.id = id;
    this.name = name;
  }

  get(row: number, column: number): Scalar {
    return this.cells[row]?.[column] ?? "";
  }

  formula(row: number, column: number): string | undefined {
    return this.formulas.get(key(row, column));
  }

  isEmpty(row: number, column: number): boolean {
    const v = this.cells[row]?.[column];
    return (v === undefined || v === "") && !this.formulas.has(key(row, column));
  }

  set(row: number, column: number, value: Scalar | null | undefined): void {
    this.formulas.delete(key(row, column));
    if (value === null || value === undefined || value === "") {
      const line = this.cells[row];
      if (line && column < line.length) line[column] = undefined;
      return;
    }
    if (typeof value === "string" && value.startsWith("=") && value.length > 1) {
      // The stand-in keeps formulas but does not calculate them: the cell reads as empty text.
      this.formulas.set(key(row, column), value);
      return;
    }
    let line = this.cells[row];
    if (!line) {
      line = [];
      this.cells[row] = line;
    }
    line[column] = value;
  }

  /** Text as it stands, never read as a formula (a value written with Excel's quote prefix). */
  setText(row: number, column: number, text: string): void {
    this.set(row, column, "");
    if (text === "") return;
    let line = this.cells[row];
    if (!line) {
      line = [];
      this.cells[row] = line;
    }
    line[column] = text;
  }

  format(row: number, column: number): CellFormat | undefined {
    return this.formats.get(key(row, column));
  }

  setFormat(row: number, column: number, change: CellFormat): void {
    const k = key(row, column);
    this.formats.set(k, { ...this.formats.get(k), ...change });
  }

  /** The smallest rectangle holding every non-empty cell, or undefined on an empty sheet. */
  usedRect(): Rect | undefined {
    let top = -1;
    let bottom = -1;
    let left = Number.MAX_SAFE_INTEGER;
    let right = -1;
    const take = (row: number, column: number): void => {
      if (top < 0 || row < top) top = row;
      if (row > bottom) bottom = row;
      if (column < left) left = column;
      if (column > right) right = column;
    };
    this.cells.forEach((line, row) => {
      if (!line) return;
      for (let column = 0; column < line.length; column += 1) if (!this.isEmpty(row, column)) take(row, column);
    });
    for (const k of this.formulas.keys()) {
      const [r = 0, c = 0] = k.split(",").map(Number);
      take(r, c);
    }
    return top < 0 ? undefined : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  private rowHasValue(row: number, from: number, to: number): boolean {
    if (row < 0) return false;
    for (let c = Math.max(0, from); c <= to; c += 1) if (!this.isEmpty(row, c)) return true;
    return false;
  }

  private columnHasValue(column: number, from: number, to: number): boolean {
    if (column < 0) return false;
    for (let r = Math.max(0, from); r <= to; r += 1) if (!this.isEmpty(r, column)) return true;
    return false;
  }

  /** Excel's current region: grow the top-left cell while any neighbouring cell (diagonals too) holds something. */
  region(start: Rect): Rect {
    let top = start.row;
    let left = start.column;
    let bottom = start.row;
    let right = start.column;
    let grown = true;
    while (grown) {
      grown = false;
      while (this.rowHasValue(bottom + 1, left - 1, right + 1)) {
        bottom += 1;
        grown = true;
      }
      while (top > 0 && this.rowHasValue(top - 1, left - 1, right + 1)) {
        top -= 1;
        grown = true;
      }
      while (this.columnHasValue(right + 1, top - 1, bottom + 1)) {
        right += 1;
        grown = true;
      }
      while (left > 0 && this.columnHasValue(left - 1, top - 1, bottom + 1)) {
        left -= 1;
        grown = true;
      }
    }
    return { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }
}

export interface SheetSeed {
  readonly name: string;
  /** Rows written from A1 (or from `at`). */
  readonly rows?: readonly (readonly (Scalar | null)[])[];
  readonly at?: string;
  readonly protected?: boolean;
}

export interface TableSeed {
  readonly name: string;
  readonly sheet: string;
  readonly address: string;
}

export interface WorkbookSeed {
  readonly sheets: readonly SheetSeed[];
  readonly tables?: readonly TableSeed[];
  /** "Sheet1!B3"; defaults to A1 of the first sheet. */
  readonly selection?: string;
  readonly settings?: Readonly<Record<string, unknown>>;
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly settings = new Map<string, unknown>();
  selection: { sheet: SheetModel; rect: Rect };
  private nextId = 1;

  constructor(seed: WorkbookSeed = { sheets: [{ name: "Sheet1" }] }) {
    for (const s of seed.sheets.length > 0 ? seed.sheets : [{ name: "Sheet1" }]) {
      const sheet = this.addSheet(s.name);
      sheet.protected = s.protected ?? false;
      if (s.rows) {
        const origin = parseRect(s.at ?? "A1") ?? { row: 0, column: 0, rows: 1, columns: 1 };
        s.rows.forEach((line, r) => line.forEach((v, c) => sheet.set(origin.row + r, origin.column + c, v)));
      }
    }
    for (const t of seed.tables ?? []) this.addTable(this.sheetNamed(t.sheet) ?? this.fail(`no sheet ${t.sheet}`), parseRect(t.address) ?? this.fail(`bad address ${t.address}`), t.name);
    for (const [k, v] of Object.entries(seed.settings ?? {})) this.settings.set(k, v);
    const first = this.sheets[0] as SheetModel;
    this.selection = { sheet: first, rect: { row: 0, column: 0, rows: 1, columns: 1 } };
    if (seed.selection) this.select(seed.selection);
  }

  private fail(message: string): never {
    throw new Error(`stand-in seed: ${message}`);
  }

  newId(prefix: string): string {
    const id = `{${prefix}-${String(this.nextId).padStart(4, "0")}}`;
    this.nextId += 1;
    return id;
  }

  addSheet(name: string): SheetModel {
    const sheet = new SheetModel(this.newId("sheet"), name);
    this.sheets.push(sheet);
    return sheet;
  }

  sheetNamed(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  addTable(sheet: SheetModel, rect: Rect, name?: string): TableModel {
    const table: TableModel = { id: this.newId("table"), name: name ?? `Table${this.tables.length + 1}`, sheet, rect, showHeaders: true };
    this.tables.push(table);
    return table;
  }

  tablesOverlapping(sheet: SheetModel, rect: Rect, fullyContained: boolean): TableModel[] {
    return this.tables.filter((t) => t.sheet === sheet && (fullyContained ? contains(rect, t.rect) : intersect(t.rect, rect) !== undefined));
  }

  /** Resolves "Sheet1!A1:B2" (or a local address on the active sheet). */
  resolve(address: string): { sheet: SheetModel; rect: Rect } {
    const { sheet: name, local } = splitSheet(address);
    const sheet = name === undefined ? this.selection.sheet : this.sheetNamed(name);
    const rect = parseRect(local);
    if (!sheet || !rect) throw new Error(`stand-in: no such range ${address}`);
    return { sheet, rect };
  }

  select(address: string): void {
    this.selection = this.resolve(address);
  }

  /** Values of a range as rows of plain values, "" for empty cells (what a test compares against). */
  read(address: string): Scalar[][] {
    const { sheet, rect } = this.resolve(address);
    const out: Scalar[][] = [];
    for (let r = 0; r < rect.rows; r += 1) {
      const line: Scalar[] = [];
      for (let c = 0; c < rect.columns; c += 1) line.push(sheet.get(rect.row + r, rect.column + c));
      out.push(line);
    }
    return out;
  }

  address(sheet: SheetModel, rect: Rect): string {
    return sheetAddress(sheet.name, rect);
  }
}
