/** How the pane reaches Excel: `Excel.run` in Excel, the stand-in in tests and the bench. */
export type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export const excelRun: Run = (batch) => Excel.run(batch);

/** The error code office.js puts on a failed request, if any. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** A sentence for the user about a failed request. */
export function describeExcelError(error: unknown, doing: string): string {
  switch (errorCode(error)) {
    case "AccessDenied":
      return `Excel refused to change the sheet while ${doing}: it is protected. Unprotect it (Review > Unprotect Sheet) and try again.`;
    case "InvalidOperationInCellEditMode":
      return `Excel is editing a cell. Press Enter or Esc in the sheet, then try ${doing} again.`;
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
    case "RangeExceedsLimit":
      return `Excel refused a request as too large (more data or cells than it takes at once) while ${doing}.`;
    case "ItemNotFound":
      return `Something the pane was working on is gone (a sheet or table was deleted or renamed) while ${doing}. Try again.`;
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return `Excel reported a problem while ${doing}: ${message}`;
    }
  }
}
