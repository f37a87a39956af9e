import { partName, table, type SectionDef } from "../common";
import type { ReportInput } from "../input";

/** Every waiver with its justification; left out when no part has one. */
export function waiversSection(input: ReportInput): SectionDef | null {
  const rows = input.parts.flatMap((p) => p.waived.map((w) => [partName(p), w.criterion, w.justification]));
  return rows.length === 0 ? null : { id: "waivers", title: "Waivers", body: table(["Part", "Criterion waived", "Justification"], rows) };
}
