// Typed wrappers over the Tauri commands in src-tauri/src/commands.rs.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";

export type StepStatus = "ok" | "warn" | "fail" | "skipped";
export interface Step { name: string; status: StepStatus; message: string; ms: number }
export interface Report {
  provider: string; ok: boolean; diagnosis: string; message: string; hint: string;
  steps: Step[]; models: string[]; ttfb_ms?: number;
}
export interface ProviderEntry {
  id: string; name: string | null; base_url: string | null; wire_api: string | null;
  auth: { mode: string; var?: string; command?: string; args?: string[] };
  query_params: Record<string, string>; http_headers: Record<string, string>;
  env_http_headers: Record<string, string>; stream_idle_timeout_ms: number | null;
}
export interface ProviderView {
  id: string; name: string; base_url: string; source: "switchboard" | "config" | "built_in";
  preset: string; active: boolean; auth: string; key_stored: boolean | null; model: string | null;
  entry?: ProviderEntry;
}
export interface Listing { codex_home: string; active: string; model: string | null; providers: ProviderView[] }
export interface Preset {
  preset: string; name: string; default_id: string; default_model: string | null; base_url: string;
  key: "required" | "optional" | "none"; asks_for: string[]; stream_idle_timeout_ms: number | null;
  about: string; key_help: string;
}
export interface Outcome { message: string; backup: string | null; warnings: string[] }
export interface BackupInfo { name: string; size: number; taken: string }
export interface UiError { message: string; hint: string; code: string }

export interface ProviderForm {
  id: string; name: string; baseUrl: string; model: string; resource: string; deployment: string;
  apiVersion: string; headers: [string, string][]; envHeaders: [string, string][]; query: [string, string][];
  keyMode: "" | "keychain" | "env" | "command" | "none"; envVar: string; tokenCommand: string; tokenArgs: string[];
}

export const api = {
  list: () => invoke<Listing>("list"),
  presets: () => invoke<Preset[]>("presets"),
  add: (preset: string, form: ProviderForm, key: string | null) => invoke<Outcome>("add", { preset, form, key }),
  edit: (id: string, form: ProviderForm, key: string | null) => invoke<Outcome>("edit", { id, form, key }),
  use: (id: string, model: string | null = null) => invoke<Outcome>("use_provider", { id, model }),
  remove: (id: string, force: boolean) => invoke<Outcome>("remove", { id, force }),
  setKey: (id: string, key: string) => invoke<Outcome>("set_key", { id, key }),
  deleteKey: (id: string) => invoke<Outcome>("delete_key", { id }),
  backups: () => invoke<BackupInfo[]>("backups"),
  restore: (name: string) => invoke<Outcome>("restore", { name }),
  test: (id: string, model: string | null = null) => invoke<Report>("test_provider", { id, model }),
  models: (id: string | null, baseUrl: string | null) => invoke<string[]>("list_models", { id, baseUrl }),
  about: () => invoke<{ codex_home: string; helper: string; version: string }>("about"),
};

export function onConfigChanged(f: () => void): Promise<UnlistenFn> {
  return listen("config-changed", () => f());
}

export function onProbeStep(f: (id: string, step: Step) => void): Promise<UnlistenFn> {
  return listen<{ id: string; step: Step }>("probe-step", (e) => f(e.payload.id, e.payload.step));
}

/** Any thrown value as { message, hint }. */
export function asError(e: unknown): UiError {
  if (e && typeof e === "object" && "message" in e) {
    const o = e as Partial<UiError>;
    return { message: String(o.message), hint: String(o.hint ?? ""), code: String(o.code ?? "error") };
  }
  return { message: String(e), hint: "", code: "error" };
}
