// The window's words, from the Fluent catalogs in locales/<language>/: the
// window's own in window.ftl; core's sentences (errors, the Test's findings)
// are in core.ftl, worded by the Rust side in the same language. `t` is reactive: a template that calls it
// is drawn again when the language changes, without a restart.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import en from "../../../locales/en/window.ftl?raw";
import ja from "../../../locales/ja/window.ftl?raw";
import zhCN from "../../../locales/zh-CN/window.ftl?raw";
import zhTW from "../../../locales/zh-TW/window.ftl?raw";

import type { Language } from "./bindings";

export type Lang = Language;

/** The languages (core's `Language`), each named in itself, as the picker shows them. */
const NAMES: Record<Lang, string> = { en: "English", "zh-CN": "简体中文", "zh-TW": "繁體中文", ja: "日本語" };
export const LANGUAGES = (Object.keys(NAMES) as Lang[]).map((code) => ({ code, name: NAMES[code] }));

export const SOURCES: Record<Lang, string> = { en, "zh-CN": zhCN, "zh-TW": zhTW, ja };

function bundle(lang: Lang): FluentBundle {
  // No bidi isolation marks: every language here runs left to right.
  const b = new FluentBundle(lang, { useIsolating: false });
  const errors = b.addResource(new FluentResource(SOURCES[lang]));
  if (errors.length) console.error(`locales/${lang}/window.ftl`, errors);
  return b;
}

const BUNDLES = Object.fromEntries(LANGUAGES.map((l) => [l.code, bundle(l.code)])) as Record<Lang, FluentBundle>;

let current = $state<Lang>("en");

/** Shows `lang` (core keeps the picker's choice, and the tray follows it). */
export function setLanguage(lang: Lang) {
  current = lang;
  // <html lang>: screen readers and fonts (Han glyphs differ between zh-CN, zh-TW and ja) follow it.
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}

export function language(): Lang {
  return current;
}

/** The message `id` in the current language (English when the catalog lacks it). */
export function t(id: string, args?: Record<string, FluentVariable>): string {
  for (const b of [BUNDLES[current], BUNDLES.en]) {
    const m = b.getMessage(id);
    if (m?.value) return b.formatPattern(m.value, args);
  }
  return id;
}

/** A part of a sentence, and whether it is the argument to set in bold. */
export type Part = { text: string; strong: boolean };

// A private-use character no message contains, to find the argument in the sentence.
const MARK = "\uE000";

/** `t(id, args)` cut around `args[bold]`, so the template bolds it without HTML in the catalog. */
export function tParts(id: string, args: Record<string, FluentVariable>, bold: string): Part[] {
  const value = String(args[bold]);
  const pieces = t(id, { ...args, [bold]: MARK }).split(MARK);
  return pieces.flatMap((text, i) => (i === 0 ? [{ text, strong: false }] : [{ text: value, strong: true }, { text, strong: false }])).filter((p) => p.text !== "");
}
