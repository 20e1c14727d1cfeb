// Build-time facts about where the add-in lives and where office.js comes from, shared by webpack.config.js,
// the static server (serve-dist.js) and the manifest tests, so the three can never disagree.

"use strict";

/** The origin every URL in the source manifest.xml points at (the dev server). */
const DEV_BASE_URL = "https://localhost:3000/";

/**
 * Where `npm run build` says the add-in is hosted when YANXIU_PROD_URL is not set. example.com is reserved
 * for documentation (RFC 2606), so a build that forgot to set the variable points nowhere real.
 */
const DEFAULT_PROD_BASE_URL = "https://yanxiu.example.com/addin/";

/**
 * The three ways to load office.js (OFFICE_JS=cdn|local|china).
 * - cdn:   Microsoft's CDN, the default and what Microsoft supports for add-ins on the internet.
 * - local: the copy shipped in @microsoft/office-js, served from the add-in's own origin (intranets, tests).
 * - china: the CDN Microsoft documents for Office 365 operated by 21Vianet.
 * `origin` is what the Content-Security-Policy has to allow in script-src besides 'self'.
 */
const OFFICE_JS_SOURCES = {
  cdn: {
    src: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
    origin: "https://appsforoffice.microsoft.com",
  },
  local: { src: "office-js/office.js", origin: null },
  china: {
    src: "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
    origin: "https://appsforoffice.cdn.partner.office365.cn",
  },
};

/**
 * Picks the office.js source for a mode name; unset means "cdn". An unknown name is a mistake worth
 * stopping the build for, not something to guess about.
 * @param {string | undefined} mode
 * @returns {{ mode: string, src: string, origin: string | null }}
 */
function resolveOfficeJs(mode) {
  const key = (mode || "cdn").trim().toLowerCase();
  const source = OFFICE_JS_SOURCES[key];
  if (!source) {
    throw new Error(`OFFICE_JS must be one of ${Object.keys(OFFICE_JS_SOURCES).join(", ")} (got "${mode}")`);
  }
  return { mode: key, ...source };
}

/**
 * The Content-Security-Policy of every page of the add-in. Nothing may be fetched from or sent to anywhere
 * but the add-in's own origin; scripts may also come from the office.js CDN when one is used. Styles need
 * 'unsafe-inline' because Fluent UI (Griffel) inserts its CSS at run time.
 * @param {string | null} officeJsOrigin
 * @returns {string}
 */
function contentSecurityPolicy(officeJsOrigin) {
  const scriptSrc = ["'self'", officeJsOrigin].filter(Boolean).join(" ");
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "connect-src 'self'",
    // The file mode's worker (src/taskpane/worker/) comes from the add-in's origin, never from a blob: or data: URL.
    "worker-src 'self'",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'none'",
  ].join("; ");
}

/**
 * Checks and normalises a base URL for the hosted add-in: absolute https, no query or fragment, ending in "/".
 * Office refuses add-in pages that are not https, so a wrong value fails the build instead of the sideload.
 * @param {string} raw
 * @returns {string}
 */
function normaliseBaseUrl(raw) {
  let url;
  try {
    url = new URL(String(raw).trim());
  } catch {
    throw new Error(`YANXIU_PROD_URL must be an absolute URL (got "${raw}")`);
  }
  if (url.protocol !== "https:") throw new Error(`YANXIU_PROD_URL must use https (got "${raw}")`);
  if (url.search || url.hash)
    throw new Error(`YANXIU_PROD_URL must not have a query or fragment (got "${raw}")`);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.toString();
}

/**
 * Rewrites every dev-server URL in a manifest to the production base URL.
 * @param {string} xml the source manifest
 * @param {string} baseUrl production base URL (normalised here)
 * @returns {string}
 */
function substituteManifestUrls(xml, baseUrl) {
  const target = normaliseBaseUrl(baseUrl);
  return xml.split(DEV_BASE_URL).join(target);
}

module.exports = {
  DEV_BASE_URL,
  DEFAULT_PROD_BASE_URL,
  OFFICE_JS_SOURCES,
  resolveOfficeJs,
  contentSecurityPolicy,
  normaliseBaseUrl,
  substituteManifestUrls,
};
