/**
 * A pack as runtime data: the files of a pack folder (packs/<id>/, see docs/packs.md) resolved against their shared
 * base, and the accessors the models use to read figures, clauses, lists and messages from it. Nothing here knows a
 * particular notice; every figure comes from the data.
 */
import type { Text } from "../findings";
import type { Limit } from "../rules/figures";
import type { DateOnly } from "../read/types";
import type { Level } from "./types";
import type { BaseFiles, FigureData, ListData, PackFiles, StatsData, TableData } from "./schema";
import type { TemplateData } from "./template-schema";

export interface PackData {
  id: string;
  /** 文号 (or issuer and date), prefixed to every clause cited. */
  notice: string;
  issuer: string;
  issued: DateOnly;
  region: string;
  year: number;
  levels: readonly Level[];
  names: Text;
  /** The model (code vocabulary) that reads this notice's tables. */
  model: string;
  /** Words of a sheet that tie it to this notice (文号, year), used to break ties between packs. */
  marks: readonly string[];
  clauses: Readonly<Record<string, string>>;
  figures: Readonly<Record<string, FigureData>>;
  messages: Readonly<Record<string, Text>>;
  lists: Readonly<Record<string, ListData>>;
  stats: StatsData | undefined;
  tables: Readonly<Record<string, TableData>>;
  /** templates/*.yaml by file name (in file-name order): the notice's official tables as data. */
  templates: Readonly<Record<string, TemplateData>>;
  /** Where the pack came from: its folder (packs/sh-2026-gaoyan for a built-in one). */
  source: string;
  builtin: boolean;
}

/** An ISO date string of a pack file (validated by the schema) as a DateOnly. */
export function isoDate(text: string): DateOnly {
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

/** Resolve a pack's files against its base (the pack's own lists, messages and tables win). */
export function resolvePack(
  files: PackFiles,
  base: BaseFiles | undefined,
  source: string,
  builtin = false,
): PackData {
  const n = files.notice;
  return {
    id: n.id,
    notice: n.notice,
    issuer: n.issuer,
    issued: isoDate(n.issued),
    region: n.region,
    year: n.year,
    levels: n.levels ?? [],
    names: n.names,
    model: n.model,
    marks: n.marks ?? [],
    clauses: n.clauses ?? {},
    figures: n.figures ?? {},
    messages: { ...(base?.messages ?? {}), ...(files.messages ?? {}) },
    lists: { ...(base?.lists ?? {}), ...(files.lists ?? {}) },
    stats: files.stats,
    tables: mergeTables(base?.tables ?? {}, files.tables ?? {}),
    templates: files.templates ?? {},
    source,
    builtin,
  };
}

/**
 * A pack's tables over its base's. A table of the same name as the base's extends it: the pack's fields replace the
 * base's fields of the same key (in place) and new ones follow; blocks likewise; the pack's rules come after the base's;
 * anything else the pack gives (recognise, markers, layout) replaces the base's.
 */
function mergeTables(
  base: Readonly<Record<string, TableData>>,
  own: Readonly<Record<string, TableData>>,
): Record<string, TableData> {
  const out: Record<string, TableData> = { ...base };
  for (const [name, table] of Object.entries(own)) {
    const under = base[name];
    if (!under) {
      out[name] = table;
      continue;
    }
    const merged: TableData = { ...under, ...table, fields: { ...under.fields, ...table.fields } };
    if (under.blocks || table.blocks) merged.blocks = { ...under.blocks, ...table.blocks };
    if (under.rules || table.rules) merged.rules = [...(under.rules ?? []), ...(table.rules ?? [])];
    out[name] = merged;
  }
  return out;
}

/** A pack's data lacks something its model needs: a fault of the pack, reported by `pack lint` and on loading. */
export class PackDataError extends Error {
  override name = "PackDataError";
  constructor(
    readonly pack: string,
    readonly file: string,
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

function figureOf(pack: PackData, key: string): FigureData {
  const f = pack.figures[key];
  if (!f) throw new PackDataError(pack.id, "notice.yaml", `figures.${key}`, `缺少数字 figures.${key}`);
  return f;
}

/** A clause as cited: the notice's 文号 and the clause (四（三）). */
export function cite(pack: PackData, clause: string): string {
  return `${pack.notice} ${clause}`;
}

/** A named clause of notice.yaml `clauses:`, cited with the 文号. */
export function clauseOf(pack: PackData, name: string): string {
  const c = pack.clauses[name];
  if (c === undefined)
    throw new PackDataError(pack.id, "notice.yaml", `clauses.${name}`, `缺少条款 clauses.${name}`);
  return cite(pack, c);
}

function limit<T>(pack: PackData, key: string, f: FigureData, value: T): Limit<T> {
  void key;
  return { value, severity: f.severity ?? "error", clause: cite(pack, f.clause) };
}

/** A number figure (`value: 50`). */
export function numberFigure(pack: PackData, key: string): Limit<number> {
  const f = figureOf(pack, key);
  if (typeof f.value !== "number")
    throw new PackDataError(pack.id, "notice.yaml", `figures.${key}.value`, `figures.${key}.value 应为数字`);
  return limit(pack, key, f, f.value);
}

/** A date figure (`value: 2026-11-30`). */
export function dateFigure(pack: PackData, key: string): Limit<DateOnly> {
  const f = figureOf(pack, key);
  if (typeof f.value !== "string")
    throw new PackDataError(pack.id, "notice.yaml", `figures.${key}.value`, `figures.${key}.value 应为日期`);
  return limit(pack, key, f, isoDate(f.value));
}

/** A range figure (`min: 3, max: 5`). */
export function rangeFigure(pack: PackData, key: string): Limit<{ min: number; max: number }> {
  const f = figureOf(pack, key);
  if (f.min === undefined || f.max === undefined)
    throw new PackDataError(pack.id, "notice.yaml", `figures.${key}`, `figures.${key} 应有 min 和 max`);
  return limit(pack, key, f, { min: f.min, max: f.max });
}

/** A quota figure (`share: 0.15, atLeast: 1`). */
export function quotaFigure(pack: PackData, key: string): Limit<{ share: number; atLeast: number }> {
  const f = figureOf(pack, key);
  if (f.share === undefined)
    throw new PackDataError(pack.id, "notice.yaml", `figures.${key}.share`, `figures.${key} 应有 share`);
  return limit(pack, key, f, { share: f.share, atLeast: f.atLeast ?? 0 });
}

export function hasFigure(pack: PackData, key: string): boolean {
  return pack.figures[key] !== undefined;
}

/** A list of strings (lists/<name>.yaml). */
export function stringList(pack: PackData, name: string): string[] {
  const l = pack.lists[name];
  if (!l) throw new PackDataError(pack.id, `lists/${name}.yaml`, "", `缺少列表 lists/${name}.yaml`);
  return l.map((x) => (typeof x === "string" ? x : String(Object.values(x)[0] ?? "")));
}

/** A table the model reads (tables/<name>.yaml, or the base's). */
export function tableOf(pack: PackData, name: string): TableData {
  const t = pack.tables[name];
  if (!t) throw new PackDataError(pack.id, `tables/${name}.yaml`, "", `缺少表格 tables/${name}.yaml`);
  return t;
}

/** A list of records (lists/<name>.yaml), e.g. the rows of 附件1. */
export function recordList(pack: PackData, name: string): ReadonlyArray<Record<string, unknown>> {
  const l = pack.lists[name];
  if (!l) throw new PackDataError(pack.id, `lists/${name}.yaml`, "", `缺少列表 lists/${name}.yaml`);
  return l.map((x) => (typeof x === "string" ? { name: x } : x));
}

/** A placeholder's value: the same in both languages, or per language (a list joined with 、 in zh, ", " in en). */
export type MessageVar = string | number | Text;
type Lang = "zh" | "en";

/** Fill {placeholders} of a message template; an unknown placeholder stays as written (lint reports it). */
export function fill(
  template: string,
  vars: Readonly<Record<string, MessageVar>>,
  lang: Lang = "zh",
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(vars, name)) return whole;
    const v = vars[name] as MessageVar;
    return typeof v === "object" ? v[lang] : String(v);
  });
}

/** A message of messages.yaml with its placeholders filled, in both languages. */
export function say(pack: PackData, key: string, vars: Readonly<Record<string, MessageVar>> = {}): Text {
  const m = pack.messages[key];
  if (!m) throw new PackDataError(pack.id, "messages.yaml", key, `缺少提示文字 messages.yaml ${key}`);
  return { zh: fill(m.zh, vars, "zh"), en: fill(m.en || m.zh, vars, "en") };
}
