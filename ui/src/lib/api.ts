// The window's way to core: the generated commands (bindings.ts), plus the one
// event the shell sends and a helper that reads any failure as a UiError.
import { Channel } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { commands, type PresetView, type Report, type Step, type UiError } from "./bindings";

export type * from "./bindings";
/** A preset as the window shows it: its row, worded in the window's language. */
export type Preset = PresetView;

export const api = {
  ...commands,
  /** Tests a provider; `onStep` gets each step as it finishes. */
  test(id: string, onStep: (step: Step) => void, model: string | null = null): Promise<Report> {
    const channel = new Channel<Step>();
    channel.onmessage = onStep;
    return commands.testProvider(id, model, channel);
  },
};

/** The providers, keys or tests changed: list again. */
export function onConfigChanged(f: () => void): Promise<UnlistenFn> {
  return listen("config-changed", () => f());
}

/** The app was handed a link or share file (a second launch, or the OS): ask `openedWith`. */
export function onImportRequested(f: () => void): Promise<UnlistenFn> {
  return listen("import-requested", () => f());
}

/** Any thrown value as { message, hint }. */
export function asError(e: unknown): UiError {
  if (e && typeof e === "object" && "message" in e) {
    const o = e as Partial<UiError>;
    return { message: String(o.message), hint: String(o.hint ?? ""), code: String(o.code ?? "error"), field: o.field ?? null };
  }
  return { message: String(e), hint: "", code: "error", field: null };
}
