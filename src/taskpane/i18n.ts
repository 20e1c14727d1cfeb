// Language for the React pane: a provider holding the current language (from Office or the browser, then the
// user's toggle) and hooks to read text from the catalogue in strings.ts.

import { createContext, createElement, useCallback, useContext, useMemo, type ReactNode } from "react";
import { CATALOGUES, fillText, type Catalogue, type Lang, type TextKey } from "./strings";

export { CATALOGUES, LANGS, fillText, htmlLang, pickLanguage, textOf } from "./strings";
export type { Catalogue, Lang, TextKey } from "./strings";

interface LanguageState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const LanguageContext = createContext<LanguageState | null>(null);

/** Supplies the current language to the pane; the owner keeps the state so it can also set <html lang>. */
export function LanguageProvider(props: {
  lang: Lang;
  onChange: (lang: Lang) => void;
  children?: ReactNode;
}) {
  const { lang, onChange, children } = props;
  const value = useMemo(() => ({ lang, setLang: onChange }), [lang, onChange]);
  return createElement(LanguageContext.Provider, { value }, children);
}

/** The current language and a setter. Outside a provider: Chinese, and the setter does nothing. */
export function useLanguage(): LanguageState {
  return useContext(LanguageContext) ?? { lang: "zh", setLang: () => undefined };
}

/** A function that returns a catalogue entry in the current language, with `{placeholders}` filled. */
export function useText(): (key: TextKey, values?: Readonly<Record<string, string | number>>) => string {
  const { lang } = useLanguage();
  const catalogue: Catalogue = CATALOGUES[lang];
  return useCallback(
    (key, values) => (values ? fillText(catalogue[key], values) : catalogue[key]),
    [catalogue],
  );
}
