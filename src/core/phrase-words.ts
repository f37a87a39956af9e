import type { Goal, Level, LevelCriterionId } from "./criteria";

/**
 * Words read inside a phrase, beyond each criterion's own words. Generic
 * words apply to every level criterion; a criterion's own words (its
 * vocabulary and the extras here) win where a word could mean two things.
 */
export const PHRASE_GENERIC: Readonly<Record<Exclude<Level, "unknown">, readonly string[]>> = {
  met: ["ok", "okay", "pass", "passed", "good", "approved", "accepted", "complete", "completed", "released", "confirmed", "closed ok", "signed off", "sign off", "io", "i o", "freigegeben"],
  partial: [
    "conditional", "conditionally approved", "provisional", "provisionally approved", "interim", "interim approval", "under review", "in review", "in work",
    "in process", "underway", "under way", "started", "on going", "partially", "partly", "mostly", "almost", "nearly", "largely", "submitted",
    "temporary approval", "preliminary", "limited approval", "approved with conditions", "approved w conditions", "approved with deviations",
    "approved with deviation", "approved with comments", "accepted with deviation", "accepted with deviations",
    "open deviation", "open deviations", "open points", "open issues", "open actions", "open items", "under development", "with concession",
    "under concession", "half", "about half", "halfway",
  ],
  "not-met": [
    "nok", "not ok", "ng", "no go", "failed", "fail", "rejected", "reject", "revoked", "withdrawn", "suspended", "expired", "disqualified",
    "blocked", "non conforming", "nonconforming", "out of spec", "cancelled", "canceled", "not started", "not done", "missing", "none yet",
    "disapproved", "skipped", "not performed", "nio", "n i o", "in arbeit",
  ],
};

/** Extra phrase words per criterion (on top of its vocabulary in criteria.ts). */
export const PHRASE_OWN: Readonly<Partial<Record<LevelCriterionId, Readonly<Partial<Record<Exclude<Level, "unknown">, readonly string[]>>>>>> = {
  design: {
    met: ["frozen", "released", "rel", "baselined", "design freeze", "locked down", "ifc", "issued for production", "issued for manufacture", "approved for production", "production release"],
    partial: ["mostly frozen", "stable", "near final", "prelim", "preliminary", "ecn open", "ecn pending", "minor ecn", "under change", "in change", "for review", "for approval", "issued for review", "in approval"],
    "not-met": ["changing", "in revision", "under revision", "in design", "in development", "concept", "redesign", "major changes", "not released", "unreleased", "in work", "draft", "wip", "being revised", "open", "under development"],
  },
  function: {
    met: ["tested ok", "test passed", "tests passed", "all tests passed", "fit ok", "functional", "works", "verified ok", "confirmed"],
    partial: ["partially tested", "testing ongoing", "under test", "in test", "in testing", "retest", "re test", "minor issues", "open issues"],
    "not-met": ["not tested", "untested", "does not fit", "doesn t fit", "no fit", "interference", "not functional", "broken"],
  },
  material: {
    met: ["fixed", "frozen", "specified and confirmed"],
    partial: ["in test", "under test", "being tested", "shortlisted", "short listed", "preferred"],
    "not-met": ["not decided", "not confirmed", "not selected", "not chosen", "tbd by test", "under evaluation", "being evaluated", "evaluating"],
  },
  finish: {
    met: ["fixed", "frozen", "passed salt spray"],
    partial: ["in test", "under test", "being tested", "shortlisted", "preferred", "trial"],
    "not-met": ["not decided", "not confirmed", "not selected", "under evaluation", "being evaluated"],
  },
  tolerances: {
    partial: [
      "critical only", "critical dims only", "critical defined", "criticals defined", "in review", "partially reviewed", "ongoing", "rest open",
      "critical features only", "ctq identified", "ctqs identified", "ctqs defined", "key characteristics defined", "key characteristics identified",
      "critical identified", "critical dims defined",
    ],
    met: ["done", "signed off", "critical and non critical reviewed", "all reviewed", "all ctqs defined", "all ctqs identified", "all critical dims defined"],
    "not-met": ["not reviewed", "open", "not started", "to do", "todo", "pending review", "review pending", "to be reviewed"],
  },
  dfm: {
    met: ["done", "held", "signed off", "actions closed", "closed"],
    partial: ["actions open", "open actions", "in review", "feedback received"],
    "not-met": ["not done", "not started", "to do", "todo", "not held", "scheduled", "planned", "requested", "dfm requested"],
  },
  pilot: {
    met: ["run complete", "pilot complete", "done", "ok", "approved", "closed", "released"],
    partial: ["running", "ongoing", "in progress", "parts in build", "build ongoing", "in build"],
    "not-met": ["not run", "not started", "not planned", "to do", "todo", "scheduled", "planned"],
  },
  demand: {
    met: ["stable", "repeat", "repeating", "recurring", "contracted", "committed", "firm", "firm orders", "blanket order", "blanket po", "frame contract", "frame agreement", "call off", "call offs", "kanban", "under contract", "contract", "scheduling agreement", "lta", "long term agreement", "monthly", "quarterly", "annual", "annually", "weekly", "every month", "every quarter", "scheduled releases", "ltsa"],
    partial: ["forecast", "forecasted", "forecast only", "seasonal", "expected", "projected", "estimated", "budgeted", "tentative", "soft forecast", "indicative", "not committed", "uncommitted", "not firm", "not binding", "non binding", "nonbinding"],
    "not-met": ["unclear", "unstable", "one off", "one time", "one shot", "single order", "single batch", "uncertain", "none", "volatile", "unknown demand", "spot buy", "spot", "no repeat", "erratic", "sporadic", "irregular", "single build", "no follow on", "last time buy", "ltb", "end of life", "eol", "phase out", "phasing out"],
  },
  supplier: {
    met: ["qualified", "approved", "capable", "certified", "on asl", "asl", "on avl", "avl", "ppap approved", "full approval", "nominated and qualified", "audited"],
    partial: ["conditional", "conditionally approved", "in qualification", "qualifying", "under qualification", "nominated", "selected", "being qualified", "on probation", "probation"],
    "not-met": ["audit scheduled", "audit planned", "new supplier", "new", "unproven", "not qualified", "unqualified", "not approved", "unapproved", "not capable", "rejected", "no supplier", "not selected", "not sourced", "unsourced", "failed audit"],
  },
  inspection: {
    met: ["defined", "approved", "in place", "released", "established", "agreed", "signed off", "fai passed", "fai approved", "fai complete", "production control plan", "production cp", "signed"],
    partial: ["draft", "drafted", "preliminary", "in preparation", "being written", "under review", "prototype control plan", "pre launch control plan", "prelaunch control plan", "prototype cp", "prototype cp only"],
    "not-met": ["none", "not defined", "missing", "open", "no plan", "not started", "to do", "todo", "fai failed"],
  },
  cost: {
    met: ["understood", "agreed", "quoted", "confirmed", "quote received", "quotation received", "po placed", "negotiated", "contracted", "fixed", "firm", "firm quote", "price agreed"],
    partial: ["estimated", "estimate", "estimate only", "budgetary", "budgetary quote", "rough", "rough estimate", "rom", "ballpark", "budget quote", "budget", "target only", "indicative", "should cost", "in negotiation", "negotiating"],
    "not-met": ["not understood", "not quoted", "not yet quoted", "quote pending", "quotation pending", "awaiting quote", "waiting for quote", "rfq", "rfq sent", "rfq issued", "rfq out", "in rfq", "no quote", "unknown cost", "open"],
  },
};

/** Words that, placed shortly before a status, turn it to not met ("not frozen", "never validated"). */
export const NEGATORS: readonly string[] = ["not", "no", "never", "non", "without", "nicht"];

/** Words that, with a met status, say it has not happened yet ("approval pending", "to be released"). */
export const NOT_YET: readonly string[] = ["pending", "awaiting", "await", "waiting", "planned", "scheduled", "target", "due", "yet", "tbd", "tbc", "soon", "next", "will", "to be", "requested", "expected", "for approval", "in approval"];

/** Not-met words that a negation does not simply repeat: "not failed" may mean passed, or not tested. */
export const NEGATION_FLIPS: readonly string[] = ["failed", "fail", "rejected", "reject", "nok", "ng", "open", "changing", "unstable", "unclear", "uncertain", "disqualified", "blocked", "suspended", "none"];

/** Words that make a met status partial ("approved with deviations", "interim"). */
export const CONDITIONS: readonly string[] = [
  "conditional", "conditionally", "provisional", "provisionally", "interim", "temporary", "temp", "preliminary", "prelim", "limited", "restricted",
  "deviation", "deviations", "concession", "concessions", "except", "apart from", "other than", "with conditions", "w conditions", "with comments", "with remarks", "with findings", "minor findings", "open points",
  "open issues", "with exceptions", "exception", "exceptions", "caveat", "caveats", "partly", "partially", "mostly", "almost", "nearly", "largely",
];

/** Words after which nobody can tell what holds now ("frozen until redesign", "was approved"). */
export const HAZARDS: readonly string[] = ["until", "unless", "if", "was", "were", "previously", "formerly", "former", "old", "on hold", "hold", "maybe", "probably", "likely", "assumed", "assume", "hopefully", "or", "vs", "versus", "but", "however", "tbd", "tbc", "unknown", "unclear"];

/** Participles that are not a status alone but, negated, say not met ("not tested", "undecided"). */
export const NEGATABLE: readonly string[] = [
  "tested", "checked", "reviewed", "verified", "validated", "confirmed", "defined", "proven", "qualified", "approved", "released", "frozen", "locked",
  "decided", "specified", "quoted", "known", "started", "completed", "done", "finalised", "finalized", "agreed", "inspected", "run", "selected",
  "chosen", "fixed", "stable", "ok", "certified", "capable", "available", "passed", "sourced", "frozen yet", "understood", "performed",
  "written", "costed", "requested", "signed", "scheduled", "planned", "received", "placed", "issued",
];

/** Goal words read inside a phrase; longer phrases win ("production validation" is delivering, "validation" learning). */
export const GOAL_PHRASES: Readonly<Record<Goal, readonly string[]>> = {
  learning: [
    "learning", "learn", "validation", "validate", "prototype", "prototypes", "prototyping", "proto", "protos", "test", "tests", "testing",
    "evaluation", "evaluate", "r and d", "r d", "rnd", "research", "development", "design validation", "design verification", "dv", "dvt", "evt",
    "proof of concept", "poc", "concept", "feasibility", "feasibility study", "lab test", "lab tests", "lab", "fit check", "fit test", "fit trial",
    "engineering build", "engineering sample", "engineering samples", "experiment", "experimental", "mock up", "mockup", "bench test",
    "alpha", "a sample", "a samples", "trial fit", "design iteration", "iteration", "rapid prototype", "functional prototype", "first prototype",
    "proof of principle", "looks like", "works like", "looks like model", "works like model", "breadboard",
  ],
  delivering: [
    "delivering", "delivery", "deliver", "pilot", "pilot run", "pilot build", "pilot production", "pilot installation", "pilot validation", "pilot line",
    "sampling", "customer sampling", "customer sample", "customer samples", "customer validation", "customer trial", "customer trials",
    "market test", "market testing", "pre production", "preproduction", "pre series", "preseries", "zero series", "0 series", "pre launch", "prelaunch",
    "supply", "spares", "spare", "spare parts", "service parts", "aftermarket", "production", "mass production", "series production", "series",
    "serial", "serial production", "sop", "start of production", "ramp up", "ramp", "rampup", "launch", "low volume", "low volume production", "lvm",
    "pvt", "production validation", "process validation", "run at rate", "ppap", "ppap samples", "initial production", "first production",
    "small batch", "assembly trial", "assembly trials", "field deployment", "commercial", "sales", "for sale", "production parts",
    "c sample", "c samples", "d sample", "d samples", "nullserie", "serie", "serienbelieferung", "serienproduktion", "initial samples", "empb", "isir samples",
  ],
};
