// The page itself: which view is shown, the notice above it, and what the live
// region says. One instance, shared by the shell and the views.
import { asError, type Preset, type ProviderView } from "../api";

export type View =
  | { kind: "providers" }
  | { kind: "presets" }
  | { kind: "add"; preset: Preset }
  | { kind: "edit"; provider: ProviderView }
  | { kind: "backups" }
  | { kind: "usage" }
  | { kind: "sessions"; provider?: string }
  | { kind: "import"; source: string }
  | { kind: "cc-import" };

export type Notice = { text: string; tone: "ok" | "fail"; hint?: string };

class Page {
  view = $state<View>({ kind: "providers" });
  notice = $state<Notice | null>(null);
  /** What the page's live region says: a Test starting and its verdict, for screen readers. */
  announcement = $state("");

  go(v: View) {
    this.view = v;
    this.notice = null;
  }

  say(text: string, tone: "ok" | "fail" = "ok", hint?: string) {
    this.notice = { text, tone, hint };
  }

  /** Shows a failed call as its sentence and hint. */
  fail(e: unknown) {
    const err = asError(e);
    this.say(err.message, "fail", err.hint);
  }
}

export const page = new Page();

/** A change made from the window: `busy[key]` while it runs, core's sentence said, a
 *  failure said as one, then `after` (reading again what it changed). */
export async function change(busy: Record<string, boolean>, key: string, call: () => Promise<{ message: string }>, after?: () => Promise<void>) {
  busy[key] = true;
  try {
    page.say((await call()).message);
    await after?.();
  } catch (e) {
    page.fail(e);
  } finally {
    busy[key] = false;
  }
}
