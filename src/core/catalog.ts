import { CRITERIA, CRITERION_DEFS, GENERIC_WORDS, GOAL_WORDS, UNKNOWN_WORDS, type CriterionId } from "./criteria";

/** A criterion as the docs, the `criteria` command and READINESS_CRITERIA describe it. */
export interface CriterionEntry {
  readonly id: CriterionId;
  readonly label: string;
  readonly description: string;
  readonly headers: readonly string[];
  readonly accepted: string;
}

const list = (words: readonly string[]): string => words.join(", ");

export const GENERIC_ACCEPTED =
  `any level criterion also takes met: ${list(GENERIC_WORDS.met)}, TRUE; partial: ${list(GENERIC_WORDS.partial)}, a percentage between 0% and 100% or a number between 0 and 1; ` +
  `not met: ${list(GENERIC_WORDS.notMet)}, FALSE; unknown: blank, ${list(UNKNOWN_WORDS.filter((w) => w !== ""))}, an Excel error`;

export const NUMBER_ACCEPTED = "a number: 250, 1,000, 1k, 2.5k, ~200, 200 pcs; a range 50-100 counts as its upper bound";

function acceptedFor(id: CriterionId): string {
  const def = CRITERION_DEFS[id];
  if (def.kind === "number") return NUMBER_ACCEPTED;
  if (def.kind === "goal") return `learning: ${list(GOAL_WORDS.learning)} · delivering: ${list(GOAL_WORDS.delivering)}`;
  const v = def.vocabulary;
  if (!v) return "";
  const parts = [`met: ${list(v.met)}`];
  if (v.partial.length > 0) parts.push(`partial: ${list(v.partial)}`);
  parts.push(`not met: ${list(v.notMet)}`);
  let text = parts.join(" · ");
  if (id === "material") text += ' · under a bare "Material" header any other value, a name such as 6061-T6, counts as partial';
  if (id === "finish") text += ' · under a bare "Finish" header any other value, a name such as black anodize, counts as partial';
  if (id === "supplier") text += ' · under a bare "Supplier" header a company name counts as unknown';
  return text;
}

export function criteriaCatalog(): readonly CriterionEntry[] {
  return CRITERIA.map((id) => {
    const def = CRITERION_DEFS[id];
    return { id, label: def.label, description: def.description, headers: def.headers, accepted: acceptedFor(id) };
  });
}
