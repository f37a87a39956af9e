/*
 * A stand-in for the two parts of Excel's CustomFunctions runtime that the
 * functions use: the Error class and the ErrorCode enum. Node has no
 * CustomFunctions global; importing this module installs one.
 */
export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class ExcelErrorDouble {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

(globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: ExcelErrorDouble, ErrorCode: ERROR_CODES };

/** Runs `call` and returns what it threw, failing the test when it returned or threw anything but the double. */
export function thrownExcelError(call: () => unknown): ExcelErrorDouble {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    if (error instanceof ExcelErrorDouble) return error;
    throw error;
  }
  throw new Error(`expected a CustomFunctions.Error, got the result ${JSON.stringify(result)}`);
}
