import { cellText, isErrorCell, isExcelErrorText } from "./cell";
import {
  CRITERION_DEFS,
  GENERIC_WORDS,
  GOAL_WORDS,
  LEVEL_CRITERIA,
  UNKNOWN_WORDS,
  type CriterionId,
  type Goal,
  type Level,
  type LevelCriterionId,
} from "./criteria";
import { isMoneyText, isPriceText } from "./money";
import { goalInPhrase, levelInPhrase } from "./phrase";
import { parseQuantityText, pointReadings } from "./quantity";
import { fail, ok, type Result } from "./result";
import { valueKey } from "./text";
import { formatCount } from "./thresholds";
import { waiverInPhrase } from "./waiver";

/**
 * Why a cell counts as unknown. `waived`: the cell reads as waived; it counts
 * as met only where the row has a written justification (readPart decides),
 * so a reader that does not know the row keeps it unknown.
 */
export const ISSUE_CODES = ["unrecognised", "excel-error", "not-a-number", "negative", "ambiguous-number", "rate", "unclear", "conflict", "waived"] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** A cell the core could not read; the criterion then counts as unknown. */
export interface CellIssue {
  readonly criterion: CriterionId;
  readonly code: IssueCode;
  readonly text: string;
  readonly message: string;
}

export type Read<T> = Result<T, CellIssue>;

function addWords(map: Map<string, Level>, words: readonly string[], level: Level): void {
  for (const word of words) map.set(valueKey(word), level);
}

const UNKNOWN_KEYS: ReadonlySet<string> = new Set(UNKNOWN_WORDS.map(valueKey));

function levelWords(id: LevelCriterionId): ReadonlyMap<string, Level> {
  const map = new Map<string, Level>();
  addWords(map, GENERIC_WORDS.met, "met");
  addWords(map, GENERIC_WORDS.partial, "partial");
  addWords(map, GENERIC_WORDS.notMet, "not-met");
  const own = CRITERION_DEFS[id].vocabulary;
  if (own) {
    addWords(map, own.met, "met");
    addWords(map, own.partial, "partial");
    addWords(map, own.notMet, "not-met");
  }
  return map;
}

const LEVEL_WORDS = new Map(LEVEL_CRITERIA.map((id) => [id, levelWords(id)] as const));

const GOAL_KEYS: ReadonlyMap<string, Goal> = new Map(
  (Object.entries(GOAL_WORDS) as [Goal, readonly string[]][]).flatMap(([goal, words]) => words.map((w) => [valueKey(w), goal] as const)),
);

const PERCENT = /^(\d+(?:\.\d+)?)\s*%$/u;

function levelOfFraction(fraction: number): Level | undefined {
  if (!Number.isFinite(fraction) || fraction < 0 || fraction > 1) return undefined;
  if (fraction === 0) return "not-met";
  if (fraction === 1) return "met";
  return "partial";
}

/** The level of a percentage, or of a plain number between 0 and 1, typed as text. */
function levelOfShare(text: string, key: string): Level | undefined {
  // valueKey folds a leading minus to a space: "-10%" must not read as 10%.
  if (/^[-\u2010-\u2015\u2212]/u.test(text.normalize("NFKC").trim())) return undefined;
  const percent = PERCENT.exec(key);
  if (percent) return levelOfFraction(Number(percent[1]) / 100);
  return /^\d*\.?\d+$/u.test(key) ? levelOfFraction(Number(key)) : undefined;
}

function issue(criterion: CriterionId, code: IssueCode, text: string, expected: string): CellIssue {
  const label = CRITERION_DEFS[criterion].label;
  const what = code === "excel-error" ? `the Excel error ${text}` : `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
  return { criterion, code, text, message: `${label}: ${what} is not ${expected}; counted as unknown.` };
}

function issueSaying(criterion: CriterionId, code: IssueCode, text: string, says: string): CellIssue {
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return { criterion, code, text, message: `${CRITERION_DEFS[criterion].label}: "${shown}" ${says}; counted as unknown.` };
}

export function expectedLevelText(id: LevelCriterionId): string {
  const own = CRITERION_DEFS[id].vocabulary;
  const examples = own ? [own.met[0], own.partial[0], own.notMet[0]].filter((w) => w !== undefined) : [];
  return `a status (${[...examples, "yes", "no", "a percentage"].join(", ")})`;
}

const sharedOk = <T>(value: T): Read<T> => Object.freeze(ok(value));
const OK_LEVEL: Readonly<Record<Level, Read<Level>>> = Object.freeze({
  met: sharedOk<Level>("met"),
  partial: sharedOk<Level>("partial"),
  "not-met": sharedOk<Level>("not-met"),
  unknown: sharedOk<Level>("unknown"),
});
const OK_UNKNOWN_GOAL = sharedOk<Goal | "unknown">("unknown");
const OK_GOAL: Readonly<Record<Goal, Read<Goal>>> = Object.freeze({ learning: sharedOk<Goal>("learning"), delivering: sharedOk<Goal>("delivering") });
const OK_NO_COUNT = sharedOk<number | undefined>(undefined);

/*
 * A part list repeats a few dozen words in every column, and reading a word is
 * most of the time spent on a row: each column remembers what its first texts
 * read as. Bounded: once full, new texts are read but not remembered.
 */
const MEMO_LIMIT = 2048;
const MEMO_TEXT_LENGTH = 64;

/** Keeps a read for later rows; what is kept is frozen, as every later row shares it. */
function remember<T extends Read<unknown>>(memo: Map<string, T>, text: string, read: T): T {
  if (text.length > MEMO_TEXT_LENGTH || memo.size >= MEMO_LIMIT) return read;
  if (!read.ok) Object.freeze(read.issue);
  memo.set(text, Object.freeze(read));
  return read;
}

type Memos = Readonly<Record<LevelCriterionId, Map<string, Read<Level>>>>;
const memosByLevel = (): Memos =>
  Object.fromEntries(LEVEL_CRITERIA.map((id) => [id, new Map<string, Read<Level>>()])) as Record<LevelCriterionId, Map<string, Read<Level>>>;
/** One memo per way a column is read: plain, bare name, price, price and bare name. */
const LEVEL_MEMOS: readonly [Memos, Memos, Memos, Memos] = [memosByLevel(), memosByLevel(), memosByLevel(), memosByLevel()];
const GOAL_MEMO = new Map<string, Read<Goal | "unknown">>();
const COUNT_MEMOS: Readonly<Record<"quantity" | "annual_volume", Map<string, Read<number | undefined>>>> = { quantity: new Map(), annual_volume: new Map() };

/** Under a bare header any non-empty value that is not a status names the material, finish or supplier. */
function notAStatus(id: LevelCriterionId, text: string, bareName: boolean): Read<Level> {
  return bareName ? OK_LEVEL[id === "supplier" ? "unknown" : "partial"] : fail(issue(id, "unrecognised", text, expectedLevelText(id)));
}

const APPROXIMATE = /^\s*(?:~|≈|approx|approximately|ca\.?\s|circa|about|around)/iu;

/** "N/A - bought-out part", "TBD: waiting for the supplier": an unknown word before a dash, colon or bracket. */
const LEADING_UNKNOWN = /^\s*([^-–—:;,(]+?)\s*(?:\s[-–—]\s|[:;,(])/u;

function startsUnknown(value: string): boolean {
  const head = LEADING_UNKNOWN.exec(value)?.[1];
  return head !== undefined && UNKNOWN_KEYS.has(valueKey(head));
}

function readLevelText(id: LevelCriterionId, value: string, bareName: boolean, price: boolean): Read<Level> {
  const key = valueKey(value);
  if (UNKNOWN_KEYS.has(key) || startsUnknown(value)) return OK_LEVEL.unknown;
  const waiver = waiverInPhrase(value);
  if (waiver.kind === "waived")
    return fail(issueSaying(id, "waived", value.trim(), `reads as waived ("${waiver.words}") but the row has no written justification`));
  if (waiver.kind === "not-granted") return fail(issueSaying(id, "unclear", value.trim(), `names a waiver, but ${waiver.why}`));
  // No status word is an error text, so the common case (a known word) skips the error check.
  const word = LEVEL_WORDS.get(id)?.get(key);
  if (word) return OK_LEVEL[word];
  if (isExcelErrorText(value)) return fail(issue(id, "excel-error", value.trim(), expectedLevelText(id)));
  if (id === "cost" && (price ? isPriceText(value) : isMoneyText(value))) return OK_LEVEL[APPROXIMATE.test(value) ? "partial" : "met"];
  if (id === "cost" && price && /^\s*[$€£¥]?\s*0+(?:[.,]0+)?\s*$/u.test(value))
    return fail(issueSaying(id, "unrecognised", value.trim(), "is a price of nothing, not a piece price"));
  const share = levelOfShare(value, key);
  if (share) return OK_LEVEL[share];
  const phrase = levelInPhrase(id, value);
  if (phrase.kind === "level") return OK_LEVEL[phrase.level];
  if (phrase.kind === "not-yet") return bareName ? fail(issueSaying(id, "unclear", value.trim(), "says not yet without a status")) : OK_LEVEL["not-met"];
  if (phrase.kind === "unclear") return fail(issueSaying(id, "unclear", value.trim(), `holds a status, but ${phrase.why}`));
  if (bareName && phrase.marked) return fail(issueSaying(id, "unclear", value.trim(), "says no or not yet without a status"));
  return notAStatus(id, value.trim(), bareName);
}

/**
 * Reads a level criterion. Blank and "n/a"-like values are unknown without an
 * issue; a value it cannot read is unknown with an issue. `bareName` is true
 * under a bare "Material", "Finish" or "Supplier" header, where a name stands
 * in for a status; `price` under a price header ("Unit price"), where a
 * positive amount means the piece price is known. The result may be shared
 * between calls: never mutate it.
 */
export function readLevel(id: LevelCriterionId, value: unknown, bareName = false, price = false): Read<Level> {
  const isPrice = price && id === "cost";
  if (typeof value === "string") {
    const memo = (bareName ? (isPrice ? LEVEL_MEMOS[3] : LEVEL_MEMOS[1]) : isPrice ? LEVEL_MEMOS[2] : LEVEL_MEMOS[0])[id];
    return memo.get(value) ?? remember(memo, value, readLevelText(id, value, bareName, isPrice));
  }
  if (value === null || value === undefined) return OK_LEVEL.unknown;
  if (typeof value === "boolean") return OK_LEVEL[value ? "met" : "not-met"];
  if (typeof value === "number") {
    if (isPrice && Number.isFinite(value))
      return value > 0 ? OK_LEVEL.met : fail(issueSaying(id, "unrecognised", String(value), "is not a positive piece price"));
    const level = levelOfFraction(value);
    if (level) return OK_LEVEL[level];
    return Number.isNaN(value) ? OK_LEVEL.unknown : notAStatus(id, cellText(value) || String(value), bareName);
  }
  if (isErrorCell(value)) return fail(issue(id, "excel-error", value.error, expectedLevelText(id)));
  const text = cellText(value);
  return text === "" ? OK_LEVEL.unknown : notAStatus(id, text, bareName);
}

export function readGoal(value: unknown): Read<Goal | "unknown"> {
  if (value === null || value === undefined || typeof value === "boolean" || typeof value === "number" || value instanceof Date) {
    const text = cellText(value);
    return value === null || value === undefined ? OK_UNKNOWN_GOAL : fail(issue("goal", "unrecognised", text, "learning or delivering"));
  }
  if (isErrorCell(value)) return fail(issue("goal", "excel-error", value.error, "learning or delivering"));
  if (typeof value !== "string") return OK_UNKNOWN_GOAL;
  return GOAL_MEMO.get(value) ?? remember(GOAL_MEMO, value, readGoalText(value));
}

function readGoalText(value: string): Read<Goal | "unknown"> {
  const key = valueKey(value);
  if (UNKNOWN_KEYS.has(key)) return OK_UNKNOWN_GOAL;
  const goal = GOAL_KEYS.get(key);
  if (goal) return OK_GOAL[goal];
  if (isExcelErrorText(value)) return fail(issue("goal", "excel-error", value.trim(), "a goal (learning or delivering)"));
  const phrase = goalInPhrase(value);
  if (phrase.kind === "goal") return OK_GOAL[phrase.goal];
  if (phrase.kind === "conflict") {
    return fail(issueSaying("goal", "conflict", value.trim(), `reads both as learning ("${phrase.learning}") and as delivering ("${phrase.delivering}")`));
  }
  if (phrase.kind === "negated")
    return fail(issueSaying("goal", "unclear", value.trim(), `negates a goal ("${phrase.words}") without saying what the parts are for`));
  return fail(issue("goal", "unrecognised", value.trim(), "a goal (learning, validation, prototype, pilot, sampling, production...)"));
}

/** Reads quantity or annual volume: undefined when blank or unknown. */
export function readCount(id: "quantity" | "annual_volume", value: unknown): Read<number | undefined> {
  if (value === null || value === undefined) return OK_NO_COUNT;
  if (typeof value === "string") {
    const memo = COUNT_MEMOS[id];
    return memo.get(value) ?? remember(memo, value, readCountText(id, value));
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return fail(issue(id, "not-a-number", cellText(value), "a number"));
    if (!Number.isInteger(value) && value >= 0) return fail(issueSaying(id, "not-a-number", String(value), "is not a whole number of parts"));
    return value < 0 ? fail(issue(id, "negative", String(value), "a number of parts (0 or more)")) : ok(value);
  }
  if (isErrorCell(value)) return fail(issue(id, "excel-error", value.error, "a number"));
  const text = cellText(value);
  return text === "" ? OK_NO_COUNT : fail(issue(id, "not-a-number", text, "a number"));
}

function readCountText(id: "quantity" | "annual_volume", value: string): Read<number | undefined> {
  if (UNKNOWN_KEYS.has(valueKey(value))) return OK_NO_COUNT;
  if (isExcelErrorText(value)) return fail(issue(id, "excel-error", value.trim(), "a number"));
  const parsed = parseQuantityText(value, id === "annual_volume");
  if (parsed.ok && parsed.value !== undefined && !Number.isInteger(parsed.value)) {
    return fail(issueSaying(id, "not-a-number", value.trim(), "is not a whole number of parts (a decimal comma, or a typo?)"));
  }
  if (parsed.ok) return parsed;
  const text = value.trim();
  if (parsed.issue === "ambiguous") {
    const readings = pointReadings(text.replace(/[^\d.]/gu, "")) ?? pointReadings(text);
    const both = readings ? `${formatCount(readings[0])} or as ${formatCount(readings[1])}` : "two numbers";
    return fail(issueSaying(id, "ambiguous-number", text, `reads as ${both} (a decimal point or a thousands point)`));
  }
  if (parsed.issue === "rate") {
    return fail(
      issueSaying(
        id,
        "rate",
        text,
        id === "quantity"
          ? "is a rate, not the quantity of this order or batch"
          : "is a rate that does not turn into a year (per month, quarter, week or year)",
      ),
    );
  }
  return fail(
    issue(
      id,
      parsed.issue,
      text,
      parsed.issue === "negative" ? "a number of parts (0 or more)" : "a number (1,000, 1k, ~200, 200 pcs, Qty 50, 500+ or 50-100)",
    ),
  );
}

/** True when a cell reads as a value of the criterion: a status, a goal or a count, not blank, unknown or a name. */
export function readsAsValue(criterion: CriterionId, value: unknown, price = false): boolean {
  if (criterion === "goal") {
    const read = readGoal(value);
    return read.ok && read.value !== "unknown";
  }
  if (criterion === "quantity" || criterion === "annual_volume") {
    const read = readCount(criterion, value);
    return read.ok && read.value !== undefined;
  }
  const read = readLevel(criterion, value, false, price);
  return read.ok && read.value !== "unknown";
}
