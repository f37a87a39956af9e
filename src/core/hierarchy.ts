import { cellText, isErrorCell } from "./cell";
import type { HeaderMapping } from "./headers";
import { fail, ok, type Result } from "./result";
import { STAGE_PROFILES, STAGES, type Stage } from "./stages";

/**
 * Assemblies: a part is only as ready as its weakest component. The bill's
 * structure comes from a Level column (0/1/2, or SAP's ".1"/"..2": each part
 * sits under the nearest row above it one level up) or a Parent column (the
 * part number of the assembly it is used on). Pure: the caller gives each
 * row's label, level or parent cell and own stage, in sheet order.
 */

export const HIERARCHY_KINDS = ["level", "parent"] as const;
export type HierarchyKind = (typeof HIERARCHY_KINDS)[number];

/** The two result columns a sheet with a hierarchy gets, after the five result columns. */
export const ASSEMBLY_HEADERS = ["Assembly stage", "Limited by"] as const;
export type AssemblyCells = readonly [string, string];

/** One row of the bill, as the hierarchy reads it. */
export interface HierarchyRow {
  /** The part's name or number; "" when the sheet has none. */
  readonly label: string;
  /** The Level or Parent cell. */
  readonly link: unknown;
  /** The part's own stage; null when the row has none. */
  readonly stage: Stage | null;
  /** Where the Level or Parent cell is, for messages ("Parts!C7"). */
  readonly cell: string;
}

export const HIERARCHY_PROBLEMS = ["level-not-read", "no-level", "level-jump", "orphan", "cycle", "conflicting-stages", "no-part-column"] as const;
export type HierarchyProblemCode = (typeof HIERARCHY_PROBLEMS)[number];

/** A structure the core cannot trust: the assemblies it touches are unknown, never higher. */
export interface HierarchyProblem {
  /** The row (index into the rows given) whose cell is at fault. */
  readonly index: number;
  readonly cell: string;
  readonly code: HierarchyProblemCode;
  readonly message: string;
}

/** A component that caps an assembly, with its assembly stage. */
export interface Limiter {
  /** Index of the component's row (the first row of that part, under a Parent column). */
  readonly index: number;
  readonly label: string;
  readonly stage: Stage;
  /** The component's own components that cap it in turn, when its own stage is higher. */
  readonly through: readonly string[];
}

export type AssemblyResult =
  /** No components: both result cells stay empty. */
  | { readonly kind: "leaf" }
  | { readonly kind: "known"; readonly stage: Stage; readonly limitedBy: readonly Limiter[]; readonly components: number }
  /** A problem in the structure, a component without a stage or an own row without one: not known, never guessed high. */
  | { readonly kind: "unknown"; readonly because: string; readonly components: number };

export interface Assemblies {
  readonly kind: HierarchyKind;
  /** One per row given, in order. */
  readonly results: readonly AssemblyResult[];
  readonly problems: readonly HierarchyProblem[];
}

const LEAF: AssemblyResult = Object.freeze({ kind: "leaf" });
const RANK: Readonly<Record<Stage, number>> = Object.fromEntries(STAGES.map((s, i) => [s, i])) as Record<Stage, number>;
const shown = (text: string): string => (text.length > 40 ? `${text.slice(0, 37)}...` : text);

/** The hierarchy column a mapping reads: its Parent column, else its Level column. */
export function hierarchyOf(mapping: HeaderMapping): { readonly kind: HierarchyKind; readonly column: number; readonly header: string } | undefined {
  const role = mapping.roles.find((r) => r.role === "parent") ?? mapping.roles.find((r) => r.role === "level");
  return role === undefined || (role.role !== "parent" && role.role !== "level") ? undefined : { kind: role.role, column: role.column, header: role.header };
}

/**
 * A BOM level: a whole number 0 or more, as a number or text ("2"), or SAP's
 * explosion level (".1", "..2", "...3": as many dots as the number), or dots
 * alone (".." is 2). Blank is undefined. Anything else ("+1", "1.2.3", "A",
 * "-1", ".2") is an error naming what was expected.
 */
export function readBomLevel(value: unknown): Result<number | undefined, string> {
  const expected = "a BOM level (0, 1, 2... or .1, ..2)";
  if (value === null || value === undefined) return ok(undefined);
  if (typeof value === "number") {
    return Number.isInteger(value) && value >= 0 && value <= 99 ? ok(value) : fail(`${cellText(value) || String(value)} is not ${expected}`);
  }
  if (isErrorCell(value)) return fail(`the Excel error ${value.error} is not ${expected}`);
  const text = cellText(value).trim();
  if (text === "") return ok(undefined);
  const plain = /^\d{1,2}$/u.exec(text);
  if (plain) return ok(Number(text));
  const dotted = /^(\.+)\s*(\d{1,2})?$/u.exec(text);
  if (dotted) {
    const dots = dotted[1]?.length ?? 0;
    if (dotted[2] === undefined) return ok(dots);
    const n = Number(dotted[2]);
    return n === dots ? ok(n) : fail(`"${shown(text)}" has ${dots} dot${dots === 1 ? "" : "s"} but says level ${n}; expected ${expected}`);
  }
  if (/^\d+(?:\.\d+)+$/u.test(text)) return fail(`"${shown(text)}" looks like an outline or find number, not ${expected}`);
  return fail(`"${shown(text)}" is not ${expected}`);
}

/** How a part is named in messages and the Limited by cell. */
const nameOf = (row: HierarchyRow | undefined, index: number): string =>
  row && row.label !== "" ? row.label : `the part at ${row?.cell || `row ${index + 1}`}`;

/** A node of the structure: one row under a Level column, one part number under a Parent column. */
interface Node {
  readonly rows: number[];
  readonly children: number[];
  /** Why the node's assembly stage cannot be known, whatever its components say. */
  broken: string | undefined;
}

const isBlank = (v: unknown): boolean => cellText(v).trim() === "" && !isErrorCell(v);

/** A row that is nothing at all (no label, no level or parent, no stage) is outside the structure. */
const isEmptyRow = (r: HierarchyRow): boolean => r.label === "" && isBlank(r.link) && r.stage === null;

function levelNodes(rows: readonly HierarchyRow[], problems: HierarchyProblem[]): { nodes: Node[]; nodeOfRow: (number | undefined)[] } {
  const nodes: Node[] = [];
  const nodeOfRow: (number | undefined)[] = [];
  const stack: { node: number; level: number }[] = [];
  const breakOpen = (why: string): void => {
    for (const open of stack) (nodes[open.node] as Node).broken ??= why;
  };
  rows.forEach((row, index) => {
    if (isEmptyRow(row)) {
      nodeOfRow.push(undefined);
      return;
    }
    const name = nameOf(row, index);
    const level = readBomLevel(row.link);
    if (!level.ok || level.value === undefined) {
      const code: HierarchyProblemCode = level.ok ? "no-level" : "level-not-read";
      const what = level.ok ? `${name} has no level` : `${name}: ${level.issue}`;
      problems.push({ index, cell: row.cell, code, message: `${row.cell}: ${what}; where it sits is unknown, so the assemblies above it are unknown.` });
      breakOpen(`${name}'s level is not read (${row.cell})`);
      nodeOfRow.push(undefined);
      return;
    }
    const depth = level.value;
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= depth) stack.pop();
    const node = nodes.length;
    nodes.push({ rows: [index], children: [], broken: undefined });
    nodeOfRow.push(node);
    const parent = stack[stack.length - 1];
    if (parent !== undefined) {
      (nodes[parent.node] as Node).children.push(node);
      if (depth > parent.level + 1) {
        const above = nameOf(rows[(nodes[parent.node] as Node).rows[0] ?? 0], (nodes[parent.node] as Node).rows[0] ?? 0);
        problems.push({
          index,
          cell: row.cell,
          code: "level-jump",
          message: `${row.cell}: ${name} is at level ${depth} right under ${above} at level ${parent.level}: a level is missing between them, so ${above}'s assembly stage is unknown.`,
        });
        (nodes[parent.node] as Node).broken ??= `a level is missing under it (${row.cell})`;
      }
    }
    stack.push({ node, level: depth });
  });
  return { nodes, nodeOfRow };
}

/** Part numbers match without regard to case and spacing ("p-100 " is P-100). */
const partKey = (text: string): string => text.normalize("NFKC").trim().replace(/\s+/gu, " ").toUpperCase();

function parentNodes(rows: readonly HierarchyRow[], problems: HierarchyProblem[]): { nodes: Node[]; nodeOfRow: (number | undefined)[] } {
  const nodes: Node[] = [];
  const nodeOfRow: (number | undefined)[] = [];
  const byKey = new Map<string, number>();
  rows.forEach((row, index) => {
    if (isEmptyRow(row)) {
      nodeOfRow.push(undefined);
      return;
    }
    const key = row.label === "" ? undefined : partKey(row.label);
    let node = key === undefined ? undefined : byKey.get(key);
    if (node === undefined) {
      node = nodes.length;
      nodes.push({ rows: [], children: [], broken: undefined });
      if (key !== undefined) byKey.set(key, node);
    }
    (nodes[node] as Node).rows.push(index);
    nodeOfRow.push(node);
  });
  // A part listed twice (used on two assemblies) is one part: its rows must agree on its own stage.
  for (const node of nodes) {
    const stages = new Set(node.rows.map((i) => rows[i]?.stage ?? null));
    if (stages.size > 1) {
      const [first, second] = node.rows;
      const at = rows[second ?? 0];
      node.broken = `its rows disagree on its own stage`;
      problems.push({
        index: second ?? 0,
        cell: at?.cell ?? "",
        code: "conflicting-stages",
        message: `${at?.cell ?? ""}: ${nameOf(at, second ?? 0)} is listed again (first at ${rows[first ?? 0]?.cell ?? ""}) with a different stage; its assembly stage is unknown.`,
      });
    }
  }
  rows.forEach((row, index) => {
    const node = nodeOfRow[index];
    if (node === undefined) return;
    const parentText = cellText(row.link).trim();
    if (parentText === "" || isErrorCell(row.link)) {
      if (isErrorCell(row.link)) {
        problems.push({
          index,
          cell: row.cell,
          code: "orphan",
          message: `${row.cell}: the Excel error ${cellText(row.link)} is not a parent part number; ${nameOf(row, index)} is read as a top-level part.`,
        });
      }
      return;
    }
    const parent = byKey.get(partKey(parentText));
    if (parent === undefined) {
      problems.push({
        index,
        cell: row.cell,
        code: "orphan",
        message: `${row.cell}: parent "${shown(parentText)}" of ${nameOf(row, index)} is not in the list; it is read as a top-level part.`,
      });
      return;
    }
    const children = (nodes[parent] as Node).children;
    if (!children.includes(node)) children.push(node);
  });
  return { nodes, nodeOfRow };
}

type Value = { readonly stage: Stage } | { readonly unknown: string };

/**
 * Builds the structure and each part's assembly stage: the lowest of its own
 * stage and its components' assembly stages; `limitedBy` names the components
 * below its own stage that set it. Leaves get nothing. Level jumps, levels not
 * read, parents not in the list and loops are reported by cell; an assembly
 * they touch, or one with a component or own row without a stage, is unknown.
 * A part's own stage never changes.
 */
export function buildAssemblies(kind: HierarchyKind, rows: readonly HierarchyRow[]): Assemblies {
  const problems: HierarchyProblem[] = [];
  const { nodes, nodeOfRow } = kind === "level" ? levelNodes(rows, problems) : parentNodes(rows, problems);
  const values: (Value | undefined)[] = new Array<Value | undefined>(nodes.length).fill(undefined);
  const results: (AssemblyResult | undefined)[] = new Array<AssemblyResult | undefined>(nodes.length).fill(undefined);
  const state: number[] = new Array<number>(nodes.length).fill(0); // 0 new, 1 on the path, 2 done
  const label = (node: number): string => {
    const first = nodes[node]?.rows[0] ?? 0;
    return nameOf(rows[first], first);
  };
  const ownStage = (node: number): Stage | null => rows[nodes[node]?.rows[0] ?? -1]?.stage ?? null;

  const finish = (node: number): void => {
    const n = nodes[node] as Node;
    const own = ownStage(node);
    if (n.children.length === 0) {
      results[node] = LEAF;
      values[node] =
        n.broken !== undefined ? { unknown: `${label(node)}: ${n.broken}` } : own === null ? { unknown: `${label(node)} has no stage` } : { stage: own };
      return;
    }
    let because = n.broken;
    if (because === undefined && own === null) because = "its own row has no stage";
    else if (because === undefined) {
      const unknownChild = n.children.find((c) => !("stage" in (values[c] as Value)));
      if (unknownChild !== undefined) because = (values[unknownChild] as { unknown: string }).unknown;
    }
    if (because !== undefined) {
      results[node] = { kind: "unknown", because, components: n.children.length };
      // The first cause travels up: an assembly above says which part is not known, not only that its component is not.
      values[node] = { unknown: own === null || n.broken !== undefined ? `${label(node)}: ${because}` : because };
      return;
    }
    if (own === null) return;
    let stage: Stage = own;
    for (const c of n.children) {
      const v = values[c] as { stage: Stage };
      if (RANK[v.stage] < RANK[stage]) stage = v.stage;
    }
    const limitedBy: Limiter[] = [];
    if (stage !== own) {
      for (const c of n.children) {
        const v = values[c] as { stage: Stage };
        if (v.stage !== stage) continue;
        const r = results[c];
        const through = r?.kind === "known" && r.limitedBy.length > 0 ? r.limitedBy.map((l) => l.label) : [];
        limitedBy.push({ index: nodes[c]?.rows[0] ?? 0, label: label(c), stage, through });
      }
    }
    results[node] = { kind: "known", stage, limitedBy, components: n.children.length };
    values[node] = { stage };
  };

  // Depth-first, without recursion (a bill may be deep); a child met again on the path closes a loop.
  for (let start = 0; start < nodes.length; start += 1) {
    if (state[start] !== 0) continue;
    const path: { node: number; next: number }[] = [{ node: start, next: 0 }];
    state[start] = 1;
    while (path.length > 0) {
      const top = path[path.length - 1] as { node: number; next: number };
      const children = (nodes[top.node] as Node).children;
      if (top.next < children.length) {
        const child = children[top.next] as number;
        top.next += 1;
        if (state[child] === 0) {
          state[child] = 1;
          path.push({ node: child, next: 0 });
        } else if (state[child] === 1) {
          const from = path.findIndex((p) => p.node === child);
          const loop = path.slice(from).map((p) => p.node);
          const names = [...loop.map(label), label(child)].join(" → ");
          const at = nodes[child]?.rows.find((i) => nodeOfRow[i] === child && cellText(rows[i]?.link).trim() !== "") ?? nodes[child]?.rows[0] ?? 0;
          problems.push({
            index: at,
            cell: rows[at]?.cell ?? "",
            code: "cycle",
            message: `${rows[at]?.cell ?? ""}: the parents go round in a loop (${names}); their assembly stages are unknown.`,
          });
          for (const n of loop) (nodes[n] as Node).broken ??= `its parents go round in a loop (${names})`;
          // A loop member already finished cannot be here: members are all on the path.
        }
        continue;
      }
      finish(top.node);
      state[top.node] = 2;
      path.pop();
    }
  }
  // Members of a loop finished before the loop closed on them are made unknown now.
  for (let node = 0; node < nodes.length; node += 1) {
    const n = nodes[node] as Node;
    if (n.broken !== undefined && results[node]?.kind === "known") results[node] = { kind: "unknown", because: n.broken, components: n.children.length };
  }
  return {
    kind,
    results: rows.map((_, i) => {
      const node = nodeOfRow[i];
      if (node !== undefined) return results[node] ?? LEAF;
      // A row whose level is not read still shows that its place is unknown.
      return problems.some((p) => p.index === i && (p.code === "level-not-read" || p.code === "no-level"))
        ? { kind: "unknown", because: "its level is not read", components: 0 }
        : LEAF;
    }),
    problems: problems.sort((a, b) => a.index - b.index),
  };
}

/** How many limiting components the Limited by cell names before "and N more". */
export const LIMITED_BY_SHOWN = 5;

/** The Assembly stage and Limited by cells: ["Prototyping", "P-200 (Prototyping)"]; both empty for a leaf. */
export function assemblyCells(result: AssemblyResult): AssemblyCells {
  if (result.kind === "leaf") return ["", ""];
  if (result.kind === "unknown") return ["Unknown", `Unknown: ${result.because}`];
  const name = STAGE_PROFILES[result.stage].name;
  const shownLimiters = result.limitedBy.slice(0, LIMITED_BY_SHOWN).map((l) => {
    const through = l.through.length === 0 ? "" : `, through ${l.through.slice(0, 3).join(", ")}${l.through.length > 3 ? "..." : ""}`;
    return `${l.label} (${STAGE_PROFILES[l.stage].name}${through})`;
  });
  const more = result.limitedBy.length - shownLimiters.length;
  return [name, more > 0 ? `${shownLimiters.join("; ")}; and ${more} more` : shownLimiters.join("; ")];
}

/** A problem touched a hidden part of a loop: true when any row's result is unknown. */
export function hasUnknownAssembly(a: Assemblies): boolean {
  return a.results.some((r) => r.kind === "unknown");
}

/** An assembly result as the JSON output gives it: the stage id or "unknown" (null for a leaf), the capping components' part ids, and why when unknown. */
export interface AssemblyRecord {
  readonly assemblyStage: Stage | "unknown" | null;
  readonly limitedBy: readonly string[];
  readonly because?: string;
}

export function assemblyRecord(result: AssemblyResult): AssemblyRecord {
  if (result.kind === "leaf") return { assemblyStage: null, limitedBy: [] };
  if (result.kind === "unknown") return { assemblyStage: "unknown", limitedBy: [], because: result.because };
  return { assemblyStage: result.stage, limitedBy: result.limitedBy.map((l) => l.label) };
}
