import { CRITERION_DEFS, GENERIC_WORDS, GOAL_WORDS, LEVEL_CRITERIA, type Goal, type Level, type LevelCriterionId } from "./criteria";
import { CONDITIONS, GOAL_PHRASES, HAZARDS, NEGATABLE, NEGATION_FLIPS, NEGATORS, NOT_YET, PHRASE_GENERIC, PHRASE_OWN } from "./phrase-words";

type Known = Exclude<Level, "unknown">;

/** What a phrase says about a level criterion. */
export type PhraseLevel =
  | { readonly kind: "level"; readonly level: Known }
  /** A status was found, but the words around it leave the reading open. */
  | { readonly kind: "unclear"; readonly why: string }
  /** No status word at all: a name, a number or an unknown word. `marked` when a negation or "not yet" word stands in it. */
  | { readonly kind: "none"; readonly marked: boolean }
  /** No status, only a "not yet" word ("Awaiting parts"). */
  | { readonly kind: "not-yet" };

/** The words of a cell, lower-case: "Approved w/ conditions" -> approved with conditions. */
export function phraseTokens(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\bw\/o\b/gu, " without ")
    .replace(/\bw\//gu, " with ")
    .replace(/[✓✔☑]/gu, " yes ")
    .replace(/[✗✘]/gu, " no ")
    .replace(/&/gu, " and ")
    .replace(/\bnon[\s-]?critical\b/gu, " noncritical ")
    .replace(/['\u2019]/gu, " ")
    .split(/[^\p{L}\p{N}%]+/u)
    .filter((t) => t !== "");
}

const MAX_WORDS = 5;

/** A phrase table: word sequences (space-joined) to what they mean. */
type Table<T> = ReadonlyMap<string, T>;

function addAll<T>(map: Map<string, T>, words: readonly string[], value: T, overwrite: boolean): void {
  for (const w of words) {
    const k = phraseTokens(w).join(" ");
    if (k !== "" && (overwrite || !map.has(k))) map.set(k, value);
  }
}

type LevelWord = { readonly level: Known | "negatable" };

const NEGATABLE_WORD: LevelWord = { level: "negatable" };
const LEVEL_WORD: Readonly<Record<Known, LevelWord>> = { met: { level: "met" }, partial: { level: "partial" }, "not-met": { level: "not-met" } };

function levelTable(id: LevelCriterionId): Table<LevelWord> {
  const map = new Map<string, LevelWord>();
  addAll(map, NEGATABLE, NEGATABLE_WORD, true);
  addAll(
    map,
    GENERIC_WORDS.met.filter((w) => /\p{L}/u.test(w)),
    LEVEL_WORD.met,
    true,
  );
  addAll(map, GENERIC_WORDS.partial, LEVEL_WORD.partial, true);
  addAll(
    map,
    GENERIC_WORDS.notMet.filter((w) => /\p{L}/u.test(w)),
    LEVEL_WORD["not-met"],
    true,
  );
  addAll(map, PHRASE_GENERIC.met, LEVEL_WORD.met, true);
  addAll(map, PHRASE_GENERIC.partial, LEVEL_WORD.partial, true);
  addAll(map, PHRASE_GENERIC["not-met"], LEVEL_WORD["not-met"], true);
  const own = CRITERION_DEFS[id].vocabulary;
  const extra = PHRASE_OWN[id] ?? {};
  // A criterion's own words win over the generic ones ("open" is not met for a design, "in work" too).
  addAll(map, [...(own?.met ?? []), ...(extra.met ?? [])], LEVEL_WORD.met, true);
  addAll(map, [...(own?.partial ?? []), ...(extra.partial ?? [])], LEVEL_WORD.partial, true);
  addAll(map, [...(own?.notMet ?? []), ...(extra["not-met"] ?? [])], LEVEL_WORD["not-met"], true);
  // One-letter and yes/no words stand alone only; inside a phrase they are initials, rev letters or "no PO".
  for (const k of ["y", "n", "x", "1", "0", "no", "false", "true"]) map.delete(k);
  return map;
}

const LEVEL_TABLES: Readonly<Record<LevelCriterionId, Table<LevelWord>>> = Object.fromEntries(LEVEL_CRITERIA.map((id) => [id, levelTable(id)])) as Record<
  LevelCriterionId,
  Table<LevelWord>
>;

/** Words that name the criterion itself in a phrase ("Forecast stable", "Testing complete"): a status only when nothing else is. */
const WEAK: Readonly<Partial<Record<LevelCriterionId, ReadonlySet<string>>>> = {
  function: new Set(["testing", "test"]),
  demand: new Set(["forecast", "forecasted"]),
  cost: new Set(["estimated", "estimate"]),
};

const setOf = (words: readonly string[]): ReadonlySet<string> => new Set(words.map((w) => phraseTokens(w).join(" ")));
const NEGATOR_SET = setOf(NEGATORS);
const NOT_YET_SET = setOf(NOT_YET);
const CONDITION_SET = setOf(CONDITIONS);
const HAZARD_SET = setOf(HAZARDS);
const FLIPS = setOf(NEGATION_FLIPS);

/** Criteria whose partial words already say the rest is open ("critical dims defined, rest open"): partial beside not met stays partial. */
const PARTIAL_ABSORBS: ReadonlySet<LevelCriterionId> = new Set(["tolerances"]);

interface Found<T> {
  readonly value: T;
  readonly start: number;
  readonly end: number;
  readonly words: string;
}

/** Longest phrases of the table, left to right, without overlap. */
function scan<T>(tokens: readonly string[], table: Table<T>): Found<T>[] {
  const found: Found<T>[] = [];
  let i = 0;
  while (i < tokens.length) {
    let hit: Found<T> | undefined;
    for (let n = Math.min(MAX_WORDS, tokens.length - i); n >= 1 && hit === undefined; n -= 1) {
      const words = tokens.slice(i, i + n).join(" ");
      const value = table.get(words);
      if (value !== undefined) hit = { value, start: i, end: i + n, words };
    }
    if (hit) {
      found.push(hit);
      i = hit.end;
    } else i += 1;
  }
  return found;
}

/** Marker phrases (one to three words) among the tokens not used by a status. */
function markers(tokens: readonly string[], used: ReadonlySet<number>, set: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    for (let n = 1; n <= 3 && i + n <= tokens.length; n += 1) {
      let free = true;
      for (let j = i; j < i + n; j += 1) if (used.has(j)) free = false;
      const words = tokens.slice(i, i + n).join(" ");
      if (free && set.has(words)) out.push(words);
    }
  }
  return out;
}

/** "unreleased", "unqualified", "non-conforming" as one word: un/non and a word that, negated, is not met. */
function prefixNegated(token: string, table: Table<LevelWord>): boolean {
  const rest = token.startsWith("non") ? token.slice(3) : token.startsWith("un") ? token.slice(2) : "";
  if (rest.length < 4) return false;
  const word = table.get(rest);
  return word !== undefined && (word.level === "met" || word.level === "negatable");
}

const RANK: Readonly<Record<Known, number>> = { "not-met": 0, partial: 1, met: 2 };

/**
 * Reads the status inside a phrase. Qualifiers around it (a revision, a date,
 * brackets, text after a dash or colon) are ignored; a negation shortly
 * before a status makes it not met; "not yet" words make a met status not
 * met, condition words make it partial; two statuses give the lower, and met
 * beside not met, or a word such as "until", leaves it unclear.
 */
export function levelInPhrase(id: LevelCriterionId, text: string): PhraseLevel {
  const table = LEVEL_TABLES[id];
  const tokens = phraseTokens(text);
  const found = scan(tokens, table);
  for (let i = 0; i < tokens.length; i += 1) {
    if (!found.some((f) => i >= f.start && i < f.end) && prefixNegated(tokens[i] ?? "", table)) {
      found.push({ value: LEVEL_WORD["not-met"], start: i, end: i + 1, words: tokens[i] ?? "" });
    }
  }
  const used = new Set<number>();
  for (const f of found) for (let j = f.start; j < f.end; j += 1) used.add(j);
  // Words that are a status only when negated ("scheduled", "requested") still count as "not yet" markers.
  const usedByStatus = new Set<number>();
  for (const f of found) if (f.value.level !== "negatable") for (let j = f.start; j < f.end; j += 1) usedByStatus.add(j);

  const levels: { level: Known; words: string }[] = [];
  for (const f of found) {
    const before: string[] = [];
    for (let j = Math.max(0, f.start - 2); j < f.start; j += 1) if (!used.has(j)) before.push(tokens[j] ?? "");
    const negated = before.some((t) => NEGATOR_SET.has(t));
    if (negated) {
      if (f.value.level === "not-met" && FLIPS.has(f.words))
        return { kind: "unclear", why: `"${tokens.slice(Math.max(0, f.start - 2), f.end).join(" ")}" is a double negative` };
      levels.push({ level: "not-met", words: f.words });
    } else if (f.value.level !== "negatable") levels.push({ level: f.value.level, words: f.words });
  }
  const weak = WEAK[id];
  const strong = weak ? levels.filter((l) => !weak.has(l.words)) : levels;
  const readings = strong.length > 0 ? strong : levels;
  if (readings.length === 0) {
    // "Awaiting test parts", "Review scheduled": nothing has happened yet.
    // A qualifier in brackets ("Aluminium (grade TBD)") does not unmake a name.
    const outside = phraseTokens(text.replace(/\([^)]*\)|\[[^\]]*\]/gu, " "));
    // "Awaiting test parts", "Review scheduled": nothing has happened yet.
    if (markers(outside, new Set(), NOT_YET_SET).length > 0 && !outside.some((t) => NEGATOR_SET.has(t))) return { kind: "not-yet" };
    // "No DFM", "No control plan", "None yet": the thing itself is missing.
    if (tokens[0] === "no" || tokens[0] === "none" || tokens[0] === "without") return { kind: "not-yet" };
    const marked =
      outside.some((t) => NEGATOR_SET.has(t)) ||
      markers(outside, new Set(), NOT_YET_SET).length > 0 ||
      markers(outside, new Set(), HAZARD_SET).some((m) => m === "tbd" || m === "tbc" || m === "unknown" || m === "unclear");
    return { kind: "none", marked };
  }
  const hasMet = readings.some((r) => r.level === "met");
  const hasNotMet = readings.find((r) => r.level === "not-met");
  if (hasMet && hasNotMet) return { kind: "unclear", why: `it says both "${readings.find((r) => r.level === "met")?.words ?? ""}" and "${hasNotMet.words}"` };
  let level = readings.reduce<Known>((low, r) => (RANK[r.level] < RANK[low] ? r.level : low), "met");
  const component = readings.filter((r) => r.level === "partial" && /\b(?:critical|criticals|ctq|ctqs|key)\b/u.test(r.words));
  if (PARTIAL_ABSORBS.has(id) && component.length > 0) {
    // Critical dimensions defined is part of a full review: with the rest reviewed it is met, with the rest open partial; "critical only" stays partial.
    const others = readings.filter((r) => !component.includes(r));
    const limited = component.some((r) => /\bonly\b/u.test(r.words)) || others.some((r) => r.level === "partial");
    level = hasMet && !hasNotMet && !limited ? "met" : "partial";
  }
  const hazard = level === "met" ? markers(tokens, used, HAZARD_SET) : [];
  if (hazard.length > 0) return { kind: "unclear", why: `"${hazard[0] ?? ""}" leaves open whether it still holds` };
  const share = /\b(\d+)\s*(?:of|out of)\s*(\d+)\b/u.exec(text);
  if (share && Number(share[1]) < Number(share[2])) level = Number(share[1]) === 0 ? "not-met" : RANK[level] > RANK.partial ? "partial" : level;
  // "Fit OK, function pending", "to be released": part of it holds, the rest has not happened yet.
  if (level === "met" && markers(tokens, usedByStatus, NOT_YET_SET).length > 0) level = "partial";
  else if (level === "met" && markers(tokens, used, CONDITION_SET).length > 0) level = "partial";
  else if (level === "met" && percentNextToStatus(tokens, found)) level = "partial";
  return { kind: "level", level };
}

/** "80% complete", "complete (60%)": a share under 100% right beside a status word; "yield 98%" is not one. */
function percentNextToStatus(tokens: readonly string[], found: readonly Found<LevelWord>[]): boolean {
  return tokens.some((t, i) => /^\d+(?:\.\d+)?%$/u.test(t) && Number.parseFloat(t) < 100 && found.some((f) => f.start === i + 1 || f.end === i));
}

/** What a phrase says about the goal. */
export type PhraseGoal =
  | { readonly kind: "goal"; readonly goal: Goal; readonly words: string }
  | { readonly kind: "conflict"; readonly learning: string; readonly delivering: string }
  | { readonly kind: "negated"; readonly words: string }
  | { readonly kind: "none" };

const GOAL_TABLE: Table<Goal> = (() => {
  const map = new Map<string, Goal>();
  addAll(map, GOAL_WORDS.learning, "learning", true);
  addAll(map, GOAL_WORDS.delivering, "delivering", true);
  addAll(map, GOAL_PHRASES.learning, "learning", true);
  addAll(map, GOAL_PHRASES.delivering, "delivering", true);
  return map;
})();

/** Reads the goal by its words; both kinds of words, or a negation, leave it open. */
export function goalInPhrase(text: string): PhraseGoal {
  const tokens = phraseTokens(text);
  const found = scan(tokens, GOAL_TABLE);
  if (found.length === 0) return { kind: "none" };
  const learning = found.find((f) => f.value === "learning");
  const delivering = found.find((f) => f.value === "delivering");
  if (learning && delivering) return { kind: "conflict", learning: learning.words, delivering: delivering.words };
  const first = found[0] as Found<Goal>;
  const negator = tokens.find((t, i) => NEGATOR_SET.has(t) && !found.some((f) => i >= f.start && i < f.end));
  if (negator !== undefined) return { kind: "negated", words: `${negator} ... ${first.words}` };
  return { kind: "goal", goal: first.value, words: first.words };
}
