import type { PackId } from "../packs/types";
import type { FormSpec } from "../recognise/form";
import { FJ_HB_TEMPLATES } from "./fj-hb";
import { SH_55_TEMPLATES } from "./sh-55";
import { SH_82_TEMPLATES } from "./sh-82";
import type { Template } from "./types";

/** Every official table of the notices, grouped by notice in the notices' order of attachments. */
export const TEMPLATES: readonly Template[] = [...SH_82_TEMPLATES, ...FJ_HB_TEMPLATES, ...SH_55_TEMPLATES];

/** The template with this id; undefined for an unknown id. */
export function getTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** The pack's application-form spec (the labels the engine reads a form by), from the notice's form template. */
export function formSpecOf(policy: PackId): FormSpec | undefined {
  return TEMPLATES.find((t) => t.policy === policy && t.form)?.form?.binding.spec;
}

/** What `yanxiu templates --json` prints for each template. */
export function describeTemplate(t: Template): {
  id: string;
  policy: PackId;
  level: Template["level"];
  table: Template["table"];
  title: string;
} {
  return { id: t.id, policy: t.policy, level: t.level, table: t.table, title: t.title };
}
