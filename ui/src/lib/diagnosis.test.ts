import { describe, expect, it } from "vitest";
import type { Diagnosis } from "./bindings";
import { authLabel, diagnosisTitle, diagnosisTone, formatMs, hostOf, stepIcon, stepLabel } from "./diagnosis";

const CODES: Diagnosis[] = [
  "ok", "missing_key", "token_command_failed", "invalid_config", "dns", "unreachable", "tls", "timeout",
  "unauthorized", "wrong_base_url", "no_responses_api", "tools_refused", "model_not_found", "azure_api_version",
  "rate_limited", "provider_error", "unexpected_response",
];

describe("diagnoses", () => {
  it("every contract code has its own plain title", () => {
    const titles = CODES.map(diagnosisTitle);
    expect(new Set(titles).size).toBe(CODES.length);
    for (const t of titles) expect(t).not.toMatch(/_|^verdict-/);
    expect(stepLabel("codex")).not.toMatch(/^step-/);
  });
  it("tones: green for ok, amber for their side, red for ours", () => {
    expect(diagnosisTone("ok")).toBe("ok");
    expect(diagnosisTone("rate_limited")).toBe("warn");
    expect(diagnosisTone("provider_error")).toBe("warn");
    expect(diagnosisTone("unauthorized")).toBe("fail");
    expect(diagnosisTone(undefined)).toBe("idle");
  });
  it("steps read as words", () => {
    expect(stepLabel("responses")).toBe("Responses API");
    expect(stepIcon("fail")).toBe("✕");
    expect(formatMs(42)).toBe("42 ms");
    expect(formatMs(1500)).toBe("1.5 s");
  });
});

describe("auth and hosts", () => {
  it("says where the key comes from", () => {
    expect(authLabel({ auth: "keychain", key_stored: true })).toBe("key in Keychain");
    expect(authLabel({ auth: "keychain", key_stored: false })).toBe("no key in Keychain yet");
    expect(authLabel({ auth: "env", key_stored: null, entry: { auth: { var: "CORP_KEY" } } })).toBe("from $CORP_KEY");
    expect(authLabel({ auth: "command", key_stored: null })).toBe("token command");
    expect(authLabel({ auth: "none", key_stored: null })).toBe("no key");
  });
  it("shows the host of a URL", () => {
    expect(hostOf("https://openrouter.ai/api/v1")).toBe("openrouter.ai");
    expect(hostOf("http://127.0.0.1:8080/v1")).toBe("127.0.0.1:8080");
  });
});
