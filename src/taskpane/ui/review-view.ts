import {
  CRITERION_DEFS, STAGE_PROFILES, criterionChoices,
  type Check, type CheckGate, type CriterionId, type Stage,
} from "../../core";
import type { ReviewModel } from "../review-model";
import { el, render, uniqueId, type Child } from "./dom";

export type ReviewState =
  | { readonly kind: "waiting"; readonly message: string }
  | { readonly kind: "issue"; readonly message: string }
  | { readonly kind: "part"; readonly review: ReviewModel };

export interface ReviewActions {
  /** The user picked or typed a new value for a criterion of the part. */
  change(criterion: CriterionId, value: string): void;
}

const STATE_WORD: Readonly<Record<Check["state"], string>> = { met: "Met", partial: "Partial", "not-met": "Not met", unknown: "Unknown", info: "Read" };
const STATE_ICON: Readonly<Record<Check["state"], string>> = { met: "✓", partial: "◐", "not-met": "✕", unknown: "?", info: "#" };

const GATE_TITLE: Readonly<Record<CheckGate, string>> = {
  A: "Gate A · prototyping → low-volume",
  B: "Gate B · low-volume → mass production",
  info: "Quantities",
};

export const CLEAR_VALUE = "\u0000clear";

export function renderReview(container: HTMLElement, state: ReviewState, actions: ReviewActions): void {
  if (state.kind !== "part") {
    render(container, el("p", { class: state.kind === "issue" ? "notice notice-issue" : "notice", text: state.message }));
    return;
  }
  render(container, partView(state.review, actions));
}

function partView(review: ReviewModel, actions: ReviewActions): HTMLElement {
  const a = review.assessment;
  const rowText = `Row ${review.row + 1} on ${review.sheet}`;
  return el(
    "article",
    { class: "part", attrs: { "aria-label": `Part ${review.label || rowText}` } },
    el("header", { class: "part-head" }, el("h2", { class: "part-label", text: review.label || rowText }), review.label ? el("p", { class: "part-where", text: rowText }) : null),
    a.stage ? stageBlock(a.stage, a.progress ?? 0, a.score ?? 0, a.nextStage) : el("p", { class: "notice", text: "No criterion cell of this row is filled in, so it has no stage yet." }),
    a.nextStep ? el("section", { class: "next-step", attrs: { "aria-label": "Next step" } }, el("h3", { text: "Next step" }), el("p", { text: a.nextStep })) : null,
    listCallout("blockers", `Blockers (${a.blockers.length})`, a.blockers.map((b) => b.reason)),
    listCallout("missing", `Missing information (${a.missing.length})`, a.missing.map((m) => `Provide ${m.provide}`)),
    listCallout("warnings", "Warnings", a.warnings.map((w) => w.message)),
    listCallout("issues", "Cells not understood", a.issues.map((i) => i.message)),
    a.profile ? profileBlock(a.profile.stage) : null,
    checklistBlock(review, actions),
  );
}

/** Score bands by stage, as the core gives them: sorting by the score never puts a prototype above a low-volume part. */
const SCORE_BAND: Readonly<Record<Stage, string>> = { prototyping: "0–49", "low-volume": "50–99", "mass-production": "100" };

/**
 * The stage badge; the progress towards the next stage as a bar (the share of
 * the next gate satisfied); and the readiness score, the number the Readiness
 * score column holds and a list sorts by.
 */
function stageBlock(stage: Stage, progress: number, score: number, next: Stage | null): HTMLElement {
  const label = next ? `Progress to ${STAGE_PROFILES[next].name.toLowerCase()}` : "Every mass-production criterion met";
  const fill = el("div", { class: "readiness-fill" });
  fill.style.width = `${Math.max(0, Math.min(100, progress))}%`;
  return el(
    "section",
    { class: "stage", attrs: { "aria-label": "Stage" } },
    el("p", { class: `stage-badge stage-${stage}`, attrs: { "data-stage": stage }, text: STAGE_PROFILES[stage].name }),
    el("div", { class: "readiness-text" }, el("span", { text: label }), el("strong", { class: "readiness-value", text: `${progress}%` })),
    el("div", { class: "readiness-bar", attrs: { role: "meter", "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": progress, "aria-label": label } }, fill),
    el(
      "p",
      { class: "score-line", attrs: { title: "The number in the Readiness score column: prototyping 0–49, low-volume manufacturing 50–99, mass production 100. Sort a list by it." } },
      el("span", { text: "Readiness score " }),
      el("strong", { class: "score-value", text: String(score) }),
      el("span", { class: "score-band", text: ` (${STAGE_PROFILES[stage].name.toLowerCase()}: ${SCORE_BAND[stage]})` }),
    ),
  );
}

function listCallout(kind: string, title: string, items: readonly string[]): HTMLElement | null {
  if (items.length === 0) return null;
  return el("section", { class: `callout callout-${kind}`, attrs: { "aria-label": title } }, el("h3", { text: title }), el("ul", {}, ...items.map((t) => el("li", { text: t }))));
}

function profileBlock(stage: Stage): HTMLElement {
  const p = STAGE_PROFILES[stage];
  const row = (term: string, value: string): Child[] => [el("dt", { text: term }), el("dd", { text: value })];
  return el(
    "section",
    { class: "profile", attrs: { "aria-label": "What this stage means" } },
    el("h3", { text: `What ${p.name.toLowerCase()} means` }),
    el("dl", {}, ...row("Typical quantity", p.quantity), ...row("Purpose", p.purpose), ...row("Typical processes", p.processes), ...row("Inspection", p.inspection)),
  );
}

function checklistBlock(review: ReviewModel, actions: ReviewActions): HTMLElement {
  const gates: CheckGate[] = ["A", "B", "info"];
  return el(
    "section",
    { class: "checklist", attrs: { "aria-label": "Checklist" } },
    el("h3", { text: "Checklist" }),
    ...gates.map((gate) => {
      const checks = review.checks.filter((c) => c.gate === gate);
      return el("div", { class: "gate" }, el("h4", { text: GATE_TITLE[gate] }), el("ul", { class: "checks" }, ...checks.map((c) => checkItem(c, review, actions))));
    }),
  );
}

function checkItem(check: Check, review: ReviewModel, actions: ReviewActions): HTMLElement {
  const flag = check.blocking ? "blocking" : check.missing ? "missing" : "";
  const word = check.missing ? "Missing" : STATE_WORD[check.state];
  return el(
    "li",
    { class: `check state-${check.state} ${flag}`.trim(), attrs: { "data-criterion": check.criterion } },
    el("span", { class: "check-icon", attrs: { "aria-hidden": "true" }, text: STATE_ICON[check.state] }),
    el(
      "div",
      { class: "check-body" },
      el("div", { class: "check-title" }, el("span", { class: "check-label", text: check.label }), el("span", { class: "check-state", text: word })),
      el("div", { class: "check-line" }, el("div", { class: "check-value", text: check.text === "" ? "Empty cell" : `“${check.text}”` }), editor(check.criterion, review, actions)),
      check.note && check.note !== check.text ? el("div", { class: "check-note", text: check.state === "info" ? `Read as ${check.note}` : check.note }) : null,
    ),
  );
}

function editor(criterion: CriterionId, review: ReviewModel, actions: ReviewActions): HTMLElement {
  const label = CRITERION_DEFS[criterion].label;
  if (review.columns[criterion] === undefined) return el("div", { class: "check-nocolumn", text: "No column in the list" });
  const id = uniqueId(`edit-${criterion}`);
  const groups = criterionChoices(criterion);
  if (groups.length === 0) {
    const input = el("input", { id, attrs: { type: "text", inputmode: "numeric", autocomplete: "off", "data-focus": `input-${criterion}`, placeholder: "250, 1k…" } });
    const set = (): void => {
      if (input.value.trim() !== "") actions.change(criterion, input.value.trim());
    };
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") set();
    });
    return el(
      "div",
      { class: "check-edit number" },
      el("label", { class: "visually-hidden", attrs: { for: id }, text: `New ${label.toLowerCase()}` }),
      el("div", { class: "inline" }, input, el("button", { class: "button", attrs: { type: "button", "data-focus": `set-${criterion}`, "aria-label": `Set ${label.toLowerCase()}` }, text: "Set", on: { click: set } })),
    );
  }
  const select = el(
    "select",
    { id, attrs: { "data-focus": `select-${criterion}` } },
    el("option", { attrs: { value: "", selected: true }, text: "Change…" }),
    ...groups.map((g) => el("optgroup", { attrs: { label: g.label } }, ...g.values.map((v) => el("option", { attrs: { value: v }, text: v })), g.level === "unknown" ? el("option", { attrs: { value: CLEAR_VALUE }, text: "(empty the cell)" }) : null)),
  );
  select.addEventListener("change", () => {
    if (select.value === "") return;
    actions.change(criterion, select.value === CLEAR_VALUE ? "" : select.value);
  });
  return el("div", { class: "check-edit" }, el("label", { class: "visually-hidden", attrs: { for: id }, text: `Change ${label.toLowerCase()}` }), select);
}

