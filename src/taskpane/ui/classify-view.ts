import {
  ASSEMBLY_HEADERS,
  CHANGE_HEADER,
  CRITERION_DEFS,
  STAGES,
  STAGE_PROFILES,
  WAIVED_HEADER,
  formatCount,
  type ColumnChoices,
  type HeaderMapping,
} from "../../core";
import { rectAddress, sheetRect } from "../a1";
import type { Progress, RunReport } from "../excel/classify-run";
import type { LocatedList } from "../excel/locate";
import { possibleGateHeaders, resultRect } from "../layout";
import { ROLE_CHOICES, chosenCount, type ColumnRole, type MappingRow } from "../mapping-edit";
import { changeSentence, duplicateLines } from "../compare-model";
import { summarySentence } from "../summary-sheet";
import { el, render, uniqueId } from "./dom";

export type ClassifyState =
  | { readonly kind: "idle"; readonly message?: string; readonly issue?: boolean }
  | { readonly kind: "busy"; readonly message: string }
  | {
      readonly kind: "prepared";
      readonly list: LocatedList;
      /** The user's column choices in force: those saved in the workbook and the ones just made. */
      readonly choices: ColumnChoices;
      readonly mapping: HeaderMapping;
      readonly rows: readonly MappingRow[];
      /** Column choices are saved in the workbook (for any list). */
      readonly saved: boolean;
      readonly message?: string;
    }
  | { readonly kind: "running"; readonly list: LocatedList; readonly progress: Progress | undefined }
  | { readonly kind: "done"; readonly report: RunReport };

export interface ClassifyActions {
  prepare(): void;
  insertTemplate(): void;
  assign(column: number, role: ColumnRole): void;
  /** Forget the column choices saved in the workbook. */
  forgetChoices(): void;
  run(): void;
  cancel(): void;
  back(): void;
  /** Download the gate-review report of the last run as an HTML file. */
  exportReport(): void;
}

function button(text: string, onClick: () => void, options: { accent?: boolean; disabled?: boolean; focus?: string } = {}): HTMLElement {
  return el("fluent-button", {
    attrs: { appearance: options.accent ? "accent" : "neutral", disabled: options.disabled === true, "data-focus": options.focus ?? text },
    text,
    on: { click: () => onClick() },
  });
}

export function renderClassify(container: HTMLElement, state: ClassifyState, actions: ClassifyActions): void {
  const start = el(
    "div",
    { class: "actions" },
    button("Classify list", actions.prepare, { accent: true, disabled: state.kind === "busy" || state.kind === "running", focus: "prepare" }),
    button("Insert template", actions.insertTemplate, { disabled: state.kind === "busy" || state.kind === "running", focus: "template" }),
  );
  const intro = el("p", {
    class: "hint",
    text: "Select a cell in your part list (an Excel table, or a block of cells under a header row), then Classify list. The pane shows how it reads the columns before it writes anything.",
  });
  switch (state.kind) {
    case "idle":
      render(container, intro, start, state.message ? el("p", { class: state.issue ? "notice notice-issue" : "notice", text: state.message }) : null);
      return;
    case "busy":
      render(container, intro, start, el("p", { class: "notice", text: state.message }));
      return;
    case "prepared":
      render(
        container,
        listInfo(state.list, state.mapping),
        mappingEditor(state, actions),
        state.message ? el("p", { class: "notice notice-issue", text: state.message }) : null,
        el(
          "div",
          { class: "actions" },
          button("Write results", actions.run, { accent: true, disabled: state.mapping.columns.length === 0, focus: "run" }),
          button("Back", actions.back, { focus: "back" }),
        ),
      );
      return;
    case "running":
      render(
        container,
        listInfo(state.list),
        progressView(state.progress),
        el("div", { class: "actions" }, button("Cancel", actions.cancel, { focus: "cancel" })),
      );
      return;
    case "done":
      render(
        container,
        reportView(state.report),
        el(
          "section",
          { class: "export", attrs: { "aria-label": "Report" } },
          el("p", {
            class: "hint",
            text: "A report to hand round at the gate review: one HTML file with the stage counts, the parts closest to their next gate, blockers, waivers, assemblies, changes since the last run and how each column was read. It opens in any browser and prints to PDF.",
          }),
          el("div", { class: "actions" }, button("Export report", actions.exportReport, { accent: true, focus: "export" })),
        ),
        start,
      );
      return;
  }
}

/** What follows the five when the list needs it: the gate-review columns, in the command line's order. */
function gateNote(list: LocatedList, mapping: HeaderMapping): string | undefined {
  const possible = possibleGateHeaders(mapping, false);
  if (possible.length === 0) return undefined;
  const assemblies = possible.includes(ASSEMBLY_HEADERS[0]) ? "Assembly stage and Limited by (the list has a Level or Parent column)" : undefined;
  const waived = possible.includes(WAIVED_HEADER) ? "Waived when a part has a criterion waived with a justification" : undefined;
  return `After them: ${[assemblies, waived].filter((t) => t !== undefined).join(", then ")}${list.plan.results.existing ? ", then Change" : ""}.`;
}

function listInfo(list: LocatedList, mapping: HeaderMapping = list.plan.mapping): HTMLElement {
  const { plan } = list;
  const where = sheetRect(plan.block.sheet, plan.block.rect);
  const results = rectAddress(resultRect(plan));
  const gate = gateNote(list, mapping);
  return el(
    "section",
    { class: "list-info", attrs: { "aria-label": "The list" } },
    el("h3", { text: plan.block.table ? `Table ${plan.block.table}` : "List" }),
    el("p", { text: `${where}: ${formatCount(plan.dataRows)} rows under the header row (row ${plan.headerRow + 1}).` }),
    el("p", { text: plan.results.existing ? `Results rewrite the columns an earlier run made: ${results}.` : `Results go into five new columns: ${results}.` }),
    gate === undefined ? null : el("p", { class: "gate-note", text: gate }),
  );
}

/**
 * Every column of the list with what it is read as and how, in the core's
 * words (exact header, by its words, by its values, set aside for another
 * column, not a status column, your choice), and a choice to correct it.
 */
function mappingEditor(state: Extract<ClassifyState, { kind: "prepared" }>, actions: ClassifyActions): HTMLElement {
  const { rows, mapping } = state;
  const list = el("ul", { class: "mapping" });
  for (const row of rows) {
    const id = uniqueId("map");
    const select = el(
      "select",
      { id, attrs: { "data-column": row.column, "data-focus": `map-${row.column}`, "aria-describedby": `${id}-how` } },
      ...ROLE_CHOICES.map((c) =>
        el("option", {
          attrs: { value: c.role, selected: c.role === row.role },
          text: c.role === "ignore" && row.part ? "Not a criterion (names the part)" : c.label,
        }),
      ),
    );
    select.addEventListener("change", () => actions.assign(row.column, select.value as ColumnRole));
    const classes = ["mapping-row", row.role === "ignore" ? "ignored" : "", row.chosen ? "chosen" : ""].filter((c) => c !== "").join(" ");
    list.append(
      el(
        "li",
        { class: classes, attrs: { "data-column": row.column } },
        el("label", { attrs: { for: id } }, el("span", { class: "column-letter", text: row.letter }), el("span", { class: "column-header", text: row.header })),
        select,
        // The core's words; for a bare Material, Finish or Supplier column they say a name counts as specified (or unknown).
        el("p", { id: `${id}-how`, class: "column-how", text: row.how }),
      ),
    );
  }
  const absent = mapping.absent.map((id) => CRITERION_DEFS[id].label);
  const chosen = chosenCount(rows);
  return el(
    "section",
    { class: "mapping-editor", attrs: { "aria-label": "How the columns are read" } },
    el("h3", { text: "How the columns are read" }),
    el("p", {
      class: "hint",
      text: `${mapping.columns.length} of the list's columns are read as criteria. Change a column's choice if it is wrong: your choices are saved in this workbook when you write the results, and used whenever a list with those headers is read.`,
    }),
    chosen > 0 || state.saved
      ? el(
          "div",
          { class: "choices-note" },
          el("p", {
            text:
              chosen > 0
                ? `${formatCount(chosen)} ${chosen === 1 ? "column follows" : "columns follow"} your column choices.`
                : "Column choices are saved in this workbook; none of them is about this list's headers.",
          }),
          state.saved ? button("Forget saved column choices", actions.forgetChoices, { focus: "forget-choices" }) : null,
        )
      : null,
    list,
    absent.length > 0 ? el("p", { class: "absent", text: `Not in this list (counted as unknown): ${absent.join(", ")}.` }) : null,
  );
}

function progressView(progress: Progress | undefined): HTMLElement {
  const share = progress
    ? Math.round((100 * (progress.phase === "reading" ? progress.done / 2 : progress.total / 2 + progress.done / 2)) / Math.max(1, progress.total))
    : 0;
  const text = progress
    ? `${progress.phase === "reading" ? "Reading and classifying" : "Writing results"}: ${formatCount(progress.done)} of ${formatCount(progress.total)} rows`
    : "Starting…";
  return el(
    "section",
    { class: "progress", attrs: { "aria-label": "Progress" } },
    // Without a value the bar is indeterminate, until the first chunk is read.
    el("fluent-progress", { attrs: { min: 0, max: 100, value: progress ? share : undefined, "aria-label": "Classifying" } }),
    el("p", { class: "progress-text", text }),
  );
}

const SHOWN_PROBLEMS = 5;

/** What changed since the list's last run, or why nothing is compared. */
function changeView(report: RunReport): HTMLElement {
  const c = report.comparison;
  if (!c) {
    const why = report.remembered
      ? "No earlier run of this list is recorded in this workbook: the next Classify list shows what changed since this one, in a Change column."
      : "This list is too long for the pane to remember its parts in the workbook, so the next run cannot show what changed.";
    return el("section", { class: "changes", attrs: { "aria-label": "Since the last run" } }, el("h4", { text: "Since the last run" }), el("p", { text: why }));
  }
  const duplicates = duplicateLines(c);
  return el(
    "section",
    { class: "changes", attrs: { "aria-label": "Since the last run" } },
    el("h4", { text: "Since the last run" }),
    el("p", { class: "change-sentence", text: changeSentence(c) }),
    el("p", { text: `Each part's change is in the Change column (${report.changeArea ?? ""}).` }),
    c.dropped.length > 0
      ? el("p", {
          class: "dropped",
          text: `Dropped: ${c.dropped
            .slice(0, SHOWN_PROBLEMS)
            .map((p) => p.label)
            .join(", ")}${c.dropped.length > SHOWN_PROBLEMS ? "…" : ""}`,
        })
      : null,
    duplicates.length > 0
      ? el(
          "div",
          { class: "callout callout-warnings" },
          el("h4", { text: "Labels written more than once: no change is claimed for them" }),
          el("ul", {}, ...duplicates.map((d) => el("li", { text: d }))),
        )
      : null,
  );
}

/** Which gate-review columns the run wrote beside the five (Change is said with what changed). */
function gateLine(report: RunReport): HTMLElement | null {
  const written = report.gateColumns.filter((h) => h !== CHANGE_HEADER);
  if (written.length === 0) return null;
  const names = written.length === 1 ? `a ${written[0] ?? ""} column` : `the ${written.slice(0, -1).join(", ")} and ${written.at(-1) ?? ""} columns`;
  return el("p", { class: "gate-line", text: `Beside the five results: ${names}, as the command line writes them.` });
}

function reportView(report: RunReport): HTMLElement {
  const s = report.summary;
  return el(
    "section",
    { class: "report", attrs: { "aria-label": "Result" } },
    el("h3", { text: "Done" }),
    el("p", { text: summarySentence(s) }),
    el(
      "ul",
      { class: "stage-counts" },
      ...STAGES.map((stage) =>
        el(
          "li",
          {},
          el("span", { class: `stage-badge stage-${stage}`, text: STAGE_PROFILES[stage].name }),
          el("strong", { text: formatCount(s.byStage[stage]) }),
        ),
      ),
    ),
    el("p", {
      text: `Results written to ${report.resultArea}; the summary, how each column was read, the cells not understood and a chart are on the sheet "${report.summarySheet}".`,
    }),
    gateLine(report),
    changeView(report),
    report.history.ok
      ? el("p", {
          class: "history-line",
          text: `This run is row ${report.history.row + 1} of the sheet "${report.history.sheet}", with a chart of the stage counts run by run.`,
        })
      : el("p", { class: "notice notice-issue", text: report.history.message }),
    s.topBlockers.length > 0
      ? el(
          "div",
          {},
          el("h4", { text: "Most common blockers" }),
          el("ol", {}, ...s.topBlockers.map((b) => el("li", { text: `${b.label}: ${formatCount(b.count)} parts` }))),
        )
      : null,
    report.problemCount > 0
      ? el(
          "div",
          { class: "callout callout-issues" },
          el("h4", { text: `Cells not understood (${formatCount(report.problemCount)}), counted as unknown` }),
          el(
            "ul",
            {},
            ...report.problems.slice(0, SHOWN_PROBLEMS).map((p) =>
              el("li", {
                text: `${p.message} ${formatCount(p.count)} ${p.count === 1 ? "cell" : "cells"}: ${p.addresses.join(", ")}${p.count > p.addresses.length ? "…" : ""}`,
              }),
            ),
          ),
          report.problems.length > SHOWN_PROBLEMS
            ? el("p", { text: `…and ${formatCount(report.problems.length - SHOWN_PROBLEMS)} other kinds of problem.` })
            : null,
        )
      : null,
  );
}
