import type { Stage } from "./stages";

export interface StageColors {
  /** Cell fill, "#RRGGBB". */
  readonly fill: string;
  /** Text on that fill, "#RRGGBB"; contrast at least 4.5:1. */
  readonly font: string;
}

/** The colours every surface gives a Stage cell, so a sheet looks the same whoever classified it. */
export const STAGE_COLORS: Readonly<Record<Stage, StageColors>> = {
  prototyping: { fill: "#FCE4D6", font: "#833C0B" },
  "low-volume": { fill: "#DDEBF7", font: "#1F4E79" },
  "mass-production": { fill: "#E2EFDA", font: "#375623" },
};
