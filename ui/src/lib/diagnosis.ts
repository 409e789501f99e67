// How diagnoses, steps and auth modes read in the window. The codes come from
// Rust (bindings.ts): a new Diagnosis fails to compile here until it is worded.
import type { AuthMode, Diagnosis, StepStatus } from "./bindings";

export type Tone = "ok" | "warn" | "fail" | "idle";

const TITLES: Record<Diagnosis, string> = {
  ok: "Ready for Codex",
  missing_key: "No key yet",
  token_command_failed: "Token command failed",
  invalid_config: "Settings need fixing",
  dns: "Address not found",
  unreachable: "Can't connect",
  tls: "Secure connection failed",
  timeout: "No answer in time",
  unauthorized: "Key not accepted",
  wrong_base_url: "Wrong address",
  no_responses_api: "Provider can't back Codex",
  model_not_found: "Unknown model",
  azure_api_version: "Azure API version refused",
  rate_limited: "Rate limited",
  provider_error: "Provider is having trouble",
  unexpected_response: "Unexpected answer",
};

export function diagnosisTitle(code: Diagnosis): string {
  return TITLES[code] ?? "Unexpected answer";
}

/** Rate limits and provider outages are not the user's mistake: amber, not red. */
export function diagnosisTone(code: Diagnosis | undefined): Tone {
  if (!code) return "idle";
  if (code === "ok") return "ok";
  if (code === "rate_limited" || code === "provider_error" || code === "timeout") return "warn";
  return "fail";
}

// Step names are plain strings in Rust for now (probe.rs); unknown ones show as they are.
const STEP_NAMES: Record<string, string> = {
  config: "Settings",
  connect: "Reach the host",
  models: "List models",
  responses: "Responses API",
  codex: "Real Codex run",
};

export function stepLabel(name: string): string {
  return STEP_NAMES[name] ?? name;
}

const ICONS: Record<StepStatus, string> = { ok: "✓", warn: "!", fail: "✕", skipped: "–" };

export function stepIcon(status: StepStatus): string {
  return ICONS[status] ?? "·";
}

export function authLabel(p: { auth: AuthMode; key_stored: boolean | null; entry?: { auth: { mode?: string; var?: string } } | null }): string {
  switch (p.auth) {
    case "keychain":
      return p.key_stored === false ? "no key in Keychain yet" : "key in Keychain";
    case "env":
      return `from $${p.entry?.auth.var ?? "VAR"}`;
    case "command":
      return "token command";
    case "file_token":
      return "key in config.toml";
    case "openai":
      return "OpenAI sign-in";
    default:
      return "no key";
  }
}

export function hostOf(url: string): string {
  const m = /^[a-z]+:\/\/([^/?#]+)/i.exec(url);
  return m ? m[1] : url;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
