// The catalogs in locales/: each parses, has every message English has and no
// other, with the same arguments; every message is used, and every one the
// window asks for exists. Runs in scripts/test with the other unit tests.
import { parse, Message, Junk, Visitor, VariableReference } from "@fluent/syntax";
import { describe, expect, it } from "vitest";
import { LANGUAGES, SOURCES, language, t, tParts, setLanguage } from "./i18n.svelte";

class Variables extends Visitor {
  names = new Set<string>();
  visitVariableReference(node: VariableReference) {
    this.names.add(node.id.name);
  }
}

/** Each message's id and the variables it uses. */
function messages(src: string): Map<string, string[]> {
  const res = parse(src, { withSpans: true });
  const junk = res.body.filter((e): e is Junk => e instanceof Junk);
  expect(junk.map((j) => j.content), "lines Fluent cannot read").toEqual([]);
  const out = new Map<string, string[]>();
  for (const e of res.body) {
    if (!(e instanceof Message)) continue;
    expect(out.has(e.id.name), `${e.id.name} twice`).toBe(false);
    const v = new Variables();
    v.visit(e);
    out.set(e.id.name, [...v.names].sort());
  }
  return out;
}

// The window's own source (not the tests, not the generated bindings), read by Vite.
const files = import.meta.glob(["../**/*.svelte", "../**/*.ts", "!../**/*.test.ts", "!./bindings.ts"], { query: "?raw", import: "default", eager: true });
const code = Object.values(files).join("\n");
const english = messages(SOURCES.en);

describe("catalogs", () => {
  for (const { code: lang } of LANGUAGES) {
    it(`${lang}: the same messages as English, with the same arguments`, () => {
      const mine = messages(SOURCES[lang]);
      expect([...mine.keys()].filter((id) => !english.has(id)), "not in English").toEqual([]);
      expect([...english.keys()].filter((id) => !mine.has(id)), "missing").toEqual([]);
      for (const [id, vars] of english) expect(mine.get(id), `${lang} ${id}'s arguments`).toEqual(vars);
    });
  }
  it("every message is used by the window", () => {
    expect(Object.keys(files).length).toBeGreaterThan(10);
    expect([...english.keys()].filter((id) => !code.includes(`"${id}"`)), "unused").toEqual([]);
  });
  it("every message the window asks for exists", () => {
    const asked = [...code.matchAll(/\b(?:t|tParts)\(\s*"([^"]+)"/g)].map((m) => m[1]);
    expect(asked.length).toBeGreaterThan(50);
    expect(asked.filter((id) => !english.has(id)), "missing in en.ftl").toEqual([]);
  });
});

describe("formatting", () => {
  it("plurals, arguments and a bold part, in each language", () => {
    // The page's <html>, as far as setLanguage touches it (Vitest runs in Node).
    (globalThis as { document?: unknown }).document = { documentElement: { lang: "" } };
    setLanguage("en");
    expect(t("row-sessions", { count: 1 })).toBe("1 session");
    expect(t("row-sessions", { count: 3 })).toBe("3 sessions");
    expect(tParts("confirm-remove", { provider: "Kimi" }, "provider")).toEqual([
      { text: "Remove ", strong: false },
      { text: "Kimi", strong: true },
      { text: " and its stored key?", strong: false },
    ]);
    for (const { code: lang } of LANGUAGES) {
      setLanguage(lang);
      expect(language(), lang).toBe(lang);
      expect(document.documentElement.lang).toBe(lang);
      const s = t("row-sessions", { count: 2 });
      expect(s, lang).toContain("2");
      expect(tParts("header-codex-uses", { provider: "<Kimi>" }, "provider").filter((p) => p.strong)).toEqual([{ text: "<Kimi>", strong: true }]);
      if (lang !== "en") expect(t("button-test"), lang).not.toBe("Test");
    }
    setLanguage("en");
  });
  it("a message missing from a catalog falls back to English, then to its id", () => {
    expect(t("no-such-message")).toBe("no-such-message");
  });
});
