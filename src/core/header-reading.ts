import { CRITERIA, CRITERION_DEFS, PART_HEADERS, type CriterionId } from "./criteria";
import {
  DISQUALIFYING_PHRASES,
  DISQUALIFYING_WORDS,
  EVIDENCE_SUBJECTS,
  EVIDENCE_WORDS,
  SOFT_DISQUALIFYING_WORDS,
  HEADER_FAMILIES,
  NAME_COLUMN_STATUS_WORDS,
  PRICE_STATUS_WORDS,
  PRICE_WORDS,
  ROLE_FAMILIES,
  STATUS_WORDS,
} from "./header-vocabulary";
import { headerKey, headerKeyWithoutAsides } from "./text";
import { rawHeaderWords, stemOf, typoOf } from "./words";

/** How a column came to be read as a criterion, strongest first. */
export const MATCH_KINDS = ["user", "exact", "aside", "words", "typo", "values"] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/**
 * Columns read beside the criteria: the BOM level or parent of each part (the
 * hierarchy), and the written justification of a waiver.
 */
export const COLUMN_ROLES = ["level", "parent", "justification"] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** What one header says on its own, before the other columns and the cells are seen. */
export type HeaderReading =
  | {
      readonly kind: "criterion";
      readonly criterion: CriterionId;
      readonly match: "exact" | "aside" | "words" | "typo";
      /** For words and typo matches: what was read, in words. */
      readonly detail: string;
      /** A Material or Finish header without a status word, or the bare "Supplier": the cells may hold names. */
      readonly bareName: boolean;
      /** A cost header that holds a price ("Unit price", "Target cost"). */
      readonly price: boolean;
    }
  | { readonly kind: "part" }
  /** A hierarchy or waiver column: not a criterion, read beside them. */
  | { readonly kind: "role"; readonly role: ColumnRole; readonly detail: string }
  /** Evidence for a criterion ("DFM report", "PPAP link"): shown beside it, never read as a status. */
  | { readonly kind: "evidence"; readonly criterion: CriterionId; readonly detail: string }
  | { readonly kind: "blank" }
  | {
      readonly kind: "ignored";
      readonly reason: "unrecognised" | "disqualified" | "ambiguous";
      readonly detail: string;
      readonly candidates?: readonly CriterionId[];
    };

const ALIAS_TO_CRITERION: ReadonlyMap<string, CriterionId> = new Map(
  CRITERIA.flatMap((id) => CRITERION_DEFS[id].headers.map((alias) => [headerKey(alias), id] as const)),
);
const PART_KEYS: ReadonlySet<string> = new Set(PART_HEADERS.map(headerKey));
const BARE_SUPPLIER: ReadonlySet<string> = new Set(["supplier", "vendor"]);

interface Slot {
  readonly stems: ReadonlySet<string>;
  readonly raws: ReadonlySet<string>;
}

const parseSlot = (slot: string): Slot => {
  const words = slot.split("|").map((w) => w.trim());
  return {
    stems: new Set(words.filter((w) => !w.startsWith("=")).map(stemOf)),
    raws: new Set(words.filter((w) => w.startsWith("=")).map((w) => w.slice(1))),
  };
};

interface Family {
  readonly criterion: CriterionId;
  readonly patterns: readonly (readonly Slot[])[];
  readonly explained: ReadonlySet<string>;
  readonly not: ReadonlySet<string>;
}

const stems = (words: readonly string[]): Set<string> => new Set(words.map(stemOf));
const STATUS_STEMS = stems(STATUS_WORDS);

const FAMILIES: readonly Family[] = CRITERIA.map((criterion) => {
  const def = HEADER_FAMILIES[criterion];
  const patterns = def.patterns.map((p) => p.split("+").map(parseSlot));
  // A pattern's own words explain a header only when that pattern matched: "design" is in a function pattern
  // ("Design verification") but does not make "Design status / Function status" a function header.
  const explained = new Set([...STATUS_STEMS, ...stems(def.extras)]);
  return { criterion, patterns, explained, not: stems(def.not) };
});

interface RoleFamily {
  readonly role: ColumnRole;
  readonly patterns: readonly (readonly Slot[])[];
  readonly explained: ReadonlySet<string>;
}

const ROLES: readonly RoleFamily[] = COLUMN_ROLES.map((role) => {
  const def = ROLE_FAMILIES[role];
  return { role, patterns: def.patterns.map((p) => p.split("+").map(parseSlot)), explained: stems(def.extras) };
});
const EVIDENCE = stems(EVIDENCE_WORDS);
const EVIDENCE_SUBJECT_BY_STEM: ReadonlyMap<string, CriterionId> = new Map(Object.entries(EVIDENCE_SUBJECTS).map(([w, id]) => [stemOf(w), id]));

const FAMILY_BY_ID: ReadonlyMap<CriterionId, Family> = new Map(FAMILIES.map((f) => [f.criterion, f]));
const DISQUALIFYING = stems(DISQUALIFYING_WORDS.filter((w) => !w.startsWith("=")));
/** Disqualifiers compared as written: "engineer" and "engineering" share a stem. */
const DISQUALIFYING_RAW: ReadonlySet<string> = new Set(DISQUALIFYING_WORDS.filter((w) => w.startsWith("=")).map((w) => w.slice(1)));
const NAME_STATUS = stems(NAME_COLUMN_STATUS_WORDS);
const SOFT = stems(SOFT_DISQUALIFYING_WORDS);
const STATUS = stemOf("status");
const STATE = stemOf("state");
const PRICE = stems(PRICE_WORDS);
const PRICE_STATUS = stems(PRICE_STATUS_WORDS);

/** Every word the reader knows, as written: what a typo is compared against. */
const KNOWN_WORDS: readonly string[] = [
  ...new Set(
    [
      ...STATUS_WORDS,
      ...DISQUALIFYING_WORDS,
      ...EVIDENCE_WORDS,
      ...COLUMN_ROLES.flatMap((role) => [...ROLE_FAMILIES[role].extras, ...ROLE_FAMILIES[role].patterns.flatMap((p) => p.split(/[+|]/u).map((w) => w.trim()))]),
      ...CRITERIA.flatMap((id) => {
        const f = HEADER_FAMILIES[id];
        return [...f.extras, ...f.not, ...f.patterns.flatMap((p) => p.split(/[+|]/u).map((w) => w.trim().replace(/^=/u, "")))];
      }),
    ].filter((w) => w.length >= 5),
  ),
];
const KNOWN_STEMS: ReadonlySet<string> = new Set([
  ...KNOWN_WORDS.map(stemOf),
  ...STATUS_STEMS,
  ...DISQUALIFYING,
  ...FAMILIES.flatMap((f) => [...f.explained, ...f.not]),
]);

interface Word {
  readonly raw: string;
  readonly stem: string;
  /** The known word this one was read as, when it is a typo. */
  readonly typoOf?: string;
}

/** Brackets hold units and asides ("Qty (pcs)"), except a year, which makes a volume annual ("Volume quoted (year)"). */
const aside = (inner: string): string =>
  /^[\s([{]*(?:per\s+)?(?:year|yr|annual|annum|p\.?\s?a\.?)[\s)\]}]*$/iu.test(inner) ? ` ${inner.replace(/[()[\]{}]/gu, " ")} ` : " ";

function headerWords(text: string): Word[] {
  return rawHeaderWords(text.replace(/\([^)]*\)|\[[^\]]*\]|\{[^}]*\}/gu, aside)).map((raw) => {
    const s = stemOf(raw);
    if (KNOWN_STEMS.has(s) || raw.length < 5) return { raw, stem: s };
    const fixed = typoOf(raw, KNOWN_WORDS);
    return fixed === undefined ? { raw, stem: s } : { raw, stem: stemOf(fixed), typoOf: fixed };
  });
}

const fills = (slot: Slot, word: Word): boolean => slot.stems.has(word.stem) || slot.raws.has(word.typoOf ?? word.raw);

/** The header words a pattern uses, or undefined when it does not match. */
function matchPattern(slots: readonly Slot[], words: readonly Word[]): Set<number> | undefined {
  const used = new Set<number>();
  for (const slot of slots) {
    const index = words.findIndex((w, i) => !used.has(i) && fills(slot, w));
    if (index < 0) return undefined;
    used.add(index);
  }
  return used;
}

interface Candidate {
  readonly criterion: CriterionId;
  readonly size: number;
  readonly used: ReadonlySet<number>;
}

function candidateOf(family: Family, words: readonly Word[]): Candidate | undefined {
  if (words.some((w) => family.not.has(w.stem))) return undefined;
  let best: Candidate | undefined;
  for (const slots of family.patterns) {
    const used = matchPattern(slots, words);
    if (used === undefined || (best !== undefined && best.size >= slots.length)) continue;
    if (words.every((w, i) => used.has(i) || family.explained.has(w.stem))) best = { criterion: family.criterion, size: slots.length, used };
  }
  return best;
}

/**
 * A header no criterion explains by itself, but two explain together
 * ("Material / Finish", "Design status / Function status"): ambiguous,
 * naming both. Anything else is not a criterion header.
 */
function looseReading(words: readonly Word[]): HeaderReading {
  const loose: { criterion: CriterionId; used: Set<number> }[] = [];
  for (const family of FAMILIES) {
    if (words.some((w) => family.not.has(w.stem))) continue;
    for (const slots of family.patterns) {
      const used = matchPattern(slots, words);
      if (used !== undefined) {
        loose.push({ criterion: family.criterion, used });
        break;
      }
    }
  }
  const criteria = [...new Set(loose.map((l) => l.criterion))];
  const explained = words.every((w, i) => loose.some((l) => l.used.has(i) || (FAMILY_BY_ID.get(l.criterion)?.explained.has(w.stem) ?? false)));
  if (criteria.length < 2 || !explained) return { kind: "ignored", reason: "unrecognised", detail: "" };
  return { kind: "ignored", reason: "ambiguous", candidates: criteria, detail: `could be ${criteria.map((id) => CRITERION_DEFS[id].label).join(" or ")}` };
}

const isSubset = (a: ReadonlySet<number>, b: ReadonlySet<number>): boolean => [...a].every((x) => b.has(x));

function quoted(words: readonly string[]): string {
  return words.map((w) => `"${w}"`).join(", ");
}

const MEMO = new Map<string, HeaderReading>();
const MEMO_LIMIT = 4096;

/** Reads one header by itself: an alias, a criterion by its words, the part's name, or nothing, with the reason. */
export function readHeader(text: string): HeaderReading {
  const known = MEMO.get(text);
  if (known) return known;
  const reading = readHeaderText(text);
  if (MEMO.size < MEMO_LIMIT) MEMO.set(text, Object.freeze(reading));
  return reading;
}

function readHeaderText(text: string): HeaderReading {
  const key = headerKey(text);
  if (key === "") return { kind: "blank" };
  const exact = ALIAS_TO_CRITERION.get(key);
  if (exact) return criterionReading(exact, "exact", "", key, text);
  const bare = headerKeyWithoutAsides(text);
  const aside = bare === key ? undefined : ALIAS_TO_CRITERION.get(bare);
  if (aside) return criterionReading(aside, "aside", "", bare, text);
  const words = headerWords(text);
  const role = roleOf(words);
  if (role) return role;
  if (PART_KEYS.has(key) || PART_KEYS.has(bare)) return { kind: "part" };

  if (words.length === 0) return { kind: "ignored", reason: "unrecognised", detail: "" };
  const spelled = words.map((w) => w.typoOf ?? w.raw).join(" ");
  const phrase = DISQUALIFYING_PHRASES.find((p) => p.test(spelled));
  const hasStatus = words.some((w) => w.stem === STATUS || w.stem === STATE);
  if (!hasStatus && !phrase) {
    const evidence = evidenceOf(words);
    if (evidence) return evidence;
  }
  const disqualifier = words.find(
    (w) => (DISQUALIFYING.has(w.stem) && !(hasStatus && SOFT.has(w.stem))) || DISQUALIFYING_RAW.has(w.raw) || DISQUALIFYING_RAW.has(w.raw.replace(/s$/u, "")),
  );
  if (phrase || disqualifier) {
    const what = phrase ? (phrase.exec(spelled)?.[0] ?? "") : (disqualifier?.raw ?? "");
    return { kind: "ignored", reason: "disqualified", detail: `"${what}" says it holds something other than a status` };
  }

  const candidates = FAMILIES.map((f) => candidateOf(f, words)).filter((c): c is Candidate => c !== undefined);
  if (candidates.length === 0) return looseReading(words);
  candidates.sort((a, b) => b.size - a.size);
  const top = candidates[0] as Candidate;
  // A rival that matched fewer words, all of them among the winner's, is part of the winner's phrase ("Design" in "Design for manufacturing").
  const tied = candidates.filter((c) => c !== top && !(c.size < top.size && isSubset(c.used, top.used)));
  if (tied.length > 0) {
    const all = [top.criterion, ...tied.map((c) => c.criterion)];
    return {
      kind: "ignored",
      reason: "ambiguous",
      candidates: all,
      detail: `could be ${all.map((id) => CRITERION_DEFS[id].label).join(" or ")}`,
    };
  }
  const typos = words.filter((w) => w.typoOf !== undefined);
  const match = typos.length > 0 ? "typo" : "words";
  const detail =
    typos.length > 0
      ? `read ${quoted(typos.map((w) => w.raw))} as ${quoted(typos.map((w) => w.typoOf ?? ""))}`
      : `by the words ${quoted([...top.used].sort((a, b) => a - b).map((i) => words[i]?.raw ?? ""))}`;
  return criterionReading(top.criterion, match, detail, key, text, words);
}

/** A hierarchy or waiver justification header: a role pattern fills and every other word is the role's. */
function roleOf(words: readonly Word[]): HeaderReading | undefined {
  if (words.length === 0) return undefined;
  let best: { role: ColumnRole; size: number; used: ReadonlySet<number> } | undefined;
  for (const family of ROLES) {
    for (const slots of family.patterns) {
      const used = matchPattern(slots, words);
      if (used === undefined || (best !== undefined && best.size >= slots.length)) continue;
      if (words.every((w, i) => used.has(i) || family.explained.has(w.stem))) best = { role: family.role, size: slots.length, used };
    }
  }
  if (best === undefined) return undefined;
  const typos = words.filter((w) => w.typoOf !== undefined);
  const detail =
    typos.length > 0
      ? `read ${quoted(typos.map((w) => w.raw))} as ${quoted(typos.map((w) => w.typoOf ?? ""))}`
      : `by the words ${quoted([...best.used].sort((a, b) => a - b).map((i) => words[i]?.raw ?? ""))}`;
  return { kind: "role", role: best.role, detail };
}

/**
 * Evidence for a criterion: an evidence word ("report", "link", "evidence")
 * beside words that name one criterion, read as a header by themselves
 * ("DFM" in "DFM report") or as one evidence subject ("Test" in "Test report").
 */
function evidenceOf(words: readonly Word[]): HeaderReading | undefined {
  const marks = words.filter((w) => EVIDENCE.has(w.stem));
  if (marks.length === 0) return undefined;
  const rest = words.filter((w) => !EVIDENCE.has(w.stem) && !FILLER.has(w.stem));
  if (rest.length === 0) return undefined;
  const said = `by the words ${quoted(rest.map((w) => w.raw))} and ${quoted(marks.map((w) => w.raw))}`;
  const reading = readHeaderText(rest.map((w) => w.typoOf ?? w.raw).join(" "));
  if (reading.kind === "criterion") return { kind: "evidence", criterion: reading.criterion, detail: said };
  const subjects = new Set(rest.map((w) => EVIDENCE_SUBJECT_BY_STEM.get(w.stem)));
  const [only] = subjects;
  if (subjects.size === 1 && only !== undefined) return { kind: "evidence", criterion: only, detail: said };
  return undefined;
}

const FILLER = stems(["of", "to", "the", "for", "and", "a", "an", "in", "on"]);

/**
 * How a column the user mapped to `criterion` is read: a Material or Finish
 * column without a status word holds names, a cost column without a status
 * word holds prices when its header says price or a currency, or its cells are
 * mostly positive amounts.
 */
export function chosenTraits(criterion: CriterionId, header: string, cellsArePrices: () => boolean): ColumnTraitFlags {
  return traitsOf(criterion, headerKey(header), headerWords(header), () => /[$€£¥]/u.test(header) || cellsArePrices());
}

interface ColumnTraitFlags {
  readonly bareName: boolean;
  readonly price: boolean;
}

/** Bare name column and price column, from the header's words; `otherPriceSign` is asked only when the words do not say price. */
function traitsOf(criterion: CriterionId, key: string, words: readonly Word[], otherPriceSign: () => boolean): ColumnTraitFlags {
  // Supplier is bare only as the one word: "Supplier status" holds statuses, and a name there says nothing.
  const bareName =
    criterion === "supplier" ? BARE_SUPPLIER.has(key) : (criterion === "material" || criterion === "finish") && !words.some((w) => NAME_STATUS.has(w.stem));
  const price = criterion === "cost" && !words.some((w) => PRICE_STATUS.has(w.stem)) && (words.some((w) => PRICE.has(w.stem)) || otherPriceSign());
  return { bareName, price };
}

function criterionReading(
  criterion: CriterionId,
  match: "exact" | "aside" | "words" | "typo",
  detail: string,
  key: string,
  text: string,
  known?: readonly Word[],
): HeaderReading {
  return { kind: "criterion", criterion, match, detail, ...traitsOf(criterion, key, known ?? headerWords(text), () => false) };
}
