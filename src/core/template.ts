import { CRITERIA, CRITERION_DEFS, GENERIC_WORDS, GOAL_WORDS, type CriterionId, type Level } from "./criteria";
import type { Stage } from "./stages";

/** One group of values a user can pick for a criterion, e.g. the words that mean "met". */
export interface ChoiceGroup {
  readonly level: Level | "learning" | "delivering";
  readonly label: string;
  readonly values: readonly string[];
}

const UNKNOWN_CHOICES: ChoiceGroup = { level: "unknown", label: "Not known", values: ["n/a", "tbd"] };

/**
 * The values a dropdown offers for a criterion: its own words grouped by what
 * they mean, then one generic word per level and the "not known" words. Number
 * criteria take free text and have no choices.
 */
export function criterionChoices(id: CriterionId): readonly ChoiceGroup[] {
  const def = CRITERION_DEFS[id];
  if (def.kind === "number") return [];
  if (def.kind === "goal") {
    return [
      { level: "delivering", label: "Delivering", values: GOAL_WORDS.delivering },
      { level: "learning", label: "Learning", values: GOAL_WORDS.learning },
      UNKNOWN_CHOICES,
    ];
  }
  const own = def.vocabulary ?? { met: [], partial: [], notMet: [] };
  const withGeneric = (words: readonly string[], generic: string): readonly string[] => (words.includes(generic) ? words : [...words, generic]);
  return [
    { level: "met", label: "Met", values: withGeneric(own.met, GENERIC_WORDS.met[0] ?? "yes") },
    { level: "partial", label: "Partial", values: withGeneric(own.partial, GENERIC_WORDS.partial[0] ?? "partial") },
    { level: "not-met", label: "Not met", values: withGeneric(own.notMet, GENERIC_WORDS.notMet[0] ?? "no") },
    UNKNOWN_CHOICES,
  ];
}

/** Excel's limit on the text of a list data validation. */
export const VALIDATION_LIST_LIMIT = 255;

/**
 * The dropdown list of a template column, as Excel's list validation takes it
 * (comma-separated, at most 255 characters), grouped by meaning. When the list
 * must be cut, words are kept round-robin across the groups so every meaning
 * keeps its most common words.
 */
export function validationList(id: CriterionId): readonly string[] {
  const groups = criterionChoices(id).map((g) => g.values.filter((v) => !v.includes(",")));
  const picked = new Set<string>();
  let length = -1;
  const longest = Math.max(0, ...groups.map((g) => g.length));
  for (let i = 0; i < longest; i += 1) {
    for (const group of groups) {
      const word = group[i];
      if (word === undefined || picked.has(word) || length + 1 + word.length > VALIDATION_LIST_LIMIT) continue;
      picked.add(word);
      length += 1 + word.length;
    }
  }
  const ordered = groups.flat().filter((word) => picked.delete(word));
  return ordered;
}

export interface TemplateColumn {
  readonly header: string;
  /** The criterion the header maps to; undefined for the part number and description. */
  readonly criterion: CriterionId | undefined;
  /** Column width in characters, for a readable sheet. */
  readonly width: number;
}

const TEMPLATE_HEADER: Readonly<Record<CriterionId, string>> = {
  design: "Design status",
  function: "Function validated",
  material: "Material status",
  finish: "Finish status",
  tolerances: "Tolerance review",
  dfm: "DFM review",
  pilot: "Pilot run",
  demand: "Demand status",
  supplier: "Supplier capability",
  inspection: "Inspection plan",
  cost: "Cost understood",
  goal: "Project goal",
  quantity: "Quantity",
  annual_volume: "Annual volume",
};

/** The columns of a blank bill of parts: part number, description, then every criterion under a documented header. */
export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  { header: "Part number", criterion: undefined, width: 14 },
  { header: "Description", criterion: undefined, width: 24 },
  ...CRITERIA.map((id): TemplateColumn => ({ header: TEMPLATE_HEADER[id], criterion: id, width: Math.max(12, TEMPLATE_HEADER[id].length + 2) })),
];

export interface TemplateExample {
  readonly stage: Stage;
  /** One value per template column, in TEMPLATE_COLUMNS order. */
  readonly cells: readonly (string | number)[];
}

/** Example rows, one per stage, so a new sheet shows what each stage looks like. */
export const TEMPLATE_EXAMPLES: readonly TemplateExample[] = [
  {
    stage: "prototyping",
    cells: [
      "BRK-100",
      "Mounting bracket",
      "changing",
      "in progress",
      "candidate",
      "open",
      "open",
      "not started",
      "not started",
      "unclear",
      "unproven",
      "none",
      "estimated",
      "validation",
      5,
      "",
    ],
  },
  {
    stage: "low-volume",
    cells: [
      "HSG-200",
      "Sensor housing",
      "stable",
      "verified",
      "confirmed",
      "candidate",
      "critical only",
      "in progress",
      "in progress",
      "forecast",
      "conditional",
      "draft",
      "estimated",
      "pilot",
      200,
      2000,
    ],
  },
  {
    stage: "mass-production",
    cells: [
      "SHF-300",
      "Drive shaft",
      "frozen",
      "verified",
      "locked",
      "confirmed",
      "reviewed",
      "done",
      "validated",
      "stable",
      "qualified",
      "defined",
      "quoted",
      "production",
      5000,
      60000,
    ],
  },
];
