import { describe, expect, it } from "vitest";
import { checkId, checkUrl, parsePairs, validate, type FormValues } from "./validate";

const blank: FormValues = {
  id: "", name: "", baseUrl: "", model: "", resource: "", deployment: "", apiVersion: "",
  keyMode: "", key: "", envVar: "", tokenCommand: "", headers: "", envHeaders: "",
};
const openrouter = { preset: "openrouter", key: "required" as const, base_url: "https://openrouter.ai/api/v1" };
const azure = { preset: "azure", key: "required" as const, base_url: "https://{resource}.openai.azure.com/openai/v1" };
const custom = { preset: "custom", key: "optional" as const, base_url: "" };

describe("ids", () => {
  it("accepts plain ids and refuses reserved, odd and duplicate ones", () => {
    expect(checkId("openrouter", [])).toBeUndefined();
    expect(checkId("my_gw-2", [])).toBeUndefined();
    expect(checkId("", [])).toMatch(/short id/);
    expect(checkId("has space", [])).toMatch(/letters/);
    expect(checkId("gatewäy", [])).toMatch(/letters/);
    expect(checkId("ollama", [])).toMatch(/built into Codex/);
    expect(checkId("corp", ["corp"])).toMatch(/already have/);
  });
});

describe("urls", () => {
  it("wants http(s), a host, and no /responses tail", () => {
    expect(checkUrl("https://openrouter.ai/api/v1")).toBeUndefined();
    expect(checkUrl("http://127.0.0.1:8080/v1")).toBeUndefined();
    expect(checkUrl("openrouter.ai/api/v1")).toMatch(/http/);
    expect(checkUrl("ftp://h/v1")).toMatch(/http/);
    expect(checkUrl("https://a b/v1")).toMatch(/spaces/);
    expect(checkUrl("https://h:99999/v1")).toMatch(/port/);
    expect(checkUrl("https://u:p@h/v1")).toMatch(/password/);
    expect(checkUrl("https://h/v1/responses")).toMatch(/Codex adds/);
    expect(checkUrl("https://h/v1/chat/completions/")).toMatch(/Codex adds/);
  });
});

describe("forms", () => {
  it("openrouter needs an id and a key", () => {
    const e = validate(openrouter, blank, "add", []);
    expect(Object.keys(e).sort()).toEqual(["id", "key"]);
    expect(validate(openrouter, { ...blank, id: "openrouter", key: "sk-or-1" }, "add", [])).toEqual({});
  });
  it("azure asks for resource and deployment, not a URL", () => {
    const e = validate(azure, { ...blank, id: "azure", key: "k" }, "add", []);
    expect(Object.keys(e).sort()).toEqual(["deployment", "resource"]);
    expect(e.baseUrl).toBeUndefined();
    expect(validate(azure, { ...blank, id: "azure", key: "k", resource: "contoso.x", deployment: "d" }, "add", []).resource).toMatch(/hyphens/);
  });
  it("custom needs a URL and a model, and a key only when the keychain is chosen", () => {
    expect(validate(custom, { ...blank, id: "corp", baseUrl: "http://h/v1", model: "m", keyMode: "keychain" }, "add", []).key).toMatch(/No key/);
    const e = validate(custom, { ...blank, id: "corp" }, "add", []);
    expect(Object.keys(e).sort()).toEqual(["baseUrl", "model"]);
    expect(validate(custom, { ...blank, id: "corp", baseUrl: "http://127.0.0.1:9/v1", model: "m" }, "add", [])).toEqual({});
  });
  it("edit does not re-ask for the id or a stored key", () => {
    expect(validate(openrouter, { ...blank }, "edit", ["openrouter"])).toEqual({});
  });
  it("checks env var names and header lines", () => {
    const e = validate(custom, { ...blank, id: "c", baseUrl: "http://h/v1", model: "m", keyMode: "env", envVar: "1BAD", headers: "oops", envHeaders: "X-Team=not a var" }, "add", []);
    expect(Object.keys(e).sort()).toEqual(["envHeaders", "envVar", "headers"]);
  });
  it("parses header lines", () => {
    expect(parsePairs("X-Client=codex\n\nX-Title: Switchboard ")).toEqual({ pairs: [["X-Client", "codex"], ["X-Title", "Switchboard"]] });
  });
});
