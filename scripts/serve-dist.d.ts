// Types for scripts/serve-dist.js, so TypeScript tests (browser tests among them) can import it.

export interface ServeDistOptions {
  /** 0 asks the system for a free port; otherwise the next free port is taken unless strictPort. Default 3000. */
  port?: number;
  /** Folder to serve; default dist/ of the repository. */
  root?: string;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  strictPort?: boolean;
  https?: { key: Buffer | string; cert: Buffer | string; ca?: Buffer | string };
  /** Content-Security-Policy header; default: the one in root/taskpane.html's meta tag. */
  csp?: string;
}

export interface DistServer {
  /** Base URL ending in "/", e.g. http://localhost:3000/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

export function serveDist(options?: ServeDistOptions): Promise<DistServer>;
export function policyOfBuild(root: string): string;
export const MIME_TYPES: Readonly<Record<string, string>>;
