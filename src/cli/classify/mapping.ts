/**
 * The user's reading of columns: `--map "HEADER=CRITERION"` (repeatable) and
 * `--mapping FILE.json`, in the core's one mapping format (column-choices.ts).
 * A --map entry wins over the file on the same header.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { NO_CHOICES, choiceKey, choicesFrom, choicesFromJson, parseChoice, type ColumnChoices, type CriterionId, type HeaderMapping } from "../../core";
import { usageError } from "../errors";

export interface UserMapping {
  readonly choices: ColumnChoices;
  /** Each chosen header as the user wrote it, by its choice key (for messages). */
  readonly headers: ReadonlyMap<string, string>;
}

export const NO_MAPPING: UserMapping = { choices: NO_CHOICES, headers: new Map() };

const EXAMPLE = '{ "Drawing Rev Status": "design", "Vendor": "none" }';

function fileProblem(error: unknown): string {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === "ENOENT") return "does not exist";
  if (code === "EISDIR") return "is a folder, not a file";
  if (code === "EACCES" || code === "EPERM") return "cannot be read (permission denied)";
  return `cannot be read (${error instanceof Error ? error.message : String(error)})`;
}

/** Reads a --mapping file: a JSON object of header to criterion (an id, a label or "none"). */
export async function readMappingFile(file: string, shown: string): Promise<{ choices: ColumnChoices; headers: Map<string, string> }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw usageError("bad-mapping-file", `${fileProblem(error)}; --mapping takes a JSON file of header to criterion, e.g. ${EXAMPLE}`, shown);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/u, ""));
  } catch (error) {
    const detail = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    throw usageError("bad-mapping-file", `is not valid JSON (${detail.slice(0, 120)}); expected an object of header to criterion, e.g. ${EXAMPLE}`, shown);
  }
  const read = choicesFromJson(value);
  if (!read.ok) throw usageError("bad-mapping-file", read.issue.message, shown);
  const headers = new Map<string, string>();
  if (typeof value === "object" && value !== null) for (const header of Object.keys(value)) headers.set(choiceKey(header), header);
  return { choices: read.value, headers };
}

/** Reads the --map entries: each HEADER=CRITERION; a header given twice must say the same both times. */
export function readMapOptions(entries: readonly string[]): { choices: ColumnChoices; headers: Map<string, string> } {
  const pairs: (readonly [string, string])[] = [];
  const headers = new Map<string, string>();
  for (const entry of entries) {
    const parsed = parseChoice(entry);
    if (!parsed.ok) throw usageError("bad-map", parsed.issue.message, "--map");
    const [header, target] = parsed.value;
    pairs.push([header, target]);
    headers.set(choiceKey(header), header);
  }
  const choices = choicesFrom(pairs);
  if (!choices.ok) throw usageError("bad-map", choices.issue.message, "--map");
  return { choices: choices.value, headers };
}

/** The file's choices, then the --map entries over them. */
export async function userMapping(maps: readonly string[], file: string | undefined, cwd: string): Promise<UserMapping> {
  if (maps.length === 0 && file === undefined) return NO_MAPPING;
  if (file === "") throw usageError("missing-value", "--mapping needs a file name");
  const fromFile = file === undefined ? undefined : await readMappingFile(path.resolve(cwd, file), file);
  const fromMaps = readMapOptions(maps);
  const choices = new Map<string, CriterionId | "none">([...(fromFile?.choices ?? []), ...fromMaps.choices]);
  const headers = new Map([...(fromFile?.headers ?? []), ...fromMaps.headers]);
  return { choices, headers };
}

/** The chosen headers that no column of the header row carries, as the user wrote them. */
export function unmatchedChoices(user: UserMapping, mapping: HeaderMapping): string[] {
  if (user.choices.size === 0) return [];
  const present = new Set([...mapping.columns.map((c) => c.header), ...mapping.ignored.map((i) => i.header)].map(choiceKey));
  return [...user.choices.keys()].filter((key) => !present.has(key)).map((key) => user.headers.get(key) ?? key);
}
