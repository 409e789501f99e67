// How a refused or failed install is worded, and when Install may be pressed again.
import { describe, expect, it } from "vitest";
import { failureMessage, mayRetry } from "./state/update.svelte";

describe("update failures", () => {
  it.each([
    ["update-signature", "update-failed-signature", false],
    ["update-download", "update-failed-download", true],
    ["update-install", "update-failed-install", true],
    ["update-gone", "update-failed-gone", false],
    ["internal", "update-failed-install", true],
    ["", "update-failed-install", true],
  ])("%s → %s (retry: %s)", (code, message, retry) => {
    expect(failureMessage(code)).toBe(message);
    expect(mayRetry(failureMessage(code))).toBe(retry);
  });

  it("nothing failed yet: Install is there", () => {
    expect(mayRetry(null)).toBe(true);
  });
});
