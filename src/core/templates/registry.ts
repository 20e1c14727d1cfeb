import { PackDataError, type PackData } from "../packs/data";
import { allPacks, builtinPacks, packsVersion } from "../packs/registry";
import type { PackId } from "../packs/types";
import { templateFromData } from "./from-data";
import type { Template } from "./types";

/**
 * Templates come from the packs: each pack's templates/*.yaml (in file-name order), packs in the engine's order
 * (built-in first, then added ones). A pack made by copying another keeps its files' template ids; where an id is
 * already taken by an earlier pack, the later pack's template is known as "<pack id>/<template id>".
 */

/** A template the pack declares but that could not be made (bad data: pack lint names the fault). */
export interface TemplateProblem {
  pack: PackId;
  file: string;
  message: string;
}

function templatesOfPacks(packs: readonly PackData[]): {
  templates: Template[];
  problems: TemplateProblem[];
} {
  const templates: Template[] = [];
  const problems: TemplateProblem[] = [];
  const taken = new Set<string>();
  for (const pack of packs)
    for (const [file, data] of Object.entries(pack.templates)) {
      let template: Template;
      try {
        template = templateFromData(pack, file, data);
      } catch (e) {
        if (!(e instanceof PackDataError)) throw e;
        problems.push({ pack: pack.id, file: `templates/${file}.yaml`, message: e.message });
        continue;
      }
      const id = taken.has(template.id) ? `${pack.id}/${template.id}` : template.id;
      taken.add(id);
      templates.push(id === template.id ? template : { ...template, id });
    }
  return { templates, problems };
}

/** The built-in packs' templates: every official table of the notices the product ships with. */
export const TEMPLATES: readonly Template[] = templatesOfPacks(builtinPacks().map((p) => p.data)).templates;

let cached: { version: number; templates: Template[]; problems: TemplateProblem[] } | undefined;

function current(): { templates: Template[]; problems: TemplateProblem[] } {
  const version = packsVersion();
  if (!cached || cached.version !== version)
    cached = { version, ...templatesOfPacks(allPacks().map((p) => p.data)) };
  return cached;
}

/** Every template of the packs the engine runs now (built-in and added with --pack or the pane's pack settings). */
export function allTemplates(): readonly Template[] {
  return current().templates;
}

/** Templates an added pack declares but that could not be made, for the faces to tell. */
export function templateProblems(): readonly TemplateProblem[] {
  return current().problems;
}

/** The template with this id among the running packs' templates; undefined for an unknown id. */
export function getTemplate(id: string): Template | undefined {
  return allTemplates().find((t) => t.id === id);
}

/** The templates of one pack. */
export function templatesOf(policy: PackId): Template[] {
  return allTemplates().filter((t) => t.policy === policy);
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
