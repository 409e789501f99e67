import { describe, expect, it } from "vitest";
import { byField, FIELDS, fieldMessage } from "./fields";

describe("field words", () => {
  it("asks for a missing field in the window's words, not as a CLI flag", () => {
    const e = { field: "baseUrl" as const, missing: true, message: "The custom preset needs --base-url URL." };
    expect(fieldMessage(e, "optional")).toMatch(/API address/);
    expect(fieldMessage(e, "optional")).not.toMatch(/--/);
    expect(fieldMessage({ field: "key", missing: true, message: "" }, "required")).toBe("Paste your API key.");
    expect(fieldMessage({ field: "key", missing: true, message: "" }, "optional")).toMatch(/No key/);
  });
  it("shows core's sentence about a bad value", () => {
    const e = { field: "baseUrl" as const, missing: false, message: "`x` is not a usable base URL: it must start with http:// or https://." };
    expect(byField([e], "optional")).toEqual({ baseUrl: e.message });
  });
  it("every field has a label", () => {
    for (const w of Object.values(FIELDS)) expect(w.label).not.toBe("");
  });
});
