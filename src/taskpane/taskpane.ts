/*
 * Entry of the task pane. It must start without error anywhere: in Excel it
 * runs the pane; opened in a browser, or where office.js did not load, it says
 * to open the add-in in Excel.
 */
import { fluentButton, fluentProgress, fluentTab, fluentTabPanel, fluentTabs, provideFluentDesignSystem } from "@fluentui/web-components";
import { buildShell, startApp } from "./controller";
import { excelRun } from "./excel/run";
import { el } from "./ui/dom";
import { officeVisibility } from "./visibility";
import styles from "./taskpane.css";

/** ExcelApi 1.9 brings the selection events and getTables this pane needs (Microsoft 365, Excel 2021, Excel on the web). */
const EXCEL_API = "1.9";
/** How long to wait for Office before saying the page is not in Excel. */
const OUTSIDE_AFTER_MS = 4000;

function main(): HTMLElement {
  return document.getElementById("app") ?? document.body;
}

function showMessage(title: string, text: string): void {
  main().replaceChildren(el("section", { class: "outside", attrs: { "aria-label": title } }, el("h2", { text: title }), el("p", { text })));
}

function showOutside(): void {
  showMessage(
    "Open this add-in in Excel",
    "Part Readiness works inside Excel: on Windows, on a Mac or on the web. Open a workbook, then choose Part Readiness on the Home tab.",
  );
}

function boot(): void {
  const style = document.createElement("style");
  style.textContent = styles;
  document.head.append(style);
  provideFluentDesignSystem().register(fluentButton(), fluentTabs(), fluentTab(), fluentTabPanel(), fluentProgress());

  const office = (globalThis as { Office?: typeof Office }).Office;
  if (office === undefined || typeof office.onReady !== "function") {
    showOutside();
    return;
  }
  let ready = false;
  const outside = setTimeout(() => {
    if (!ready) showOutside();
  }, OUTSIDE_AFTER_MS);
  office.onReady().then(
    (info) => {
      ready = true;
      clearTimeout(outside);
      if (info.host !== office.HostType.Excel) {
        showOutside();
        return;
      }
      if (!office.context.requirements.isSetSupported("ExcelApi", EXCEL_API)) {
        showMessage("This Excel is too old", `Part Readiness needs Excel JavaScript API ${EXCEL_API} or later: Microsoft 365, Excel 2021 or Excel on the web.`);
        return;
      }
      const status = document.getElementById("status") ?? el("p");
      startApp(excelRun, buildShell(main(), status), officeVisibility(office)).then(
        () => document.body.setAttribute("data-ready", "true"),
        (error: unknown) => showMessage("Part Readiness could not start", error instanceof Error ? error.message : String(error)),
      );
    },
    () => showOutside(),
  );
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
else boot();
