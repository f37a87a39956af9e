import { describe, expect, it } from "vitest";
import { STAGES, STAGE_PROFILES, nextStageOf, stageName } from "../../src/core";
import { SPEC_STAGE_NAMES } from "./spec-tables";

describe("stages", () => {
  it("are ordered prototyping, low-volume, mass production", () => {
    expect(STAGES).toEqual(["prototyping", "low-volume", "mass-production"]);
    expect(STAGES.map(nextStageOf)).toEqual(["low-volume", "mass-production", null]);
  });

  it.each(STAGES.map((s) => [s]))("%s has the spec's display name and a profile", (stage) => {
    expect(stageName(stage)).toBe(SPEC_STAGE_NAMES[stage]);
    expect(STAGE_PROFILES[stage].stage).toBe(stage);
  });

  it("profiles carry the spec's typical quantities", () => {
    expect(STAGE_PROFILES.prototyping.quantity).toMatch(/1.10/u);
    expect(STAGE_PROFILES["low-volume"].quantity).toMatch(/tens to hundreds/u);
    expect(STAGE_PROFILES["mass-production"].quantity).toMatch(/thousands/u);
  });
});
