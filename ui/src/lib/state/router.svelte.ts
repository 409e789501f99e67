// Switchboard's router as the window shows it: which models of each provider Codex
// lists (and the provider's own list to choose from), whether Codex reaches a
// provider through the router or directly, and the Codex sessions running now.
import { api, type ProviderView, type SeenSession } from "../api";
import { change } from "./page.svelte";

/** How often the running sessions are asked for while they are on screen. */
const POLL_MS = 4000;

class Router {
  /** The sessions the router saw in the last hour, latest first. */
  sessions = $state<SeenSession[]>([]);
  /** Whose models panel is open. */
  open = $state<Record<string, boolean>>({});
  /** Each provider's own model list, once asked (null while asking). */
  available = $state<Record<string, string[] | null>>({});
  saving = $state<Record<string, boolean>>({});

  async loadSessions() {
    try {
      this.sessions = await api.runningSessions();
    } catch {
      this.sessions = [];
    }
  }

  /** Asks for the running sessions now and every few seconds, until the returned stop. */
  watch(): () => void {
    this.loadSessions();
    const timer = setInterval(() => this.loadSessions(), POLL_MS);
    return () => clearInterval(timer);
  }

  /** Opens or closes `p`'s models; the first opening asks the provider for its list. */
  toggle(p: ProviderView) {
    this.open[p.id] = !this.open[p.id];
    if (this.open[p.id] && !(p.id in this.available)) this.ask(p);
  }

  async ask(p: ProviderView) {
    this.available[p.id] = null;
    try {
      this.available[p.id] = await api.listModels(p.id, null);
    } catch {
      this.available[p.id] = [];
    }
  }

  /** Lists `model` of `p` in Codex's picker, or stops listing it (its own model always stays). */
  async list(p: ProviderView, model: string, on: boolean) {
    const others = (p.listed ?? []).filter((m) => m !== p.model);
    const want = on ? [...others.filter((m) => m !== model), model] : others.filter((m) => m !== model);
    await this.saveListed(p, want);
  }

  saveListed(p: ProviderView, models: string[]) {
    return change(this.saving, p.id, () => api.setListed(p.id, models));
  }

  /** Codex reaches `p` directly (`direct`), or through the router. */
  route(p: ProviderView, direct: boolean) {
    return change(this.saving, p.id, () => api.setRoute(p.id, direct));
  }
}

export const router = new Router();
