import { qualify, splitSheet } from "./address";
import { CommentCollection, NoteCollection } from "./annotations";
import type { RangeT } from "./cells";
import { SimError } from "./errors";
import type { WorkbookModel } from "./model";
import { type ClassSpec, type SimRequestContext, SimObject, defineProps } from "./proxy";
import { Range, rectOn } from "./range";
import { WorksheetCollection } from "./worksheet";

interface SettingT {
  key: string;
}

function liveSetting(t: SettingT, model: WorkbookModel): string {
  const raw = model.settings.get(t.key);
  if (raw === undefined) throw new SimError("ItemNotFound", `The setting '${t.key}' no longer exists.`);
  return raw;
}

/** Settings hold JSON: what is stored is a copy, as it would be after a round trip through the file. */
function encode(value: unknown): string {
  const s = JSON.stringify(value);
  if (s === undefined) throw new SimError("InvalidArgument", "A setting's value must be JSON-serialisable.");
  return s;
}

const SETTING_SPEC: ClassSpec<SettingT> = {
  type: "Setting",
  since: "1.4",
  props: {
    key: { get: (t) => t.key },
    value: {
      get: (t, env) => JSON.parse(liveSetting(t, env.model)) as unknown,
      set: (t, v, env) => {
        liveSetting(t, env.model);
        env.model.settings.set(t.key, encode(v));
      },
    },
  },
};

export class Setting extends SimObject {
  protected readonly _spec = SETTING_SPEC as ClassSpec<never>;

  delete(): void {
    this._act("delete", [], (t: SettingT, env) => {
      liveSetting(t, env.model);
      env.model.settings.delete(t.key);
    });
  }
}
defineProps(Setting, SETTING_SPEC);

const SETTINGS_SPEC: ClassSpec<WorkbookModel> = {
  type: "SettingCollection",
  since: "1.4",
  props: {},
  collection: {
    list: (m) => [...m.settings.keys()].map((key) => ({ key })),
    make: (owner, item) => new Setting(owner.context, owner, () => item, { bound: item }),
  },
};

/** Office.js `Excel.SettingCollection` (ExcelApi 1.4): per-add-in key/value pairs saved with the workbook. */
export class SettingCollection extends SimObject {
  protected readonly _spec = SETTINGS_SPEC as ClassSpec<never>;

  add(key: string, value: unknown): Setting {
    this._act("add", [key, value], (m: WorkbookModel) => {
      if (typeof key !== "string" || key === "")
        throw new SimError("InvalidArgument", "A setting key is a non-empty string.");
      m.settings.set(key, encode(value));
    });
    return new Setting(this.context, this, () => ({ key }), { wire: ["add", [key]] });
  }

  private lookup(name: string, key: string, nullable: boolean): Setting {
    return new Setting(
      this.context,
      this,
      (p) => {
        if (!(p as WorkbookModel).settings.has(key))
          throw new SimError("ItemNotFound", `There is no setting '${key}'.`);
        return { key };
      },
      { wire: [name, [key]], nullable },
    );
  }

  getItem(key: string): Setting {
    return this.lookup("getItem", key, false);
  }

  getItemOrNullObject(key: string): Setting {
    return this.lookup("getItemOrNullObject", key, true);
  }

  getCount() {
    return this._result("getCount", [], (m: WorkbookModel) => m.settings.size);
  }
}

interface NameT {
  name: string;
}

function liveName(t: NameT, m: WorkbookModel) {
  const n = m.names.get(t.name.toLowerCase());
  if (!n) throw new SimError("ItemNotFound", `The name '${t.name}' no longer exists.`);
  return n;
}

const NAME_SPEC: ClassSpec<NameT> = {
  type: "NamedItem",
  props: {
    name: { get: (t, env) => liveName(t, env.model).name },
    formula: {
      get: (t, env) => liveName(t, env.model).formula,
      set: (t, v, env) => {
        if (typeof v !== "string") throw new SimError("InvalidArgument", "A name's formula is a string.");
        liveName(t, env.model).formula = v.startsWith("=") ? v : `=${v}`;
      },
    },
    comment: { get: (t, env) => liveName(t, env.model).comment },
    type: { get: (t, env) => (/!\$?[A-Z]+\$?\d/.test(liveName(t, env.model).formula) ? "Range" : "String") },
    value: { get: (t, env) => liveName(t, env.model).formula.replace(/^=/, "") },
    visible: { get: () => true },
  },
};

export class NamedItem extends SimObject {
  protected readonly _spec = NAME_SPEC as ClassSpec<never>;

  delete(): void {
    this._act("delete", [], (t: NameT, env) => {
      liveName(t, env.model);
      env.model.names.delete(t.name.toLowerCase());
    });
  }
}
defineProps(NamedItem, NAME_SPEC);

const NAMES_SPEC: ClassSpec<WorkbookModel> = {
  type: "NamedItemCollection",
  props: {},
  collection: {
    list: (m) => [...m.names.values()].map((n) => ({ name: n.name })),
    make: (owner, item) => new NamedItem(owner.context, owner, () => item, { bound: item }),
  },
};

/** Office.js `Excel.NamedItemCollection`. */
export class NamedItemCollection extends SimObject {
  protected readonly _spec = NAMES_SPEC as ClassSpec<never>;

  add(name: string, reference: unknown, comment = ""): NamedItem {
    this._act(
      "add",
      [name, typeof reference === "string" ? reference : "ref", comment],
      (m: WorkbookModel, env) => {
        if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
          throw new SimError("InvalidArgument", `'${name}' is not a valid name.`);
        if (m.names.has(name.toLowerCase()))
          throw new SimError("ItemAlreadyExists", `The name '${name}' already exists.`);
        let formula: string;
        if (typeof reference === "string") {
          const { sheet } = splitSheet(reference.replace(/^=/, ""));
          if (sheet !== undefined) {
            const s = m.sheetByName(sheet);
            if (!s) throw new SimError("InvalidReference", `No sheet named '${sheet}'.`);
            rectOn(s, reference.replace(/^=/, ""));
          }
          formula = reference.startsWith("=") ? reference : `=${reference}`;
        } else {
          const t = SimObject.targetOf<RangeT>(reference, env);
          if (!t) throw new SimError("InvalidArgument", "A name refers to a Range or a formula string.");
          formula = `=${qualify(t.sheet.name, t.rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
        }
        m.names.set(name.toLowerCase(), { name, formula, comment });
      },
    );
    return new NamedItem(this.context, this, () => ({ name }), { wire: ["add", [name]] });
  }

  private lookup(method: string, name: string, nullable: boolean): NamedItem {
    return new NamedItem(
      this.context,
      this,
      (p) => {
        if (!(p as WorkbookModel).names.has(name.toLowerCase()))
          throw new SimError("ItemNotFound", `There is no name '${name}'.`);
        return { name };
      },
      { wire: [method, [name]], nullable },
    );
  }

  getItem(name: string): NamedItem {
    return this.lookup("getItem", name, false);
  }

  getItemOrNullObject(name: string): NamedItem {
    return this.lookup("getItemOrNullObject", name, true);
  }

  getCount() {
    return this._result("getCount", [], (m: WorkbookModel) => m.names.size);
  }
}

const WORKBOOK_SPEC: ClassSpec<WorkbookModel> = {
  type: "Workbook",
  navs: ["worksheets", "settings", "names", "notes", "comments"],
  props: {},
};

/** Office.js `Excel.Workbook`: the root of every request. */
export class Workbook extends SimObject {
  protected readonly _spec = WORKBOOK_SPEC as ClassSpec<never>;

  static root(context: SimRequestContext): Workbook {
    return new Workbook(context, null, (p) => p, {});
  }

  get worksheets(): WorksheetCollection {
    return this._nav("worksheets", () => new WorksheetCollection(this.context, this, (p) => p));
  }

  get settings(): SettingCollection {
    return this._nav("settings", () => new SettingCollection(this.context, this, (p) => p));
  }

  get names(): NamedItemCollection {
    return this._nav("names", () => new NamedItemCollection(this.context, this, (p) => p));
  }

  get notes(): NoteCollection {
    return this._nav("notes", () => new NoteCollection(this.context, this, () => ({})));
  }

  get comments(): CommentCollection {
    return this._nav("comments", () => new CommentCollection(this.context, this, () => ({})));
  }

  getSelectedRange(): Range {
    return Range.on(
      this.context,
      this,
      (p) => {
        const m = p as WorkbookModel;
        const sel = m.selection;
        const sheet = sel ? m.sheetByNameOrId(sel.sheetId) : m.activeSheet();
        if (!sheet) throw new SimError("ItemNotFound", "Nothing is selected.");
        return {
          sheet,
          rect: sel && sheet.id === sel.sheetId ? sel.rect : { top: 0, left: 0, bottom: 0, right: 0 },
        };
      },
      ["getSelectedRange", []],
    );
  }
}
