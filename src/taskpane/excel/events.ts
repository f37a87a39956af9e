import type { Run } from "./run";

export interface WorkbookWatcher {
  /** The selection moved, on any sheet. */
  selectionChanged(): void;
  /** Cells changed: the sheet's id and the local address, e.g. "C5:D9". */
  changed(worksheetId: string, address: string): void;
}

/** Follows the selection and cell changes on every sheet (ExcelApi 1.9). */
export async function watchWorkbook(run: Run, watcher: WorkbookWatcher): Promise<void> {
  await run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.onSelectionChanged.add(async () => watcher.selectionChanged());
    sheets.onChanged.add(async (event) => watcher.changed(event.worksheetId, event.address));
    await context.sync();
  });
}
