#!/usr/bin/env node
// A small static server for the built add-in (dist/): what `npm start` uses where Excel is absent, and what
// the browser tests start. Only GET/HEAD of files under the root; the same Content-Security-Policy as the
// pages' own <meta> tag is sent as a header, so a page can never load more than it would inside Office.
//
//   node scripts/serve-dist.js [--port 3000] [--root dist]

"use strict";

const fs = require("node:fs");
const http = require("node:http");
const https = require("node:https");
const path = require("node:path");
const { contentSecurityPolicy } = require("./addin-config");

const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".gif": "image/gif",
  ".jpg": "image/jpeg",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".wasm": "application/wasm",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** How many ports after the requested one are tried when it is taken. */
const PORT_ATTEMPTS = 20;

/**
 * The policy the built pages declare in their <meta> tag (webpack writes it), so header and meta agree
 * whichever office.js source the build chose. Falls back to the strictest policy (office.js from 'self').
 * @param {string} root
 * @returns {string}
 */
function policyOfBuild(root) {
  try {
    const html = fs.readFileSync(path.join(root, "taskpane.html"), "utf8");
    const meta = /<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i.exec(html);
    const content = meta && /\bcontent="([^"]*)"/i.exec(meta[0]);
    if (content && content[1]) {
      return content[1]
        .replace(/&#39;|&#x27;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&");
    }
  } catch {
    // No build yet: the caller will get 404s anyway; the strict policy is the safe default.
  }
  return contentSecurityPolicy(null);
}

function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
}

/** Maps a request path to a file under root, or null when it would leave the root or is malformed. */
function resolveFile(root, requestPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const file = path.resolve(root, "." + path.posix.normalize("/" + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

function createHandler(root, csp) {
  return (req, res) => {
    const headers = {
      "Content-Security-Policy": csp,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      // Office keeps add-in files in its cache for a long time; always revalidate so a rebuild shows at once.
      "Cache-Control": "no-cache",
    };
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { ...headers, Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" });
      res.end("Method not allowed\n");
      return;
    }
    const url = new URL(req.url || "/", "http://localhost");
    if (url.pathname === "/") {
      // The bare address opens the file mode, the only useful page in a plain browser.
      res.writeHead(302, { ...headers, Location: "/taskpane.html?mode=file" });
      res.end();
      return;
    }
    const file = resolveFile(root, url.pathname);
    if (!file) {
      res.writeHead(400, { ...headers, "Content-Type": "text/plain; charset=utf-8" });
      res.end("Bad request\n");
      return;
    }
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) {
        res.writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" });
        res.end("Not found\n");
        return;
      }
      res.writeHead(200, { ...headers, "Content-Type": mimeType(file), "Content-Length": stat.size });
      if (req.method === "HEAD") {
        res.end();
        return;
      }
      const stream = fs.createReadStream(file);
      stream.on("error", () => res.destroy());
      stream.pipe(res);
    });
  };
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (err) => {
      server.off("listening", onListening);
      reject(err);
    };
    const onListening = () => {
      server.off("error", onError);
      resolve(server.address().port);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

/**
 * Serves a built add-in folder on localhost.
 * @param {{ port?: number, root?: string, host?: string, strictPort?: boolean,
 *           https?: { key: Buffer | string, cert: Buffer | string, ca?: Buffer | string }, csp?: string }} [options]
 *   port 0 asks the system for a free port; otherwise, unless strictPort, the next free port is taken.
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
async function serveDist(options = {}) {
  const root = path.resolve(options.root || path.join(__dirname, "..", "dist"));
  const host = options.host || "127.0.0.1";
  const csp = options.csp || policyOfBuild(root);
  const handler = createHandler(root, csp);
  const requested = options.port === undefined ? 3000 : options.port;
  const attempts = requested === 0 || options.strictPort ? 1 : PORT_ATTEMPTS;
  let lastError;
  for (let i = 0; i < attempts; i++) {
    const server = options.https ? https.createServer(options.https, handler) : http.createServer(handler);
    try {
      const port = await listen(server, requested === 0 ? 0 : requested + i, host);
      const scheme = options.https ? "https" : "http";
      return {
        url: `${scheme}://localhost:${port}/`,
        port,
        close: () =>
          new Promise((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      };
    } catch (err) {
      lastError = err;
      if (err.code !== "EADDRINUSE") throw err;
    }
  }
  throw lastError;
}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--port") args.port = Number(argv[++i]);
    else if (argv[i] === "--root") args.root = argv[++i];
  }
  return args;
}

if (require.main === module) {
  const args = parseArgs(process.argv.slice(2));
  serveDist(args).then(
    (server) => {
      console.log(`Serving ${path.resolve(args.root || "dist")} at ${server.url}`);
      // Started by scripts/start.js with an IPC channel: report the address, then let the parent go.
      if (process.send) {
        process.send({ url: server.url, port: server.port });
        process.disconnect();
      }
      const stop = () => server.close().then(() => process.exit(0));
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    },
    (err) => {
      console.error(`Could not start the server: ${err.message}`);
      process.exit(1);
    },
  );
}

module.exports = { serveDist, policyOfBuild, MIME_TYPES };
