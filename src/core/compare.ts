/*
 * What changed since last time: the parts of a previous run matched to the
 * parts of this one by their label, and each current part's stage move.
 *
 * Precision first: a move is claimed only when exactly one previous part and
 * exactly one current part carry the label. A label that appears twice on
 * either side is reported as a duplicate and its current parts get "same"
 * (an empty Change): no claim, rather than a guess at which row is which.
 * A blank label names nothing: such a part is neither matched, nor new, nor
 * dropped, nor a duplicate.
 */
import { STAGES, stageName, type Stage } from "./stages";

export type StageChange = { readonly kind: "up" | "down"; readonly from: Stage } | { readonly kind: "new" } | { readonly kind: "same" };

export interface RunPart {
  readonly label: string;
  readonly stage: Stage;
  /** Where the part is in its sheet (1-based row), for the duplicates report. */
  readonly row: number;
}

export interface LabelDuplicate {
  /** The label as first written on that side, trimmed. */
  readonly label: string;
  readonly rows: readonly number[];
  readonly side: "previous" | "current";
}

export interface RunComparison {
  /** One per current part, same order. */
  readonly changes: readonly StageChange[];
  readonly movedUp: number;
  readonly movedDown: number;
  readonly added: number;
  /** Previous parts whose label is gone, in their run's order. */
  readonly dropped: readonly RunPart[];
  /** Labels written more than once on a side: previous side first, each in order of first appearance. */
  readonly duplicates: readonly LabelDuplicate[];
}

export const CHANGE_HEADER = "Change";

/** The key two labels match by: trimmed, each run of whitespace one space, case-folded. "" for a blank label. */
export function labelKey(label: string): string {
  return label.normalize("NFC").trim().replace(/\s+/gu, " ").toLowerCase();
}

function byKey(parts: readonly RunPart[]): Map<string, RunPart[]> {
  const groups = new Map<string, RunPart[]>();
  for (const part of parts) {
    const key = labelKey(part.label);
    if (key === "") continue;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [part]);
    else group.push(part);
  }
  return groups;
}

function duplicatesOf(groups: ReadonlyMap<string, readonly RunPart[]>, side: LabelDuplicate["side"]): LabelDuplicate[] {
  const found: LabelDuplicate[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    if (first !== undefined && group.length > 1) found.push({ label: first.label.trim(), rows: group.map((p) => p.row), side });
  }
  return found;
}

const SAME: StageChange = { kind: "same" };
const NEW: StageChange = { kind: "new" };

export function compareRuns(previous: readonly RunPart[], current: readonly RunPart[]): RunComparison {
  const before = byKey(previous);
  const now = byKey(current);
  let movedUp = 0;
  let movedDown = 0;
  let added = 0;
  const changes = current.map((part): StageChange => {
    const key = labelKey(part.label);
    if (key === "") return SAME;
    const earlier = before.get(key);
    if (earlier === undefined) {
      added += 1;
      return NEW;
    }
    const match = earlier.length === 1 && now.get(key)?.length === 1 ? earlier[0] : undefined;
    if (match === undefined) return SAME;
    const step = STAGES.indexOf(part.stage) - STAGES.indexOf(match.stage);
    if (step > 0) {
      movedUp += 1;
      return { kind: "up", from: match.stage };
    }
    if (step < 0) {
      movedDown += 1;
      return { kind: "down", from: match.stage };
    }
    return SAME;
  });
  const dropped = previous.filter((p) => {
    const key = labelKey(p.label);
    return key !== "" && !now.has(key);
  });
  return { changes, movedUp, movedDown, added, dropped, duplicates: [...duplicatesOf(before, "previous"), ...duplicatesOf(now, "current")] };
}

/** The Change cell: "↑ from Prototyping", "↓ from Mass production", "new", or "" when unchanged or not matched. */
export function changeText(change: StageChange): string {
  switch (change.kind) {
    case "up":
      return `↑ from ${stageName(change.from)}`;
    case "down":
      return `↓ from ${stageName(change.from)}`;
    case "new":
      return "new";
    case "same":
      return "";
  }
}
