/** A problem with a whole argument: the cell shows #VALUE! or #N/A and the message in its error flag. */
export interface ArgumentIssue {
  readonly code: "#VALUE!" | "#N/A";
  readonly message: string;
}

export const valueIssue = (message: string): ArgumentIssue => ({ code: "#VALUE!", message });
export const notAvailableIssue = (message: string): ArgumentIssue => ({ code: "#N/A", message });

/** The error a custom function throws for an issue (only #VALUE! and #N/A carry a message in Excel). */
export function toExcelError(issue: ArgumentIssue): CustomFunctions.Error {
  const code = issue.code === "#N/A" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, issue.message);
}
