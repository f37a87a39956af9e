export const LEVELS = ["met", "partial", "not-met", "unknown"] as const;
export type Level = (typeof LEVELS)[number];

/** Criteria read as a level, in the order the next step is chosen. */
export const LEVEL_CRITERIA = ["design", "function", "material", "finish", "tolerances", "dfm", "pilot", "demand", "supplier", "inspection", "cost"] as const;
export type LevelCriterionId = (typeof LEVEL_CRITERIA)[number];

export const CRITERIA = [...LEVEL_CRITERIA, "goal", "quantity", "annual_volume"] as const;
export type CriterionId = (typeof CRITERIA)[number];

export const GOALS = ["learning", "delivering"] as const;
export type Goal = (typeof GOALS)[number];

/** Gate A: prototyping -> low-volume; gate B: low-volume -> mass production. */
export const GATE_A_LEVELS = ["design", "function", "material", "finish"] as const satisfies readonly LevelCriterionId[];
export const GATE_B_LEVELS = LEVEL_CRITERIA;

export type CriterionKind = "level" | "goal" | "number";

export interface Vocabulary {
  readonly met: readonly string[];
  readonly partial: readonly string[];
  readonly notMet: readonly string[];
}

export interface CriterionDef {
  readonly id: CriterionId;
  readonly label: string;
  readonly kind: CriterionKind;
  readonly description: string;
  /** Exact header aliases, already in header-key form. */
  readonly headers: readonly string[];
  /** Level criteria: the criterion's own words (on top of the generic yes/no words). */
  readonly vocabulary?: Vocabulary;
  /** What the buyer still has to provide when the value is unknown. */
  readonly provide: string;
  /** What gate A needs of it, if gate A reads it. */
  readonly needA?: string;
  /** What gate B needs of it, if gate B reads it. */
  readonly needB?: string;
  /** One-sentence next step when it blocks gate A / gate B. */
  readonly stepA?: string;
  readonly stepB?: string;
}

const v = (met: string[], partial: string[], notMet: string[]): Vocabulary => ({ met, partial, notMet });

export const CRITERION_DEFS: Readonly<Record<CriterionId, CriterionDef>> = {
  design: {
    id: "design",
    label: "Design",
    kind: "level",
    description: "CAD model and 2D drawing revision",
    headers: [
      "design",
      "design status",
      "design frozen",
      "cad frozen",
      "drawing frozen",
      "drawing revision",
      "cad drawing status",
      "revision status",
      "cad status",
      "drawing status",
      "design freeze",
    ],
    vocabulary: v(
      ["frozen", "released", "final", "locked", "finalised", "finalized", "approved"],
      ["stable", "mostly stable", "minor changes", "minor revisions", "nearly frozen"],
      ["changing", "in revision", "draft", "wip", "work in progress", "concept", "open", "unstable"],
    ),
    provide: "CAD and drawing revision status",
    needA: "structure confirmed and key dimensions stable",
    needB: "CAD model and 2D drawing revision frozen",
    stepA: "Stabilise the design: confirm the structure and key dimensions before ordering a batch.",
    stepB: "Freeze the CAD model and 2D drawing revision: scaling a changing design makes scrap.",
  },
  function: {
    id: "function",
    label: "Function and fit",
    kind: "level",
    description: "Function, fit and assembly verified on prototypes",
    headers: [
      "function",
      "function validated",
      "prototype validation",
      "fit function",
      "assembly validated",
      "functional test",
      "function status",
      "fit and function",
      "function verified",
    ],
    vocabulary: v(
      ["verified", "validated", "passed", "pass", "ok", "approved"],
      ["in progress", "partially verified", "partly verified", "mostly verified", "conditional pass", "testing"],
      ["failed", "fail", "not started", "not verified", "not validated", "not tested"],
    ),
    provide: "prototype test results (function, fit, assembly)",
    needA: "the engineering questions mostly answered on prototypes",
    needB: "function, fit and assembly verified",
    stepA: "Finish prototype testing of function, fit and assembly before ordering a batch.",
    stepB: "Complete the function, fit and assembly verification, including critical use cases.",
  },
  material: {
    id: "material",
    label: "Material",
    kind: "level",
    description: "Material",
    headers: ["material", "material status", "material locked", "material confirmed", "material defined"],
    vocabulary: v(
      ["locked", "confirmed", "final", "finalised", "finalized", "approved"],
      ["mostly defined", "candidate", "defined", "selected", "proposed", "specified"],
      ["open", "undecided", "not defined", "tbd by test", "unknown material"],
    ),
    provide: "material status",
    needA: "material at least mostly defined",
    needB: "material locked",
    stepA: "Narrow the material down to a candidate that the batch will use.",
    stepB: "Lock the material: confirm it on the drawing and with the supplier.",
  },
  finish: {
    id: "finish",
    label: "Surface finish",
    kind: "level",
    description: "Surface finish or treatment",
    headers: ["finish", "surface finish", "finish status", "surface treatment", "finish confirmed", "treatment", "coating"],
    vocabulary: v(
      ["confirmed", "locked", "final", "finalised", "finalized", "approved"],
      ["mostly defined", "candidate", "defined", "selected", "proposed", "specified"],
      ["under evaluation", "open", "undecided", "not defined", "evaluating"],
    ),
    provide: "surface finish status",
    needA: "surface finish at least mostly defined",
    needB: "surface finish confirmed",
    stepA: "Choose a candidate surface finish or treatment for the batch.",
    stepB: "Confirm the surface finish or treatment result on real parts.",
  },
  tolerances: {
    id: "tolerances",
    label: "Tolerances",
    kind: "level",
    description: "Critical dimensions defined, non-critical tolerances optimised",
    headers: ["tolerances", "tolerance review", "tolerances reviewed", "critical dimensions", "tolerance", "tolerance status"],
    vocabulary: v(
      ["reviewed", "optimised", "optimized", "complete", "completed"],
      ["critical only", "critical defined", "in review"],
      ["not reviewed", "open"],
    ),
    provide: "tolerance review status",
    needB: "critical dimensions defined and non-critical tolerances optimised",
    stepB: "Review tolerances: define the critical dimensions and relax the non-critical ones.",
  },
  dfm: {
    id: "dfm",
    label: "DFM",
    kind: "level",
    description: "Design for manufacturing review",
    headers: ["dfm", "dfm review", "dfm done", "design for manufacturing", "dfm status", "design for manufacturability"],
    vocabulary: v(["complete", "completed", "reviewed", "approved"], [], ["not done", "not started", "open"]),
    provide: "DFM review status",
    needB: "DFM review done",
    stepB: "Run a DFM review with the supplier before release.",
  },
  pilot: {
    id: "pilot",
    label: "Pilot run",
    kind: "level",
    description: "Low-volume / small-batch run validated (assembly, batch consistency)",
    headers: ["pilot", "pilot run", "low volume validated", "small batch validated", "batch validation", "pilot validated", "pilot status", "pilot batch"],
    vocabulary: v(
      ["validated", "complete", "completed", "passed", "pass"],
      ["running", "ongoing"],
      ["not started", "failed", "fail", "not run", "not validated"],
    ),
    provide: "pilot run results",
    needB: "a small-batch run validated (assembly, batch consistency)",
    stepB: "Validate a pilot batch: assembly and batch-to-batch consistency.",
  },
  demand: {
    id: "demand",
    label: "Demand",
    kind: "level",
    description: "Repeat demand (monthly, quarterly or annual)",
    headers: ["demand", "demand status", "demand stable", "demand stability", "repeat demand", "forecast", "forecast status"],
    vocabulary: v(
      ["stable", "repeat", "contracted", "recurring", "committed", "monthly", "quarterly", "annual"],
      ["forecast", "seasonal", "forecasted", "expected"],
      ["unclear", "unstable", "one off", "one time", "uncertain", "none"],
    ),
    provide: "repeat demand and target annual usage",
    needB: "stable repeat demand",
    stepB: "Confirm stable repeat demand (monthly, quarterly or annual) before tooling up.",
  },
  supplier: {
    id: "supplier",
    label: "Supplier",
    kind: "level",
    description: "Supplier can hold quality, lead time and batch consistency",
    headers: ["supplier", "supplier capability", "supplier capable", "supplier qualified", "supplier status", "supplier approved"],
    vocabulary: v(
      ["capable", "qualified", "approved", "certified"],
      ["conditional", "conditionally approved", "in qualification", "qualifying"],
      ["unproven", "not qualified", "not approved", "not capable", "rejected"],
    ),
    provide: "supplier capability (quality, lead time, batch consistency)",
    needB: "a supplier qualified for quality, lead time and batch consistency",
    stepB: "Qualify the supplier for quality, lead time and batch consistency.",
  },
  inspection: {
    id: "inspection",
    label: "Inspection",
    kind: "level",
    description: "Inspection plan: FAI, in-process, outgoing quality",
    headers: ["inspection", "inspection plan", "quality plan", "fai", "inspection status", "quality requirements"],
    vocabulary: v(["defined", "approved", "in place", "released"], ["draft"], ["none", "not defined", "missing", "open"]),
    provide: "quality requirements and inspection plan",
    needB: "FAI, in-process and outgoing inspection defined",
    stepB: "Define the inspection plan: FAI, in-process and outgoing quality.",
  },
  cost: {
    id: "cost",
    label: "Piece price",
    kind: "level",
    description: "Piece price at planned volume understood",
    headers: ["cost", "cost target", "piece price", "target price", "cost understood", "cost status", "price status"],
    vocabulary: v(
      ["understood", "agreed", "quoted", "confirmed"],
      ["estimated", "estimate", "budgetary"],
      ["not understood", "not quoted", "unknown cost", "open"],
    ),
    provide: "piece price at planned volume",
    needB: "piece price at planned volume understood",
    stepB: "Get the piece price quoted at the planned production volume.",
  },
  goal: {
    id: "goal",
    label: "Goal",
    kind: "goal",
    description: "What the parts are for: learning or delivering",
    headers: ["goal", "project goal", "purpose", "intent", "stage goal"],
    provide: "application goal (learning or delivering) or the quantity range",
    needA: "a delivery goal (pilot, sampling, supply)",
    stepA: "Keep prototyping while the goal is learning; move on once parts are needed for delivery (pilot, sampling, supply).",
  },
  quantity: {
    id: "quantity",
    label: "Quantity",
    kind: "number",
    description: "Parts needed in this order or batch",
    headers: ["quantity", "qty", "order quantity", "batch quantity", "quantity needed", "batch size", "order qty", "quantity required"],
    provide: "quantity range",
  },
  annual_volume: {
    id: "annual_volume",
    label: "Annual volume",
    kind: "number",
    description: "Target annual usage",
    headers: ["annual volume", "annual usage", "annual demand", "target annual usage", "eau", "yearly volume", "annual quantity", "yearly usage"],
    provide: "target annual usage",
  },
};

export const GOAL_WORDS: Readonly<Record<Goal, readonly string[]>> = {
  learning: ["learning", "learn", "validation", "prototype", "prototyping", "test", "testing", "evaluation", "r&d", "r & d", "rnd", "research", "development"],
  delivering: [
    "delivering",
    "delivery",
    "pilot",
    "sampling",
    "customer sampling",
    "market test",
    "pre production",
    "preproduction",
    "pre launch",
    "prelaunch",
    "supply",
    "production",
    "series",
    "launch",
  ],
};

/** Words every level criterion understands. */
export const GENERIC_WORDS: Vocabulary = {
  met: ["yes", "y", "true", "1", "x", "✓", "✔", "☑", "done", "100%", "met"],
  partial: ["partial", "partially", "partly", "in progress", "ongoing", "mostly", "some"],
  notMet: ["no", "n", "false", "0", "✗", "✘", "0%", "not met", "not done"],
};

/** Values that mean "nobody has said": unknown, not "no". */
export const UNKNOWN_WORDS: readonly string[] = ["", "n/a", "na", "n.a", "?", "??", "tbd", "tbc", "unknown", "not applicable", "not known"];

/** Columns that name the part: used to label results, never read as a criterion. */
export const PART_HEADERS: readonly string[] = [
  "part",
  "part number",
  "part no",
  "part nr",
  "part num",
  "pn",
  "p n",
  "part id",
  "part name",
  "item",
  "item number",
  "item no",
  "name",
  "description",
  "part description",
  "component",
  "article",
  "sku",
];
