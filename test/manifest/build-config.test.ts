// The webpack configuration, checked without running webpack: which pages it writes, which office.js each
// build mode loads and what the Content-Security-Policy allows, and that the pages the manifest names exist.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  contentSecurityPolicy,
  DEV_BASE_URL,
  OFFICE_JS_SOURCES,
  resolveOfficeJs,
} from "../../scripts/addin-config";
import { descendants, parseXml } from "./xml-tree";

const ROOT = path.join(__dirname, "..", "..");

interface HtmlPlugin {
  userOptions: {
    filename: string;
    template: string;
    chunks: string[];
    templateParameters: { officeJsSrc: string; csp: string };
  };
}
interface CopyPattern {
  from: string;
  to: string;
  transform?: (content: Buffer) => string;
}
interface Config {
  mode: string;
  devtool: string | false;
  entry: Record<string, string>;
  plugins: object[];
}
type ConfigFactory = (env: Record<string, unknown>, argv: { mode: string }) => Promise<Config>;

const loadConfig = createRequire(__filename)("../../webpack.config.js") as ConfigFactory;

function htmlPages(config: Config): HtmlPlugin["userOptions"][] {
  return config.plugins.filter((p): p is HtmlPlugin => "userOptions" in p).map((p) => p.userOptions);
}

function copyPatterns(config: Config): CopyPattern[] {
  return config.plugins.flatMap((p) => ("patterns" in p ? (p.patterns as CopyPattern[]) : []));
}

/** Runs the factory with a given environment, restoring process.env afterwards. */
async function configWith(vars: Record<string, string | undefined>, mode = "production"): Promise<Config> {
  const saved = { ...process.env };
  try {
    for (const [key, value] of Object.entries(vars)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    return await loadConfig({}, { mode });
  } finally {
    process.env = saved;
  }
}

describe("webpack.config.js", () => {
  it.each([
    [
      undefined,
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "https://appsforoffice.microsoft.com",
    ],
    [
      "cdn",
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "https://appsforoffice.microsoft.com",
    ],
    ["local", "office-js/office.js", null],
    ["LOCAL", "office-js/office.js", null],
    [
      "china",
      "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
      "https://appsforoffice.cdn.partner.office365.cn",
    ],
  ])("OFFICE_JS=%s loads office.js from %s and allows only that origin", async (mode, src, origin) => {
    const config = await configWith({ OFFICE_JS: mode });
    const pages = htmlPages(config);
    expect(pages.map((p) => p.filename).sort()).toEqual([
      "commands.html",
      "message.html",
      "support.html",
      "taskpane.html",
    ]);
    for (const page of pages) {
      expect(page.templateParameters.officeJsSrc).toBe(src);
      expect(page.templateParameters.csp).toBe(contentSecurityPolicy(origin));
    }
    const officeCopy = copyPatterns(config).filter((p) => p.to === "office-js/");
    expect(officeCopy).toHaveLength(origin === null ? 1 : 0);
  });

  it("takes the office.js mode from --env officeJs as well", async () => {
    const config = await loadConfig({ officeJs: "local" }, { mode: "production" });
    expect(htmlPages(config)[0]?.templateParameters.officeJsSrc).toBe("office-js/office.js");
  });

  it("stops with a clear message on an unknown office.js mode or a non-https production URL", async () => {
    await expect(configWith({ OFFICE_JS: "intranet" })).rejects.toThrow(
      /OFFICE_JS must be one of cdn, local, china/,
    );
    await expect(configWith({ YANXIU_PROD_URL: "http://oa.example/" })).rejects.toThrow(/must use https/);
  });

  it("builds the two entries and never uses eval source maps (the CSP has no 'unsafe-eval')", async () => {
    for (const mode of ["production", "development"]) {
      const config = await configWith({}, mode);
      expect(Object.keys(config.entry)).toEqual(expect.arrayContaining(["taskpane", "commands"]));
      expect(String(config.devtool)).not.toMatch(/eval/);
    }
  });

  it.each([
    ["production", "https://oa.example/yanxiu", "https://oa.example/yanxiu/taskpane.html"],
    ["production", undefined, "https://yanxiu.example.com/addin/taskpane.html"],
    ["development", "https://oa.example/yanxiu", `${DEV_BASE_URL}taskpane.html`],
  ])("a %s build with YANXIU_PROD_URL=%s copies a manifest pointing at %s", async (mode, url, taskpane) => {
    const config = await configWith({ YANXIU_PROD_URL: url }, mode);
    const manifest = copyPatterns(config).find((p) => p.from === "manifest.xml");
    const source = readFileSync(path.join(ROOT, "manifest.xml"));
    const copied = manifest?.transform ? manifest.transform(source) : source.toString("utf8");
    expect(copied).toContain(`<SourceLocation DefaultValue="${taskpane}"/>`);
  });

  it("writes every page the manifest names", async () => {
    const written = new Set(htmlPages(await configWith({})).map((p) => p.filename));
    const pages = descendants(parseXml(readFileSync(path.join(ROOT, "manifest.xml"), "utf8")))
      .flatMap((e) => Object.values(e.attrs))
      .filter((v) => v.startsWith(DEV_BASE_URL) && v.endsWith(".html"))
      .map((v) => v.slice(DEV_BASE_URL.length));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect(written).toContain(page);
  });

  it("gives every page template the CSP meta and office.js in <head>", () => {
    for (const template of [
      "src/taskpane/taskpane.html",
      "src/commands/commands.html",
      "src/commands/message.html",
      "src/taskpane/support.html",
    ]) {
      const html = readFileSync(path.join(ROOT, template), "utf8");
      const head = html.slice(0, html.indexOf("</head>"));
      expect(head).toContain('<meta http-equiv="Content-Security-Policy" content="<%= csp %>" />');
      if (!template.endsWith("support.html"))
        expect(head).toContain('<script src="<%= officeJsSrc %>"></script>');
    }
  });
});

describe("contentSecurityPolicy", () => {
  it("allows nothing to leave the page and scripts only from the add-in and the office.js origin", () => {
    expect(contentSecurityPolicy("https://appsforoffice.microsoft.com")).toBe(
      "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; connect-src 'self'; worker-src 'self'; " +
        "img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'",
    );
    expect(contentSecurityPolicy(null)).toContain("script-src 'self';");
  });

  it("has an origin for every remote office.js source and none for the local copy", () => {
    for (const [mode, source] of Object.entries(OFFICE_JS_SOURCES)) {
      const resolved = resolveOfficeJs(mode);
      if (source.origin === null) expect(resolved.src).not.toMatch(/^https?:/);
      else expect(new URL(resolved.src).origin).toBe(source.origin);
    }
  });
});
