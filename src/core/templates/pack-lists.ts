import { parseMajor } from "../models/sh-gaoyan/domains";
import { recordList, type PackData } from "../packs/data";
import { splitTopLevel } from "../read/text";
import type { DropdownData } from "../packs/template-schema";
import type { CascadeGroup } from "./cascade";

/** The values of a pack list for a dropdown: a list of words, or one field of a list of records (each once). */
export function listValues(pack: PackData, list: string, column?: string): string[] {
  const records = recordList(pack, list);
  const values = records.map((r) =>
    String((column === undefined ? (r.name ?? Object.values(r)[0]) : r[column]) ?? ""),
  );
  return [...new Set(values.filter((v) => v !== ""))];
}

/**
 * The groups of a cascade: one per distinct `by` value in list order, its items from every record of the group — a
 * list as given, or text as the notice prints it, each item by its main name (the bracketed 含… are not offered).
 */
export function cascadeGroups(pack: PackData, cascade: NonNullable<DropdownData["cascade"]>): CascadeGroup[] {
  const records = recordList(pack, cascade.list);
  const names = [...new Set(records.map((r) => String(r[cascade.by] ?? "")))];
  const itemsOf = (value: unknown): string[] =>
    Array.isArray(value)
      ? value.map(String)
      : splitTopLevel(String(value ?? "")).map((item) => parseMajor(item).name);
  return names.map((name) => ({
    name,
    items: records
      .filter((r) => String(r[cascade.by] ?? "") === name)
      .flatMap((r) => itemsOf(r[cascade.items])),
  }));
}
