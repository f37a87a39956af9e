export const STAGES = ["prototyping", "low-volume", "mass-production"] as const;
export type Stage = (typeof STAGES)[number];

export interface StageProfile {
  readonly stage: Stage;
  readonly name: string;
  readonly quantity: string;
  readonly purpose: string;
  readonly processes: string;
  readonly inspection: string;
}

export const STAGE_PROFILES: Readonly<Record<Stage, StageProfile>> = {
  prototyping: {
    stage: "prototyping",
    name: "Prototyping",
    quantity: "about 1–10 parts",
    purpose: "Learn: validate design, fit, assembly and function",
    processes: "CNC machining, 3D printing, rapid molding",
    inspection: "Critical features",
  },
  "low-volume": {
    stage: "low-volume",
    name: "Low-volume manufacturing",
    quantity: "tens to hundreds of parts",
    purpose: "Deliver repeatable small batches: pilot, sampling, pre-launch supply",
    processes: "CNC machining, rapid molding, structured small-batch workflow",
    inspection: "Batch inspection, FAI, CMM, material certificates as needed",
  },
  "mass-production": {
    stage: "mass-production",
    name: "Mass production",
    quantity: "thousands and up, repeat demand",
    purpose: "Stable supply at planned volume",
    processes: "Production tooling and dedicated fixtures",
    inspection: "FAI, in-process and outgoing quality checks",
  },
};

export function stageName(stage: Stage): string {
  return STAGE_PROFILES[stage].name;
}

export function nextStageOf(stage: Stage): Stage | null {
  return STAGES[STAGES.indexOf(stage) + 1] ?? null;
}
