import { cellText } from "./cell";
import { UNKNOWN_WORDS } from "./criteria";
import { phraseTokens } from "./phrase";
import { HAZARDS, NEGATORS, NOT_YET } from "./phrase-words";
import { valueKey } from "./text";

/**
 * Waivers: a gate review accepting in writing a criterion that is not met
 * ("Pilot run waived: carry-over part", "Deviation approved D-12"). In PPAP
 * language a deviation. A waived cell counts as met only beside a written
 * justification; without one it is reported and counts as unknown.
 */

/** Words that say the gap was accepted, alone or with a word that says it was granted. */
export const WAIVER_WORDS: readonly string[] = ["waived", "waiver", "waivered", "waive", "waiving"];
/** "Deviation approved", "approved deviation", "per deviation D-12": a deviation granted. "With deviations" and "open deviation" are not: they stay partial. */
export const GRANTED_WORDS: readonly string[] = ["approved", "granted", "accepted", "signed", "authorised", "authorized", "released"];
export const DEVIATION_WORDS: readonly string[] = ["deviation", "deviations", "derogation"];
const BY_DEVIATION: readonly string[] = ["per", "under", "by", "via", "on", "through"];
/** Words that say a waiver is not in force ("waiver rejected", "waiver expired"). */
export const WAIVER_REFUSED: readonly string[] = [
  "rejected",
  "denied",
  "refused",
  "declined",
  "expired",
  "revoked",
  "withdrawn",
  "cancelled",
  "canceled",
  "closed",
  "lapsed",
  "open",
  "draft",
  "submitted",
  "requested",
  "request",
];

/** What a cell says about a waiver. */
export type WaiverReading =
  | { readonly kind: "waived"; readonly words: string }
  /** A waiver is named, but not as granted ("waiver pending", "not waived", "waiver rejected"). */
  | { readonly kind: "not-granted"; readonly why: string }
  | { readonly kind: "none" };

const set = (words: readonly string[]): ReadonlySet<string> => new Set(words);
const WAIVER = set(WAIVER_WORDS);
const GRANTED = set(GRANTED_WORDS);
const DEVIATION = set(DEVIATION_WORDS);
const BY = set(BY_DEVIATION);
const REFUSED = set(WAIVER_REFUSED);
const NEGATOR = set(NEGATORS);
const NOT_YET_ONE = set(NOT_YET.filter((w) => !w.includes(" ")));
const HAZARD_ONE = set(HAZARDS.filter((w) => !w.includes(" ")));

const NONE: WaiverReading = Object.freeze({ kind: "none" });

/** Where the waiver is said: the word(s) and their place among the tokens, or undefined. */
function waiverAt(tokens: readonly string[]): { start: number; end: number } | undefined {
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] ?? "";
    if (WAIVER.has(t)) return { start: i, end: i + 1 };
    if (!DEVIATION.has(t)) continue;
    const next = tokens[i + 1] ?? "";
    const before = tokens[i - 1] ?? "";
    if (GRANTED.has(next)) return { start: i, end: i + 2 };
    if (GRANTED.has(before)) return { start: i - 1, end: i + 1 };
    if (BY.has(before)) return { start: i - 1, end: i + 1 };
  }
  return undefined;
}

/**
 * Reads a waiver in a phrase. A negation, a "not yet" word ("pending",
 * "requested"), a refusal ("rejected", "expired") or a hazard ("was", "until",
 * "if") anywhere in the cell leaves it not granted: the waiver is named but
 * nobody can say it is in force.
 */
export function waiverInPhrase(text: string): WaiverReading {
  const tokens = phraseTokens(text);
  const at = waiverAt(tokens);
  if (at === undefined) return NONE;
  const words = tokens.slice(at.start, at.end).join(" ");
  const other = tokens.filter((_, i) => i < at.start || i >= at.end);
  const against =
    other.find((t) => NEGATOR.has(t) || REFUSED.has(t) || NOT_YET_ONE.has(t) || HAZARD_ONE.has(t)) ??
    (/\bto be\b/u.test(other.join(" ")) ? "to be" : undefined);
  if (against !== undefined) return { kind: "not-granted", why: `"${against}" says the ${words} is not in force` };
  return { kind: "waived", words };
}

const UNKNOWN_KEYS: ReadonlySet<string> = new Set(UNKNOWN_WORDS.map(valueKey));

/** A justification is any written text: blank, "n/a", "tbd", "-" or "?" is none. */
export function justificationText(value: unknown): string {
  const text = cellText(value).trim();
  if (text === "" || UNKNOWN_KEYS.has(valueKey(text)) || !/[\p{L}\p{N}]/u.test(text)) return "";
  return text;
}
