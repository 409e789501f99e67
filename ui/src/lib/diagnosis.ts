// How diagnoses, steps and auth modes read in the window, in its language. The
// codes come from Rust (bindings.ts): a new Diagnosis fails to compile here until
// it has a message id.
import type { AuthMode, Diagnosis, StepStatus } from "./bindings";
import { t } from "./i18n.svelte";

export type Tone = "ok" | "warn" | "fail" | "idle";

// Message ids in locales/*.ftl, one per code.
const TITLES: Record<Diagnosis, string> = {
  ok: "verdict-ok",
  missing_key: "verdict-missing-key",
  token_command_failed: "verdict-token-command-failed",
  invalid_config: "verdict-invalid-config",
  dns: "verdict-dns",
  unreachable: "verdict-unreachable",
  tls: "verdict-tls",
  timeout: "verdict-timeout",
  unauthorized: "verdict-unauthorized",
  wrong_base_url: "verdict-wrong-base-url",
  no_responses_api: "verdict-no-responses-api",
  tools_refused: "verdict-tools-refused",
  model_not_found: "verdict-model-not-found",
  azure_api_version: "verdict-azure-api-version",
  rate_limited: "verdict-rate-limited",
  provider_error: "verdict-provider-error",
  unexpected_response: "verdict-unexpected-response",
};

export function diagnosisTitle(code: Diagnosis): string {
  return t(TITLES[code] ?? "verdict-unexpected-response");
}

/** Rate limits and provider outages are not the user's mistake: amber, not red. */
export function diagnosisTone(code: Diagnosis | undefined): Tone {
  if (!code) return "idle";
  if (code === "ok") return "ok";
  if (code === "rate_limited" || code === "provider_error" || code === "timeout") return "warn";
  return "fail";
}

// Step names are plain strings in Rust for now (probe.rs); unknown ones show as they are.
// Step names are plain strings in Rust for now (probe.rs); unknown ones show as they are.
const STEP_NAMES: Record<string, string> = {
  config: "step-config",
  connect: "step-connect",
  models: "step-models",
  responses: "step-responses",
  codex: "step-codex",
};

export function stepLabel(name: string): string {
  return STEP_NAMES[name] ? t(STEP_NAMES[name]) : name;
}

const ICONS: Record<StepStatus, string> = { ok: "✓", warn: "!", fail: "✕", skipped: "–" };

export function stepIcon(status: StepStatus): string {
  return ICONS[status] ?? "·";
}

export function authLabel(p: { auth: AuthMode; key_stored: boolean | null; entry?: { auth: { mode?: string; var?: string } } | null }): string {
  switch (p.auth) {
    case "keychain":
      return t(p.key_stored === false ? "auth-keychain-missing" : "auth-keychain");
    case "env":
      return t("auth-env", { var: p.entry?.auth.var ?? "VAR" });
    case "command":
      return t("auth-command");
    case "file_token":
      return t("auth-file-token");
    case "openai":
      return t("auth-openai");
    default:
      return t("auth-none");
  }
}

export function hostOf(url: string): string {
  const m = /^[a-z]+:\/\/([^/?#]+)/i.exec(url);
  return m ? m[1] : url;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
