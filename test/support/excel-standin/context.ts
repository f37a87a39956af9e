/*
 * The request machinery: proxy objects queue actions on a RequestContext; sync()
 * sends them as one request, runs them against the in-memory workbook in order,
 * and only then makes loaded properties readable. Every request is recorded with
 * the JSON size of what would travel each way.
 */
import { StandInError, itemNotFound, propertyNotLoaded } from "./errors";
import type { Host } from "./host";

export const NULL_TARGET: unique symbol = Symbol("null object");
const UNRESOLVED: unique symbol = Symbol("unresolved");

const ACTION_QUERY = 2;
const ACTION_METHOD = 3;
const ACTION_SET = 4;
const ACTION_EVENT = 5;

export interface ScalarDef<T> {
  get?(target: T, context: RequestContext): unknown;
  set?(target: T, value: unknown, context: RequestContext): void;
  /** Left out of a parameter-less load(). */
  readonly explicitOnly?: boolean;
}

export type Scalars<T> = Readonly<Record<string, ScalarDef<T>>>;

interface Pending {
  readonly record: Record<string, unknown>;
  readonly objects: readonly ClientObject[];
  run(): unknown;
  after?(value: unknown): void;
}

type LoadOption = string | readonly string[] | { readonly select?: string | readonly string[] } | undefined;

function loadNames(option: LoadOption): string[] {
  if (option === undefined) return [];
  if (typeof option === "string")
    return option
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(option)) return option.flatMap((s: string) => loadNames(s));
  const select = (option as { select?: string | readonly string[] }).select;
  return select === undefined ? Object.keys(option).filter((k) => (option as Record<string, unknown>)[k] === true) : loadNames(select);
}

export function byteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

export class ClientResult<T> {
  private loaded = false;
  private current: T | undefined;
  get value(): T {
    if (!this.loaded) throw propertyNotLoaded("value");
    return this.current as T;
  }
  /** @internal */
  resolve(value: T): void {
    this.loaded = true;
    this.current = value;
  }
}

/** Base of every proxy: a path to an object in the workbook, resolved when a request runs. */
export abstract class ClientObject {
  readonly context: RequestContext;
  /** @internal */ readonly pathId: number;
  /** @internal */ readonly pathRecord: Record<string, unknown>;
  /** @internal */ readonly parentObject: ClientObject | undefined;
  /** @internal */ loaded = new Map<string, unknown>();
  /** @internal */ nullState: boolean | undefined;
  private readonly resolver: (parent: unknown) => unknown;
  private target: unknown = UNRESOLVED;
  private readonly navigations = new Map<string, ClientObject>();

  constructor(
    context: RequestContext,
    parent: ClientObject | undefined,
    name: string,
    args: readonly unknown[],
    resolver: (parent: unknown) => unknown,
    readonly orNull = false,
  ) {
    this.context = context;
    this.parentObject = parent;
    this.resolver = resolver;
    this.pathId = context.nextPathId();
    this.pathRecord = {
      Id: this.pathId,
      ObjectPathType: parent ? 3 : 1,
      Name: name,
      ParentObjectPathId: parent?.pathId ?? 0,
      ArgumentInfo: { Arguments: args },
    };
    if (orNull) context.watchNull(this);
  }

  /** @internal the class's scalar properties */
  protected abstract scalars(): Scalars<never>;

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded("isNullObject");
    return this.nullState;
  }

  /** @internal */
  resolve(): unknown {
    if (this.target !== UNRESOLVED) return this.target;
    const parent = this.parentObject ? this.parentObject.resolve() : undefined;
    let target: unknown;
    if (parent === NULL_TARGET) target = NULL_TARGET;
    else {
      try {
        target = this.resolver(parent);
      } catch (error) {
        if (this.orNull && error instanceof StandInError && error.code === "ItemNotFound") target = NULL_TARGET;
        else throw error;
      }
    }
    this.target = target;
    this.nullState = target === NULL_TARGET;
    return target;
  }

  /** @internal a proxy whose target is already known (collection items). */
  presetTarget(target: unknown): void {
    this.target = target;
    this.nullState = false;
  }

  /** @internal */
  protected live<T>(): T {
    const target = this.resolve();
    if (target === NULL_TARGET) throw itemNotFound("the object is a null object");
    return target as T;
  }

  /** @internal */
  protected read<T>(name: string): T {
    if (this.nullState === true || !this.loaded.has(name)) throw propertyNotLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** @internal */
  protected write(name: string, value: unknown): void {
    const def = (this.scalars() as Scalars<unknown>)[name];
    if (!def?.set) throw new TypeError(`stand-in: ${this.constructor.name}.${name} is read-only`);
    const setter = def.set;
    this.context.enqueue({
      record: { ActionType: ACTION_SET, Name: name, ObjectPathId: this.pathId, ArgumentInfo: { Arguments: [value] } },
      objects: [this],
      run: () => {
        setter(this.live<unknown>(), value, this.context);
        return undefined;
      },
      after: () => this.loaded.delete(name),
    });
  }

  /** @internal queues a method call; `run` gets the live target. */
  protected call<R>(name: string, args: readonly unknown[], run: (target: never) => R, result?: ClientResult<R>): void {
    this.context.enqueue({
      record: { ActionType: ACTION_METHOD, Name: name, ObjectPathId: this.pathId, ArgumentInfo: { Arguments: args.map(argumentJson) } },
      objects: [this, ...args.filter((a): a is ClientObject => a instanceof ClientObject)],
      run: () => {
        const value = run(this.live<never>());
        return result ? value : undefined;
      },
      ...(result ? { after: (value: unknown) => result.resolve(value as R) } : {}),
    });
  }

  /** @internal a child proxy reached by a navigation property (cached) or a method (new each call). */
  protected child<C extends ClientObject>(make: (context: RequestContext, parent: ClientObject) => C, cacheKey?: string): C {
    if (cacheKey !== undefined) {
      const cached = this.navigations.get(cacheKey);
      if (cached) return cached as C;
    }
    const made = make(this.context, this);
    if (cacheKey !== undefined) this.navigations.set(cacheKey, made);
    return made;
  }

  load(option?: LoadOption): this {
    const names = loadNames(option);
    const own: string[] = [];
    const unknown: string[] = [];
    const scalars = this.scalars() as Scalars<unknown>;
    for (const name of names) {
      const slash = name.indexOf("/");
      const head = slash < 0 ? name : name.slice(0, slash);
      if (head in scalars) {
        own.push(head);
        continue;
      }
      const nav = head in this ? (this as unknown as Record<string, unknown>)[head] : undefined;
      if (nav instanceof ClientObject) nav.load(slash < 0 ? undefined : name.slice(slash + 1));
      else unknown.push(head);
    }
    if (names.length === 0) own.push(...Object.keys(scalars).filter((k) => !scalars[k]?.explicitOnly));
    this.queueUnknown(unknown);
    this.queueLoad(own);
    return this;
  }

  /**
   * A load of a property the object does not have: as in Excel, load() accepts
   * it and the request fails at sync ("InvalidArgument"; the code Excel gives was
   * not checked in Excel), so nothing else in that request takes effect.
   */
  protected queueUnknown(names: readonly string[]): void {
    if (names.length === 0) return;
    const kind = this.constructor.name;
    this.context.enqueue({
      record: { ActionType: ACTION_QUERY, Name: "", ObjectPathId: this.pathId, QueryInfo: { Select: [...names] } },
      objects: [this],
      run: () => {
        throw new StandInError(
          "InvalidArgument",
          `The argument is invalid or missing or has an incorrect format (${kind} has no property ${names.join(", ")}).`,
        );
      },
    });
  }

  /** @internal */
  protected queueLoad(names: readonly string[]): void {
    const scalars = this.scalars() as Scalars<unknown>;
    this.context.enqueue({
      record: { ActionType: ACTION_QUERY, Name: "", ObjectPathId: this.pathId, QueryInfo: { Select: names } },
      objects: [this],
      run: () => {
        const target = this.resolve();
        if (target === NULL_TARGET) return null;
        const out: Record<string, unknown> = {};
        for (const name of names) out[name] = scalars[name]?.get?.(target, this.context);
        return out;
      },
      after: (value) => {
        if (value === null || typeof value !== "object") return;
        for (const [k, v] of Object.entries(value)) this.loaded.set(k, v);
      },
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

function argumentJson(arg: unknown): unknown {
  return arg instanceof ClientObject ? { ObjectPathId: arg.pathId } : arg;
}

/** A collection proxy: `items` after load, each item a proxy of its own. */
export abstract class CollectionObject<I extends ClientObject> extends ClientObject {
  /** @internal */ itemList: I[] | undefined;

  protected abstract itemTargets(target: never): readonly unknown[];
  protected abstract makeItem(context: RequestContext, target: unknown, index: number): I;
  protected itemScalars(): Scalars<never> {
    return {};
  }
  protected scalars(): Scalars<never> {
    return {};
  }

  get items(): I[] {
    if (this.itemList === undefined) throw propertyNotLoaded("items");
    return this.itemList;
  }

  override load(option?: LoadOption): this {
    const names = loadNames(option)
      .map((n) => (n.startsWith("items/") ? n.slice(6) : n))
      .filter((n) => n !== "items");
    const scalars = this.itemScalars() as Scalars<unknown>;
    const own = names.filter((n) => n in scalars);
    // An item property it does not have (items/foo or foo) fails the request at sync, as in Excel.
    this.queueUnknown(names.filter((n) => !(n in scalars)));
    const select = names.length === 0 ? Object.keys(scalars).filter((k) => !scalars[k]?.explicitOnly) : own;
    this.context.enqueue({
      record: { ActionType: ACTION_QUERY, Name: "", ObjectPathId: this.pathId, QueryInfo: { Select: select, Expand: [] } },
      objects: [this],
      run: () => {
        const target = this.resolve();
        if (target === NULL_TARGET) return null;
        return this.itemTargets(target as never).map((t) => ({
          target: t,
          values: Object.fromEntries(select.map((s) => [s, scalars[s]?.get?.(t, this.context)])),
        }));
      },
      after: (value) => {
        if (!Array.isArray(value)) return;
        this.itemList = value.map((entry: { target: unknown; values: Record<string, unknown> }, index) => {
          const item = this.makeItem(this.context, entry.target, index);
          item.presetTarget(entry.target);
          for (const [k, v] of Object.entries(entry.values)) item.loaded.set(k, v);
          return item;
        });
      },
    });
    return this;
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.call("getCount", [], (target) => this.itemTargets(target).length, result);
    return result;
  }
}

export interface RequestRecord {
  readonly actions: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly suspendedCalculation: boolean;
  readonly suspendedScreenUpdating: boolean;
  readonly error?: string;
}

export class RequestContext {
  readonly host: Host;
  private queue: Pending[] = [];
  private pathIds = 0;
  private actionIds = 0;
  private readonly sentPaths = new Set<number>();
  private nullWatch: ClientObject[] = [];
  /** @internal set by Application during a request */
  suspension = { calculation: false, screen: false };
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private workbookProxy: ClientObject | undefined;

  constructor(host: Host) {
    this.host = host;
  }

  get workbook(): never {
    this.workbookProxy ??= this.host.makeWorkbook(this) as ClientObject;
    return this.workbookProxy as never;
  }

  get application(): never {
    return (this.workbook as unknown as { application: never }).application;
  }

  /** @internal */ nextPathId(): number {
    this.pathIds += 1;
    return this.pathIds;
  }

  /** @internal */ watchNull(object: ClientObject): void {
    this.nullWatch.push(object);
  }

  /** @internal */ enqueue(pending: Pending): void {
    this.actionIds += 1;
    this.queue.push({ ...pending, record: { Id: this.actionIds, ...pending.record } });
  }

  /** @internal */ get pendingCount(): number {
    return this.queue.length;
  }

  /** @internal */ registerEvent(object: ClientObject, name: string, run: () => void): void {
    this.enqueue({ record: { ActionType: ACTION_EVENT, Name: name, ObjectPathId: object.pathId }, objects: [object], run: () => void run() });
  }

  private pathsOf(objects: readonly ClientObject[]): Record<string, unknown> {
    const paths: Record<string, unknown> = {};
    const visit = (o: ClientObject | undefined): void => {
      if (!o || this.sentPaths.has(o.pathId)) return;
      this.sentPaths.add(o.pathId);
      paths[String(o.pathId)] = o.pathRecord;
      visit(o.parentObject);
    };
    objects.forEach(visit);
    return paths;
  }

  async sync(): Promise<void> {
    const pending = this.queue;
    const watched = this.nullWatch;
    this.queue = [];
    this.nullWatch = [];
    this.host.stats.syncCalls += 1;
    if (pending.length === 0 && watched.length === 0) return;

    const request = JSON.stringify({ Actions: pending.map((p) => p.record), ObjectPaths: this.pathsOf(pending.flatMap((p) => p.objects)) });
    const requestBytes = byteLength(request);
    const limit = this.host.limits.payloadBytes;
    await this.host.roundTrip();
    this.suspension = { calculation: false, screen: false };
    const record = (responseBytes: number, error?: string): void => {
      this.host.stats.requests.push({
        actions: pending.length,
        requestBytes,
        responseBytes,
        suspendedCalculation: this.suspension.calculation,
        suspendedScreenUpdating: this.suspension.screen,
        ...(error === undefined ? {} : { error }),
      });
    };
    if (requestBytes > limit) {
      record(0, "RequestPayloadSizeLimitExceeded");
      throw new StandInError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${requestBytes} bytes > ${limit}).`);
    }

    // Excel recalculates what earlier requests left dirty before a request that does not suspend calculation, and after it.
    const suspendsCalculation = pending.some((p) => p.record.Name === "suspendApiCalculationUntilNextSync");
    if (!suspendsCalculation) this.host.book.autoCalculate();
    const done: { pending: Pending; value: unknown }[] = [];
    const results: unknown[] = [];
    let failure: unknown;
    for (const p of pending) {
      try {
        const value = p.run();
        done.push({ pending: p, value });
        if (value !== undefined) results.push({ ActionId: p.record.Id, Value: value });
      } catch (error) {
        failure = error;
        break;
      }
    }
    for (const o of watched) {
      try {
        o.resolve();
      } catch (error) {
        // A failing path only matters when an action uses it; an API this Excel does not have fails the request.
        if (failure === undefined && error instanceof StandInError && error.code === "ApiNotFound") failure = error;
      }
    }
    if (!suspendsCalculation) this.host.book.autoCalculate();
    const responseBytes = byteLength(
      JSON.stringify({ Results: results }, (_k, v: unknown) =>
        v !== null && typeof v === "object" && "target" in v && "values" in v ? (v as { values: unknown }).values : v,
      ),
    );
    if (failure === undefined && responseBytes > limit) {
      failure = new StandInError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${responseBytes} bytes > ${limit}).`);
    }
    record(responseBytes, failure === undefined ? undefined : failure instanceof StandInError ? failure.code : String(failure));
    this.host.flushEvents();
    if (failure !== undefined) throw failure;
    for (const { pending: p, value } of done) p.after?.(value);
  }
}
