// Offline checks of manifest.xml, both as written (dev URLs) and as `npm run build` rewrites it for
// production. `npm run validate` asks Microsoft's online service; these catch the same classes of mistakes
// without a network: malformed XML, elements out of schema order, dangling or duplicate ids, http URLs,
// missing or wrongly sized icons.

import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { DEFAULT_PROD_BASE_URL, DEV_BASE_URL, substituteManifestUrls } from "../../scripts/addin-config";
import { pngSize } from "./png";
import { childrenNamed, descendants, only, parseXml, type XmlElement } from "./xml-tree";
import { COMMAND_ACTIONS } from "../../src/commands/commands";

const ROOT = path.join(__dirname, "..", "..");
const SOURCE = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

/**
 * Child order the schemas require (OfficeApp 1.1 for TaskPaneApp, taskpaneappversionoverrides 1.0) for the
 * elements this manifest uses. A child must appear in this order; names not listed are not allowed there.
 */
const ORDER: Record<string, readonly string[]> = {
  OfficeApp: [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "AllowSnapshot",
    "VersionOverrides",
    "ExtendedOverrides",
  ],
  Requirements: ["Sets", "Methods"],
  DefaultSettings: ["SourceLocation", "RequestedWidth", "RequestedHeight"],
  VersionOverrides: ["Description", "Requirements", "Hosts", "Resources", "VersionOverrides"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  Group: ["Label", "Icon", "Control"],
  Control: ["Label", "Supertip", "Icon", "Action"],
  Supertip: ["Title", "Description"],
  Resources: ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"],
};

const REQUIRED_TOP_LEVEL = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "Hosts",
  "DefaultSettings",
  "Permissions",
];

/** Which resource collection a resid must resolve into, by the element that carries it. */
const RESOURCE_KIND: Record<string, string> = {
  "bt:Image": "bt:Images",
  FunctionFile: "bt:Urls",
  SourceLocation: "bt:Urls",
  LearnMoreUrl: "bt:Urls",
  Label: "bt:ShortStrings",
  Title: "bt:ShortStrings",
  Description: "bt:LongStrings",
};

/** Limits of the basic types (officeappbasictypes): ShortString 125, LongString 250 characters, resid 32. */
const MAX_SHORT = 125;
const MAX_LONG = 250;
const MAX_RESID = 32;

/** Where the (non-overridden) icon URLs must point and the pixel size each must have. */
const TOP_LEVEL_ICON_SIZE: Record<string, number> = { IconUrl: 32, HighResolutionIconUrl: 64 };

const ASSET_ICON_SIZES = [16, 32, 64, 80, 128];

interface Variant {
  name: string;
  xml: string;
  base: string;
}

const VARIANTS: Variant[] = [
  { name: "source (dev server)", xml: SOURCE, base: DEV_BASE_URL },
  {
    name: "production, default URL",
    xml: substituteManifestUrls(SOURCE, DEFAULT_PROD_BASE_URL),
    base: DEFAULT_PROD_BASE_URL,
  },
  {
    name: "production, intranet URL with a path and no trailing slash",
    xml: substituteManifestUrls(SOURCE, "https://oa.intranet.example/tools/yanxiu"),
    base: "https://oa.intranet.example/tools/yanxiu/",
  },
];

function versionOverrides(root: XmlElement): XmlElement {
  return only(root, "VersionOverrides");
}

function resourceIndex(root: XmlElement): Map<string, { kind: string; element: XmlElement }> {
  const index = new Map<string, { kind: string; element: XmlElement }>();
  const resources = only(versionOverrides(root), "Resources");
  for (const collection of resources.children) {
    for (const entry of collection.children) {
      const id = entry.attrs.id;
      if (id === undefined) throw new Error(`<${entry.name}> in <${collection.name}> has no id`);
      if (index.has(id)) throw new Error(`resource id "${id}" is defined twice`);
      index.set(id, { kind: collection.name, element: entry });
    }
  }
  return index;
}

/** Every URL-looking value in attributes and texts, namespace declarations aside (they are names, not addresses). */
function allUrls(root: XmlElement): string[] {
  const urls: string[] = [];
  for (const element of descendants(root)) {
    const values = [
      ...Object.entries(element.attrs)
        .filter(([key]) => key !== "xmlns" && !key.startsWith("xmlns:"))
        .map(([, value]) => value),
      element.text,
    ];
    for (const value of values) if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) urls.push(value);
  }
  return urls;
}

/** The repository file a manifest URL serves, given the base URL the manifest was written for. */
function fileForUrl(url: string, base: string): string {
  expect(url.startsWith(base)).toBe(true);
  return path.join(ROOT, url.slice(base.length));
}

describe.each(VARIANTS)("manifest.xml — $name", ({ xml, base }) => {
  const root = parseXml(xml);

  it("is a TaskPaneApp for Excel workbooks with read/write access and zh-CN as default locale", () => {
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(root.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(only(root, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(only(root, "Version").text).toMatch(/^\d+(\.\d+){0,3}$/);
    expect(only(root, "DefaultLocale").text).toBe("zh-CN");
    expect(only(root, "Permissions").text).toBe("ReadWriteDocument");
    expect(childrenNamed(only(root, "Hosts"), "Host").map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    const sets = only(only(root, "Requirements"), "Sets").children;
    expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([["ExcelApi", "1.9"]]);
  });

  it("has every required top-level element, each once", () => {
    for (const name of REQUIRED_TOP_LEVEL) expect(childrenNamed(root, name)).toHaveLength(1);
  });

  it("keeps the element order the schema requires", () => {
    for (const element of descendants(root)) {
      const order = ORDER[element.name];
      if (!order) continue;
      const positions = element.children.map((child) => {
        const at = order.indexOf(child.name);
        if (at < 0) throw new Error(`<${child.name}> is not allowed in <${element.name}>`);
        return at;
      });
      const sorted = [...positions].sort((a, b) => a - b);
      expect({ parent: element.name, order: element.children.map((c) => c.name) }).toEqual({
        parent: element.name,
        order: sorted.map((at) => order[at]),
      });
    }
  });

  it("gives every zh-CN text an en-US override within the schema's length limits", () => {
    for (const name of ["DisplayName", "Description"]) {
      const element = only(root, name);
      const overrides = childrenNamed(element, "Override");
      expect(overrides.map((o) => o.attrs.Locale)).toEqual(["en-US"]);
      const limit = name === "DisplayName" ? MAX_SHORT : MAX_LONG;
      for (const text of [element.attrs.DefaultValue ?? "", overrides[0]!.attrs.Value ?? ""]) {
        expect(text.length).toBeGreaterThan(0);
        expect(text.length).toBeLessThanOrEqual(limit);
      }
    }
    const resources = only(versionOverrides(root), "Resources");
    for (const [collection, limit] of [
      ["bt:ShortStrings", MAX_SHORT],
      ["bt:LongStrings", MAX_LONG],
    ] as const) {
      for (const entry of only(resources, collection).children) {
        const overrides = childrenNamed(entry, "bt:Override");
        expect({ id: entry.attrs.id, locales: overrides.map((o) => o.attrs.Locale) }).toEqual({
          id: entry.attrs.id,
          locales: ["en-US"],
        });
        for (const text of [entry.attrs.DefaultValue ?? "", overrides[0]!.attrs.Value ?? ""]) {
          expect(text.length).toBeGreaterThan(0);
          expect(text.length).toBeLessThanOrEqual(limit);
        }
      }
    }
  });

  it("uses each id in VersionOverrides once", () => {
    const ids = descendants(versionOverrides(root))
      .map((e) => e.attrs.id)
      .filter((id): id is string => id !== undefined);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("resolves every resid to a resource of the right kind, and uses every resource", () => {
    const index = resourceIndex(root);
    const used = new Set<string>();
    for (const element of descendants(versionOverrides(root))) {
      const resid = element.attrs.resid;
      if (resid === undefined) continue;
      expect(resid.length).toBeLessThanOrEqual(MAX_RESID);
      const entry = index.get(resid);
      expect({ resid, found: entry !== undefined }).toEqual({ resid, found: true });
      expect({ resid, kind: entry?.kind }).toEqual({ resid, kind: RESOURCE_KIND[element.name] });
      used.add(resid);
    }
    expect([...index.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it("uses https for every URL, all under the add-in's base URL", () => {
    const urls = allUrls(root);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\//);
      expect(url.startsWith(base)).toBe(true);
    }
  });

  it("points every icon at a PNG in assets/ with the declared pixel size", () => {
    const checked: string[] = [];
    for (const [name, size] of Object.entries(TOP_LEVEL_ICON_SIZE)) {
      const url = only(root, name).attrs.DefaultValue ?? "";
      expect(pngSize(readFileSync(fileForUrl(url, base)))).toEqual({ width: size, height: size });
      checked.push(url);
    }
    const index = resourceIndex(root);
    for (const image of descendants(versionOverrides(root)).filter(
      (e) => e.name === "bt:Image" && e.attrs.resid,
    )) {
      const size = Number(image.attrs.size);
      expect([16, 20, 24, 32, 40, 48, 64, 80]).toContain(size);
      const url = index.get(image.attrs.resid ?? "")?.element.attrs.DefaultValue ?? "";
      const file = fileForUrl(url, base);
      expect(path.dirname(file)).toBe(path.join(ROOT, "assets"));
      expect({ url, size: pngSize(readFileSync(file)) }).toEqual({
        url,
        size: { width: size, height: size },
      });
      checked.push(url);
    }
    expect(checked.length).toBeGreaterThanOrEqual(8);
  });

  it("puts a group on the Home tab with 校验 (runs a function) and 研修申报助手 (opens the pane)", () => {
    const index = resourceIndex(root);
    const label = (control: XmlElement) => {
      const id = only(control, "Label").attrs.resid ?? "";
      const entry = index.get(id)?.element;
      return [entry?.attrs.DefaultValue, childrenNamed(entry!, "bt:Override")[0]?.attrs.Value];
    };
    const tabs = descendants(versionOverrides(root)).filter((e) => e.name === "OfficeTab");
    expect(tabs.map((t) => t.attrs.id)).toEqual(["TabHome"]);
    const controls = childrenNamed(only(tabs[0]!, "Group"), "Control");
    expect(controls.map((c) => c.attrs["xsi:type"])).toEqual(["Button", "Button"]);

    const [validate, pane] = controls as [XmlElement, XmlElement];
    expect(label(validate)).toEqual(["校验", "Check"]);
    expect(only(validate, "Action").attrs["xsi:type"]).toBe("ExecuteFunction");
    expect(only(only(validate, "Action"), "FunctionName").text).toBe("validateActiveSheet");

    expect(label(pane)).toEqual(["研修申报助手", "Yanxiu Desk"]);
    expect(only(pane, "Action").attrs["xsi:type"]).toBe("ShowTaskpane");
    const paneUrl = index.get(only(only(pane, "Action"), "SourceLocation").attrs.resid ?? "");
    expect(paneUrl?.element.attrs.DefaultValue).toBe(`${base}taskpane.html`);

    const functionFile = descendants(versionOverrides(root)).find((e) => e.name === "FunctionFile");
    expect(index.get(functionFile?.attrs.resid ?? "")?.element.attrs.DefaultValue).toBe(
      `${base}commands.html`,
    );
  });
});

describe("manifest.xml and the code it names", () => {
  it("names a function that commands.ts registers", () => {
    const names = descendants(parseXml(SOURCE))
      .filter((e) => e.name === "FunctionName")
      .map((e) => e.text);
    // commands.ts registers each of COMMAND_ACTIONS (test/office/commands.test.ts presses them through a fake office.js).
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(COMMAND_ACTIONS).toContain(name);
  });

  it("has the product icon in assets/ at 16, 32, 64, 80 and 128 px", () => {
    const files = readdirSync(path.join(ROOT, "assets"));
    for (const size of ASSET_ICON_SIZES) {
      expect(files).toContain(`icon-${size}.png`);
      expect(pngSize(readFileSync(path.join(ROOT, "assets", `icon-${size}.png`)))).toEqual({
        width: size,
        height: size,
      });
    }
  });
});

describe("offline checks catch broken manifests", () => {
  it.each([
    ["an unclosed element", SOURCE.replace("</Permissions>", "")],
    ["a stray ampersand", SOURCE.replace("Yanxiu Desk</ProviderName>", "Yanxiu & Desk</ProviderName>")],
  ])("rejects %s as not well-formed", (_label, broken) => {
    expect(() => parseXml(broken)).toThrow(/not well-formed/);
  });

  it("finds a resid with no resource", () => {
    const broken = parseXml(SOURCE.replace('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>'));
    const index = resourceIndex(broken);
    const dangling = descendants(broken)
      .map((e) => e.attrs.resid)
      .filter((id): id is string => id !== undefined && !index.has(id));
    expect(dangling).toEqual(["Group.Missing"]);
  });

  it("finds a duplicate resource id", () => {
    const broken = parseXml(
      SOURCE.replace('<bt:Image id="Validate.Icon.80"', '<bt:Image id="Validate.Icon.32"'),
    );
    expect(() => resourceIndex(broken)).toThrow(/defined twice/);
  });

  it("reads the size of a PNG and refuses other files", () => {
    expect(pngSize(readFileSync(path.join(ROOT, "assets", "validate-80.png")))).toEqual({
      width: 80,
      height: 80,
    });
    expect(() => pngSize(Buffer.from(SOURCE))).toThrow(/not a PNG/);
  });
});

describe("substituteManifestUrls", () => {
  it.each([
    ["https://yanxiu.example.com/addin/", "https://yanxiu.example.com/addin/taskpane.html"],
    ["https://oa.example/yanxiu", "https://oa.example/yanxiu/taskpane.html"],
    ["https://host.example:8443/", "https://host.example:8443/taskpane.html"],
  ])("rewrites the dev URLs to %s", (base, taskpane) => {
    const out = substituteManifestUrls(SOURCE, base);
    expect(out).not.toContain("localhost");
    expect(out).toContain(`<SourceLocation DefaultValue="${taskpane}"/>`);
  });

  it.each([
    ["plain http", "http://yanxiu.example.com/"],
    ["not a URL", "yanxiu.example.com/addin"],
    ["a query", "https://yanxiu.example.com/?x=1"],
  ])("refuses %s", (_label, base) => {
    expect(() => substituteManifestUrls(SOURCE, base)).toThrow(/YANXIU_PROD_URL/);
  });
});
