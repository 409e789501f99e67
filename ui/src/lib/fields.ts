// How the window words each input of a provider. Which fields a form shows, and
// every rule about their values, come from core (bindings.ts): this file only
// says them in the window's own words, where the CLI says `--base-url`.
import type { Field, FieldError, KeyNeed } from "./bindings";

export interface FieldWords {
  label: string;
  /** What to ask for when the field is needed but empty. */
  missing: string;
  help: string;
  placeholder?: string;
}

export const FIELDS: Record<Field, FieldWords> = {
  id: { label: "Id", missing: "Give the provider a short id, like openrouter or corp.", help: "How Codex and the tray name it. Letters, digits, - and _." },
  name: { label: "Display name", missing: "Give the provider a name.", help: "" },
  baseUrl: {
    label: "API address (base URL)",
    missing: "Enter the API address, for example https://openrouter.ai/api/v1.",
    help: "Usually ends in /v1. Codex adds /responses itself.",
    placeholder: "https://llm.example.com/v1",
  },
  model: { label: "Model", missing: "Enter the model name the provider expects.", help: "Type the model name; suggestions appear when the provider lists its models.", placeholder: "model name" },
  resource: {
    label: "Azure resource",
    missing: "Enter your Azure resource name (the part before .openai.azure.com).",
    help: "From https://<resource>.openai.azure.com in the Azure portal.",
    placeholder: "contoso",
  },
  deployment: {
    label: "Deployment",
    missing: "Enter the deployment name from Azure AI Foundry.",
    help: "The deployment name in Azure AI Foundry; Codex sends it as the model.",
    placeholder: "gpt-5-codex",
  },
  apiVersion: { label: "api-version", missing: "Enter the api-version.", help: "", placeholder: "only for the older /openai path" },
  key: { label: "API key", missing: "Paste your API key, or choose No key.", help: "Kept in your system keychain, never in a file.", placeholder: "Paste your key" },
  envVar: { label: "Variable name", missing: "Enter a variable name like OPENROUTER_API_KEY.", help: "Codex reads the key from this variable in the shell that starts it.", placeholder: "OPENROUTER_API_KEY" },
  tokenCommand: { label: "Command", missing: "Enter the command that prints a token.", help: "For short-lived tokens (Azure Entra ID, gcloud, a vault CLI). It must print the token.", placeholder: "az" },
  headers: { label: "Headers", missing: "", help: "One Name=value per line, sent with every request.", placeholder: "X-Client=codex" },
  envHeaders: { label: "Headers from variables", missing: "", help: "Header=VARIABLE; left out when the variable is unset.", placeholder: "X-Team=CODEX_TEAM" },
  query: { label: "Query parameters", missing: "", help: "" },
  contextWindow: {
    label: "Context window",
    missing: "",
    help: "In tokens, like 262144, 128k or 1M. Leave empty and Switchboard finds it: from the provider, the model's family, else 128k.",
    placeholder: "found by Switchboard",
  },
};

/** The sentence the window shows for one problem core found. */
export function fieldMessage(e: FieldError, key: KeyNeed): string {
  if (!e.missing) return e.message;
  if (e.field === "key" && key === "required") return "Paste your API key.";
  return FIELDS[e.field].missing || e.message;
}

/** Problems by field, in the window's words. */
export function byField(errors: FieldError[], key: KeyNeed): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const e of errors) out[e.field] ??= fieldMessage(e, key);
  return out;
}
