/* The in-memory workbook behind the stand-in: cells, formats, tables, settings, selection, formulas and their spills. */
import { MAX_COLUMNS, MAX_ROWS, contains, intersect, parseRect, sheetAddress, splitSheet, type Rect } from "./address";
import { evaluate, type Matrix } from "./formula";

/** What a cell holds as Excel's `values` reports it; "" is an empty cell. */
export type Scalar = string | number | boolean;

export interface CellFormat {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  /** Excel's number format code; "General" when absent, "@" is Text. */
  numberFormat?: string;
}

/** Excel's calculation modes (Application.calculationMode). */
export type CalculationMode = "Automatic" | "AutomaticExceptTables" | "Manual";

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

/** A chart's series: its name (the header cell's text, or "SeriesN") and the address of its values. */
export interface ChartSeriesModel {
  readonly name: string;
  readonly values: string;
}

export interface ChartModel {
  readonly id: string;
  name: string;
  readonly type: string;
  /** The source range, as charts.add or setData gave it. */
  source: string;
  seriesBy: string;
  /** The series Excel makes of the source (see chartSeries). */
  series: ChartSeriesModel[];
  /** The category axis's labels (setCategoryNames), or undefined for 1, 2, 3... */
  categories?: string;
  /** "Automatic", "TextAxis" or "DateAxis". */
  categoryType: string;
  title: string;
  position?: { start: string; end?: string };
}

/**
 * The series Excel makes of a source range: one per column ("Columns"; "Auto"
 * when the range has at least as many rows as columns) or per row. When the
 * first row (by columns) or column (by rows) holds only text, it names the
 * series and the values start after it; else the series are "Series1"...
 */
export function chartSeries(sheet: SheetModel, rect: Rect, seriesBy: string): ChartSeriesModel[] {
  const byColumns = seriesBy === "Columns" || (seriesBy !== "Rows" && rect.rows >= rect.columns);
  const count = byColumns ? rect.columns : rect.rows;
  const length = byColumns ? rect.rows : rect.columns;
  const at = (k: number, i: number): Scalar => (byColumns ? sheet.get(rect.row + i, rect.column + k) : sheet.get(rect.row + k, rect.column + i));
  const named = length > 1 && Array.from({ length: count }, (_, k) => at(k, 0)).every((v) => typeof v === "string" && v !== "");
  return Array.from({ length: count }, (_, k) => {
    const first = named ? 1 : 0;
    const values: Rect = byColumns
      ? { row: rect.row + first, column: rect.column + k, rows: rect.rows - first, columns: 1 }
      : { row: rect.row + k, column: rect.column + first, rows: 1, columns: rect.columns - first };
    return { name: named ? String(at(k, 0)) : `Series${k + 1}`, values: sheetAddress(sheet.name, values) };
  });
}

export interface TableModel {
  readonly id: string;
  name: string;
  sheet: SheetModel;
  /** The whole table: the header row, the data rows and, with showTotals, the totals row (as Table.getRange gives it). */
  rect: Rect;
  showHeaders: boolean;
  /** The table's last row is its totals row. */
  showTotals: boolean;
}

const key = (row: number, column: number): string => `${row},${column}`;

export class SheetModel {
  readonly id: string;
  name: string;
  /** Rows of cells; a missing row or cell is empty. */
  readonly cells: (Scalar | undefined)[][] = [];
  readonly formulas = new Map<string, string>();
  /** Each formula's result at the last calculation: a value, or an array that spills from the formula's cell. */
  readonly results = new Map<string, Scalar | Matrix>();
  /** Cells filled by a spilling array: their value; they hold no formula or value of their own. */
  readonly spilled = new Map<string, Scalar>();
  /** A spilled cell's anchor (the cell whose formula spills). */
  readonly spillAnchor = new Map<string, string>();
  /** An anchor's spill range, when it spills (not blocked). */
  readonly spillRanges = new Map<string, Rect>();
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

  /** The cell's value as `range.values` reports it: a constant, a formula's result, a spilled value, or "" for an empty cell. */
  get(row: number, column: number): Scalar {
    const v = this.cells[row]?.[column];
    if (v !== undefined) return v;
    if (this.formulas.size === 0 && this.spilled.size === 0) return "";
    const k = key(row, column);
    if (this.formulas.has(k)) return this.formulaValue(k);
    return this.spilled.get(k) ?? "";
  }

  /** A formula's value: its result; an array shows its first value when it spills and #SPILL! when something blocks it. */
  private formulaValue(k: string): Scalar {
    const result = this.results.get(k);
    if (result === undefined) return "";
    if (!Array.isArray(result)) return result;
    if (result.length === 1 && result[0]?.length === 1) return result[0][0] ?? "";
    return this.spillRanges.has(k) ? (result[0]?.[0] ?? "") : "#SPILL!";
  }

  formula(row: number, column: number): string | undefined {
    return this.formulas.size === 0 ? undefined : this.formulas.get(key(row, column));
  }

  /** Filled by another cell's spilling formula: a value but no formula of its own. */
  isSpilled(row: number, column: number): boolean {
    return this.spilled.size > 0 && this.spilled.has(key(row, column));
  }

  /** The anchor cell whose formula spills into this cell. */
  spillParent(row: number, column: number): { row: number; column: number } | undefined {
    const anchor = this.spillAnchor.get(key(row, column));
    if (anchor === undefined) return undefined;
    const [r = 0, c = 0] = anchor.split(",").map(Number);
    return { row: r, column: c };
  }

  /** The range an anchor's formula spills into (the anchor included). */
  spillRange(row: number, column: number): Rect | undefined {
    return this.spillRanges.get(key(row, column));
  }

  /** A value or formula of the cell's own (a spilled value is not). */
  hasOwnContent(row: number, column: number): boolean {
    const v = this.cells[row]?.[column];
    return (v !== undefined && v !== "") || (this.formulas.size > 0 && this.formulas.has(key(row, column)));
  }

  isEmpty(row: number, column: number): boolean {
    return !this.hasOwnContent(row, column) && !this.isSpilled(row, column);
  }

  set(row: number, column: number, value: Scalar | null | undefined): void {
    if (this.formulas.size > 0) {
      this.formulas.delete(key(row, column));
      this.results.delete(key(row, column));
    }
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
    return this.formats.size === 0 ? undefined : this.formats.get(key(row, column));
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
    for (const k of [...this.formulas.keys(), ...this.spilled.keys()]) {
      const [r = 0, c = 0] = k.split(",").map(Number);
      take(r, c);
    }
    return top < 0 ? undefined : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /**
   * Lays out the arrays that formulas return: each spills over the cells below
   * and right of its formula when none of them holds anything of its own (nor
   * another spill); otherwise the formula shows #SPILL! and fills nothing.
   * Returns whether any spilled cell changed.
   */
  layoutSpills(): boolean {
    const spilled = new Map<string, Scalar>();
    const anchors = new Map<string, string>();
    const ranges = new Map<string, Rect>();
    for (const [k, result] of this.results) {
      if (!Array.isArray(result) || (result.length === 1 && result[0]?.length === 1)) continue;
      const [row = 0, column = 0] = k.split(",").map(Number);
      const rows = result.length;
      const columns = Math.max(0, ...result.map((line) => line.length));
      if (row + rows > MAX_ROWS || column + columns > MAX_COLUMNS) continue;
      let blocked = false;
      for (let r = 0; r < rows && !blocked; r += 1) {
        for (let c = 0; c < columns && !blocked; c += 1) {
          if (r === 0 && c === 0) continue;
          const child = key(row + r, column + c);
          if (this.hasOwnContent(row + r, column + c) || anchors.has(child) || ranges.has(child)) blocked = true;
        }
      }
      if (blocked) continue;
      ranges.set(k, { row, column, rows, columns });
      result.forEach((line, r) =>
        line.forEach((v, c) => {
          if (r === 0 && c === 0) return;
          const child = key(row + r, column + c);
          spilled.set(child, v);
          anchors.set(child, k);
        }),
      );
    }
    const changed = spilled.size !== this.spilled.size || [...spilled].some(([k, v]) => this.spilled.get(k) !== v) || ranges.size !== this.spillRanges.size;
    for (const [target, source] of [
      [this.spilled, spilled],
      [this.spillAnchor, anchors],
      [this.spillRanges, ranges],
    ] as const) {
      (target as Map<string, unknown>).clear();
      for (const [k, v] of source as Map<string, unknown>) (target as Map<string, unknown>).set(k, v);
    }
    return changed;
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
  /** The whole table: header row, data rows and, with `totals`, the totals row. */
  readonly address: string;
  /** The table's last row is a totals row (Table.showTotals). */
  readonly totals?: boolean;
}

export interface WorkbookSeed {
  readonly sheets: readonly SheetSeed[];
  readonly tables?: readonly TableSeed[];
  /** "Sheet1!B3"; defaults to A1 of the first sheet. */
  readonly selection?: string;
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Application.calculationMode; Automatic by default. */
  readonly calculationMode?: CalculationMode;
  /**
   * AutoCorrect's "Include new rows and columns in table" (AutoExpansion):
   * a value written into the column just right of a table grows the table to
   * take it in. On by default in Excel; off by default here, so that a test
   * says when it wants it.
   */
  readonly autoExpansion?: boolean;
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly settings = new Map<string, unknown>();
  selection: { sheet: SheetModel; rect: Rect };
  calculationMode: CalculationMode;
  /** Tables grow to take in values written just right of them (WorkbookSeed.autoExpansion). */
  autoExpansion: boolean;
  /** Cells were written since the last calculation, so formulas may be stale. */
  needsCalculation = false;
  /** Calculations run, for tests: "auto" after a write Excel recalculates by itself, or the type asked for. */
  readonly calculations: string[] = [];
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
    for (const t of seed.tables ?? [])
      this.addTable(
        this.sheetNamed(t.sheet) ?? this.fail(`no sheet ${t.sheet}`),
        parseRect(t.address) ?? this.fail(`bad address ${t.address}`),
        t.name,
        t.totals ?? false,
      );
    for (const [k, v] of Object.entries(seed.settings ?? {})) this.settings.set(k, v);
    const first = this.sheets[0] as SheetModel;
    this.selection = { sheet: first, rect: { row: 0, column: 0, rows: 1, columns: 1 } };
    if (seed.selection) this.select(seed.selection);
    this.calculationMode = seed.calculationMode ?? "Automatic";
    this.autoExpansion = seed.autoExpansion ?? false;
    this.calculate("seed");
    this.calculations.length = 0;
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

  addTable(sheet: SheetModel, rect: Rect, name?: string, totals = false): TableModel {
    const table: TableModel = { id: this.newId("table"), name: name ?? `Table${this.tables.length + 1}`, sheet, rect, showHeaders: true, showTotals: totals };
    this.tables.push(table);
    return table;
  }

  tablesOverlapping(sheet: SheetModel, rect: Rect, fullyContained: boolean): TableModel[] {
    return this.tables.filter((t) => t.sheet === sheet && (fullyContained ? contains(rect, t.rect) : intersect(t.rect, rect) !== undefined));
  }

  /**
   * AutoExpansion after values were written to `rect`: a table whose next
   * column to the right received a non-empty value in one of the table's rows
   * grows to the right over the written columns that hold a value in those
   * rows, up to the first that holds none (Excel grows a table by what was
   * entered next to it, as when a block is pasted there; how it treats an
   * empty column inside a pasted block is not modelled). A new column's empty header cell is
   * named ColumnN, as Excel names it. Rows below a table are not modelled:
   * the pane never writes under a list. Off unless `autoExpansion` is set.
   */
  expandTables(sheet: SheetModel, rect: Rect): void {
    if (!this.autoExpansion) return;
    for (const table of this.tables) {
      if (table.sheet !== sheet) continue;
      const next = table.rect.column + table.rect.columns;
      if (rect.column > next || rect.column + rect.columns <= next) continue;
      const top = Math.max(rect.row, table.rect.row);
      const bottom = Math.min(rect.row + rect.rows, table.rect.row + table.rect.rows);
      if (top >= bottom) continue;
      const filled = (column: number): boolean => {
        for (let r = top; r < bottom; r += 1) if (!sheet.isEmpty(r, column)) return true;
        return false;
      };
      let end = next;
      while (
        end < rect.column + rect.columns &&
        filled(end) &&
        this.tablesOverlapping(sheet, { row: table.rect.row, column: end, rows: table.rect.rows, columns: 1 }, false).length === 0
      )
        end += 1;
      if (end === next) continue;
      if (table.showHeaders) {
        for (let c = next; c < end; c += 1) if (sheet.isEmpty(table.rect.row, c)) sheet.set(table.rect.row, c, `Column${c - table.rect.column + 1}`);
      }
      table.rect = { ...table.rect, columns: end - table.rect.column };
    }
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

  /** Cells of a sheet were written: spills are laid out again at once, formulas wait for a calculation. */
  afterWrite(sheet: SheetModel): void {
    this.needsCalculation = true;
    sheet.layoutSpills();
  }

  /** Excel's automatic recalculation after a request that did not suspend it; none in Manual mode. */
  autoCalculate(): void {
    if (this.calculationMode !== "Manual" && this.needsCalculation) this.calculate("auto");
  }

  /**
   * Calculates every formula (the stand-in has no dependency tree, and
   * recalculating what did not change gives the same values), then lays out
   * the spills; again when a spill changed what a formula reads.
   */
  calculate(kind: string): void {
    this.calculations.push(kind);
    this.needsCalculation = false;
    if (this.sheets.every((s) => s.formulas.size === 0)) return;
    for (let pass = 0; pass < 3; pass += 1) {
      const done = new Map<SheetModel, Set<string>>();
      const busy = new Set<string>();
      const compute = (sheet: SheetModel, k: string): void => {
        let seen = done.get(sheet);
        if (!seen) {
          seen = new Set();
          done.set(sheet, seen);
        }
        if (seen.has(k)) return;
        const id = `${sheet.id}:${k}`;
        if (busy.has(id)) return;
        busy.add(id);
        const formula = sheet.formulas.get(k) ?? "";
        const result = evaluate(formula, {
          value: (name, row, column) => {
            const target = name === undefined ? sheet : this.sheetNamed(name);
            if (!target) return "#REF!";
            const fk = `${row},${column}`;
            if (target.formulas.has(fk)) compute(target, fk);
            return target.get(row, column);
          },
          bounded: (name, rect) => {
            const target = name === undefined ? sheet : this.sheetNamed(name);
            const used = target?.usedRect();
            return used && intersect(used, rect);
          },
        });
        sheet.results.set(k, result);
        busy.delete(id);
        seen.add(k);
      };
      for (const sheet of this.sheets) for (const k of [...sheet.formulas.keys()]) compute(sheet, k);
      let changed = false;
      for (const sheet of this.sheets) changed = sheet.layoutSpills() || changed;
      if (!changed) break;
    }
  }

  address(sheet: SheetModel, rect: Rect): string {
    return sheetAddress(sheet.name, rect);
  }
}
