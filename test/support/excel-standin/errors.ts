/* Errors shaped like office.js's: name "RichApi.Error", a `code` string, `debugInfo`. */

export class StandInError extends Error {
  readonly code: string;
  readonly debugInfo: { readonly code: string; readonly message: string; readonly errorLocation?: string };
  readonly traceMessages: readonly string[] = [];

  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, ...(location === undefined ? {} : { errorLocation: location }) };
  }
}

export const propertyNotLoaded = (name: string): StandInError =>
  new StandInError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

export const itemNotFound = (what: string, location?: string): StandInError =>
  new StandInError("ItemNotFound", `The requested resource doesn't exist. (${what})`, location);

export const invalidArgument = (what: string, location?: string): StandInError =>
  new StandInError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${what})`, location);

export const accessDenied = (location?: string): StandInError =>
  new StandInError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.", location);
