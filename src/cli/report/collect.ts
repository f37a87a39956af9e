/**
 * A table output that keeps every part for the HTML report (src/report)
 * instead of writing rows: each part's JSON record (the same one --format json
 * writes) becomes a ReportPart, with its assembly and change from the gate.
 * A report lists every part, so it holds them all in memory. The texts parts
 * share (criteria, reasons, what to provide, next steps, whole lists of them)
 * are kept once: each record's JSON gives fresh copies, and at 100,000 parts
 * the copies were most of the report's peak memory.
 */
import { CRITERION_DEFS, columnReport, type CellValue, type CriterionId } from "../../core";
import type { ReportInput, ReportPart } from "../../report";
import type { RowResult, RowRole, TableOutput } from "../classify/job";
import { cellNotes, type PartRecord } from "../classify/record";
import type { TableClassifier, Tally } from "../classify/table";
import type { Gate } from "../gate/gate";

const labelOf = (id: string): string => (id in CRITERION_DEFS ? CRITERION_DEFS[id as CriterionId].label : id);

export interface ReportMeta {
  readonly title: string;
  readonly sourceFile: string;
  readonly date: string;
}

const EMPTY: readonly never[] = Object.freeze([]);

/** One copy of each distinct value, by a key; the kept values are never changed. */
class Interned<T> {
  private readonly kept = new Map<string, T>();
  constructor(private readonly limit = 200_000) {}
  get(key: string, make: () => T): T {
    const found = this.kept.get(key);
    if (found !== undefined) return found;
    const made = make();
    // A sheet of all-different texts would only grow the table: stop keeping new ones past the limit.
    if (this.kept.size < this.limit) this.kept.set(key, made);
    return made;
  }
}

export class ReportCollector implements TableOutput {
  readonly needsJson = true;
  private table: TableClassifier | undefined;
  private readonly parts: ReportPart[] = [];
  private readonly texts = new Interned<string>();
  private readonly lists = new Interned<readonly unknown[]>(50_000);
  input: ReportInput | undefined;

  constructor(
    private readonly gate: Gate,
    private readonly meta: ReportMeta,
  ) {}

  async begin(table: TableClassifier): Promise<void> {
    this.table = table;
  }

  row(number: number, _values: readonly CellValue[], role: RowRole, result: RowResult | undefined): void {
    if (role !== "data" || result?.kind !== "part" || result.json === undefined) return;
    const r = JSON.parse(result.json) as PartRecord;
    const text = (t: string): string => this.texts.get(t, () => t);
    const list = <T, U>(kind: string, items: readonly T[], key: (item: T) => string, make: (item: T) => U): readonly U[] =>
      items.length === 0 ? EMPTY : (this.lists.get(`${kind}${items.map(key).join(",")}`, () => items.map(make)) as readonly U[]);
    let part: ReportPart = {
      label: r.part,
      row: r.row,
      stage: result.stage,
      score: r.score,
      progress: r.progress === null ? null : r.progress / 100,
      blockers: list(
        "b",
        r.blockers,
        (b) => JSON.stringify([b.criterion, b.reason]),
        (b) => ({ criterion: labelOf(b.criterion), detail: text(b.reason) }),
      ),
      missing: list(
        "m",
        r.missing,
        (m) => JSON.stringify([m.criterion, m.provide]),
        (m) => ({ criterion: labelOf(m.criterion), detail: text(m.provide) }),
      ),
      nextStep: text(r.nextStep),
      waived: list(
        "w",
        r.waived,
        (w) => JSON.stringify([w.criterion, w.justification]),
        (w) => ({ criterion: labelOf(w.criterion), justification: text(w.justification) }),
      ),
      evidence: list(
        "e",
        r.evidence,
        (e) => JSON.stringify([e.criterion, e.text]),
        (e) => ({ criterion: labelOf(e.criterion), text: text(e.text) }),
      ),
      // The core's "met without evidence" already leaves out waived criteria and those with evidence: the report lists exactly these.
      met: list("t", r.metWithoutEvidence, (c) => JSON.stringify(c), labelOf),
    };
    const assembly = this.gate.assemblyOf(number);
    if (assembly?.kind === "known")
      part = { ...part, assemblyStage: assembly.stage, limitedBy: assembly.limitedBy.map((l) => ({ label: l.label, stage: l.stage })) };
    const change = this.gate.changeOf(number);
    if (change !== undefined) part = { ...part, change };
    this.parts.push(part);
  }

  async finish(tally: Tally): Promise<void> {
    const table = this.table;
    if (table === undefined) return;
    const mapping = table.header.mapping;
    const evidence = mapping.roles.filter((r) => r.role === "evidence" && r.criterion !== undefined).map((r) => labelOf(r.criterion ?? ""));
    const notes = cellNotes(tally, table.sheetName);
    const s = tally.summary;
    this.input = {
      title: this.meta.title,
      sourceFile: this.meta.sourceFile,
      sheet: table.sheetName,
      date: this.meta.date,
      stageCounts: s.byStage,
      unclassified: s.unclassified,
      parts: this.parts,
      columns: columnReport(mapping, 0),
      cellNotes: notes,
      moreCellNotes: Math.max(0, tally.cellProblems - notes.length),
      ...(evidence.length > 0 ? { evidenceCriteria: [...new Set(evidence)] } : {}),
      ...(this.gate.comparison !== undefined && this.gate.previous !== undefined
        ? { comparison: this.gate.comparison, comparedWith: this.gate.previous.shown }
        : {}),
    };
  }

  async abort(): Promise<void> {}
}
