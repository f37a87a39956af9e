import { CRITERION_DEFS, DEFAULT_THRESHOLDS, formatCount, type Thresholds } from "../../core";
import type { SavedChoices } from "../settings-model";
import { el, render } from "./dom";

export interface SettingsActions {
  save(input: { readonly prototypeQuantity: string; readonly lowVolumeQuantity: string }): void;
  reset(): void;
  /** Forget the column choices saved in the workbook. */
  forgetChoices(): void;
}

/** The saved column choices, one line each: `"Dwg Status" is read as Design`, `"Vendor" is not read`. */
export function choiceLines(saved: SavedChoices): string[] {
  return [...saved.choices].map(([key, target]) => {
    const header = `"${saved.headers[key] ?? key}"`;
    return target === "none" ? `${header} is not read` : `${header} is read as ${CRITERION_DEFS[target].label}`;
  });
}

function choicesBlock(saved: SavedChoices, actions: SettingsActions): HTMLElement {
  const lines = choiceLines(saved);
  return el(
    "section",
    { class: "saved-choices", attrs: { "aria-label": "Column choices" } },
    el("h3", { text: "Column choices" }),
    el("p", {
      class: "help",
      text:
        lines.length === 0
          ? "None saved. When you correct how a column is read in Classify list, the choice is saved here, in this workbook, and used whenever a list with that header is read."
          : `Saved in this workbook when you wrote results, and used whenever a list with these headers is read (${formatCount(lines.length)}):`,
    }),
    lines.length > 0 ? el("ul", { class: "choice-lines" }, ...lines.map((t) => el("li", { text: t }))) : null,
    lines.length > 0
      ? el(
          "div",
          { class: "actions" },
          el("fluent-button", {
            attrs: { type: "button", "data-focus": "forget-choices" },
            text: "Forget column choices",
            on: { click: () => actions.forgetChoices() },
          }),
        )
      : null,
  );
}

export function renderSettings(
  container: HTMLElement,
  thresholds: Thresholds,
  saved: SavedChoices,
  actions: SettingsActions,
  message?: { readonly text: string; readonly issue: boolean },
): void {
  const field = (id: string, label: string, value: number, help: string): { input: HTMLInputElement; block: HTMLElement } => {
    const input = el("input", { id, attrs: { type: "text", inputmode: "numeric", autocomplete: "off", "aria-describedby": `${id}-help`, "data-focus": id } });
    input.value = String(value);
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        submit();
      }
    });
    return {
      input,
      block: el("div", { class: "field" }, el("label", { attrs: { for: id }, text: label }), input, el("p", { id: `${id}-help`, class: "help", text: help })),
    };
  };
  const proto = field(
    "prototype-quantity",
    "Prototype quantity",
    thresholds.prototypeQuantity,
    `Above this many parts (the quantity, or the annual volume when no quantity is given) a part whose goal is not stated counts as delivering. Default ${formatCount(DEFAULT_THRESHOLDS.prototypeQuantity)}.`,
  );
  const low = field(
    "low-volume-quantity",
    "Low-volume quantity",
    thresholds.lowVolumeQuantity,
    `A prototyping part ordered above this quantity, or a mass-production part with an annual volume under it, gets a warning. Default ${formatCount(DEFAULT_THRESHOLDS.lowVolumeQuantity)}.`,
  );
  const submit = (): void => actions.save({ prototypeQuantity: proto.input.value, lowVolumeQuantity: low.input.value });
  render(
    container,
    el("p", { class: "hint", text: "These thresholds are saved in this workbook and used by the review and Classify list." }),
    el(
      "form",
      {
        class: "settings",
        on: {
          submit: (e) => {
            e.preventDefault();
            submit();
          },
        },
      },
      proto.block,
      low.block,
      el(
        "div",
        { class: "actions" },
        el("fluent-button", { attrs: { appearance: "accent", type: "button", "data-focus": "save" }, text: "Save", on: { click: submit } }),
        el("fluent-button", { attrs: { type: "button", "data-focus": "reset" }, text: "Restore defaults", on: { click: () => actions.reset() } }),
      ),
    ),
    message ? el("p", { class: message.issue ? "notice notice-issue" : "notice", text: message.text }) : null,
    choicesBlock(saved, actions),
  );
}
