// Failover as the window shows it: each model's ordered fallbacks (set here or with
// `switchboard fallback`), and the requests the router moved lately. A new move is said
// on the page ("kimi answered 429; this request went to openrouter…") and on its rows.
import { api, onConfigChanged, type FailoverSettings, type MoveView } from "../api";
import { change, page } from "./page.svelte";

/** How often the router is asked for its moves. */
const POLL_MS = 4000;
/** How long a move stays on its providers' rows. */
export const SHOWN_MS = 60 * 60 * 1000;

class Failover {
  settings = $state<FailoverSettings | null>(null);
  /** The latest moves, the latest first. */
  moves = $state<MoveView[]>([]);
  saving = $state<Record<string, boolean>>({});
  /** The newest move already said; moves from before the window opened are not said. */
  #seen: number | null = null;

  async loadSettings() {
    try {
      this.settings = await api.failoverSettings();
    } catch {
      this.settings = null;
    }
  }

  async loadMoves() {
    let moves: MoveView[];
    try {
      moves = await api.failovers();
    } catch {
      return;
    }
    const newest = moves.length ? moves[0].at_ms : 0;
    if (this.#seen !== null) {
      const fresh = moves.filter((m) => m.at_ms > (this.#seen ?? 0));
      if (fresh.length) page.say(fresh[0].text, fresh[0].served ? "ok" : "fail");
    }
    this.#seen = Math.max(this.#seen ?? 0, newest);
    this.moves = moves;
  }

  /** Reads both now, the moves every few seconds, the settings after each change. */
  watch(): () => void {
    this.loadSettings();
    this.loadMoves();
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") this.loadMoves();
    }, POLL_MS);
    const un = onConfigChanged(() => this.loadSettings());
    return () => {
      clearInterval(timer);
      un.then((f) => f());
    };
  }

  /** `slug`'s fallbacks, in order. */
  of(slug: string): string[] {
    return this.settings?.fallbacks.find((f) => f.model === slug)?.fallbacks ?? [];
  }

  /** The latest move that left or reached `provider` within the last hour. */
  lastFor(provider: string, now = Date.now()): MoveView | undefined {
    return this.moves.find((m) => now - m.at_ms < SHOWN_MS && (m.provider === provider || m.from.includes(provider)));
  }

  set(slug: string, fallbacks: string[]) {
    return change(this.saving, slug, () => api.setFallbacks(slug, fallbacks), () => this.loadSettings());
  }

  setDeadline(id: string, secs: number | null) {
    return change(this.saving, id, () => api.setDeadline(id, secs), () => this.loadSettings());
  }
}

export const failover = new Failover();
