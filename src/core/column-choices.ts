import { CRITERIA, CRITERION_DEFS, type CriterionId } from "./criteria";
import { fail, ok, type Result } from "./result";
import { headerKey } from "./text";

/**
 * A user's reading of columns, by header: the criterion a header holds, or
 * "none" for a column that must not be read. One format for every surface:
 * `Header=criterion` pairs on the command line, a JSON object
 * `{ "Header": "criterion" }` in a mapping file, two-column ranges in the
 * functions, and the task pane's saved choices.
 */
export type ColumnChoices = ReadonlyMap<string, CriterionId | "none">;

export const NO_CHOICES: ColumnChoices = new Map();

export interface ChoiceIssue {
  readonly text: string;
  readonly message: string;
}

const NAMES: ReadonlyMap<string, CriterionId | "none"> = new Map<string, CriterionId | "none">([
  ...CRITERIA.flatMap(
    (id) =>
      [
        [headerKey(id), id],
        [headerKey(CRITERION_DEFS[id].label), id],
      ] as [string, CriterionId][],
  ),
  ["none", "none"],
  ["ignore", "none"],
  ["ignored", "none"],
  ["skip", "none"],
]);

const CHOICE_NAMES = `${CRITERIA.join(", ")} or none`;

/** The criterion (or "none") a name stands for: an id (`annual_volume`, `annual volume`) or a label (`Piece price`). */
export function choiceTarget(name: string): CriterionId | "none" | undefined {
  return NAMES.get(headerKey(name));
}

/** Key under which a header is looked up in the choices: case, punctuation and spacing do not matter. */
export const choiceKey = (header: string): string => headerKey(header);

/** One `Header=criterion` pair. The last "=" splits, so a header may itself hold "=". */
export function parseChoice(text: string): Result<readonly [string, CriterionId | "none"], ChoiceIssue> {
  const at = text.lastIndexOf("=");
  const header = at < 0 ? "" : text.slice(0, at).trim();
  const name = at < 0 ? "" : text.slice(at + 1).trim();
  if (at < 0 || header === "" || name === "") {
    return fail({ text, message: `"${text}" is not a column choice: write HEADER=CRITERION, e.g. "Drawing Rev Status=design" or "Vendor=none"` });
  }
  const target = choiceTarget(name);
  if (target === undefined) return fail({ text, message: `"${name}" in "${text}" is not a criterion: use ${CHOICE_NAMES}` });
  return ok([header, target] as const);
}

/** Builds the choices from pairs; a header given twice must say the same both times. */
export function choicesFrom(pairs: Iterable<readonly [string, string]>): Result<ColumnChoices, ChoiceIssue> {
  const out = new Map<string, CriterionId | "none">();
  for (const [header, name] of pairs) {
    const target = choiceTarget(name);
    if (target === undefined)
      return fail({ text: `${header}=${name}`, message: `"${name}" for the header "${header}" is not a criterion: use ${CHOICE_NAMES}` });
    const key = choiceKey(header);
    if (key === "") return fail({ text: `${header}=${name}`, message: `a column choice needs a header, got "${header}"` });
    const before = out.get(key);
    if (before !== undefined && before !== target) {
      return fail({ text: `${header}=${name}`, message: `the header "${header}" is given twice, as ${before} and as ${target}` });
    }
    out.set(key, target);
  }
  return ok(out);
}

/** Reads a mapping file's JSON value: an object of header -> criterion. */
export function choicesFromJson(value: unknown): Result<ColumnChoices, ChoiceIssue> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return fail({ text: "", message: 'expected a JSON object of header to criterion, e.g. { "Drawing Rev Status": "design", "Vendor": "none" }' });
  }
  const pairs: [string, string][] = [];
  for (const [header, name] of Object.entries(value as Record<string, unknown>)) {
    if (typeof name !== "string")
      return fail({ text: header, message: `the value for "${header}" must be a criterion name in quotes, got ${JSON.stringify(name)}` });
    pairs.push([header, name]);
  }
  return choicesFrom(pairs);
}

/** The choices as a plain object, for a mapping file or the workbook's settings. */
export function choicesToJson(choices: ColumnChoices, headers: Readonly<Record<string, string>> = {}): Record<string, string> {
  return Object.fromEntries([...choices].map(([key, target]) => [headers[key] ?? key, target]));
}
