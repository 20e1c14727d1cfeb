import * as fs from "node:fs";
import type { DistServer } from "../../scripts/serve-dist";

/** Stops the server of the global setup and removes the build it made. */
export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { yanxiuBrowser?: { server: DistServer; dist: string; owned: boolean } })
    .yanxiuBrowser;
  if (!state) return;
  await state.server.close();
  if (state.owned) fs.rmSync(state.dist, { recursive: true, force: true });
}
