import type { Run } from "./run";

export interface WorkbookWatcher {
  /** The selection moved, on any sheet. The promise settles when the pane has caught up. */
  selectionChanged(): Promise<void> | void;
  /** Cells changed: the sheet's id and the local address, e.g. "C5:D9". */
  changed(worksheetId: string, address: string): Promise<void> | void;
}

/** Follows the selection and cell changes on every sheet (ExcelApi 1.9). */
export async function watchWorkbook(run: Run, watcher: WorkbookWatcher): Promise<void> {
  await run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.onSelectionChanged.add(async () => {
      await watcher.selectionChanged();
    });
    sheets.onChanged.add(async (event) => {
      await watcher.changed(event.worksheetId, event.address);
    });
    await context.sync();
  });
}
