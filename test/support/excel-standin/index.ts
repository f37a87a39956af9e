/*
 * A stand-in for office.js in Excel, over an in-memory workbook: `Office`,
 * `Excel`, `OfficeExtension` and `CustomFunctions` as the task pane sees them.
 * The same code runs in Node (unit tests, bench) and, bundled, in the browser
 * (see browser.ts). It records every request so a test can count syncs and the
 * payload of each one.
 *
 * Where it knowingly differs from Excel (docs/taskpane.md, "The Excel stand-in",
 * keeps the full list): its formula evaluator knows a few functions and
 * recalculates everything; typed input follows en-US rules only; only reads are
 * limited to 5 million cells; AutoExpansion (an option, off unless asked, on by
 * default in Excel) grows tables only to the right; events are coalesced per
 * request by a rule of its own (Excel's is not documented); a chart's series
 * follow one naming rule and no category guess; an unknown property
 * fails the request with InvalidArgument (Excel's code not checked); only the
 * members in NEWER_APIS check the requirement set; its request JSON imitates
 * office.js's layout.
 */
import { parseRect, rectAddress } from "./address";
import { makeWorkbook, setTyped, versionAtMost } from "./api";
import { ClientResult, RequestContext as Context } from "./context";
import { StandInError } from "./errors";
import type { EventSource, Handler, Host, StandInStats } from "./host";
import { WorkbookModel, type Scalar, type WorkbookSeed } from "./model";

export type { StandInStats, WriteRecord } from "./host";
export type { RequestRecord } from "./context";
export type { WorkbookSeed, Scalar, CalculationMode } from "./model";
export { WorkbookModel } from "./model";

export interface StandInOptions {
  /** Largest request or response in bytes; Excel on the web refuses more than 5 MB. */
  readonly payloadBytes?: number;
  /** Largest range a read may load (Excel: 5 million cells). */
  readonly readCells?: number;
  /** The highest ExcelApi requirement set the host claims, e.g. "1.9"; an API above it fails the request with ApiNotFound. */
  readonly excelApi?: string;
  /** SharedRuntime 1.1 (Office.addin.onVisibilityModeChanged...); false behaves like a host without it. */
  readonly sharedRuntime?: boolean;
  /** Office.context.host; null behaves like a page opened outside Office. */
  readonly host?: "Excel" | null;
  /** Milliseconds each request takes, to watch the pane while it waits. */
  readonly latencyMs?: number;
}

export const PAYLOAD_LIMIT = 5_000_000;
/** The requirement set the stand-in claims unless told otherwise. */
export const DEFAULT_EXCEL_API = "1.17";

class StandInHost implements Host {
  readonly book: WorkbookModel;
  readonly stats: StandInStats = { syncCalls: 0, requests: [], writes: [], handlerErrors: [] };
  readonly limits: { payloadBytes: number; readCells: number };
  readonly excelApi: string;
  private readonly handlers = new Map<EventSource, Set<Handler>>();
  private queued: [EventSource, unknown][] = [];
  readonly inFlight = new Set<Promise<unknown>>();

  private readonly latencyMs: number;

  constructor(book: WorkbookModel, options: StandInOptions) {
    this.book = book;
    this.latencyMs = options.latencyMs ?? 0;
    this.limits = { payloadBytes: options.payloadBytes ?? PAYLOAD_LIMIT, readCells: options.readCells ?? 5_000_000 };
    this.excelApi = options.excelApi ?? DEFAULT_EXCEL_API;
  }

  makeWorkbook(context: Context): unknown {
    return makeWorkbook(context);
  }

  roundTrip(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.latencyMs));
  }

  addHandler(source: EventSource, handler: Handler): void {
    let set = this.handlers.get(source);
    if (!set) {
      set = new Set();
      this.handlers.set(source, set);
    }
    set.add(handler);
  }

  removeHandler(source: EventSource, handler: Handler): void {
    this.handlers.get(source)?.delete(handler);
  }

  handlerCount(): number {
    let n = 0;
    for (const set of this.handlers.values()) n += set.size;
    return n;
  }

  raise(source: EventSource, args: unknown): void {
    this.queued.push([source, args]);
  }

  /**
   * Delivers the events one request raised, coalesced as Excel coalesces them:
   * per source, the changes to one worksheet become one event whose address
   * spans them all (the bounding range), and the rest (selection) the last of
   * each source. Handlers run after sync() has returned (deliver waits a turn).
   */
  flushEvents(): void {
    const queued = this.queued;
    this.queued = [];
    const merged = new Map<string, [EventSource, unknown]>();
    for (const [source, args] of queued) {
      const a = args as { type?: string; worksheetId?: string; address?: string };
      const key = `${source}|${a.worksheetId ?? ""}`;
      const before = merged.get(key)?.[1] as typeof a | undefined;
      const rect = a.type === "WorksheetChanged" ? parseRect(a.address ?? "") : undefined;
      const prior = before?.type === "WorksheetChanged" ? parseRect(before.address ?? "") : undefined;
      if (rect && prior) {
        const row = Math.min(rect.row, prior.row);
        const column = Math.min(rect.column, prior.column);
        const rows = Math.max(rect.row + rect.rows, prior.row + prior.rows) - row;
        const columns = Math.max(rect.column + rect.columns, prior.column + prior.columns) - column;
        merged.set(key, [source, { ...a, address: rectAddress({ row, column, rows, columns }) }]);
      } else {
        merged.delete(key);
        merged.set(key, [source, args]);
      }
    }
    for (const [source, args] of merged.values()) this.deliver(source, args);
  }

  deliver(source: EventSource, args: unknown): void {
    for (const handler of this.handlers.get(source) ?? []) {
      const run = new Promise<void>((resolve) => setTimeout(resolve, 0))
        .then(() => handler(args))
        .catch((error: unknown) => void this.stats.handlerErrors.push(error));
      this.inFlight.add(run);
      void run.finally(() => this.inFlight.delete(run));
    }
  }
}

export interface StandIn {
  readonly Office: Record<string, unknown>;
  readonly Excel: Record<string, unknown>;
  readonly OfficeExtension: Record<string, unknown>;
  readonly CustomFunctions: Record<string, unknown>;
  readonly book: WorkbookModel;
  readonly stats: StandInStats;
  /** Functions registered through CustomFunctions.associate. */
  readonly associated: Map<string, unknown>;
  /** The user selects a range: the selection changes and the events fire. */
  select(address: string): Promise<void>;
  /** The user types into cells (read as Excel reads typed input): values change, Excel recalculates and onChanged fires. */
  edit(address: string, values: readonly (readonly (Scalar | null)[])[]): Promise<void>;
  /** The task pane is shown ("Taskpane") or closed ("Hidden"): Office.addin's onVisibilityModeChanged handlers run. */
  setVisibility(mode: "Taskpane" | "Hidden"): Promise<void>;
  /** Waits until no event handler is running. */
  idle(): Promise<void>;
  /** Event handlers the add-in has registered. */
  handlerCount(): number;
  resetStats(): void;
  /** Puts Office, Excel, OfficeExtension and CustomFunctions on a global object. */
  install(target?: Record<string, unknown>): void;
}

const EXCEL_ENUMS = {
  ChartType: { columnClustered: "ColumnClustered", barClustered: "BarClustered", pie: "Pie", line: "Line", lineMarkers: "LineMarkers" },
  ChartAxisCategoryType: { automatic: "Automatic", textAxis: "TextAxis", dateAxis: "DateAxis" },
  ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
  ConditionalFormatType: { containsText: "ContainsText", custom: "Custom" },
  ConditionalTextOperator: { contains: "Contains", notContains: "NotContains", beginsWith: "BeginsWith", endsWith: "EndsWith" },
  DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
  ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
  ErrorCodes: {
    accessDenied: "AccessDenied",
    invalidArgument: "InvalidArgument",
    itemNotFound: "ItemNotFound",
    itemAlreadyExists: "ItemAlreadyExists",
    invalidOperation: "InvalidOperation",
    generalException: "GeneralException",
    responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
    rangeExceedsLimit: "RangeExceedsLimit",
    apiNotFound: "ApiNotFound",
  },
  CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
  CalculationMode: { automatic: "Automatic", automaticExceptTables: "AutomaticExceptTables", manual: "Manual" },
} as const;

export function createStandIn(seed?: WorkbookSeed, options: StandInOptions = {}): StandIn {
  const book = new WorkbookModel(seed);
  const host = new StandInHost(book, options);
  const excelApi = host.excelApi;
  const sharedRuntime = options.sharedRuntime ?? true;
  const visibilityHandlers = new Set<(message: { visibilityMode: string }) => void>();
  const officeHost = options.host === undefined ? "Excel" : options.host;
  const associated = new Map<string, unknown>();

  class RequestContext extends Context {
    constructor() {
      super(host);
    }
  }

  async function run(...args: unknown[]): Promise<unknown> {
    const batch = args[args.length - 1];
    if (typeof batch !== "function") throw new StandInError("InvalidArgument", "Excel.run needs a batch function");
    const context = new RequestContext();
    const result: unknown = await (batch as (c: Context) => unknown)(context);
    if (context.pendingCount > 0) await context.sync();
    return result;
  }

  const platform = "OfficeOnline";
  const readyInfo = officeHost === null ? { host: null, platform: null } : { host: officeHost, platform };
  let readyPromise: Promise<unknown> | undefined;
  const Office: Record<string, unknown> = {
    VisibilityMode: { hidden: "Hidden", taskpane: "Taskpane" },
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    EventType: {
      DocumentSelectionChanged: "documentSelectionChanged",
      BindingSelectionChanged: "bindingSelectionChanged",
      BindingDataChanged: "bindingDataChanged",
      SettingsChanged: "settingsChanged",
      ActiveViewChanged: "activeViewChanged",
      DialogMessageReceived: "dialogMessageReceived",
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context:
      officeHost === null
        ? undefined
        : {
            host: officeHost,
            platform,
            displayLanguage: "en-US",
            contentLanguage: "en-US",
            diagnostics: { host: officeHost, platform, version: "16.0.0.0" },
            requirements: {
              isSetSupported: (name: string, version?: string): boolean => {
                if (name === "ExcelApi") return versionAtMost(version ?? "1.1", excelApi);
                if (name === "SharedRuntime") return sharedRuntime;
                return ["CustomFunctionsRuntime", "RibbonApi", "AddinCommands"].includes(name);
              },
            },
          },
    actions: { associate: (name: string, fn: unknown) => void associated.set(`action:${name}`, fn) },
    // Office.addin is SharedRuntime 1.1: on a host without it the calls fail, as they do in Office.
    addin: {
      showAsTaskpane: async (): Promise<void> => {
        if (!sharedRuntime) throw new StandInError("GenericException", "Office.addin needs SharedRuntime 1.1");
      },
      hide: async (): Promise<void> => {
        if (!sharedRuntime) throw new StandInError("GenericException", "Office.addin needs SharedRuntime 1.1");
      },
      onVisibilityModeChanged: async (handler: (message: { visibilityMode: string }) => void): Promise<() => Promise<void>> => {
        if (!sharedRuntime) throw new StandInError("GenericException", "Office.addin.onVisibilityModeChanged needs SharedRuntime 1.1");
        visibilityHandlers.add(handler);
        return async () => void visibilityHandlers.delete(handler);
      },
    },
    onReady(callback?: (info: unknown) => void): Promise<unknown> {
      readyPromise ??= new Promise((resolve) => {
        const fire = (): void => {
          const init = Office.initialize;
          if (typeof init === "function") (init as (reason: string) => void)("inserted");
          resolve(readyInfo);
        };
        const doc = (globalThis as { document?: { readyState: string; addEventListener(type: string, fn: () => void): void } }).document;
        if (doc && doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", () => setTimeout(fire, 0));
        else setTimeout(fire, 0);
      });
      return readyPromise.then((info) => {
        callback?.(info);
        return info;
      });
    },
  };

  class CustomFunctionsError extends Error {
    readonly code: string;
    constructor(code = "#VALUE!", message?: string) {
      super(message);
      this.code = code;
    }
  }
  const CustomFunctions: Record<string, unknown> = {
    associate(idOrMap: string | Record<string, unknown>, fn?: unknown): void {
      if (typeof idOrMap === "string") associated.set(idOrMap.toUpperCase(), fn);
      else for (const [id, f] of Object.entries(idOrMap)) associated.set(id.toUpperCase(), f);
    },
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };

  const Excel: Record<string, unknown> = { run, RequestContext, ...EXCEL_ENUMS };
  const OfficeExtension: Record<string, unknown> = {
    Error: StandInError,
    ClientResult,
    ErrorCodes: {
      propertyNotLoaded: "PropertyNotLoaded",
      generalException: "GeneralException",
      invalidArgument: "InvalidArgument",
      accessDenied: "AccessDenied",
    },
  };

  const settle = async (): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    while (host.inFlight.size > 0) await Promise.allSettled([...host.inFlight]);
  };

  return {
    Office,
    Excel,
    OfficeExtension,
    CustomFunctions,
    book,
    stats: host.stats,
    associated,
    async select(address) {
      book.select(address);
      const { sheet, rect } = book.selection;
      const args = { type: "WorksheetSelectionChanged", address: rectAddress(rect), worksheetId: sheet.id };
      host.deliver(`sheet.selectionChanged:${sheet.id}`, args);
      host.deliver("worksheets.selectionChanged", args);
      host.deliver("workbook.selectionChanged", { type: "SelectionChanged" });
      await settle();
    },
    async edit(address, values) {
      const { sheet, rect } = book.resolve(address);
      values.forEach((line, r) =>
        line.forEach((v, c) => {
          if (v !== null) setTyped(sheet, rect.row + r, rect.column + c, v);
        }),
      );
      book.expandTables(sheet, { row: rect.row, column: rect.column, rows: Math.max(1, values.length), columns: Math.max(1, ...values.map((l) => l.length)) });
      book.afterWrite(sheet);
      book.autoCalculate();
      const changed = { row: rect.row, column: rect.column, rows: Math.max(1, values.length), columns: Math.max(1, ...values.map((l) => l.length)) };
      const args = {
        type: "WorksheetChanged",
        changeType: "RangeEdited",
        source: "Local",
        triggerSource: "Unknown",
        address: rectAddress(changed),
        worksheetId: sheet.id,
      };
      host.deliver(`sheet.changed:${sheet.id}`, args);
      host.deliver("worksheets.changed", args);
      await settle();
    },
    async setVisibility(mode) {
      for (const handler of [...visibilityHandlers]) {
        const run = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => handler({ visibilityMode: mode }));
        host.inFlight.add(run);
        void run.finally(() => host.inFlight.delete(run));
      }
      await settle();
    },
    idle: settle,
    handlerCount: () => host.handlerCount(),
    resetStats() {
      host.stats.syncCalls = 0;
      host.stats.requests.length = 0;
      host.stats.writes.length = 0;
      host.stats.handlerErrors.length = 0;
    },
    install(target = globalThis as unknown as Record<string, unknown>) {
      target.Office = Office;
      target.Excel = Excel;
      target.OfficeExtension = OfficeExtension;
      target.CustomFunctions = CustomFunctions;
    },
  };
}
