// Builds the add-in's pages into dist/: taskpane.html (the React pane), commands.html (the ribbon's function
// file) with message.html (the ribbon's message dialog), support.html, the icons, and manifest.xml.
//
//   npm run build                       production; manifest URLs become YANXIU_PROD_URL
//   OFFICE_JS=local npm run build       office.js served from dist/office-js/ (intranets, browser tests)
//   OFFICE_JS=china npm run build       office.js from the 21Vianet CDN
//   npm run dev-server                  https://localhost:3000 (http with a note when no certificate can be made)
//
// `--env officeJs=local` works as well as the OFFICE_JS variable; `--env outDir=PATH` writes elsewhere than
// dist/ (npm start does, so a deployment build in dist/ is never overwritten). `--env floor` builds, as taskpane.js,
// the minimal Fluent UI pane of bench/floor/pane.tsx instead: what bench:pane weighs the real pane against.

"use strict";

const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const {
  DEFAULT_PROD_BASE_URL,
  contentSecurityPolicy,
  normaliseBaseUrl,
  resolveOfficeJs,
  substituteManifestUrls,
} = require("./scripts/addin-config");

const DEV_PORT = 3000;

/**
 * taskpane.js is what every start runs; each mode's pane is a chunk of its own (src/taskpane/index.tsx asks for it at
 * once). The chunks both modes' panes are made of (React's and Fluent's components, the 校验 tab) are then needed on
 * every start whatever the mode: taskpane.html preloads them, so the browser fetches them alongside taskpane.js
 * instead of after it ran. Same origin, so the CSP ('self') allows them.
 */
class PreloadSharedPaneChunks {
  constructor(page, groups) {
    this.page = page;
    this.groups = groups;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap("PreloadSharedPaneChunks", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("PreloadSharedPaneChunks", (data) => {
        if (data.outputName !== this.page) return data;
        const groups = this.groups.map((name) => compilation.namedChunkGroups.get(name));
        if (groups.some((group) => !group)) return data;
        const [first, ...rest] = groups.map((group) => new Set(group.chunks));
        const shared = [...first].filter((chunk) => rest.every((chunks) => chunks.has(chunk)));
        const files = shared
          .flatMap((chunk) => [...chunk.files].filter((file) => file.endsWith(".js")))
          .sort();
        const tags = files.map((file) =>
          HtmlWebpackPlugin.createHtmlTagObject("link", {
            rel: "preload",
            as: "script",
            href: data.publicPath + file,
          }),
        );
        return { ...data, headTags: [...data.headTags, ...tags] };
      });
    });
  }
}

/**
 * What of @microsoft/office-js/dist an Excel add-in needs: office.js loads its host script and locale strings
 * relative to itself. Leaving out the debug builds and the other hosts (Outlook, Word, PowerPoint, …) takes
 * the copy from about 86 MB to a fraction of it.
 */
const OFFICE_JS_IGNORE = [
  "**/*.debug.js",
  "**/*.d.ts",
  "**/office-vsdoc.js",
  "**/custom-functions-runtime.js",
  "**/outlook_strings.js",
  "**/{access,onenote,outlook,outlookwebapp,powerpoint,powerpointios,project,visio,word,wordios}-*.js",
];

/**
 * Certificates for https://localhost from office-addin-dev-certs. Where they cannot be made (CI, Linux without
 * a certificate store, no sudo) the dev server falls back to plain http and says why, instead of a stack trace.
 */
async function devServerTransport() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { type: "https", options };
  } catch (err) {
    const reason = String((err && err.message) || err).split("\n")[0];
    console.warn(
      [
        "",
        `Note: no trusted certificate for https://localhost (${reason}).`,
        `The dev server runs on plain http://localhost:${DEV_PORT}/ instead. That is enough for the browser file mode`,
        "(taskpane.html?mode=file); Excel itself only loads add-ins over https: run `npx office-addin-dev-certs install`",
        "on a machine with a certificate store, then `npm run dev-server` again.",
        "",
      ].join("\n"),
    );
    return "http";
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const officeJs = resolveOfficeJs(env.officeJs || process.env.OFFICE_JS);
  const prodBaseUrl = normaliseBaseUrl(process.env.YANXIU_PROD_URL || DEFAULT_PROD_BASE_URL);
  const csp = contentSecurityPolicy(officeJs.origin);

  const page = (name, template, chunks) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template,
      chunks,
      inject: "head",
      scriptLoading: "defer",
      templateParameters: { officeJsSrc: officeJs.src, csp },
    });

  const copies = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    // The workbook the browser file mode opens with (src/taskpane/file/example.ts), built by `npm run build:examples`.
    { from: "examples/sh-recommendation.xlsx", to: "examples/[name][ext]" },
    // Extra policy packs of a deployment (docs/deployment.md): an empty list, replaced by the administrator.
    { from: "assets/packs-index.json", to: "packs/index.json" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      // The dev build keeps localhost so the same manifest can be sideloaded against the dev server.
      transform: production
        ? (content) => substituteManifestUrls(content.toString("utf8"), prodBaseUrl)
        : undefined,
    },
  ];
  if (officeJs.mode === "local") {
    copies.push({
      from: "**/*",
      context: path.dirname(require.resolve("@microsoft/office-js/dist/office.js")),
      to: "office-js/",
      globOptions: { ignore: OFFICE_JS_IGNORE },
      // Microsoft ships these minified; running them through terser again only costs minutes.
      info: { minimized: true },
    });
  }

  return {
    mode: production ? "production" : "development",
    entry: env.floor
      ? { taskpane: "./bench/floor/pane.tsx" }
      : {
          taskpane: "./src/taskpane/index.tsx",
          commands: "./src/commands/commands.ts",
          message: "./src/commands/message.ts",
        },
    output: {
      path: path.resolve(__dirname, env.outDir || "dist"),
      // Stable names: the manifest and the tests point at them; the servers send Cache-Control: no-cache. Chunks
      // (each mode's pane, the engine, exceljs, the 统计 and 表格 tabs) come from the same origin, as the pages' CSP
      // ('self') allows.
      filename: "[name].js",
      chunkFilename: "[name].js",
      clean: true,
    },
    // Never "eval" source maps: the pages' CSP has no 'unsafe-eval'.
    devtool: "source-map",
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // ExcelJS's browser build without its bundled polyfills (the floor is Chromium/Safari, which need none): the
      // file mode loads it as a chunk of its own (src/taskpane/file/load-exceljs.ts).
      alias: { exceljs$: require.resolve("exceljs/dist/exceljs.bare.min.js") },
    },
    module: {
      // Already bundled and minified: parsing its megabyte again finds nothing to resolve.
      noParse: /exceljs[\\/]dist[\\/]exceljs\.bare\.min\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "swc-loader",
            options: {
              jsc: {
                parser: { syntax: "typescript", tsx: true },
                transform: { react: { runtime: "automatic", development: !production } },
                // Floor: WebView2 (Chromium), Safari on Mac, Excel on the web. No IE11.
                target: "es2020",
              },
            },
          },
        },
      ],
    },
    plugins: [
      page("taskpane", "./src/taskpane/taskpane.html", ["taskpane"]),
      new PreloadSharedPaneChunks("taskpane.html", ["office-mode", "file-mode"]),
      page("commands", "./src/commands/commands.html", ["commands"]),
      page("message", "./src/commands/message.html", ["message"]),
      page("support", "./src/taskpane/support.html", []),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    performance: {
      // React + Fluent UI is a large first load; warn only when it grows well past what it is today.
      maxEntrypointSize: 1_500_000,
      maxAssetSize: 1_500_000,
    },
    devServer: serving
      ? {
          port: DEV_PORT,
          // Only this machine: the pane is for Excel on the same computer, not for the network.
          host: "localhost",
          server: await devServerTransport(),
          headers: { "Content-Security-Policy": csp, "Cache-Control": "no-cache" },
          static: false,
          hot: false,
          client: { overlay: { warnings: false } },
        }
      : undefined,
  };
};
