// The static server that `npm start` (without Excel) and the browser tests use.

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { contentSecurityPolicy } from "../../scripts/addin-config";
import { serveDist, type DistServer } from "../../scripts/serve-dist";

const CSP = contentSecurityPolicy(null);

let dir: string;
let root: string;
let server: DistServer;

/** A raw GET that keeps the path exactly as given (fetch would resolve "..") */
function rawRequest(port: number, pathname: string, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, path: pathname, method }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on("error", reject);
      req.end();
    },
  );
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "serve-dist-"));
  root = path.join(dir, "dist");
  mkdirSync(path.join(root, "assets"), { recursive: true });
  // The minified form webpack writes: unquoted http-equiv, the policy in double quotes.
  writeFileSync(
    path.join(root, "taskpane.html"),
    `<!doctype html><html><head><meta http-equiv=Content-Security-Policy content="${CSP}"></head><body></body></html>`,
  );
  writeFileSync(path.join(root, "taskpane.js"), "console.log(1);\n");
  writeFileSync(path.join(root, "assets", "icon-16.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(path.join(root, "example 1.xlsx"), "PK");
  writeFileSync(path.join(dir, "secret.txt"), "outside the root");
  server = await serveDist({ port: 0, root });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("serveDist", () => {
  it.each([
    ["/taskpane.html", "text/html; charset=utf-8"],
    ["/taskpane.js", "text/javascript; charset=utf-8"],
    ["/assets/icon-16.png", "image/png"],
    ["/example%201.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ])("serves %s as %s with the build's CSP", async (pathname, type) => {
    const res = await rawRequest(server.port, pathname);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe(type);
    expect(res.headers["content-security-policy"]).toBe(CSP);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("answers on the URL it reports", async () => {
    expect(server.url).toBe(`http://localhost:${server.port}/`);
    const res = await fetch(new URL("taskpane.js", server.url));
    expect(await res.text()).toBe("console.log(1);\n");
  });

  it("sends the bare address to the file mode", async () => {
    const res = await rawRequest(server.port, "/");
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("/taskpane.html?mode=file");
  });

  it.each(["/../secret.txt", "/%2e%2e/secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt"])(
    "never serves a file outside the root (%s)",
    async (pathname) => {
      const res = await rawRequest(server.port, pathname);
      expect(res.status).not.toBe(200);
      expect(res.body).not.toContain("outside the root");
    },
  );

  it.each([
    ["/missing.js", 404],
    ["/assets", 404],
    ["/%E0%A4%A", 400],
  ])("answers %s with %i", async (pathname, status) => {
    expect((await rawRequest(server.port, pathname)).status).toBe(status);
  });

  it("refuses methods other than GET and HEAD", async () => {
    expect((await rawRequest(server.port, "/taskpane.html", "POST")).status).toBe(405);
    const head = await rawRequest(server.port, "/taskpane.html", "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
  });

  it("takes the next port when the asked one is busy, unless told not to", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const busy = (blocker.address() as net.AddressInfo).port;
    try {
      const next = await serveDist({ port: busy, root });
      expect(next.port).toBeGreaterThan(busy);
      await next.close();
      await expect(serveDist({ port: busy, root, strictPort: true })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it("falls back to the strictest policy when the folder has no built page", async () => {
    const empty = await serveDist({ port: 0, root: dir });
    try {
      const res = await rawRequest(empty.port, "/secret.txt");
      expect(res.headers["content-security-policy"]).toBe(contentSecurityPolicy(null));
    } finally {
      await empty.close();
    }
  });
});
