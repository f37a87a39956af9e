import { CRITERIA, choiceTarget, choicesFrom, fail, headerKey, ok, type Result } from "../core";
import { valueIssue, type ArgumentIssue } from "./errors";
import { asMatrix, shownText } from "./excel-values";
import { choicesKey, NO_KEYED_CHOICES, type KeyedChoices } from "./mapping-cache";

/*
 * The optional `mapping` argument: a two-column range of header / criterion
 * pairs, the same choices the command line takes as --map "Header=criterion"
 * and the task pane keeps in the workbook (core ColumnChoices).
 */

export const ACCEPTED_NAMES = `${CRITERIA.join(", ")} (or a criterion's name, such as Piece price), or none to leave a column unread`;

/** A first row that only labels the two columns (`Header | Criterion`) is skipped. */
const TITLE_HEADERS: ReadonlySet<string> = new Set(["header", "headers", "column", "column header"]);
const TITLE_TARGETS: ReadonlySet<string> = new Set(["criterion", "criteria", "read as"]);

const memo = new Map<string, Result<KeyedChoices, ArgumentIssue>>();
const MEMO_LIMIT = 64;

const isOmitted = (value: unknown): boolean => value === null || value === undefined;

function quoted(text: string): string {
  return `"${text.length > 40 ? `${text.slice(0, 37)}...` : text}"`;
}

function parse(texts: readonly (readonly string[])[]): Result<KeyedChoices, ArgumentIssue> {
  const width = texts[0]?.length ?? 0;
  if (width !== 2) {
    return fail(
      valueIssue(
        `mapping must be two columns, each row a header and the criterion to read it as (got ${width} column${width === 1 ? "" : "s"}), e.g. "Dwg Status" | design.`,
      ),
    );
  }
  const pairs: (readonly [string, string])[] = [];
  let first = true;
  for (const [i, [header = "", name = ""]] of texts.entries()) {
    if (header === "" && name === "") continue;
    if (first && TITLE_HEADERS.has(headerKey(header)) && TITLE_TARGETS.has(headerKey(name))) {
      first = false;
      continue;
    }
    first = false;
    const where = `mapping row ${i + 1} (${quoted(header)}, ${quoted(name)})`;
    if (header === "") return fail(valueIssue(`${where} names a criterion but no header: put the column's header text in the first column.`));
    if (name === "") return fail(valueIssue(`${where} has no criterion: use ${ACCEPTED_NAMES}.`));
    if (choiceTarget(name) === undefined) return fail(valueIssue(`${where}: ${quoted(name)} is not a criterion: use ${ACCEPTED_NAMES}.`));
    const one = choicesFrom([[header, name]]);
    if (!one.ok) return fail(valueIssue(`${where}: ${one.issue.message}.`));
    pairs.push([header, name]);
  }
  if (pairs.length === 0) return ok(NO_KEYED_CHOICES);
  const all = choicesFrom(pairs);
  if (!all.ok) return fail(valueIssue(`mapping: ${all.issue.message}.`));
  return ok({ choices: all.value, key: choicesKey(all.value) });
}

/**
 * Reads the mapping argument. Omitted, blank cells or blank rows mean no
 * choices; anything else must be header / criterion pairs.
 */
export function readMapping(raw: unknown): Result<KeyedChoices, ArgumentIssue> {
  if (isOmitted(raw)) return ok(NO_KEYED_CHOICES);
  const texts = asMatrix(raw).map((row) => row.map(shownText));
  if (texts.every((row) => row.every((t) => t === ""))) return ok(NO_KEYED_CHOICES);
  const key = texts.map((row) => row.join("\u001f")).join("\u001e");
  const known = memo.get(key);
  if (known !== undefined) return known;
  const read = parse(texts);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, read);
  return read;
}
