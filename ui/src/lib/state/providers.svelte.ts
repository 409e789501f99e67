// The providers as core lists them, and what the window does with them: Use (a
// provider, or one of its models), Test, the Test's fix or offer, Remove.
import { api, asError, type Api, type Listing, type ProviderView, type Step, type UiError } from "../api";
import { diagnosisTitle } from "../diagnosis";
import { t } from "../i18n.svelte";
import { page } from "./page.svelte";

class Providers {
  listing = $state<Listing | null>(null);
  loadError = $state<UiError | null>(null);
  // Finished tests come with the listing (core keeps them, whoever started them);
  // only the steps of a test still running live here.
  live = $state<Record<string, Step[]>>({});
  running = $state<Record<string, boolean>>({});
  busy = $state<Record<string, boolean>>({});

  /** The rows: the user's providers, OpenAI, and a built-in one only while it is in use. */
  shown = $derived(this.listing ? this.listing.providers.filter((p) => p.source !== "built_in" || p.id === "openai" || p.active) : []);
  mine = $derived(this.shown.filter((p) => p.source !== "built_in"));
  active = $derived(this.listing?.providers.find((p) => p.active));

  async refresh() {
    try {
      this.listing = await api.list();
      this.loadError = null;
    } catch (e) {
      this.loadError = asError(e);
    }
  }

  /** Codex uses `p` (with `model`, else the one it has), everywhere at once. */
  async use(p: ProviderView, model: string | null = null) {
    this.busy[p.id] = true;
    try {
      const out = await api.useProvider(p.id, model);
      // An organisation's layer that wins is a warning worth the same notice.
      page.say([out.message, ...out.warnings].join("\n"), "ok");
    } catch (e) {
      page.fail(e);
    } finally {
      this.busy[p.id] = false;
    }
  }

  async test(p: ProviderView) {
    this.running[p.id] = true;
    this.live[p.id] = [];
    page.announcement = t("announce-testing", { provider: p.name });
    try {
      const report = await api.test(p.id, (step) => (this.live[p.id] = [...(this.live[p.id] ?? []), step]));
      page.announcement = t("announce-verdict", { provider: p.name, verdict: diagnosisTitle(report.diagnosis), message: report.message });
      // Shown at once; the listing that follows carries the same report.
      if (this.listing) this.listing.providers = this.listing.providers.map((x) => (x.id === p.id ? { ...x, last_test: report } : x));
    } catch (e) {
      page.announcement = "";
      page.fail(e);
    } finally {
      this.running[p.id] = false;
    }
  }

  /** The Test's fix or offer: through the bridge, or directly (at another address, when the Test found one), then tested again. */
  async takePath(p: ProviderView, way: Api, baseUrl: string | null) {
    try {
      const out = await api.setApi(p.id, way, baseUrl);
      page.say(out.message);
      await this.test(p);
    } catch (e) {
      page.fail(e);
    }
  }

  async remove(p: ProviderView) {
    try {
      // The confirmation said what goes: the active provider and its sessions' resume.
      const out = await api.remove(p.id, true);
      page.say(out.message);
    } catch (e) {
      page.fail(e);
    }
  }
}

export const providers = new Providers();
