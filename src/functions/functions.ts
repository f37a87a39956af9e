/* Placeholder until the custom functions land. */
/**
 * Returns the add-in's version.
 * @customfunction READINESS_VERSION
 * @returns The version of Part Readiness.
 */
export function version(): string {
  return "0.1.0";
}
