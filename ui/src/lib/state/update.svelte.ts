// In-app updates as the window shows them: at start (unless the user chose never) core
// asks the release feed; a newer version is offered with its notes, installed only on a
// yes, or put off for that version (Later). A feed that cannot be reached shows nothing.
import { api, asError, type Check, type UpdateOffer } from "../api";

/** The sentence (window.ftl) for a refused or failed install, by the error's code. */
export function failureMessage(code: string): string {
  switch (code) {
    case "update-signature":
      return "update-failed-signature";
    case "update-download":
      return "update-failed-download";
    case "update-gone":
      return "update-failed-gone";
    default:
      return "update-failed-install";
  }
}

/** Whether Install may be pressed again after a failure: not after a refused signature. */
export function mayRetry(failure: string | null): boolean {
  return failure !== "update-failed-signature" && failure !== "update-failed-gone";
}

class Updates {
  /** The version offered, if any. */
  offer = $state<UpdateOffer | null>(null);
  /** The user's choice; null until known. */
  check = $state<Check | null>(null);
  /** Downloading, checking and installing. */
  installing = $state(false);
  /** The sentence for the last failed install (a message id). */
  failure = $state<string | null>(null);

  /** At start: the choice, then (if it is to ask) the feed. Never fails aloud. */
  async start() {
    this.check = await api.updateSetting().catch(() => null);
    if (this.check !== "ask") return;
    this.offer = await api.updateCheck().catch(() => null);
  }

  /** Installs the offered version; the app starts it. A refusal leaves the app as it was. */
  async install() {
    if (!this.offer || this.installing) return;
    this.installing = true;
    this.failure = null;
    try {
      await api.updateInstall(this.offer.version);
    } catch (e) {
      this.failure = failureMessage(asError(e).code);
    } finally {
      this.installing = false;
    }
  }

  /** Not now, and not this version again. */
  async later() {
    const v = this.offer?.version;
    this.offer = null;
    this.failure = null;
    if (v) await api.updateLater(v).catch(() => undefined);
  }

  /** Closes the offer after a failure, without putting the version off. */
  dismiss() {
    this.offer = null;
    this.failure = null;
  }

  /** Check at start and ask (on), or never (off). */
  async setChecking(on: boolean) {
    try {
      this.check = await api.setUpdateSetting(on ? "ask" : "never");
    } catch {
      this.check = await api.updateSetting().catch(() => null);
    }
  }
}

export const updates = new Updates();
