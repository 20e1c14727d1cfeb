/**
 * The pane's extra packs (src/taskpane/packs/load.ts): a .zip of a pack folder as the user picks it, the deployment's
 * packs/index.json fetched from the pane's own origin, and a bad pack refused with its reason in zh-CN while the
 * built-in packs and the good packs keep working.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { strToU8, zipSync } from "fflate";
import { allPacks, resetPacks } from "../../src/core/packs/registry";
import { filesFromZip, installPacks, originPacks } from "../../src/taskpane/packs/load";
import { readFolderTexts } from "../../scripts/build-packs";

const DEMO = path.join(__dirname, "fixtures", "zz-2027-demo");

afterEach(() => resetPacks());

function zipOf(folder: string, top: string): Uint8Array {
  const texts = readFolderTexts(folder);
  return zipSync(Object.fromEntries(Object.entries(texts).map(([k, v]) => [`${top}/${k}`, strToU8(v)])));
}

it("a picked .zip of a pack folder loads, its top folder taken off; the built-in packs stay", async () => {
  const files = filesFromZip("zz-2027-demo.zip", zipOf(DEMO, "zz-2027-demo"));
  expect(Object.keys(files.texts).sort()).toEqual(
    ["lists/domains.yaml", "messages.yaml", "notice.yaml", "tables/application.yaml"].sort(),
  );
  const result = await installPacks([], [files]);
  expect(result.refused).toEqual([]);
  expect(result.loaded).toEqual([{ id: "zz-2027-demo", name: "zz-2027-demo", from: "user" }]);
  expect(allPacks().map((p) => p.id)).toEqual([
    "sh-2026-gaoyan",
    "fj-2026-gaoyan",
    "hb-2026-gaoyan",
    "sh-2026-digital-institution",
    "zz-2027-demo",
  ]);
});

it("a bad pack is refused with file, path and reason in zh-CN; the good one next to it loads", async () => {
  const good = filesFromZip("good.zip", zipOf(DEMO, "good"));
  const badTexts = {
    ...good.texts,
    "notice.yaml": good.texts["notice.yaml"]!.replace("year: 2027", "year: 明年"),
  };
  const result = await installPacks([], [{ name: "bad", texts: badTexts }, good]);
  expect(result.loaded.map((l) => l.id)).toEqual(["zz-2027-demo"]);
  expect(result.refused).toHaveLength(1);
  expect(result.refused[0]?.zh).toMatch(/^政策包“bad”有误，未加载：notice\.yaml year：类型不对/);
});

it("the deployment's packs/index.json is read from the pane's own origin, file by file, nothing outside packs/", async () => {
  const texts = readFolderTexts(DEMO);
  const asked: string[] = [];
  const fakeFetch = (async (url: string) => {
    asked.push(url);
    const u = new URL(url);
    if (u.pathname === "/addin/packs/index.json")
      return new Response(
        JSON.stringify({
          packs: [{ folder: "zz-2027-demo", files: [...Object.keys(texts), "../../secret.yaml"] }],
        }),
      );
    const rel = u.pathname.replace("/addin/packs/zz-2027-demo/", "");
    return texts[rel] !== undefined ? new Response(texts[rel]) : new Response("", { status: 404 });
  }) as unknown as typeof fetch;
  const origin = await originPacks("https://intranet.example/addin/taskpane.html", fakeFetch);
  expect(asked.every((u) => u.startsWith("https://intranet.example/addin/packs/"))).toBe(true);
  expect(asked.some((u) => u.includes("secret"))).toBe(false);
  const result = await installPacks(origin, []);
  expect(result.loaded).toEqual([{ id: "zz-2027-demo", name: "zz-2027-demo", from: "origin" }]);
  expect(allPacks().find((p) => p.id === "zz-2027-demo")?.data.source).toBe("packs/zz-2027-demo");
});

it("no packs/index.json (404) or an empty one: nothing extra, no error", async () => {
  const notFound = (async () => new Response("", { status: 404 })) as unknown as typeof fetch;
  expect(await originPacks("https://x.example/taskpane.html", notFound)).toEqual([]);
  const empty = fs.readFileSync(path.join(__dirname, "..", "..", "assets", "packs-index.json"), "utf8");
  const emptyFetch = (async () => new Response(empty)) as unknown as typeof fetch;
  expect(await originPacks("https://x.example/taskpane.html", emptyFetch)).toEqual([]);
});
