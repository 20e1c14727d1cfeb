// 政策包 settings: which packs the pane knows (built-in, from the deployment's packs/ folder, picked by this user),
// a button to add a pack from a .zip of its folder or its .yaml/.json files, and a clear message for a bad pack.

import { Body1, Button, Caption1, Subtitle2 } from "@fluentui/react-components";
import { useId, useRef, useState } from "react";
import { useLanguage, useText } from "../i18n";
import { useSectionStyles } from "../components/settings/section-styles";
import {
  filesFromZip,
  lastPackLoad,
  rememberedPacks,
  setUserPacks,
  type PackFiles,
  type PackLoadResult,
} from "./load";
import { knownPacks } from "./known";

async function filesFromPicked(list: FileList): Promise<PackFiles[]> {
  const files = [...list];
  const zips = files.filter((f) => /\.zip$/i.test(f.name));
  const data = files.filter((f) => /\.(ya?ml|json)$/i.test(f.name));
  const out: PackFiles[] = [];
  for (const z of zips) out.push(filesFromZip(z.name, new Uint8Array(await z.arrayBuffer())));
  if (data.length > 0) {
    const texts: Record<string, string> = {};
    // Files picked one by one have no folder: lists and tables are told apart by their webkitRelativePath when the
    // browser gives one, else by name (domains.yaml under lists/, application.yaml under tables/ is not guessable).
    for (const f of data)
      texts[
        (f as File & { webkitRelativePath?: string }).webkitRelativePath?.split("/").slice(1).join("/") ||
          f.name
      ] = await f.text();
    const notice = texts["notice.yaml"] ?? texts["notice.yml"] ?? "";
    const id = /^id:\s*([\w-]+)/m.exec(notice)?.[1] ?? data[0]?.name ?? "pack";
    out.push({ name: id, texts });
  }
  return out;
}

export function PacksSection() {
  const styles = useSectionStyles();
  const { lang } = useLanguage();
  const t = useText();
  const headingId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<PackLoadResult>(lastPackLoad());
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = async (user: PackFiles[]) => {
    setBusy(true);
    try {
      setResult(await setUserPacks(user));
    } finally {
      setBusy(false);
    }
  };
  const onPicked = async (list: FileList | null) => {
    setProblem(null);
    if (!list || list.length === 0) return;
    let picked: PackFiles[];
    try {
      picked = await filesFromPicked(list);
    } catch {
      picked = [];
    }
    if (picked.length === 0) return setProblem(t("packsUnreadable", { name: list[0]?.name ?? "" }));
    const kept = rememberedPacks().filter((p) => !picked.some((q) => q.name === p.name));
    await apply([...kept, ...picked]);
    if (input.current) input.current.value = "";
  };
  const remove = (name: string) => void apply(rememberedPacks().filter((p) => p.name !== name));

  const origins = new Map(result.loaded.map((l) => [l.id, l]));
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        {t("packsTitle")}
      </Subtitle2>
      <Body1>{t("packsIntro")}</Body1>
      <ul aria-label={t("packsTitle")}>
        {knownPacks().map((p) => {
          const from = origins.get(p.id);
          return (
            <li key={p.id}>
              <Caption1>
                {p.names[lang]}（
                {from
                  ? from.from === "origin"
                    ? t("packsFromOrigin")
                    : t("packsFromUser")
                  : t("packsBuiltin")}
                ）
              </Caption1>
              {from?.from === "user" && (
                <Button size="small" appearance="subtle" disabled={busy} onClick={() => remove(from.name)}>
                  {t("packsRemove")}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      <div className={styles.actions}>
        <Button appearance="secondary" disabled={busy} onClick={() => input.current?.click()}>
          {t("packsAdd")}
        </Button>
        <input
          ref={input}
          type="file"
          hidden
          multiple
          accept=".zip,.yaml,.yml,.json"
          aria-label={t("packsAdd")}
          onChange={(e) => void onPicked(e.currentTarget.files)}
        />
      </div>
      {problem && <Caption1 role="alert">{problem}</Caption1>}
      {result.refused.map((r) => (
        <Caption1 key={r.name} role="alert">
          {r[lang]}
        </Caption1>
      ))}
      {result.loaded.length > 0 && (
        <Caption1 role="status">{t("packsLoaded", { count: result.loaded.length })}</Caption1>
      )}
    </section>
  );
}
