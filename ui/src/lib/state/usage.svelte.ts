// The Usage screen's state: the period shown, the figures for it (from core: the
// report by model and by provider, each day by provider, the last failovers, the
// budgets), and the budget and price a user sets.
import { api, onConfigChanged, type Price, type UsageView } from "../api";
import { change } from "./page.svelte";

/** The periods offered, in days back from today (0: everything kept). */
export const PERIODS = [7, 30, 90, 0] as const;
export type Period = (typeof PERIODS)[number];

/** The first local day of a period that ends today, as core reads it (YYYY-MM-DD). */
export function sinceOf(days: Period, today = new Date()): string | null {
  if (days === 0) return null;
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** How often the shown figures are read again. */
const REFRESH_MS = 5000;

class Usage {
  period = $state<Period>(30);
  view = $state<UsageView | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  saving = $state<Record<string, boolean>>({});

  async load() {
    const period = this.period;
    this.loading = true;
    try {
      const view = await api.usage(sinceOf(period));
      // An answer for a period no longer chosen is dropped.
      if (period !== this.period) return;
      this.view = view;
      this.error = null;
    } catch (e) {
      this.error = String((e as { message?: string })?.message ?? e);
    } finally {
      this.loading = false;
    }
  }

  /** Loads now, after every change (a budget or price set here, or anywhere), and
   *  every few seconds while shown, as requests are counted. */
  watch(): () => void {
    this.load();
    const un = onConfigChanged(() => this.load());
    const tick = setInterval(() => {
      if (!this.loading && document.visibilityState === "visible") this.load();
    }, REFRESH_MS);
    return () => {
      clearInterval(tick);
      un.then((f) => f());
    };
  }

  choose(p: Period) {
    this.period = p;
    this.load();
  }

  setBudget(id: string, monthly: number | null) {
    return change(this.saving, id, () => api.setBudget(id, monthly), () => this.load());
  }

  setPrice(id: string, price: Price | null) {
    return change(this.saving, id, () => api.setPrice(id, price), () => this.load());
  }
}

export const usage = new Usage();
