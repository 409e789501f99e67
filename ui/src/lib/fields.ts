// How the window words each input of a provider. Which fields a form shows, and
// every rule about their values, come from core (bindings.ts): this file only
// says them in the window's own words, where the CLI says `--base-url`.
import type { Field, FieldError, KeyNeed } from "./bindings";
import { t } from "./i18n.svelte";

export interface FieldWords {
  label: string;
  /** What to ask for when the field is needed but empty. */
  missing: string;
  help: string;
  placeholder?: string;
}

// Each getter looks its message up when read, so a form drawn again after the
// language changes reads in the new one. Placeholders that are example values
// (an address, a variable's name, a command) are the same in every language.
export const FIELDS: Record<Field, FieldWords> = {
  id: {
    get label() { return t("field-id-label"); },
    get missing() { return t("field-id-missing"); },
    get help() { return t("field-id-help"); },
  },
  name: {
    get label() { return t("field-name-label"); },
    get missing() { return t("field-name-missing"); },
    help: "",
  },
  baseUrl: {
    get label() { return t("field-base-url-label"); },
    get missing() { return t("field-base-url-missing"); },
    get help() { return t("field-base-url-help"); },
    placeholder: "https://llm.example.com/v1",
  },
  model: {
    get label() { return t("field-model-label"); },
    get missing() { return t("field-model-missing"); },
    get help() { return t("field-model-help"); },
    get placeholder() { return t("field-model-placeholder"); },
  },
  resource: {
    get label() { return t("field-resource-label"); },
    get missing() { return t("field-resource-missing"); },
    get help() { return t("field-resource-help"); },
    placeholder: "contoso",
  },
  deployment: {
    get label() { return t("field-deployment-label"); },
    get missing() { return t("field-deployment-missing"); },
    get help() { return t("field-deployment-help"); },
    placeholder: "gpt-5-codex",
  },
  apiVersion: {
    get label() { return t("field-api-version-label"); },
    get missing() { return t("field-api-version-missing"); },
    help: "",
    get placeholder() { return t("field-api-version-placeholder"); },
  },
  key: {
    get label() { return t("field-key-label"); },
    get missing() { return t("field-key-missing"); },
    get help() { return t("field-key-help"); },
    get placeholder() { return t("field-key-placeholder"); },
  },
  envVar: {
    get label() { return t("field-env-var-label"); },
    get missing() { return t("field-env-var-missing"); },
    get help() { return t("field-env-var-help"); },
    placeholder: "OPENROUTER_API_KEY",
  },
  tokenCommand: {
    get label() { return t("field-token-command-label"); },
    get missing() { return t("field-token-command-missing"); },
    get help() { return t("field-token-command-help"); },
    placeholder: "az",
  },
  headers: {
    get label() { return t("field-headers-label"); },
    missing: "",
    get help() { return t("field-headers-help"); },
    placeholder: "X-Client=codex",
  },
  envHeaders: {
    get label() { return t("field-env-headers-label"); },
    missing: "",
    get help() { return t("field-env-headers-help"); },
    placeholder: "X-Team=CODEX_TEAM",
  },
  query: {
    get label() { return t("field-query-label"); },
    missing: "",
    help: "",
  },
  contextWindow: {
    get label() { return t("field-context-window-label"); },
    missing: "",
    get help() { return t("field-context-window-help"); },
    get placeholder() { return t("field-context-window-placeholder"); },
  },
};

/** The sentence the window shows for one problem core found. */
export function fieldMessage(e: FieldError, key: KeyNeed): string {
  if (!e.missing) return e.message;
  if (e.field === "key" && key === "required") return t("field-key-missing-required");
  return FIELDS[e.field].missing || e.message;
}

/** Problems by field, in the window's words. */
export function byField(errors: FieldError[], key: KeyNeed): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const e of errors) out[e.field] ??= fieldMessage(e, key);
  return out;
}
