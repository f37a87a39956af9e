import { CRITERIA, CRITERION_DEFS, GENERIC_WORDS, GOAL_WORDS, UNKNOWN_WORDS, type CriterionId } from "./criteria";
import { HEADER_FAMILIES } from "./header-vocabulary";
import { GOAL_PHRASES, PHRASE_OWN } from "./phrase-words";

/** A criterion as the docs, the `criteria` command and READINESS_CRITERIA describe it. */
export interface CriterionEntry {
  readonly id: CriterionId;
  readonly label: string;
  readonly description: string;
  readonly headers: readonly string[];
  /** The word patterns other headers are read by, and the words that rule a header out. */
  readonly headerWords: string;
  readonly accepted: string;
}

/** "drawing|cad + status|release" -> "drawing/cad + status/release". */
function familyText(id: CriterionId): string {
  const f = HEADER_FAMILIES[id];
  const patterns = f.patterns.map((p) =>
    p
      .split("+")
      .map((slot) => slot.trim().replace(/=/gu, "").split("|").join("/"))
      .join(" + "),
  );
  return `${patterns.join("; ")} (not with: ${f.not.join(", ")})`;
}

const list = (words: readonly string[]): string => words.join(", ");

export const GENERIC_ACCEPTED =
  `any level criterion also takes met: ${list(GENERIC_WORDS.met)}, TRUE; partial: ${list(GENERIC_WORDS.partial)}, a percentage between 0% and 100% or a number between 0 and 1; ` +
  `not met: ${list(GENERIC_WORDS.notMet)}, FALSE; unknown: blank, ${list(UNKNOWN_WORDS.filter((w) => w !== ""))}, an Excel error`;

export const NUMBER_ACCEPTED =
  "a number: 250, 1,000, 1'000, 1k, 2.5k, 1,5k, ~200, 200 pcs, Qty 50, 250 off, 500+, 5,000 (first order); a range 50-100 counts as its upper bound; 1.000 and 2.500 read two ways and count as unknown";

function acceptedFor(id: CriterionId): string {
  const def = CRITERION_DEFS[id];
  if (id === "quantity") return `${NUMBER_ACCEPTED}; a rate other than per year (100/month) is refused`;
  if (id === "annual_volume") return `${NUMBER_ACCEPTED}; a rate becomes a year: 100/month = 1,200, 250/quarter = 1,000, 20/week = 1,040`;
  if (def.kind === "goal") {
    return `learning: ${list([...new Set([...GOAL_WORDS.learning, ...GOAL_PHRASES.learning])])} · delivering: ${list([...new Set([...GOAL_WORDS.delivering, ...GOAL_PHRASES.delivering])])} · read inside a phrase; words of both kinds, or a negation, leave the goal unknown and are reported`;
  }
  const v = def.vocabulary;
  if (!v) return "";
  const extra = def.kind === "level" ? (PHRASE_OWN[id as keyof typeof PHRASE_OWN] ?? {}) : {};
  const words = (own: readonly string[], more: readonly string[] | undefined): string => list([...new Set([...own, ...(more ?? [])])]);
  const parts = [`met: ${words(v.met, extra.met)}`];
  const partial = words(v.partial, extra.partial);
  if (partial !== "") parts.push(`partial: ${partial}`);
  parts.push(`not met: ${words(v.notMet, extra["not-met"])}`);
  let text = parts.join(" · ");
  if (id === "material") text += ' · under a bare "Material" header any other value, a name such as 6061-T6, counts as partial';
  if (id === "finish") text += ' · under a bare "Finish" header any other value, a name such as black anodize, counts as partial';
  if (id === "supplier") text += ' · under a bare "Supplier" header a company name counts as unknown';
  if (id === "cost")
    text +=
      " · a money amount ($4.20, 4.20 EUR, €3.75, $1.15 @ 5k) means met (~$4 is partial); under a price header (Unit price, Piece price, Target cost) a positive number means met";
  return text;
}

export function criteriaCatalog(): readonly CriterionEntry[] {
  return CRITERIA.map((id) => {
    const def = CRITERION_DEFS[id];
    return { id, label: def.label, description: def.description, headers: def.headers, headerWords: familyText(id), accepted: acceptedFor(id) };
  });
}
