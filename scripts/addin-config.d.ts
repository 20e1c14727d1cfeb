// Types for scripts/addin-config.js, so TypeScript tests can import it.

export type OfficeJsMode = "cdn" | "local" | "china";

export interface OfficeJsSource {
  src: string;
  origin: string | null;
}

export const DEV_BASE_URL: string;
export const DEFAULT_PROD_BASE_URL: string;
export const OFFICE_JS_SOURCES: Record<OfficeJsMode, OfficeJsSource>;
export function resolveOfficeJs(mode: string | undefined): OfficeJsSource & { mode: OfficeJsMode };
export function contentSecurityPolicy(officeJsOrigin: string | null): string;
export function normaliseBaseUrl(raw: string): string;
export function substituteManifestUrls(xml: string, baseUrl: string): string;
