// Inline validation for the add/edit form. Mirrors core's rules so the user
// sees a problem while typing; core checks again before anything is written.

export const RESERVED_IDS = ["openai", "ollama", "lmstudio", "amazon-bedrock", "amazon-bedrock-runtime"];

export interface FormValues {
  id: string;
  name: string;
  baseUrl: string;
  model: string;
  resource: string;
  deployment: string;
  apiVersion: string;
  keyMode: "" | "keychain" | "env" | "command" | "none";
  key: string;
  envVar: string;
  tokenCommand: string;
  headers: string;
  envHeaders: string;
}

export interface PresetRules {
  preset: string;
  key: "required" | "optional" | "none";
  base_url: string;
}

export type Errors = Partial<Record<keyof FormValues, string>>;

export function checkId(id: string, existing: string[]): string | undefined {
  if (!id) return "Give the provider a short id, like openrouter or corp.";
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return "Use only letters, digits, - and _.";
  if (RESERVED_IDS.includes(id)) return `“${id}” is built into Codex; pick another id, like ${id}-local.`;
  if (existing.includes(id)) return `You already have a provider called “${id}”.`;
  return undefined;
}

export function checkUrl(url: string): string | undefined {
  if (!url) return "Enter the API address, for example https://openrouter.ai/api/v1.";
  const m = /^(https?):\/\/([^/?#\s]+)([^\s]*)$/.exec(url);
  if (!m) return "Start with http:// or https://, and leave out spaces.";
  const host = m[2];
  if (host.includes("@")) return "Leave the user name and password out of the address.";
  const port = /:(\d*)$/.exec(host.replace(/^\[.*\]/, ""));
  if (port && (port[1] === "" || Number(port[1]) > 65535)) return "The port must be a number up to 65535.";
  const path = m[3].split("?")[0].replace(/\/+$/, "");
  for (const tail of ["/responses", "/chat/completions"]) {
    if (path.endsWith(tail)) return `Leave ${tail} off: Codex adds /responses itself.`;
  }
  return undefined;
}

/** Lines of `Name=value` (or `Name: value`). Returns pairs, or the first bad line. */
export function parsePairs(text: string): { pairs: [string, string][]; error?: string } {
  const pairs: [string, string][] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^([^=:\s]+)\s*[=:]\s*(.*)$/.exec(line);
    if (!m) return { pairs, error: `“${line}” is not Name=value.` };
    pairs.push([m[1], m[2].trim()]);
  }
  return { pairs };
}

export function validate(p: PresetRules, v: FormValues, mode: "add" | "edit", existingIds: string[]): Errors {
  const e: Errors = {};
  if (mode === "add") {
    const idErr = checkId(v.id.trim(), existingIds);
    if (idErr) e.id = idErr;
  }
  const azure = p.preset === "azure";
  if (azure && !v.baseUrl.trim()) {
    if (!v.resource.trim()) e.resource = "Enter your Azure resource name (the part before .openai.azure.com).";
    else if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/.test(v.resource.trim())) e.resource = "Letters, digits and hyphens only.";
  }
  if (azure && mode === "add" && !v.deployment.trim()) e.deployment = "Enter the deployment name from Azure AI Foundry.";
  const needsUrl = !p.base_url && mode === "add";
  if (v.baseUrl.trim() || needsUrl) {
    const u = checkUrl(v.baseUrl.trim());
    if (u) e.baseUrl = u;
  }
  if (!azure && mode === "add" && p.preset === "custom" && !v.model.trim()) e.model = "Enter the model name the provider expects.";
  if (v.model && v.model.trim() !== v.model) e.model = "Remove the spaces around the model name.";
  if (mode === "add" && p.key === "required" && (v.keyMode === "" || v.keyMode === "keychain") && !v.key.trim()) {
    e.key = "Paste your API key.";
  } else if (mode === "add" && v.keyMode === "keychain" && !v.key.trim()) {
    e.key = "Paste your API key, or choose No key.";
  }
  if (v.keyMode === "keychain" && v.key && /[\r\n]/.test(v.key.trim())) e.key = "Paste only the key, on one line.";
  if (v.keyMode === "env" && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(v.envVar.trim())) e.envVar = "Enter a variable name like OPENROUTER_API_KEY.";
  if (v.keyMode === "command" && !v.tokenCommand.trim()) e.tokenCommand = "Enter the command that prints a token.";
  const h = parsePairs(v.headers);
  if (h.error) e.headers = h.error;
  const eh = parsePairs(v.envHeaders);
  if (eh.error) e.envHeaders = eh.error;
  else if (eh.pairs.some(([, varName]) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(varName))) e.envHeaders = "The value must be an environment variable name.";
  return e;
}
