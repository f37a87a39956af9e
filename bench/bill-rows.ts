/*
 * Realistic rows of a bill of parts for the benches: 16 columns, parts at every
 * stage, the words people type (from the core's own vocabularies, mixed case,
 * a trailing dot now and then), quantities written every which way, about 1 %
 * cells the core cannot read and 1 % empty rows. Seeded, so every run is alike.
 */
import { CRITERION_DEFS, GOAL_WORDS, type LevelCriterionId } from "../src/core";

export const BILL_HEADERS = [
  "Part number",
  "Description",
  "Design status",
  "Function validated",
  "Material",
  "Surface finish",
  "Tolerance review",
  "DFM review",
  "Pilot run",
  "Demand",
  "Supplier capability",
  "Inspection plan",
  "Cost target",
  "Goal",
  "Qty",
  "Annual volume",
] as const;

const LEVEL_COLUMNS: readonly LevelCriterionId[] = [
  "design",
  "function",
  "material",
  "finish",
  "tolerances",
  "dfm",
  "pilot",
  "demand",
  "supplier",
  "inspection",
  "cost",
];
const DESCRIPTIONS = [
  "Motor bracket",
  "Sensor housing",
  "Drive shaft",
  "Cable clip",
  "Cover plate",
  "Spacer",
  "Gasket",
  "Bearing seat",
  "Heat sink",
  "Pump impeller",
  "Valve body",
  "Mounting rail",
  "Hinge pin",
  "Lens holder",
  "Battery tray",
];
const MATERIALS = ["6061-T6", "7075-T651", "AISI 304", "POM-C", "PA66 GF30", "Ti-6Al-4V", "C36000 brass"];
const FINISHES = ["black anodize", "clear anodize", "bead blast", "zinc plated", "passivated", "powder coat RAL 9005"];
const BAD = ["banana", "#N/A", "see drawing", "ask Tom", "??!"];

/** mulberry32: a small seeded generator. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Level = "met" | "partial" | "not-met" | "unknown";

export function billRows(count: number, seed = 42): () => Generator<(string | number)[]> {
  return function* rows() {
    const random = seeded(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const styled = (word: string): string => {
      const r = random();
      if (r < 0.15) return word.charAt(0).toUpperCase() + word.slice(1);
      if (r < 0.2) return `${word}.`;
      if (r < 0.22) return word.toUpperCase();
      return word;
    };
    const word = (id: LevelCriterionId, level: Level): string => {
      if (level === "unknown") return pick(["", "", "", "n/a", "tbd", "?"]);
      const own = CRITERION_DEFS[id].vocabulary;
      const generic = level === "met" ? ["yes", "x", "✓", "done"] : level === "partial" ? ["partial", "in progress", "50%"] : ["no", "0%"];
      const words = level === "met" ? own?.met : level === "partial" ? own?.partial : own?.notMet;
      return styled(random() < 0.8 && words !== undefined && words.length > 0 ? pick(words) : pick(generic));
    };
    const quantity = (stage: number): string | number => {
      const n = stage === 0 ? 1 + Math.floor(random() * 10) : stage === 1 ? 20 + Math.floor(random() * 480) : 1000 + Math.floor(random() * 49000);
      const r = random();
      if (r < 0.5) return n;
      if (r < 0.7) return n >= 1000 ? n.toLocaleString("en-US") : `${n}`;
      if (r < 0.8) return n >= 1000 ? `${Math.round(n / 100) / 10}k` : `~${n}`;
      if (r < 0.9) return `${n} pcs`;
      return `${Math.floor(n / 2)}-${n}`;
    };
    for (let i = 0; i < count; i += 1) {
      if (random() < 0.01) {
        yield [];
        continue;
      }
      const stage = random() < 0.4 ? 0 : random() < 0.6 ? 1 : 2;
      const row: (string | number)[] = [`PN-${String(100000 + i)}`, `${pick(DESCRIPTIONS)} rev ${String.fromCharCode(65 + (i % 6))}`];
      for (const id of LEVEL_COLUMNS) {
        const gateA = id === "design" || id === "function" || id === "material" || id === "finish";
        let level: Level;
        if (stage === 2) level = random() < 0.97 ? "met" : "partial";
        else if (stage === 1) level = gateA ? (random() < 0.6 ? "met" : "partial") : pick<Level>(["met", "partial", "partial", "unknown", "not-met"]);
        else level = gateA ? pick<Level>(["partial", "not-met", "unknown", "met"]) : pick<Level>(["unknown", "unknown", "not-met", "partial"]);
        let cell = word(id, level);
        if (id === "material" && random() < 0.3 && level !== "met") cell = pick(MATERIALS);
        if (id === "finish" && random() < 0.3 && level !== "met") cell = pick(FINISHES);
        if (random() < 0.01) cell = pick(BAD);
        row.push(cell);
      }
      row.push(styled(stage === 0 ? pick(random() < 0.7 ? GOAL_WORDS.learning : ["", "n/a"]) : pick(GOAL_WORDS.delivering)));
      row.push(quantity(stage));
      row.push(stage === 0 ? "" : quantity(2));
      yield row;
    }
  };
}
