import type { CriterionId } from "./criteria";

/**
 * How headers are read by their words. A family's patterns are written as
 * slots joined by " + ", each slot a list of words joined by "|"; a header
 * matches a pattern when each slot is filled by a different word of the
 * header (compared by stem; a leading "=" compares the word as written).
 * Every other word of the header must be a status word or one of the
 * family's extras, else the header is not read as that criterion.
 */
export interface HeaderFamily {
  readonly patterns: readonly string[];
  readonly extras: readonly string[];
  /** Words that stop a header from being this criterion ("Finish date", "Qty per assembly"). */
  readonly not: readonly string[];
}

/** Words that describe a status column without naming a criterion. */
export const STATUS_WORDS: readonly string[] = [
  "status", "state", "check", "checked", "result", "complete", "completed", "done", "ok", "approved", "approval",
  "confirmed", "confirmation", "freeze", "frozen", "locked", "lock", "validated", "validation", "verified", "verification",
  "qualified", "qualification", "defined", "definition", "current", "overall", "flag", "readiness", "ready", "tracker",
  "tracking", "progress", "sign", "signoff", "off", "passed", "pass", "released", "release", "agreed", "known", "understood", "stable", "final",
  "finalized", "selected", "achieved", "identified", "signed", "performed", "closed", "received", "the", "of", "and", "for", "to", "is", "are", "has", "been", "a", "an", "in", "at", "y", "n", "yes",
];

/** Words that say a column holds something other than a status: names, numbers, dates, people, stock, time. */
export const DISQUALIFYING_WORDS: readonly string[] = [
  "name", "number", "id", "code", "date", "owner", "responsible", "buyer", "planner", "contact", "email",
  "phone", "person", "by", "lead", "time", "hand", "stock", "inventory", "currency", "uom", "measure", "weight", "density",
  "thickness", "comment", "note", "remark", "link", "url", "file", "document", "doc", "report", "reference", "ref",
  "location", "country", "address", "maker", "=inspector", "=approver", "=reviewer", "=checker", "=designer", "=engineer", "description", "sku", "mpn", "account", "deadline", "due", "eta", "etd",
  "duration", "day", "week", "hour", "cycle", "image", "photo", "picture", "sheet", "page", "who", "when", "where", "contract", "=designator", "=designators",
];

/** Disqualifying words that a status word overrides: "DFM report status" is a status, "DFM report" a link to one. */
export const SOFT_DISQUALIFYING_WORDS: readonly string[] = ["report", "document", "doc", "file", "link"];

/** Phrases that disqualify a header as a whole (matched on the spelled-out words). */
export const DISQUALIFYING_PHRASES: readonly RegExp[] = [/\bprice unit\b/u, /\bcost (?:center|centre)\b/u, /(?<!price |cost )\bper (?:assembly|unit|set|parent|kit|product|board|machine)\b/u];

export const HEADER_FAMILIES: Readonly<Record<CriterionId, HeaderFamily>> = {
  design: {
    patterns: [
      "design",
      "drawing|cad|model|print|blueprint|2d|3d + status|release|released|freeze|frozen|maturity|stability|stable|approval|approved|locked|final|baseline",
      "revision + status|release|released|freeze|frozen|approval|approved|baseline",
      "engineering + release|released|freeze",
      "release + status",
      "design + maturity|stability|freeze|baseline",
    ],
    extras: ["drawing", "cad", "model", "2d", "3d", "revision", "engineering", "part", "product", "maturity", "stability", "baseline", "geometry", "record", "output"],
    not: ["review", "change", "request", "validation", "verification", "fmea", "dfmea", "quantity", "cost", "price"],
  },
  function: {
    patterns: [
      "function|functional|functionality|dvp",
      "bench + test|testing",
      "fit + check|test|function|form|trial|status|verified|validated|verification|validation|ok|result",
      "assembly + test|trial|validation|verification|check|validated|verified|fit",
      "prototype + test|testing|validation|verification|validated|verified|evaluation|result|approved|approval",
      "design + validation|verification|verified|validated",
      "dv|dvt|evt + test|testing|status|result|complete|completed|passed|sign|signoff",
      "performance + test|testing|validation|verification",
      "engineering + test|testing|validation",
    ],
    extras: ["form", "fit", "assembly", "test", "testing", "trial", "prototype", "evaluation", "performance", "use", "case", "proof", "engineering", "product", "bench", "r", "works", "like", "looks", "result"],
    not: ["date", "plan", "procedure", "report", "quantity", "cost", "price"],
  },
  material: {
    patterns: ["material|alloy|resin|polymer|substrate", "material + grade|specification|selection|choice|callout"],
    extras: ["raw", "base", "grade", "specification", "selection", "choice", "callout", "part", "alloy", "temper", "material", "resin"],
    not: ["type", "cost", "price", "certificate", "supplier", "vendor", "review", "board", "mrb", "handling", "group", "class", "master", "availability", "shortage", "quantity", "usage"],
  },
  finish: {
    patterns: [
      "finish|finishing|coating|plating|plated|coated|anodize|anodizing|paint|painting|passivation",
      "surface + finish|treatment|protection|coating|condition",
      "treatment",
      "corrosion + protection|treatment",
      "cosmetic|appearance + approval|approved|status|check|ok",
      "aar",
    ],
    extras: ["surface", "finish", "coating", "plating", "treatment", "secondary", "type", "specification", "colour", "color", "protection", "part", "powder", "cosmetic", "paint", "callout", "corrosion"],
    not: ["heat", "good", "roughness", "cost", "price", "supplier", "vendor", "quantity", "thermal"],
  },
  tolerances: {
    patterns: ["tolerance|tolerancing|gdt|gd", "critical|key|ctq + dimension|feature|characteristic|dims"],
    extras: ["review", "reviewed", "analysis", "stack", "stackup", "critical", "dimension", "dimensional", "feature", "noncritical", "non", "optimized", "optimization", "t", "key", "drawing", "up", "study", "ctq"],
    not: ["cost", "price", "quantity"],
  },
  dfm: {
    patterns: ["dfm|dfx|dfa", "design + =manufacture|=manufacturability|=manufacturing|=production|=producibility|=manufacturable", "=manufacturability|=producibility", "manufacturing + review|feasibility"],
    extras: ["review", "reviewed", "for", "analysis", "feedback", "feasibility", "design", "assembly", "supplier", "assessment", "moldflow", "mold", "mould", "report", "dfm", "dfa", "dfx"],
    not: ["cost", "price", "quantity"],
  },
  pilot: {
    patterns: [
      "pilot",
      "small + batch|lot|series|run",
      "low + volume + validation|validated|run|build|trial|batch",
      "batch + validation|validated|consistency|trial",
      "trial + run|build|batch|lot|production",
      "run + rate",
      "pvt|pq + status|result|build|run|complete|completed|passed|approved|approval",
      "ppap + run|build",
      "production + trial|run",
      "significant + run",
      "pre + series|production + run|build|batch|lot",
    ],
    extras: ["run", "build", "batch", "lot", "series", "trial", "production", "low", "volume", "small", "pre", "consistency", "rate", "significant", "assembly", "pvt", "pq", "ppap"],
    not: ["quantity", "size", "cost", "price", "plan", "planned", "schedule"],
  },
  demand: {
    patterns: [
      "demand",
      "forecast",
      "repeat|recurring + demand|order|business|off",
      "blanket + order",
      "order + frequency|pattern|cadence",
      "call + off",
      "volume + stability|commitment|stable|visibility",
    ],
    extras: ["stability", "repeat", "recurring", "frequency", "pattern", "visibility", "type", "customer", "commitment", "committed", "confidence", "order", "volume", "cadence", "one", "off", "or", "business", "blanket", "certainty", "firm", "profile", "agreement", "call"],
    not: ["quantity", "annual", "yearly", "year", "month", "monthly", "usage", "cost", "price", "accuracy", "error"],
  },
  supplier: {
    patterns: [
      "supplier",
      "asl|avl",
      "vendor|source|subcontractor + status|qualification|qualified|capability|capable|approval|approved|certification|certified|assessment|audit|rating|readiness|selection|nomination|nominated",
    ],
    extras: ["capability", "capable", "certification", "certified", "assessment", "audit", "rating", "nomination", "nominated", "process", "quality", "source", "vendor", "subcontractor", "development", "sourcing", "on", "asl", "avl"],
    not: ["cost", "price", "quantity", "part", "site", "plant", "type", "list", "category"],
  },
  inspection: {
    patterns: [
      "inspection",
      "quality + plan|requirement|planning",
      "control + plan",
      "fai|fair|isir|itp",
      "first + article",
      "measurement + plan",
    ],
    extras: ["plan", "planning", "method", "requirement", "first", "article", "outgoing", "incoming", "process", "quality", "fai", "documentation", "control", "sampling", "measurement", "inspection", "test", "production", "prototype", "launch", "pre", "itp", "as9102", "receiving", "criteria"],
    not: ["report", "frequency", "level", "cost", "price", "quantity", "lot", "interval"],
  },
  cost: {
    patterns: ["cost|price|pricing|=quote|=quotes|=quotation|rfq", "quoted + price|cost|pricing"],
    extras: ["piece", "unit", "part", "target", "should", "per", "each", "planned", "volume", "production", "purchase", "net", "selling", "negotiated", "eau", "supplier", "std", "standard", "at", "award", "awarded", "received", "quoted"],
    not: ["tooling", "tool", "nre", "freight", "shipping", "total", "extended", "material", "labor", "labour", "overhead", "saving", "variance", "delta", "reduction", "element", "type", "estimated", "setup", "mould", "mold", "fixture", "history", "last", "previous", "old", "quantity", "break", "validity", "valid"],
  },
  goal: {
    patterns: [
      "goal|purpose|intent|intention|objective",
      "what + for",
      "build + purpose|phase|type|stage|reason|intent",
      "order + purpose|reason|intent",
      "project|program|programme|development|npi + phase|stage",
      "intended + use",
    ],
    extras: ["build", "order", "project", "program", "programme", "stage", "phase", "reason", "intended", "use", "npi", "development", "part", "what", "request", "sample"],
    not: ["date", "gate", "quantity", "cost", "price"],
  },
  quantity: {
    patterns: ["quantity", "order|batch|build|lot|run|purchase|po|rfq|prototype + size|quantity", "piece|part|unit + required|needed|ordered|requested"],
    extras: ["order", "ordered", "batch", "build", "lot", "run", "purchase", "required", "needed", "requested", "request", "piece", "to", "make", "initial", "first", "planned", "this", "size", "rfq", "prototype"],
    not: ["for", "per", "assembly", "min", "minimum", "moq", "max", "maximum", "multiple", "pack", "box", "carton", "reorder", "safety", "backorder", "usage", "available", "shipped", "received", "delivered", "open", "annual", "yearly", "year", "month", "monthly", "forecast", "demand", "cost", "price", "scrap", "reject", "rejected", "defect", "sample"],
  },
  annual_volume: {
    patterns: [
      "annual|yearly|year|annum + volume|usage|demand|quantity|requirement|consumption|forecast|need|unit|piece|part",
      "eau",
      "volume + year|annum",
    ],
    extras: ["estimated", "target", "expected", "planned", "forecast", "per", "average", "volume", "usage", "piece", "unit", "customer", "projected", "quoted", "quantity", "demand", "requirement"],
    not: ["cost", "price", "spend", "revenue", "value", "sales"],
  },
};

/** Under a Material or Finish header with none of these words, a name stands in for a status. */
export const NAME_COLUMN_STATUS_WORDS: readonly string[] = [
  "status", "state", "confirmed", "confirmation", "locked", "lock", "final", "finalized", "approved", "approval", "defined",
  "definition", "validated", "validation", "verified", "verification", "check", "checked", "frozen", "freeze", "released", "release", "ok", "done", "agreed", "ready", "readiness",
];

/** Cost headers that hold a price rather than a status ("Unit price", "Target cost"), unless a status word says otherwise. */
export const PRICE_WORDS: readonly string[] = ["cost", "price", "pricing"];
export const PRICE_STATUS_WORDS: readonly string[] = ["status", "understood", "agreed", "known", "confirmed", "approved", "approval", "clear", "ok", "done"];

/**
 * Columns that are not criteria but change how a sheet is read: the BOM level
 * or parent of each part (the hierarchy), and the written justification of a
 * waiver. Read like a criterion family: a header matches when a pattern fills
 * and every other word is one of the role's extras.
 */
export const ROLE_FAMILIES = {
  level: {
    patterns: ["level|lvl|indent|indentation|indenture|ebene|stufe|niveau", "explosion + level|depth", "bom|structure|hierarchy + depth"],
    extras: ["bom", "explosion", "structure", "structural", "indented", "hierarchy", "hierarchical", "tree", "assembly", "product", "item", "number", "stuckliste", "stücklisten", "baugruppe", "depth"],
  },
  parent: {
    patterns: ["parent|nha", "used + on|in", "where + used", "next + assembly|higher", "higher + level|assembly", "uebergeordnet|übergeordnet|oberbaugruppe"],
    extras: ["part", "number", "item", "id", "assembly", "material", "code", "p", "n", "sku", "article", "level", "next", "higher", "baugruppe", "name", "component"],
  },
  justification: {
    patterns: ["waiver|waivers|deviation|deviations|justification|rationale|derogation", "risk + acceptance|accepted"],
    extras: ["reason", "justification", "waiver", "deviation", "text", "details", "detail", "comment", "comments", "note", "notes", "number", "id", "ref", "reference", "approved", "approval", "risk", "acceptance", "accepted", "written", "description", "record", "request", "and", "or", "the", "for", "permit", "rationale"],
  },
} as const satisfies Readonly<Record<string, Omit<HeaderFamily, "not">>>;

/**
 * Words that make a header an evidence column for the criterion its other
 * words name ("DFM report", "PPAP link", "Design evidence"). Several are also
 * disqualifiers: such a column is never a status column.
 */
export const EVIDENCE_WORDS: readonly string[] = [
  "evidence", "proof", "report", "link", "links", "hyperlink", "url", "document", "doc", "reference", "ref", "file", "attachment", "certificate", "folder", "path", "pdf",
];

/** Subjects an evidence header names by one word that is not a criterion header alone ("Test report", "PPAP link", "Drawing file"). */
export const EVIDENCE_SUBJECTS: Readonly<Record<string, CriterionId>> = {
  test: "function", testing: "function", dvp: "function", drawing: "design", cad: "design", model: "design", print: "design",
  ppap: "supplier", psw: "supplier", audit: "supplier", cmm: "inspection", dimensional: "inspection", layout: "inspection",
  mill: "material", salt: "finish", spray: "finish", quote: "cost", quotation: "cost", ptr: "pilot", trial: "pilot",
};
