import type { Rect } from "./address";
import { SimError, type SimErrorCode, isSimError, propertyNotLoaded } from "./errors";
import type { ChangedHandler } from "./events";
import type { Limits, SheetModel, WorkbookModel } from "./model";

/** What a request did, for the tests and the benchmark. */
export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** The error code when the request failed. */
  error?: string;
  /** Time the simulated Excel spent on the request (sizing, executing, answering), in milliseconds. */
  ms: number;
}

/** The part of the simulated host a request context needs. */
export interface HostLike {
  readonly model: WorkbookModel;
  readonly limits: Limits;
  /** Optional cap on syncs inside one `run`, to catch `context.sync()` in a loop. */
  readonly maxSyncsPerRun: number | undefined;
  supports(set: string, version: string): boolean;
  recordSync(record: SyncRecord): void;
  /** Strings written through `values` are read as Excel reads typed input (see cells.ts typedEntry). */
  readonly parsesTypedText: boolean;
  /** A request changed cells' contents: raise Worksheet.onChanged (delivered after the request). */
  raiseChanged(sheet: SheetModel, rect: Rect): void;
  /** Registers (or removes) a Worksheet.onChanged handler. */
  setChangedHandler(sheetId: string, handler: ChangedHandler, add: boolean): void;
  /**
   * The code Excel refuses a note or comment with on a cell that already holds one. Microsoft documents none, and
   * hosts differ; the adapter must cope with any.
   */
  readonly annotationRefusal: SimErrorCode;
  /** RangeFill.pattern reads null for no fill and for solid fills alike (office-js #4900). */
  readonly ambiguousFillPattern: boolean;
  /** While the user edits a cell: resolves when the edit ends. Undefined when no cell is being edited. */
  cellEditEnds(): Promise<void> | undefined;
}

/** Marks an object whose *OrNullObject lookup found nothing. */
export const NULL_TARGET: unique symbol = Symbol("null object");
export type Resolved = unknown;

/** State shared by the actions of one request while it executes. */
export interface Env {
  readonly model: WorkbookModel;
  readonly host: HostLike;
  readonly response: unknown[];
  readonly deliveries: Array<() => void>;
}

/**
 * An action as Office.js sends it (the RichApi protocol: numbered actions over numbered object paths). Only its
 * JSON size matters here; the field names follow the real protocol so that estimates are of the right order.
 */
type ActionKind = "Instantiate" | "Query" | "Method" | "SetProperty";
/** The protocol numbers action and path types. */
const ACTION_TYPE: Record<ActionKind, number> = { Instantiate: 1, Query: 2, Method: 3, SetProperty: 4 };
const PATH_TYPE = { Method: 3, Property: 4 } as const;

interface ActionWire {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments: unknown[] };
  QueryInfo?: { Select: string[]; Expand: string[]; Top?: number; Skip?: number };
}

interface Action {
  wire: ActionWire;
  run(env: Env, actionId: number): void;
}

export interface PropSpec<T> {
  get?(target: T, env: Env): unknown;
  set?(target: T, value: unknown, env: Env): void;
  /** ExcelApi version that introduced the property. */
  since?: string;
}

/** Describes one Office.js class: scalar properties, navigation properties, collection items. */
export interface ClassSpec<T> {
  type: string;
  since?: string;
  props: Record<string, PropSpec<T>>;
  navs?: readonly string[];
  collection?: {
    list(target: T, env: Env): unknown[];
    make(owner: SimObject, item: unknown): SimObject;
  };
}

type LoadTree = Map<string, LoadTree | true>;

const utf8 = new TextEncoder();
export function jsonBytes(x: unknown): number {
  return utf8.encode(JSON.stringify(x) ?? "").length;
}

const parsedVersions = new Map<string, number[]>();
function parseVersion(v: string): number[] {
  let parsed = parsedVersions.get(v);
  if (!parsed) parsedVersions.set(v, (parsed = v.split(".").map(Number)));
  return parsed;
}

function versionAtLeast(have: string, want: string): boolean {
  const a = parseVersion(have);
  const b = parseVersion(want);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}
export { versionAtLeast };

function addPath(tree: LoadTree, path: string[]): void {
  const [head, ...rest] = path;
  if (!head) return;
  if (rest.length === 0) {
    if (!tree.has(head)) tree.set(head, true);
    return;
  }
  let sub = tree.get(head);
  if (sub === undefined || sub === true) {
    sub = new Map();
    tree.set(head, sub);
  }
  addPath(sub, rest);
}

const PAGING = new Set(["$top", "$skip", "top", "skip"]);

function treeFromObject(tree: LoadTree, obj: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(obj)) {
    if (PAGING.has(k)) continue;
    if ((k === "select" || k === "expand") && typeof v === "string") {
      for (const p of v.split(",")) addPath(tree, p.trim().split("/"));
      continue;
    }
    if (v === true) addPath(tree, [k]);
    else if (v && typeof v === "object") {
      let sub = tree.get(k);
      if (sub === undefined || sub === true) {
        sub = new Map();
        tree.set(k, sub);
      }
      treeFromObject(sub, v as Record<string, unknown>);
    }
  }
}

/** Parses every form `load` accepts: "a, b/c", ["a", "b/c"], {a: true, b: {c: true}}, {select, expand}. */
/** A collection's page, from `load({ $top, $skip })` or `load({ select, top, skip })`. */
export function parsePaging(arg: unknown): { top?: number; skip: number } {
  if (!arg || typeof arg !== "object" || Array.isArray(arg)) return { skip: 0 };
  const o = arg as Record<string, unknown>;
  const top = o.$top ?? o.top;
  const skip = o.$skip ?? o.skip;
  return { ...(typeof top === "number" ? { top } : {}), skip: typeof skip === "number" ? skip : 0 };
}

export function parseLoad(arg: unknown): LoadTree {
  const tree: LoadTree = new Map();
  if (arg === undefined || arg === null) return tree;
  const strings =
    typeof arg === "string" ? arg.split(",") : Array.isArray(arg) ? (arg as unknown[]) : undefined;
  if (strings) {
    for (const s of strings) if (typeof s === "string" && s.trim() !== "") addPath(tree, s.trim().split("/"));
    return tree;
  }
  if (typeof arg === "object") treeFromObject(tree, arg as Record<string, unknown>);
  return tree;
}

let nextId = 1;

/**
 * The request context: queues actions, sends them at `sync`, and delivers loaded values afterwards.
 * A context dies when its `run` ends; using it (or its objects) afterwards is an error, as in Office.js.
 */
export class SimRequestContext {
  readonly host: HostLike;
  private actions: Action[] = [];
  private paths: Record<number, unknown> = {};
  private nextAction = 1;
  private executing = false;
  private alive = true;
  /** Syncs made through this context. */
  syncCount = 0;
  /** Excel.run's RunOptions.delayForCellEdit (ExcelApi 1.11): wait for the user to leave cell-edit mode. */
  delayForCellEdit = false;
  /** Office.js API surface the adapter may touch; tracking is meaningless here. */
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  readonly workbook: SimObject;

  constructor(host: HostLike, makeWorkbook: (ctx: SimRequestContext) => SimObject) {
    this.host = host;
    this.workbook = makeWorkbook(this);
  }

  checkAlive(): void {
    if (!this.alive)
      throw new SimError(
        "InvalidRequestContext",
        "This object belongs to a request context whose Excel.run has finished; it cannot be used any more.",
      );
  }

  close(): void {
    this.alive = false;
  }

  /**
   * `Excel.run(context, batch)`: a later batch on the context of earlier objects (to remove an event handler, say).
   * The context serves again until that batch ends.
   */
  reopen(): void {
    this.alive = true;
    this.syncCount = 0;
  }

  hasPending(): boolean {
    return this.actions.length > 0;
  }

  queue(
    kind: ActionKind,
    objectId: number,
    name: string,
    extra: Partial<ActionWire>,
    run: Action["run"],
  ): void {
    this.checkAlive();
    this.actions.push({
      wire: {
        Id: this.nextAction++,
        ActionType: ACTION_TYPE[kind],
        Name: name,
        ObjectPathId: objectId,
        ...extra,
      },
      run,
    });
  }

  /** Registers the object path of a new proxy: how Excel finds it from its parent. */
  path(id: number, parentId: number, name: string, args: unknown[], type: "Method" | "Property"): void {
    this.checkAlive();
    // Objects made while a response is being unpacked (loaded items and their parts) come with the response.
    if (this.executing) return;
    this.paths[id] = {
      Id: id,
      ObjectPathType: PATH_TYPE[type],
      Name: name,
      ParentObjectPathId: parentId,
      ArgumentInfo: { Arguments: args },
    };
  }

  /** The legacy `context.load(object, props)` form. */
  load<T extends SimObject>(object: T, props?: unknown): T {
    return object.load(props) as T;
  }

  async sync(): Promise<void> {
    this.checkAlive();
    const actions = this.actions;
    const paths = this.paths;
    this.actions = [];
    this.paths = {};
    // Office.js makes no round trip when nothing is queued.
    if (actions.length === 0) return;
    this.syncCount++;
    // Let callers that forgot `await` observe the asynchrony, as with a real round trip.
    await Promise.resolve();
    // Excel refuses a batch while the user is typing in a cell, unless the run asked to wait for the edit to end.
    const editing = this.host.cellEditEnds();
    if (editing) {
      if (!this.delayForCellEdit) {
        this.host.recordSync({
          requestBytes: 0,
          responseBytes: 0,
          actions: actions.length,
          error: "InvalidOperationInCellEditMode",
          ms: 0,
        });
        throw new SimError(
          "InvalidOperationInCellEditMode",
          "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
        );
      }
      await editing;
    }
    const started = performance.now();
    const ms = () => performance.now() - started;
    const budget = this.host.maxSyncsPerRun;
    if (budget !== undefined && this.syncCount > budget) {
      const err = new SimError(
        "SyncBudgetExceeded",
        `context.sync() called ${this.syncCount} times in one Excel.run (budget ${budget}): sync in a loop?`,
      );
      this.host.recordSync({
        requestBytes: 0,
        responseBytes: 0,
        actions: actions.length,
        error: err.code,
        ms: ms(),
      });
      throw err;
    }
    const requestBytes = jsonBytes({ Actions: actions.map((a) => a.wire), ObjectPaths: paths });
    const limits = this.host.limits;
    if (requestBytes > limits.requestBytes) {
      this.host.recordSync({
        requestBytes,
        responseBytes: 0,
        actions: actions.length,
        error: "RequestPayloadSizeLimitExceeded",
        ms: ms(),
      });
      throw new SimError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${requestBytes} bytes) has exceeded the limit (${limits.requestBytes} bytes).`,
      );
    }
    const env: Env = { model: this.host.model, host: this.host, response: [], deliveries: [] };
    for (const action of actions) {
      try {
        this.executing = true;
        action.run(env, action.wire.Id);
      } catch (e) {
        const code = isSimError(e) ? e.code : "GeneralException";
        this.host.recordSync({
          requestBytes,
          responseBytes: 0,
          actions: actions.length,
          error: code,
          ms: ms(),
        });
        if (isSimError(e)) {
          e.debugInfo.statement = `action ${action.wire.Id} (${action.wire.Name || "load"})`;
          throw e;
        }
        throw e;
      } finally {
        this.executing = false;
      }
    }
    const responseBytes = jsonBytes({ Results: env.response });
    if (responseBytes > limits.responseBytes) {
      this.host.recordSync({
        requestBytes,
        responseBytes,
        actions: actions.length,
        error: "ResponsePayloadSizeLimitExceeded",
        ms: ms(),
      });
      throw new SimError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${responseBytes} bytes) has exceeded the limit (${limits.responseBytes} bytes).`,
      );
    }
    for (const deliver of env.deliveries) deliver();
    this.host.recordSync({ requestBytes, responseBytes, actions: actions.length, ms: ms() });
  }
}

/** The value of a method that returns data (getCount, getCellProperties): readable only after sync. */
export class SimClientResult<T> {
  private loaded = false;
  private v: T | undefined;
  constructor(private readonly what: string) {}
  get value(): T {
    if (!this.loaded) throw propertyNotLoaded("value", `ClientResult<${this.what}>`);
    return this.v as T;
  }
  deliver(v: T): void {
    this.loaded = true;
    this.v = v;
  }
}

/**
 * Base of every proxy. A proxy knows how to find its target in the model (`resolver`) but does so only when
 * a request executes; reading a property is allowed only after it was loaded and the request synced.
 */
export abstract class SimObject {
  readonly context: SimRequestContext;
  readonly _id = nextId++;
  private readonly _parent: SimObject | null;
  private readonly _resolver: (parent: Resolved, env: Env) => Resolved;
  private readonly _nullable: boolean;
  private _bound: Resolved | undefined;
  private _nullState: boolean | undefined;
  // Allocated on first use: tens of thousands of proxies take part in a large request.
  private _valsMap: Map<string, unknown> | undefined;
  private _navMap: Map<string, SimObject> | undefined;

  private get _vals(): Map<string, unknown> {
    return (this._valsMap ??= new Map());
  }

  private get _navCache(): Map<string, SimObject> {
    return (this._navMap ??= new Map());
  }
  private _loadedItems: SimObject[] | undefined;

  protected abstract readonly _spec: ClassSpec<never>;

  constructor(
    context: SimRequestContext,
    parent: SimObject | null,
    resolver: (parent: Resolved, env: Env) => Resolved,
    options: { nullable?: boolean; wire?: [string, unknown[]]; bound?: Resolved } = {},
  ) {
    this.context = context;
    this._parent = parent;
    this._resolver = resolver;
    this._nullable = options.nullable ?? false;
    if (options.bound !== undefined) {
      this._bound = options.bound;
      this._nullState = false;
    }
    if (options.wire)
      context.path(this._id, parent?._id ?? 0, options.wire[0], options.wire[1].map(wireArg), "Method");
    if (this._nullable) {
      // *OrNullObject lookups report isNullObject after the next sync without an explicit load.
      context.queue("Instantiate", this._id, "", {}, (env, actionId) => {
        const t = this._resolve(env);
        env.response.push({ ActionId: actionId, Value: { _IsNull: t === NULL_TARGET } });
        env.deliveries.push(() => {
          this._nullState = t === NULL_TARGET;
        });
      });
    } else if (options.bound === undefined) this._nullState = false;
  }

  private get _typeSpec(): ClassSpec<unknown> {
    return this._spec as unknown as ClassSpec<unknown>;
  }

  get isNullObject(): boolean {
    if (this._nullState === undefined) throw propertyNotLoaded("isNullObject", this._typeSpec.type);
    return this._nullState;
  }

  /** Finds the target in the model (once; afterwards the proxy stays bound to it, as Office.js objects do). */
  _resolve(env: Env): Resolved {
    if (this._bound !== undefined) return this._bound;
    const since = this._typeSpec.since;
    if (since && !env.host.supports("ExcelApi", since))
      throw new SimError(
        "ApiNotFound",
        `${this._typeSpec.type} needs ExcelApi ${since}, which this host lacks.`,
      );
    const parentTarget = this._parent ? this._parent._resolve(env) : env.model;
    if (parentTarget === NULL_TARGET) {
      this._bound = NULL_TARGET;
      return this._bound;
    }
    try {
      this._bound = this._resolver(parentTarget, env);
    } catch (e) {
      if (this._nullable && isSimError(e, "ItemNotFound")) this._bound = NULL_TARGET;
      else throw e;
    }
    return this._bound;
  }

  /** The target for an action: a null object cannot be acted on. */
  _target<T>(env: Env): T {
    const t = this._resolve(env);
    if (t === NULL_TARGET)
      throw new SimError(
        "ItemNotFound",
        `The ${this._typeSpec.type} is a null object; check isNullObject first.`,
      );
    return t as T;
  }

  protected _need(env: Env, since: string, what: string): void {
    if (!env.host.supports("ExcelApi", since))
      throw new SimError(
        "ApiNotFound",
        `${this._typeSpec.type}.${what} needs ExcelApi ${since}, which this host lacks.`,
      );
  }

  /** Reads a loaded (or locally set) property. */
  _get(name: string): unknown {
    if (this._valsMap?.has(name)) return this._valsMap.get(name);
    if (this._nullState === true) return null;
    throw propertyNotLoaded(name, this._typeSpec.type);
  }

  /** Sets a property: remembered locally (as Office.js does) and queued for the next sync. */
  _set(name: string, value: unknown): void {
    const spec = this._typeSpec.props[name];
    if (!spec?.set) throw new SimError("InvalidArgument", `${this._typeSpec.type}.${name} is read-only.`);
    this._vals.set(name, value);
    this.context.queue(
      "SetProperty",
      this._id,
      name,
      { ArgumentInfo: { Arguments: [wireArg(value)] } },
      (env) => {
        if (spec.since) this._need(env, spec.since, name);
        spec.set?.(this._target(env), value, env);
      },
    );
  }

  /** A navigation property: a child proxy created once per parent proxy. */
  protected _nav<C extends SimObject>(name: string, make: () => C): C {
    let child = this._navCache.get(name);
    if (!child) {
      child = make();
      this.context.path(child._id, this._id, name, [], "Property");
      this._navCache.set(name, child);
    }
    return child as C;
  }

  /** Queues a method call with no return value. */
  protected _act(
    name: string,
    args: unknown[],
    run: (target: never, env: Env) => void,
    since?: string,
  ): void {
    this.context.queue(
      "Method",
      this._id,
      name,
      { ArgumentInfo: { Arguments: args.map(wireArg) } },
      (env) => {
        if (since) this._need(env, since, name);
        run(this._target(env) as never, env);
      },
    );
  }

  /** Queues a method call whose value is delivered at sync. */
  protected _result<R>(
    name: string,
    args: unknown[],
    compute: (target: never, env: Env) => R,
    since?: string,
  ): SimClientResult<R> {
    const result = new SimClientResult<R>(`${this._typeSpec.type}.${name}`);
    this.context.queue(
      "Method",
      this._id,
      name,
      { ArgumentInfo: { Arguments: args.map(wireArg) } },
      (env, actionId) => {
        if (since) this._need(env, since, name);
        const v = compute(this._target(env) as never, env);
        env.response.push({ ActionId: actionId, Value: v });
        env.deliveries.push(() => result.deliver(v));
      },
    );
    return result;
  }

  /** Resolves another proxy passed as an argument (a Range given to `notes.add`, say). */
  protected static targetOf<T>(arg: unknown, env: Env): T | undefined {
    return arg instanceof SimObject ? arg._target<T>(env) : undefined;
  }

  load(props?: unknown): this {
    const tree = parseLoad(props);
    const paging = parsePaging(props);
    const select: string[] = [];
    const walk = (t: LoadTree, prefix: string) => {
      for (const [k, v] of t) {
        if (v === true) select.push(prefix + k);
        else walk(v, `${prefix}${k}/`);
      }
    };
    walk(tree, "");
    const query = {
      Select: select,
      Expand: [],
      ...(paging.top !== undefined ? { Top: paging.top } : {}),
      ...(paging.skip ? { Skip: paging.skip } : {}),
    };
    this.context.queue("Query", this._id, "", { QueryInfo: query }, (env, actionId) => {
      env.response.push({ ActionId: actionId, Value: this._runLoad(tree, env, paging) });
    });
    return this;
  }

  /** Sets several properties at once (Office.js `set`), descending into navigation properties. */
  set(properties: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(properties)) {
      if (this._typeSpec.navs?.includes(k) && v && typeof v === "object") {
        (this._navChild(k) as SimObject).set(v as Record<string, unknown>);
      } else this._set(k, v);
    }
  }

  private _navChild(name: string): SimObject {
    const child = (this as unknown as Record<string, unknown>)[name];
    if (!(child instanceof SimObject))
      throw new SimError("InvalidArgument", `${this._typeSpec.type} has no '${name}'.`);
    return child;
  }

  /** Executes a load: computes the values (as the response carries them) and queues their delivery. */
  _runLoad(tree: LoadTree, env: Env, paging: { top?: number; skip: number } = { skip: 0 }): unknown {
    const spec = this._typeSpec;
    const target = this._resolve(env);
    if (target === NULL_TARGET) {
      env.deliveries.push(() => {
        this._nullState = true;
        if (spec.collection) this._loadedItems = [];
      });
      return null;
    }
    if (spec.collection) {
      const coll = spec.collection;
      const itemTree: LoadTree = new Map();
      for (const [k, v] of tree) {
        if (k === "items") {
          if (v !== true) for (const [k2, v2] of v) itemTree.set(k2, v2);
        } else itemTree.set(k, v);
      }
      const all = coll.list(target, env);
      const page = all.slice(paging.skip, paging.top === undefined ? undefined : paging.skip + paging.top);
      const items = page.map((t) => coll.make(this, t));
      const value = items.map((item) => item._runLoad(itemTree, env));
      env.deliveries.push(() => {
        this._loadedItems = items;
      });
      return { value };
    }
    const names = tree.size === 0 ? Object.keys(spec.props) : [...tree.keys()];
    const out: Record<string, unknown> = {};
    const own: Record<string, unknown> = {};
    for (const name of names) {
      const sub = tree.get(name);
      if (spec.navs?.includes(name)) {
        out[name] = this._navChild(name)._runLoad(sub === true || sub === undefined ? new Map() : sub, env);
        continue;
      }
      const p = spec.props[name];
      if (!p?.get) throw new SimError("InvalidArgument", `${spec.type} has no property '${name}' to load.`);
      if (p.since) this._need(env, p.since, name);
      out[name] = own[name] = p.get(target as never, env);
    }
    env.deliveries.push(() => {
      for (const [k, v] of Object.entries(own)) this._vals.set(k, v);
      this._nullState ??= false;
    });
    return out;
  }

  /** Loaded collection items. */
  get items(): SimObject[] {
    if (!this._typeSpec.collection)
      throw new SimError("InvalidArgument", `${this._typeSpec.type} is not a collection.`);
    if (!this._loadedItems) throw propertyNotLoaded("items", this._typeSpec.type);
    return this._loadedItems;
  }

  toJSON(): Record<string, unknown> {
    if (this._loadedItems) return { items: this._loadedItems.map((i) => i.toJSON()) };
    return Object.fromEntries(this._valsMap ?? []);
  }
}

function wireArg(a: unknown): unknown {
  return a instanceof SimObject ? { ObjectPathId: a._id } : a;
}

/** Installs getters/setters for a spec's scalar properties on a proxy class. */
export function defineProps<T>(cls: { prototype: object }, spec: ClassSpec<T>): void {
  for (const [name, p] of Object.entries(spec.props)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: SimObject) {
        return this._get(name);
      },
      set(this: SimObject, v: unknown) {
        if (!p.set) throw new SimError("InvalidArgument", `${spec.type}.${name} is read-only.`);
        this._set(name, v);
      },
    });
  }
}
