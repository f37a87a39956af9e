import { stageName } from "../../core";
import { none, partName, stageBadge, table, type SectionDef } from "../common";
import type { ReportInput } from "../input";

/** Assemblies capped by a component; left out when the sheet has no hierarchy (no part has an assembly stage). */
export function assembliesSection(input: ReportInput): SectionDef | null {
  if (!input.parts.some((p) => p.assemblyStage !== undefined)) return null;
  const limited = input.parts.filter((p) => p.assemblyStage !== undefined && (p.limitedBy?.length ?? 0) > 0);
  return {
    id: "assemblies",
    title: "Assemblies limited by components",
    body:
      limited.length === 0
        ? none("No assembly is held back by its components.")
        : table(
            ["Assembly", "Own stage", "Assembly stage", "Limited by"],
            limited.map((p) => [
              partName(p),
              stageBadge(p.stage),
              stageBadge(p.assemblyStage ?? null),
              (p.limitedBy ?? []).map((c) => `${c.label.trim() === "" ? "(no label)" : c.label.trim()}: ${stageName(c.stage)}`).join("; "),
            ]),
          ),
  };
}
