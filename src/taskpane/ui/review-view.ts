import { CRITERION_DEFS, STAGE_PROFILES, criterionChoices, type Check, type CheckGate, type CriterionId, type Evidence, type Stage } from "../../core";
import { evidenceHref } from "../../report/links";
import type { ReviewAssembly, ReviewModel } from "../review-model";
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
    el(
      "header",
      { class: "part-head" },
      el("h2", { class: "part-label", text: review.label || rowText }),
      review.label ? el("p", { class: "part-where", text: rowText }) : null,
    ),
    a.stage
      ? stageBlock(a.stage, a.progress ?? 0, a.score ?? 0, a.nextStage)
      : el("p", { class: "notice", text: "No criterion cell of this row is filled in, so it has no stage yet." }),
    review.assembly ? assemblyBlock(review.assembly) : null,
    a.nextStep
      ? el("section", { class: "next-step", attrs: { "aria-label": "Next step" } }, el("h3", { text: "Next step" }), el("p", { text: a.nextStep }))
      : null,
    listCallout(
      "blockers",
      `Blockers (${a.blockers.length})`,
      a.blockers.map((b) => b.reason),
    ),
    listCallout(
      "missing",
      `Missing information (${a.missing.length})`,
      a.missing.map((m) => `Provide ${m.provide}`),
    ),
    listCallout(
      "waived",
      `Waived (${a.waived.length})`,
      a.waived.map((w) => `${CRITERION_DEFS[w.criterion].label}: “${w.text}”. Justification: ${w.justification}`),
    ),
    listCallout(
      "warnings",
      "Warnings",
      a.warnings.map((w) => w.message),
    ),
    listCallout(
      "issues",
      "Cells not understood",
      a.issues.map((i) => i.message),
    ),
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
    el(
      "div",
      { class: "readiness-bar", attrs: { role: "meter", "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": progress, "aria-label": label } },
      fill,
    ),
    el(
      "p",
      {
        class: "score-line",
        attrs: { title: "The number in the Readiness score column: prototyping 0–49, low-volume manufacturing 50–99, mass production 100. Sort a list by it." },
      },
      el("span", { text: "Readiness score " }),
      el("strong", { class: "score-value", text: String(score) }),
      el("span", { class: "score-band", text: ` (${STAGE_PROFILES[stage].name.toLowerCase()}: ${SCORE_BAND[stage]})` }),
    ),
  );
}

/** The part as an assembly: the lowest of its own stage and its components', and the components that cap it. */
function assemblyBlock(assembly: ReviewAssembly): HTMLElement | null {
  if (assembly.kind === "leaf") return null;
  const section = (...children: (HTMLElement | null)[]): HTMLElement =>
    el("section", { class: `assembly assembly-${assembly.kind}`, attrs: { "aria-label": "Assembly" } }, el("h3", { text: "Assembly" }), ...children);
  switch (assembly.kind) {
    case "not-read":
      return section(el("p", { class: "notice", text: assembly.why }));
    case "unknown":
      return section(
        el("p", {}, el("span", { text: "Assembly stage: " }), el("strong", { class: "assembly-stage", text: "Unknown" })),
        el("p", { class: "assembly-because", text: assembly.because }),
        assembly.problems.length > 0 ? el("ul", { class: "assembly-problems" }, ...assembly.problems.map((p) => el("li", { text: p }))) : null,
      );
    case "known":
      return section(
        el(
          "p",
          {},
          el("span", { text: "Assembly stage: " }),
          el("strong", { class: `assembly-stage stage-${assembly.stage}`, attrs: { "data-stage": assembly.stage }, text: STAGE_PROFILES[assembly.stage].name }),
        ),
        el("p", { class: "assembly-components", text: `${assembly.components} ${assembly.components === 1 ? "component" : "components"} below it.` }),
        assembly.limitedBy.length > 0
          ? el(
              "div",
              {},
              el("h4", { text: "Limited by" }),
              el(
                "ul",
                { class: "limited-by" },
                ...assembly.limitedBy.map((l) =>
                  el("li", {
                    text: `${l.label || "(no part number)"}: ${STAGE_PROFILES[l.stage].name}${l.through.length > 0 ? `, through ${l.through.join(", ")}` : ""}`,
                  }),
                ),
              ),
            )
          : el("p", { class: "assembly-own", text: "No component holds it back: its own stage is the lowest." }),
      );
  }
}

/**
 * Evidence for a criterion: a link only when the core reads the whole text as
 * an https: URL or a file path and the report's rule gives it a URL of those
 * schemes (set as a property, never as markup); anything else is text.
 */
function evidenceItem(e: Evidence): HTMLElement {
  const href = e.link === "text" ? null : evidenceHref(e.text);
  const scheme = href === null ? "" : safeScheme(href);
  const body: HTMLElement = scheme === "" ? el("span", { class: "evidence-text", text: e.text }) : evidenceAnchor(e.text, href ?? "");
  return el(
    "div",
    { class: "check-evidence", attrs: { title: `From the column "${e.header}"` } },
    el("span", { class: "evidence-label", text: "Evidence: " }),
    body,
  );
}

function safeScheme(href: string): string {
  try {
    const { protocol } = new URL(href);
    return protocol === "https:" || protocol === "file:" ? protocol : "";
  } catch {
    return "";
  }
}

function evidenceAnchor(text: string, href: string): HTMLAnchorElement {
  const a = document.createElement("a");
  a.className = "evidence-link";
  a.textContent = text;
  a.href = href;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  return a;
}

function listCallout(kind: string, title: string, items: readonly string[]): HTMLElement | null {
  if (items.length === 0) return null;
  return el(
    "section",
    { class: `callout callout-${kind}`, attrs: { "aria-label": title } },
    el("h3", { text: title }),
    el("ul", {}, ...items.map((t) => el("li", { text: t }))),
  );
}

function profileBlock(stage: Stage): HTMLElement {
  const p = STAGE_PROFILES[stage];
  const row = (term: string, value: string): Child[] => [el("dt", { text: term }), el("dd", { text: value })];
  return el(
    "section",
    { class: "profile", attrs: { "aria-label": "What this stage means" } },
    el("h3", { text: `What ${p.name.toLowerCase()} means` }),
    el(
      "dl",
      {},
      ...row("Typical quantity", p.quantity),
      ...row("Purpose", p.purpose),
      ...row("Typical processes", p.processes),
      ...row("Inspection", p.inspection),
    ),
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
      return el(
        "div",
        { class: "gate" },
        el("h4", { text: GATE_TITLE[gate] }),
        el("ul", { class: "checks" }, ...checks.map((c) => checkItem(c, review, actions))),
      );
    }),
  );
}

function checkItem(check: Check, review: ReviewModel, actions: ReviewActions): HTMLElement {
  const flag = check.blocking ? "blocking" : check.missing ? "missing" : "";
  const waiver = review.assessment.waived.find((w) => w.criterion === check.criterion);
  const evidence = review.assessment.evidence.filter((e) => e.criterion === check.criterion);
  // "Without evidence" only where the list has an evidence column for this criterion: elsewhere it would be noise on every line.
  const evidenceColumn = review.mapping.roles.some((r) => r.role === "evidence" && r.criterion === check.criterion);
  const unproven = evidenceColumn && (review.assessment.metWithoutEvidence as readonly CriterionId[]).includes(check.criterion);
  const word = check.missing ? "Missing" : waiver ? "Waived" : STATE_WORD[check.state];
  return el(
    "li",
    { class: `check state-${check.state} ${flag}`.trim(), attrs: { "data-criterion": check.criterion } },
    el("span", { class: "check-icon", attrs: { "aria-hidden": "true" }, text: STATE_ICON[check.state] }),
    el(
      "div",
      { class: "check-body" },
      el("div", { class: "check-title" }, el("span", { class: "check-label", text: check.label }), el("span", { class: "check-state", text: word })),
      el(
        "div",
        { class: "check-line" },
        el("div", { class: "check-value", text: check.text === "" ? "Empty cell" : `“${check.text}”` }),
        editor(check.criterion, review, actions),
      ),
      check.note && check.note !== check.text && !waiver
        ? el("div", { class: "check-note", text: check.state === "info" ? `Read as ${check.note}` : check.note })
        : null,
      waiver ? el("div", { class: "check-waiver", text: `Counted as met: waived with the justification “${waiver.justification}”.` }) : null,
      ...evidence.map(evidenceItem),
      unproven ? el("div", { class: "check-no-evidence", text: "Met, without evidence in its evidence column." }) : null,
    ),
  );
}

function editor(criterion: CriterionId, review: ReviewModel, actions: ReviewActions): HTMLElement {
  const label = CRITERION_DEFS[criterion].label;
  if (review.columns[criterion] === undefined) return el("div", { class: "check-nocolumn", text: "No column in the list" });
  const id = uniqueId(`edit-${criterion}`);
  const groups = criterionChoices(criterion);
  if (groups.length === 0) {
    const input = el("input", {
      id,
      attrs: { type: "text", inputmode: "numeric", autocomplete: "off", "data-focus": `input-${criterion}`, placeholder: "250, 1k…" },
    });
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
      el(
        "div",
        { class: "inline" },
        input,
        el("button", {
          class: "button",
          attrs: { type: "button", "data-focus": `set-${criterion}`, "aria-label": `Set ${label.toLowerCase()}` },
          text: "Set",
          on: { click: set },
        }),
      ),
    );
  }
  const select = el(
    "select",
    { id, attrs: { "data-focus": `select-${criterion}` } },
    el("option", { attrs: { value: "", selected: true }, text: "Change…" }),
    ...groups.map((g) =>
      el(
        "optgroup",
        { attrs: { label: g.label } },
        ...g.values.map((v) => el("option", { attrs: { value: v }, text: v })),
        g.level === "unknown" ? el("option", { attrs: { value: CLEAR_VALUE }, text: "(empty the cell)" }) : null,
      ),
    ),
  );
  select.addEventListener("change", () => {
    if (select.value === "") return;
    actions.change(criterion, select.value === CLEAR_VALUE ? "" : select.value);
  });
  return el("div", { class: "check-edit" }, el("label", { class: "visually-hidden", attrs: { for: id }, text: `Change ${label.toLowerCase()}` }), select);
}
