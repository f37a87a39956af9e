import { DEFAULT_THRESHOLDS, formatCount, resolveThresholds, type CriterionId, type Thresholds } from "../core";
import { areaOfAddress, areaTouches } from "./a1";
import { classifyList, type CancelToken } from "./excel/classify-run";
import { watchWorkbook } from "./excel/events";
import { locateList } from "./excel/locate";
import { readReview, writeCriterion, type ReviewRead } from "./excel/review";
import { describeExcelError, type Run } from "./excel/run";
import { loadSettings, saveColumnChoices, saveThresholds } from "./excel/settings";
import { insertTemplate } from "./excel/template";
import { mappingFor } from "./layout";
import { chooseRole, mappingRows, type ColumnRole } from "./mapping-edit";
import { NO_SAVED_CHOICES, sameChoices, withListChoices, type SavedChoices } from "./settings-model";
import type { ReviewModel } from "./review-model";
import { summarySentence } from "./summary-sheet";
import { renderReport as reportHtml } from "../report";
import { reportFileName, reportInput } from "./report-model";
import { renderClassify, type ClassifyState } from "./ui/classify-view";
import { el } from "./ui/dom";
import { downloadText } from "./ui/download";
import { renderReview, type ReviewState } from "./ui/review-view";
import { renderSettings } from "./ui/settings-view";
import type { VisibilityWatch } from "./visibility";

export interface Shell {
  readonly review: HTMLElement;
  readonly classify: HTMLElement;
  readonly settings: HTMLElement;
  readonly status: HTMLElement;
}

/** The three tabs: review the selected part, classify a list, settings. */
export function buildShell(main: HTMLElement, status: HTMLElement): Shell {
  const panel = (id: string): HTMLElement => el("fluent-tab-panel", { id: `panel-${id}` });
  const review = panel("review");
  const classify = panel("classify");
  const settings = panel("settings");
  main.replaceChildren(
    el(
      "fluent-tabs",
      { id: "tabs", attrs: { activeid: "tab-review", "aria-label": "Part Readiness" } },
      el("fluent-tab", { id: "tab-review", text: "Review part" }),
      el("fluent-tab", { id: "tab-classify", text: "Classify list" }),
      el("fluent-tab", { id: "tab-settings", text: "Settings" }),
      review,
      classify,
      settings,
    ),
  );
  return { review, classify, settings, status };
}

/** Runs a task again once it finishes when asked during a run; the returned promise settles when the queue is empty. */
function latestOnly(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await task();
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
}

/**
 * Runs the pane. `visibility` tells it when the pane is hidden and shown: while
 * hidden, selection and cell changes do not make it read the part; the part
 * under the selection is read when the pane is shown again.
 */
export async function startApp(run: Run, shell: Shell, visibility?: VisibilityWatch): Promise<void> {
  const setStatus = (text: string, issue = false): void => {
    shell.status.textContent = text;
    shell.status.classList.toggle("status-issue", issue);
  };

  let thresholds: Thresholds = DEFAULT_THRESHOLDS;
  /** The user's column choices saved in the workbook, used whenever a list is read. */
  let saved: SavedChoices = NO_SAVED_CHOICES;
  try {
    const loaded = await loadSettings(run);
    thresholds = loaded.thresholds;
    saved = loaded.choices;
    if (loaded.notes.length > 0) setStatus(loaded.notes.join(" "), true);
  } catch (error) {
    setStatus(describeExcelError(error, "reading the saved settings"), true);
  }

  // ---- review
  let reviewed: ReviewModel | undefined;
  let watched: { readonly sheetId: string; readonly watch: ReviewRead["watch"] } | undefined;
  const showReview = (state: ReviewState): void => renderReview(shell.review, state, { change: (criterion, value) => void changeCriterion(criterion, value) });
  const refreshReview = latestOnly(async () => {
    try {
      const read = await readReview(run, thresholds, saved.choices);
      watched = { sheetId: read.sheetId, watch: read.watch };
      if (read.review.ok) {
        reviewed = read.review.value;
        showReview({ kind: "part", review: read.review.value });
      } else {
        reviewed = undefined;
        showReview({ kind: "issue", message: read.review.issue.message });
      }
    } catch (error) {
      reviewed = undefined;
      showReview({ kind: "issue", message: describeExcelError(error, "reading the selected part") });
    }
  });
  async function changeCriterion(criterion: CriterionId, value: string): Promise<void> {
    if (!reviewed) return;
    const written = await writeCriterion(run, reviewed, criterion, value);
    if (written.ok) setStatus(value === "" ? `Emptied ${written.value}.` : `Wrote "${value}" to ${written.value}.`);
    else setStatus(written.issue, true);
    await refreshReview();
  }
  showReview({ kind: "waiting", message: "Reading the selected cell…" });

  // ---- classify
  let classify: ClassifyState = { kind: "idle" };
  let cancel: CancelToken | undefined;
  const showClassify = (state: ClassifyState): void => {
    classify = state;
    renderClassify(shell.classify, state, classifyActions);
  };
  const classifyActions = {
    prepare: async (): Promise<void> => {
      showClassify({ kind: "busy", message: "Reading the list around the selected cell…" });
      try {
        const located = await locateList(run, saved.choices);
        if (!located.ok) {
          showClassify({ kind: "idle", message: located.issue.message, issue: true });
          setStatus(located.issue.message, true);
          return;
        }
        const { plan } = located.value;
        showClassify({
          kind: "prepared",
          list: located.value,
          choices: saved.choices,
          mapping: plan.mapping,
          rows: mappingRows(plan.mapping, plan.block.rect.column),
          saved: saved.choices.size > 0,
        });
        setStatus(`Found ${formatCount(located.value.plan.dataRows)} rows. Check how the columns are read, then write the results.`);
      } catch (error) {
        const message = describeExcelError(error, "reading the list");
        showClassify({ kind: "idle", message, issue: true });
        setStatus(message, true);
      }
    },
    assign: (column: number, role: ColumnRole): void => {
      if (classify.kind !== "prepared") return;
      const { plan } = classify.list;
      const choices = chooseRole(classify.choices, plan.headers, column, role);
      const mapping = mappingFor(plan, choices);
      showClassify({ ...classify, choices, mapping, rows: mappingRows(mapping, plan.block.rect.column), message: undefined });
    },
    forgetChoices: (): void => void forgetChoices(),
    run: async (): Promise<void> => {
      if (classify.kind !== "prepared") return;
      const prepared = classify;
      if (!sameChoices(prepared.choices, saved.choices)) {
        const stored = await saveColumnChoices(run, withListChoices(saved, prepared.choices, prepared.list.plan.headers));
        if (stored.ok) {
          saved = stored.value;
          showSettings();
          void refreshReview();
        } else setStatus(stored.issue, true);
      }
      const token: CancelToken = { cancelled: false };
      cancel = token;
      showClassify({ kind: "running", list: prepared.list, progress: undefined });
      setStatus("Classifying…");
      const out = await classifyList(run, {
        list: prepared.list,
        mapping: prepared.mapping,
        thresholds,
        cancel: token,
        onProgress: (progress) => showClassify({ kind: "running", list: prepared.list, progress }),
      });
      cancel = undefined;
      if (out.ok) {
        showClassify({ kind: "done", report: out.value });
        setStatus(`Classified. ${summarySentence(out.value.summary)}`);
      } else if (out.issue.code === "foreign") {
        showClassify({ ...prepared, message: out.issue.message });
        setStatus(out.issue.message, true);
      } else {
        showClassify({ kind: "idle", message: out.issue.message, issue: out.issue.code !== "cancelled" });
        setStatus(out.issue.message, out.issue.code !== "cancelled");
      }
    },
    cancel: (): void => {
      if (cancel) cancel.cancelled = true;
      setStatus("Cancelling after the current step…");
    },
    back: (): void => showClassify({ kind: "idle" }),
    exportReport: (): void => {
      if (classify.kind !== "done") return;
      const source = classify.report.report;
      try {
        const name = reportFileName(source.sheet, source.when);
        downloadText(name, reportHtml(reportInput(source)), "text/html;charset=utf-8");
        setStatus(`Exported the report of ${source.list} as ${name}: find it in your downloads.`);
      } catch (error) {
        setStatus(`The report could not be made: ${error instanceof Error ? error.message : String(error)}`, true);
      }
    },
    insertTemplate: async (): Promise<void> => {
      showClassify({ kind: "busy", message: "Adding a bill-of-parts sheet…" });
      const added = await insertTemplate(run);
      const message = added.ok
        ? `Added the sheet "${added.value}": the documented headers, dropdowns of accepted values and one example part per stage. Replace the examples with your parts.`
        : added.issue;
      showClassify({ kind: "idle", message, issue: !added.ok });
      setStatus(message, !added.ok);
    },
  };
  showClassify({ kind: "idle" });

  // ---- settings
  function showSettings(message?: { text: string; issue: boolean }): void {
    renderSettings(
      shell.settings,
      thresholds,
      saved,
      {
        save: (input) => void save(input),
        reset: () =>
          void save({ prototypeQuantity: String(DEFAULT_THRESHOLDS.prototypeQuantity), lowVolumeQuantity: String(DEFAULT_THRESHOLDS.lowVolumeQuantity) }),
        forgetChoices: () => void forgetChoices(),
      },
      message,
    );
  }
  /** Removes the saved column choices from the workbook; the review reads the part again without them. */
  async function forgetChoices(): Promise<boolean> {
    const cleared = await saveColumnChoices(run, NO_SAVED_CHOICES);
    if (!cleared.ok) {
      setStatus(cleared.issue, true);
      return false;
    }
    saved = NO_SAVED_CHOICES;
    // A list shown in Classify list is read again without them, so that Write results does not save them back.
    if (classify.kind === "prepared") {
      const { plan } = classify.list;
      const mapping = mappingFor(plan, saved.choices);
      showClassify({ ...classify, choices: saved.choices, mapping, rows: mappingRows(mapping, plan.block.rect.column), saved: false, message: undefined });
    }
    const text = "Forgot the column choices saved in this workbook: columns are read by their headers and values again.";
    showSettings({ text, issue: false });
    setStatus(text);
    await refreshReview();
    return true;
  }
  async function save(input: { readonly prototypeQuantity: string; readonly lowVolumeQuantity: string }): Promise<void> {
    const resolved = resolveThresholds(input);
    if (!resolved.ok) {
      showSettings({ text: resolved.issue.message, issue: true });
      setStatus(resolved.issue.message, true);
      return;
    }
    const saved = await saveThresholds(run, resolved.value);
    if (!saved.ok) {
      showSettings({ text: saved.issue, issue: true });
      setStatus(saved.issue, true);
      return;
    }
    thresholds = saved.value;
    const text = `Saved: prototype quantity ${formatCount(thresholds.prototypeQuantity)}, low-volume quantity ${formatCount(thresholds.lowVolumeQuantity)}. Classify the list again to update its result columns.`;
    showSettings({ text, issue: false });
    setStatus(text);
    await refreshReview();
  }
  showSettings();

  // While the pane is hidden, events only note that the part must be read again when it is shown.
  let hidden = false;
  let missed = false;
  const followReview = (): Promise<void> | undefined => {
    if (!hidden) return refreshReview();
    missed = true;
    return undefined;
  };
  await visibility?.((visible) => {
    hidden = !visible;
    if (visible && missed) {
      missed = false;
      void refreshReview();
    }
  });

  await watchWorkbook(run, {
    selectionChanged: () => followReview(),
    changed: (sheetId, address) => {
      if (!watched || watched.sheetId !== sheetId) return undefined;
      const area = areaOfAddress(address);
      if (area && !areaTouches(area, watched.watch.rows, watched.watch.columns)) return undefined;
      return followReview();
    },
  });
  await refreshReview();
}
