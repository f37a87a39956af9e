/**
 * Writes the classified sheet: its head and tail through the part editors
 * (dimension, result column widths, frozen header, AutoFilter, print setup),
 * every row as the text it was with the result cells put in, deflated into a
 * spool file that the package writer then copies into the output.
 */
import { RESULT_HEADERS } from "../../../core";
import type { RowSink } from "../../classify/driver";
import type { TableClassifier } from "../../classify/table";
import type { HeaderChoice, RowResult, RowRole, Tally } from "../../classify/types";
import type { ResultStyles, SheetLayout } from "../parts/contract";
import { editSheetHead, editSheetTail } from "../parts/sheet-edits";
import { RESULT_WIDTHS } from "../style";
import { DeflateSpool } from "./deflate-spool";
import { headerCellsXml, partCellsXml } from "./result-cells";
import { editRow } from "./row-edit";
import type { ChosenSheet, SheetRow, SheetRowSource } from "./sheet-source";
import type { DeflatedData } from "./zip-write";

export class SheetSink implements RowSink<SheetRow> {
  private spool: DeflateSpool | undefined;
  private header: HeaderChoice | undefined;
  private layout: SheetLayout | undefined;
  data: DeflatedData | undefined;

  constructor(private readonly source: SheetRowSource, private readonly chosen: ChosenSheet, private readonly styles: ResultStyles, private readonly spoolPath: string) {}

  async begin(table: TableClassifier): Promise<void> {
    const header = table.header;
    this.header = header;
    const survey = this.chosen.survey;
    const columns = [...header.mapping.columns.map((c) => c.column), ...header.mapping.ignored.map((c) => c.column)];
    this.layout = {
      sheetName: this.chosen.sheet.name,
      headerRow: header.rowNumber,
      resultColumn: header.resultColumn,
      resultWidths: RESULT_WIDTHS,
      lastRow: Math.max(survey.lastRow, header.rowNumber),
      lastColumn: Math.max(survey.cellWidth - 1, header.resultColumn + RESULT_HEADERS.length - 1),
      firstColumn: columns.length === 0 ? 0 : Math.min(...columns),
      printSetup: !survey.pageSetup,
    };
    this.spool = new DeflateSpool(this.spoolPath, this.source.encoding);
    await this.spool.write(editSheetHead(this.source.head ?? "", this.layout));
  }

  row(row: SheetRow, role: RowRole, result: RowResult | undefined): void | Promise<void> {
    const header = this.header as HeaderChoice;
    const spool = this.spool as DeflateSpool;
    const scanned = row.scanned;
    const first = header.resultColumn;
    const width = RESULT_HEADERS.length;
    let text: string;
    if (role === "header") text = editRow(scanned, { first, width, cells: headerCellsXml(scanned.prefix, row.number, first, this.styles) });
    else if (role === "data" && result?.kind === "part") text = editRow(scanned, { first, width, cells: partCellsXml(scanned.prefix, row.number, first, result.cells, result.stage, this.styles) });
    else if (role === "data" && header.rewrite) text = editRow(scanned, { first, width, cells: "" });
    else text = scanned.raw;
    return spool.write(row.before === "" ? text : row.before + text);
  }

  async finish(_tally: Tally): Promise<void> {
    const spool = this.spool as DeflateSpool;
    const tail = this.source.tail;
    if (tail === undefined) throw new Error("the sheet's rows ended without its tail");
    await spool.write(this.source.trailing);
    await spool.write(editSheetTail(tail, this.layout as SheetLayout));
    this.data = await spool.end();
  }

  async abort(): Promise<void> {
    await this.spool?.abort();
  }
}
