// Excel or file mode, and the starting language, for the environments the pane meets.

import { detectHost, wantsFileMode, type HostEnvironment } from "../../src/taskpane/host";

const HOST_TYPE = { Excel: "Excel", Word: "Word" } as const;

/** An Office global whose onReady answers the given way; only what detectHost touches. */
function fakeOffice(ready: () => Promise<unknown>, displayLanguage?: string): typeof Office {
  return {
    onReady: ready,
    HostType: HOST_TYPE,
    context: displayLanguage === undefined ? undefined : { displayLanguage },
  } as unknown as typeof Office;
}

function env(partial: Partial<HostEnvironment>): HostEnvironment {
  return { search: "", browserLanguage: "zh-CN", office: undefined, ...partial };
}

describe("detectHost", () => {
  it.each<[string, HostEnvironment, { mode: string; lang: string }]>([
    ["no office.js, Chinese browser", env({}), { mode: "file", lang: "zh" }],
    ["no office.js, English browser", env({ browserLanguage: "en-GB" }), { mode: "file", lang: "en" }],
    [
      "inside Excel, English display language",
      env({ office: fakeOffice(async () => ({ host: "Excel" }), "en-US") }),
      { mode: "excel", lang: "en" },
    ],
    [
      "inside Excel, Chinese Office in an English browser",
      env({ browserLanguage: "en-US", office: fakeOffice(async () => ({ host: "Excel" }), "zh-CN") }),
      { mode: "excel", lang: "zh" },
    ],
    [
      "office.js loaded in a plain browser",
      env({ office: fakeOffice(async () => ({ host: null, platform: null })) }),
      { mode: "file", lang: "zh" },
    ],
    [
      "another Office host",
      env({ office: fakeOffice(async () => ({ host: "Word" }), "en-US") }),
      { mode: "file", lang: "zh" },
    ],
    [
      "?mode=file inside Excel",
      env({ search: "?mode=file", office: fakeOffice(async () => ({ host: "Excel" }), "en-US") }),
      { mode: "file", lang: "zh" },
    ],
    [
      "office.js that fails to start",
      env({ office: fakeOffice(() => Promise.reject(new Error("boom"))) }),
      { mode: "file", lang: "zh" },
    ],
  ])("%s", async (_label, environment, expected) => {
    expect(await detectHost(environment)).toEqual(expected);
  });

  it("does not hang when Office never answers", async () => {
    const never = env({ office: fakeOffice(() => new Promise(() => undefined)) });
    expect(await detectHost(never, 20)).toEqual({ mode: "file", lang: "zh" });
  });
});

describe("wantsFileMode", () => {
  it.each([
    ["?mode=file", true],
    ["?x=1&mode=file", true],
    ["?mode=excel", false],
    ["?mode=File", false],
    ["", false],
  ])("%s -> %s", (search, expected) => {
    expect(wantsFileMode(search)).toBe(expected);
  });
});
