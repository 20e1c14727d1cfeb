import type { PackData } from "../packs/data";
import type { FormSpec } from "../recognise/form";
import { formSpecOf } from "../recognise/signals";

/**
 * The models that read an application form, and the pack table (tables/<name>.yaml) whose fields they read it by.
 * A filled form is matched against those fields, so a pack that renames a label fills by the new one. A pack whose
 * model reads no form (generic) can still write its forms blank.
 */
const FORM_TABLES: ReadonlyMap<string, string> = new Map([
  ["sh-gaoyan", "application"],
  ["fj-gaoyan", "application"],
  ["hb-gaoyan", "application"],
  ["sh-digital-institution", "institution"],
]);

/** Whether the model reads application forms (a template's `fill` needs it). */
export function modelReadsForms(model: string): boolean {
  return FORM_TABLES.has(model);
}

/** The fields the pack's model reads its application form by; undefined when it reads none. */
export function formSpecOfPack(pack: PackData): FormSpec | undefined {
  const name = FORM_TABLES.get(pack.model);
  const table = name === undefined ? undefined : pack.tables[name];
  return table?.fields ? formSpecOf(table) : undefined;
}
