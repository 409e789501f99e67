# Core's sentences in English: what the CLI prints and the window shows when
# something is refused or fails. The same messages, with the same arguments,
# in every language (core/src/locale checks that, and that each is used).
# `-hint` is the fix as the CLI words it (commands and flags); `-fix`, where
# there is one, is the fix as the window words it (its buttons and fields).

## Errors

error-codex-home-missing = CODEX_HOME is set to { $path }, but that directory does not exist.
error-codex-home-missing-hint = Create it (mkdir -p { $path }) or unset CODEX_HOME.
error-no-home-dir = Could not find your home directory.
error-no-home-dir-hint = Set HOME, or pass --codex-home DIR.
error-invalid-toml = { $path } is not valid TOML (line { $line }, column { $column }): { $reason }.
error-invalid-toml-hint = Fix the file by hand or restore a backup (switchboard backups); nothing was written.
error-invalid-toml-fix = Fix the file by hand, or restore a backup from Backups; nothing was written.
error-wrong-type = `{ $key }` in config.toml is { $found }, but Codex expects { $expected }.
error-wrong-type-hint = Fix `{ $key }` in config.toml by hand; nothing was written.
error-unsupported-layout = The provider `{ $id }` is written in a form Switchboard does not edit ({ $form }).
error-unsupported-layout-hint = Rewrite it as a [model_providers.{ $id }] table, or edit it by hand; nothing was written.
error-reserved-id = `{ $id }` is reserved for a provider built into Codex.
error-reserved-id-hint = Pick another id, for example `ollama-local` or `my-openai`.
error-invalid-id = `{ $id }` is not a valid provider id.
error-invalid-id-hint = Use only letters, digits, `-` and `_`.
error-duplicate-id = A provider with the id `{ $id }` already exists.
error-duplicate-id-hint = Choose another --id, or change it with `switchboard edit { $id }`.
error-duplicate-id-fix = Choose another id, or press Edit on `{ $id }` to change it.
error-unknown-provider = There is no provider with the id `{ $id }`.
error-unknown-provider-hint = Run `switchboard list` to see the providers you have.
error-unknown-provider-fix = It may have been removed elsewhere; the list shows the providers you have.
error-built-in = `{ $id }` is built into Codex and cannot be changed or removed.
error-built-in-hint = Add your own provider with another id instead.
error-invalid-url = `{ $url }` is not a usable { $what }: { $reason }.
error-invalid-url-hint = Use a full http:// or https:// address, for example https://openrouter.ai/api/v1.
error-wire-api = wire_api `{ $value }` is not supported; Codex only speaks the Responses API.
error-wire-api-hint = Use a provider that offers the Responses API (POST /v1/responses).
error-unknown-preset = There is no preset called `{ $preset }`.
error-unknown-preset-hint = Run `switchboard presets` to see them.
error-missing-input = The { $preset } preset needs { $flag }.
error-missing-input-hint = Pass { $flag }.
error-missing-input-fix = Fill in the field it names.
error-invalid-field = { $reason }
error-invalid-field-hint = Check the value and try again; nothing was written.
error-invalid-input = { $reason }
error-invalid-input-hint = Check the value and try again; nothing was written.
error-unspliceable = Switchboard could not change { $key } in config.toml without disturbing the rest of the file.
error-unspliceable-hint = Edit config.toml by hand, or restore a backup; nothing was written.
error-active-provider = `{ $id }` is the active provider.
error-active-provider-hint = Switch to another provider first (switchboard use openai), or pass --force.
error-active-provider-fix = Switch to another provider first.
error-has-sessions =
    { $count ->
        [one] `{ $id }` holds 1 saved Codex session, which Codex could no longer resume once the provider is gone.
       *[other] `{ $id }` holds { $count } saved Codex sessions, which Codex could no longer resume once the provider is gone.
    }
error-has-sessions-hint = See them with `switchboard sessions --provider { $id }`; to remove the provider anyway, pass --force. Nothing was written.
error-has-sessions-fix = See them under Sessions; Remove asks again before it goes ahead. Nothing was written.
error-empty-key = The key is empty.
error-empty-key-hint = Paste the key on standard input, for example: printf %s "$KEY" | switchboard key set <id>.
error-empty-key-fix = Paste the key into the Key field.
error-no-key = No key is stored for `{ $id }` in the system keychain.
error-no-key-hint = Store one with `switchboard key set { $id }` (the key is read from standard input).
error-no-key-fix = Press Edit and paste the key into the Key field.
error-no-secret-service = No Secret Service is running, so the system keychain cannot be reached.
error-no-secret-service-hint = Log in to a desktop session (GNOME Keyring or KWallet), or start one by hand: dbus-run-session -- sh -c 'printf pass | gnome-keyring-daemon --unlock --components=secrets; exec $SHELL'.
error-no-secret-service-fix = Log in to a desktop session with a keychain (GNOME Keyring or KWallet), then try again.
error-keychain = The system keychain refused the request: { $reason }.
error-keychain-hint = Unlock your keychain (it may be locked) and try again.
error-concurrent-edit = config.toml kept changing while Switchboard tried to save it.
error-concurrent-edit-hint = Another program is editing config.toml right now; try again in a moment.
error-unknown-backup = There is no backup called `{ $name }`.
error-unknown-backup-hint = Run `switchboard backups` to see the names.
error-unknown-backup-fix = It may have been pruned; the Backups list shows those kept.
error-not-a-file = { $path } is { $kind }, not a regular file.
error-not-a-file-hint = Point it at a regular file (or remove it so Switchboard can create one); nothing was written.
error-too-large = { $path } is larger than { $limit } MB, far larger than any Codex config; Switchboard will not edit it.
error-too-large-hint = Check that the path points at your Codex config; nothing was written.
error-disk-full = The disk is full: there is no space left to save { $path }.
error-disk-full-hint = Free some disk space and try again; nothing was changed.
error-bad-backup = The backup `{ $name }` is { $why }, so it cannot be restored.
error-bad-backup-hint = Pick another backup (switchboard backups); config.toml was not changed.
error-bad-backup-fix = Pick another backup; config.toml was not changed.
error-bad-share = This share cannot be read: { $reason }.
error-bad-share-hint = Ask for a new link or file (made with `switchboard share`); nothing was written.
error-bad-share-fix = Ask for a new link or file (made with Share); nothing was written.
error-share-version = This share is in format version { $version }, and this Switchboard reads version 1.
error-share-version-hint = Update Switchboard, or ask for a share made by your version; nothing was written.
error-share-has-key = This share carries a secret (`{ $field }`), and Switchboard never takes a key from a link or a file.
error-share-has-key-hint = Ask for a share without it (`switchboard share` leaves keys out) and give your own key with --key-stdin or `switchboard key set`; nothing was written.
error-share-has-key-fix = Ask for a share without it (Share leaves keys out), then paste your own key; nothing was written.
error-share-runs-command = `{ $id }` would make Codex run a program named by whoever sent the share: { $command }
error-share-runs-command-hint = Read the command; if you trust it, import again with --allow-command. Nothing was written.
error-share-runs-command-fix = Read the command; if you trust it, tick the box under it and import again. Nothing was written.
error-id-taken = A different provider with the id `{ $id }` already exists.
error-id-taken-hint = Import it under another id, for example --id { $free }; nothing was written.
error-id-taken-fix = Import it under another id, for example { $free }; nothing was written.
error-nothing-to-secure-one = `{ $id }` keeps no key in plain text or in an environment variable.
error-nothing-to-secure = No provider keeps a key in plain text or in an environment variable.
error-nothing-to-secure-hint = Run `switchboard doctor` to see where your keys are; nothing was written.
error-nothing-to-secure-fix = Each row says where its key is; nothing was written.
error-unmovable-key = The key in { $field } of `{ $id }` cannot be moved: Codex sends a key from the keychain only as `Authorization: Bearer`.
error-unmovable-key-hint = Keep it, or move it by hand to a token command (switchboard edit { $id } --token-command ...); nothing was written.
error-conflicting-keys = `{ $id }` holds two different keys in plain text, so Switchboard cannot tell which one to keep.
error-conflicting-keys-hint = Delete the key that is wrong from [model_providers.{ $id }] by hand, then secure it again; nothing was written.
error-env-unset = `{ $id }` reads its key from ${ $var }, but that variable is not set here.
error-env-unset-hint = Run it from a shell where ${ $var } is set (for example `{ $var }=... switchboard secure { $id }`), or store the key with `switchboard key set { $id }`; nothing was written.
error-env-unset-fix = Paste the key's value into the field above to keep it in the keychain; nothing was written.
error-cc-switch-missing = There is no CC Switch database at { $path }.
error-cc-switch-missing-hint = Pass the database with --db PATH (CC Switch can move its folder; see its settings).
error-cc-switch-missing-fix = Give the database's path in the field above (CC Switch can move its folder; see its settings).
error-cc-switch-version = { $path } has schema version { $version }, which this Switchboard does not know (it reads CC Switch 3.8 to 3.20, versions { $min } to { $max }).
error-cc-switch-version-hint = Update Switchboard, or add the providers by hand with `switchboard add`; nothing was written.
error-cc-switch-version-fix = Update Switchboard, or add the providers by hand under Add provider; nothing was written.
error-cc-switch-read = { $path } could not be read as a CC Switch database: { $reason }.
error-cc-switch-read-hint = Check that the path is CC Switch's cc-switch.db; nothing was written.
error-io = Could not { $action } { $path }: { $reason }.
error-io-hint = Check that the path exists and that you may write to it.

## Parts of the error sentences above: why a value is refused (`reason-`), what a
## URL is for and what is wrong with it (`url-`), kinds of file (`kind-`), TOML types
## (`type-`), layouts Switchboard does not edit (`layout-`), parts of config.toml
## (`part-`) and what could not be done to a file (`io-`)

reason-detail = { $detail }
reason-id-fixed = An id cannot be changed; add a new provider and remove this one.
reason-key-not-keychain = A key was given, but this provider does not use the keychain.
reason-model-name = `{ $model }` is not a usable model name.
reason-nothing-chosen = No provider was chosen to import.
reason-share-no-provider = The share has no provider `{ $id }`.
reason-share-key-not-keychain = A key was given for `{ $id }`, but it does not use the keychain.
reason-cc-no-provider = CC Switch has no Codex provider with the id `{ $id }`.
reason-cc-not-importable = `{ $name }` cannot be imported: { $why }
reason-cc-ready = it is ready.
reason-cc-duplicate = it has the same base URL and model as `{ $id }`.
reason-cc-official = it is an official entry or a sign-in CC Switch manages, with no key of its own.
reason-cc-not-responses = CC Switch converts it from another API; Codex needs the Responses API.
reason-cc-unusable = its settings cannot be used.
reason-cc-unreadable = Its settings in CC Switch could not be read: { $why }.
reason-cc-settings-not-json = its settings are not JSON
reason-cc-config-not-toml = its Codex config is not valid TOML
reason-cc-no-table = it has no providers table with id, app_type, name and settings_config
reason-not-name-value = “{ $line }” is not Name=value.
reason-env-var-name = `{ $var }` is not an environment variable name.
reason-env-header-var = `{ $var }` (for header { $header }) is not an environment variable name.
reason-context-window = “{ $text }” is not a context window: give a number of tokens such as 128000, 128k or 1M (empty: let Switchboard find it).
reason-context-window-range = A context window is from 1,000 to 100,000,000 tokens.
reason-azure-resource = `{ $resource }` is not an Azure resource name (letters, digits and hyphens, as in https://<resource>.openai.azure.com).
reason-key-control = The key contains a line break or control character; paste only the key.
reason-name-empty = The provider name is empty.
reason-name-control = The provider name contains a line break or control character.
reason-name-long = The provider name is longer than { $max } characters.
reason-bridge-key-in-file = A provider through the bridge takes its key from the keychain, a variable or a command, not from config.toml.
reason-bridge-own-url = The base URL is the bridge's own address; give the provider's.
reason-bridge-url-query = This base URL cannot go through the bridge (it holds a query or a fragment).
reason-header-name = `{ $name }` is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only).
reason-env-header-name = `{ $name }` is not a valid env header name (letters, digits and !#$%&'*+-.^_`|~ only).
reason-header-control = A header value contains a line break or control character.
reason-query-empty-name = A query parameter has an empty name.
reason-query-control = A query parameter contains a line break or control character.
reason-token-command-empty = The token command is empty.
reason-token-command-not-started = The token command of `{ $id }` ({ $program }) could not be started: { $detail }.
reason-token-command-lost = The token command of `{ $id }` ({ $program }) could not be waited for: { $detail }.
reason-token-command-timeout = The token command of `{ $id }` ({ $program }) did not finish within { $detail } seconds.
reason-token-command-failed = The token command of `{ $id }` ({ $program }) failed ({ $detail }).
reason-token-command-not-text = The token command of `{ $id }` ({ $program }) printed something that is not text.
reason-token-command-silent = The token command of `{ $id }` ({ $program }) printed nothing.
reason-keychain-locked = it is locked or access was denied ({ $detail })
reason-backup-empty = empty
reason-backup-not-utf8 = not UTF-8 text
reason-backup-not-toml = not valid TOML (line { $line }, column { $column })
reason-backup-unusable = unusable ({ $error })
reason-share-too-large = it is larger than any share Switchboard makes
reason-share-link-not-url = the link is not a valid URL
reason-share-link-scheme = the link does not start with { $scheme }://import
reason-share-link-version = its version `v` is not a number
reason-share-no-version = it has no format version
reason-share-not-toml = it is neither a { $scheme }:// link nor a valid share file (TOML error on line { $line })
reason-share-version = `version` is not a number
reason-share-provider-list = `provider` is not a list of [[provider]] tables
reason-share-list-not-text = `{ $key }` holds something other than text
reason-share-map-not-text = `{ $key }` is not text
reason-share-empty = it describes no provider
reason-share-too-many = it describes more than { $max } providers
reason-share-twice = it describes `{ $id }` twice
reason-share-key-twice = a provider gives `{ $key }` twice
reason-share-no-id = a provider has no `id`
reason-share-field-not-text = `{ $key }` of `{ $id }` is not text
reason-share-no-preset = `{ $id }` has no `preset`
reason-share-unknown-preset = `{ $id }` names the preset `{ $preset }`, which this Switchboard does not have
reason-share-no-model = `{ $id }` has no `model`
reason-share-no-auth = `{ $id }` does not say how it gets its key (`auth`)
reason-share-bad-api = `{ $id }` has api = "{ $value }"; expected responses or chat
reason-share-refresh = `refresh_interval_ms` of `{ $id }` is not a number
reason-share-args = `args` of `{ $id }` is not a list of text
reason-share-map-twice = `{ $key }` of `{ $id }` is given twice
reason-share-not-map = `{ $key }` of `{ $id }` is not a table of text
reason-share-env-no-var = `{ $id }` uses auth = "env" but names no `env_key`
reason-share-command-missing = `{ $id }` uses auth = "command" but names no `command`
reason-share-bad-auth = `{ $id }` has auth = "{ $value }"; expected keychain, env, command or none
reason-share-file-too-large = { $path } is larger than any share file
reason-share-file-not-text = { $path } is not text (expected a { $scheme }:// link or a *{ $suffix } file)
reason-nothing-to-share = There is no provider in config.toml to share.
reason-share-file-exists = { $path } exists and is not a share file; choose another --file.
reason-one-id-many = --id names one provider, but this share has several.
reason-key-stdin-many = --key-stdin gives one key, but this share has { $count } providers that use the keychain; import them, then `switchboard key set <id>` each.
reason-secure-which = Name the providers to secure, or pass --all (not both).
reason-key-unreadable = Could not read the key: { $error }.
reason-key-not-utf8 = The key on standard input is not UTF-8 text.
reason-timeout-range = --timeout must be between 0 and 600 seconds, not { $value }.
url-base-url = base URL
url-scheme = it must start with http:// or https://
url-spaces = it contains spaces or control characters
url-userinfo = it must not contain a user name or password
url-no-host = it has no host name
url-port = its port is not a number from 0 to 65535
url-fragment = it must not contain a #fragment
kind-folder = a folder
kind-fifo = a FIFO (named pipe)
kind-socket = a socket
kind-device = a device
kind-special = a special file
type-nothing = nothing
type-string = a string
type-integer = an integer
type-number = a number
type-boolean = a boolean
type-date = a date
type-array = an array
type-table = a table
type-array-of-tables = an array of tables
type-positive-integer = a positive integer
type-table-of-strings = a table of strings
type-array-of-strings = an array of strings
layout-inline-table = an inline table
layout-dotted-keys = dotted keys
layout-sub-tables-only = only sub-tables, no table of its own
layout-dotted-or-bare = dotted keys or bare sub-tables
part-top-level-keys = the top-level keys
part-provider-table = the provider table
io-create = create
io-follow = follow
io-lock = lock
io-open = open
io-read = read
io-remove = remove
io-replace = replace
io-write = write

## The presets (the name stays as it is; a description for the picker, and where to get a key)

preset-azure-about = Your Azure OpenAI / AI Foundry resource; the model is your deployment name.
preset-azure-key-help = Azure portal → your resource → Keys and Endpoint.
preset-vercel-about = One key for many model makers; models are creator/model slugs.
preset-vercel-key-help = Vercel dashboard → AI Gateway → API keys.
preset-openrouter-about = Hundreds of models behind one key; models are slugs like openai/gpt-5.3-codex.
preset-openrouter-key-help = openrouter.ai → Keys.
preset-ollama-about = Models running on this machine with Ollama 0.13.3 or later; no key.
preset-ollama-key-help = No key needed.
preset-kimi-about = Moonshot's Kimi K2 models; speaks Chat Completions, so Codex reaches it through Switchboard's bridge. In mainland China, use https://api.moonshot.cn/v1.
preset-kimi-key-help = platform.moonshot.ai → API Keys (platform.moonshot.cn in mainland China).
preset-lmstudio-about = Models running on this machine with LM Studio; no key unless you turned on its authentication.
preset-lmstudio-key-help = No key needed, unless LM Studio's "Require Authentication" is on: then its server settings give one.
preset-kimi-coding-about = Moonshot's Kimi Code subscription (kimi-for-coding); Chat Completions only, so Codex reaches it through Switchboard's bridge.
preset-kimi-coding-key-help = kimi.com/code → your subscription's API key.
preset-glm-about = Zhipu's GLM models on open.bigmodel.cn, pay as you go; its Responses API (https://open.bigmodel.cn/api/v1) takes Codex's tools, so Codex reaches it directly.
preset-glm-key-help = bigmodel.cn → API Keys (bigmodel.cn/usercenter/proj-mgmt/apikeys).
preset-glm-coding-about = Zhipu's GLM Coding Plan subscription. For Codex, Zhipu serves the plan on its Responses API at https://open.bigmodel.cn/api/v1 (the plan's Chat Completions address is https://open.bigmodel.cn/api/coding/paas/v4).
preset-glm-coding-key-help = bigmodel.cn → Coding Plan → your plan's API key (bigmodel.cn/coding-plan/personal/overview).
preset-zai-about = GLM models from Z.ai, Zhipu's international platform, pay as you go; its Responses API (https://api.z.ai/api/v1) takes Codex's tools, so Codex reaches it directly.
preset-zai-key-help = z.ai → API Keys (z.ai/manage-apikey/apikey-list).
preset-zai-coding-about = Z.ai's GLM Coding Plan subscription. For Codex, Z.ai serves the plan on its Responses API at https://api.z.ai/api/v1 (the plan's Chat Completions address is https://api.z.ai/api/coding/paas/v4).
preset-zai-coding-key-help = z.ai → Coding Plan (z.ai/subscribe) → API Keys.
preset-deepseek-about = DeepSeek V4.1 (deepseek-flash); its Responses API at https://api.deepseek.com takes Codex's tools, so Codex reaches it directly.
preset-deepseek-key-help = platform.deepseek.com → API keys.
preset-qwen-about = Alibaba Cloud Model Studio (Bailian) in mainland China: the Qwen models, on its Responses API.
preset-qwen-key-help = bailian.console.aliyun.com → API-Key (a key works only in its own region).
preset-qwen-intl-about = Alibaba Cloud Model Studio outside mainland China (Singapore): the Qwen models, on its Responses API.
preset-qwen-intl-key-help = modelstudio.console.alibabacloud.com → API Key (a key works only in its own region).
preset-ark-about = Volcengine Ark (ByteDance): the Doubao models and others it hosts, on its Responses API. For a Coding Plan key use https://ark.cn-beijing.volces.com/api/coding/v3.
preset-ark-key-help = console.volcengine.com → Ark → API Key management.
preset-minimax-about = MiniMax in mainland China (api.minimaxi.com); its Responses API refuses Codex's apply_patch and web search, so Codex reaches it through Switchboard's bridge.
preset-minimax-key-help = platform.minimaxi.com → Account → API Keys (a Token Plan key and a pay-as-you-go key cannot stand in for each other).
preset-minimax-intl-about = MiniMax outside mainland China (api.minimax.io); its Responses API refuses Codex's apply_patch and web search, so Codex reaches it through Switchboard's bridge.
preset-minimax-intl-key-help = platform.minimax.io → Account → API Keys (a Token Plan key and a pay-as-you-go key cannot stand in for each other).
preset-mimo-about = Xiaomi's MiMo models; its Responses API refuses Codex's apply_patch and web search, so Codex reaches it through Switchboard's bridge.
preset-mimo-key-help = platform.xiaomimimo.com → Console → API Keys.
preset-hunyuan-about = Tencent's Hunyuan (Hy) models through TokenHub; Chat Completions, through Switchboard's bridge.
preset-hunyuan-key-help = console.cloud.tencent.com → TokenHub → API Keys (a TokenHub key: Coding Plan and Token Plan keys do not work here).
preset-stepfun-about = StepFun's Step models; Chat Completions, through Switchboard's bridge. Outside mainland China, use https://api.stepfun.ai/v1.
preset-stepfun-key-help = platform.stepfun.com → API Keys (platform.stepfun.ai outside mainland China).
preset-qianfan-about = Baidu AI Cloud Qianfan: ERNIE and the open models it hosts; Chat Completions, through Switchboard's bridge, until a Test finds its Responses API takes Codex's tools.
preset-qianfan-key-help = console.bce.baidu.com → IAM → API Keys.
preset-xai-about = xAI's Grok models, on its Responses API.
preset-xai-key-help = console.x.ai → API Keys.
preset-groq-about = Fast hosted open models (gpt-oss, Llama, Qwen) on Groq's LPUs; Chat Completions, through Switchboard's bridge, until a Test finds its Responses API takes Codex's tools.
preset-groq-key-help = console.groq.com → API Keys.
preset-mistral-about = Mistral's models (Mistral Medium, Large, Devstral, Codestral); Chat Completions, through Switchboard's bridge, which speaks it the way Mistral requires. Its Responses API is a preview: the bridge stays until a Test finds it takes Codex's tools.
preset-mistral-key-help = console.mistral.ai → API Keys.
preset-chat-gateway-about = Any gateway that speaks only Chat Completions (POST /v1/chat/completions): LiteLLM, vLLM, SiliconFlow, NVIDIA NIM, a company proxy. Codex reaches it through Switchboard's bridge.
preset-chat-gateway-key-help = Ask whoever runs the gateway.
preset-custom-about = Any gateway that speaks the OpenAI Responses API.
preset-custom-key-help = Ask whoever runs the gateway.

## The way Codex reaches a provider: the Test's note, what adding one found, and what the bridge learnt

path-direct = Directly: { $name } serves the Responses API and took the tools Codex sends (a function, apply_patch and web search).
path-direct-no-patch = Directly, without apply_patch: { $name }'s Responses API refused it ({ $said }), so Codex edits files with shell commands there.
path-direct-unchecked = Directly, the way { $name } is set up; the Test could not tell whether its Responses API takes the tools Codex sends.
path-bridge = Through Switchboard's bridge, which speaks Chat Completions to { $name }.
path-bridge-no-responses = Through Switchboard's bridge: { $host } has no Responses API (POST /responses gave { $status }).
path-bridge-tools-refused = Through Switchboard's bridge: { $host }'s Responses API refused the tools Codex sends ({ $said }); through the bridge they become functions the provider takes.
path-offer-bridge-patch = Through Switchboard's bridge, Codex can edit files with apply_patch at { $host }: there it becomes a function, which { $host } takes.
path-offer-direct = { $host } now serves the Responses API and took the tools Codex sends: Codex can reach it directly, without the bridge.
path-offer-direct-url = { $url } serves the Responses API and took the tools Codex sends: Codex can reach { $name } there directly, without the bridge.
path-chose-direct = { $name } serves the Responses API and took the tools Codex sends, so Codex reaches it directly.
path-chose-direct-url = { $name } serves the Responses API at { $url } and took the tools Codex sends there, so Codex reaches it directly at that address.
path-chose-no-patch = { $name }'s Responses API refused apply_patch ({ $said }) and it has no Chat Completions API, so Codex reaches it directly and edits files with shell commands.
path-chose-bridge-no-responses = { $host } has no Responses API (POST /responses gave { $status }), so Codex reaches it through Switchboard's bridge.
path-chose-bridge-tools = { $host }'s Responses API refused the tools Codex sends ({ $said }), so Codex reaches it through Switchboard's bridge, where they become functions.
lesson-no-stream-options = { $name } refused `stream_options`; the bridge no longer sends it.
lesson-no-parallel-tool-calls = { $name } refused `parallel_tool_calls`; the bridge no longer sends it.
lesson-no-reasoning-effort = { $name } refused `reasoning_effort`; the bridge no longer sends it.
lesson-no-reasoning-back = { $name } refused its own reasoning on earlier messages; the bridge no longer sends it back.
lesson-reasoning-on-calls = { $name } wants its reasoning back on every tool call; the bridge now sends it, or a placeholder where none was kept.
lesson-short-tool-ids = { $name } wants tool-call ids of nine letters and digits; the bridge now shortens them.
lesson-assistant-after-tool = { $name } refuses a user message right after a tool result; the bridge now inserts a short assistant message between them.

## The Test: each step's line, the verdict's sentence and its fix (`-hint`, worded for the CLI)

test-tools-refused = { $name }'s Responses API answers, but refused the tools Codex sends ({ $said }).
test-tools-refused-hint = Codex cannot work through this Responses API as it is; ask whoever runs it, or choose another provider.
test-tools-refused-bridge-hint = Let Codex reach it through Switchboard's bridge, where those tools become functions it takes: `switchboard edit { $id } --api chat`.
test-tools-refused-bridge-fix = Let Codex reach it through Switchboard's bridge, where those tools become functions it takes.

test-timeout-key = The key could not be read within { $secs } seconds.
test-timeout-key-hint = The keychain or the token command may be waiting for you to unlock or log in; try again.
test-timeout-host = { $host } did not answer within { $secs } seconds.
test-timeout-host-hint = The provider may be overloaded or a firewall may be swallowing the request; try again, or raise --timeout.
test-timeout-host-fix = The provider may be overloaded or a firewall may be swallowing the request; try again in a moment.
test-late = No answer before the time limit.
test-keychain-unreadable = The keychain could not be read.
test-openai-signed-in-file = Codex is signed in to OpenAI ({ $path }).
test-openai-signed-in-keychain = Codex is signed in to OpenAI (its sign-in is in the system keychain).
test-openai-signed-out = Codex is not signed in to OpenAI.
test-openai-signed-out-hint = Run `codex login` in a terminal.
test-config-ok = { $url }, { $key }
test-bridge-ok = { $reached }; Switchboard's bridge answers on 127.0.0.1:{ $port }
test-bridge-down = Switchboard's bridge, which Codex reaches this provider through, cannot run: { $why }
test-bridge-down-hint = Run `switchboard bridge status`; if another program holds the port, stop it or pick another (SWITCHBOARD_BRIDGE_PORT, then `switchboard edit <id> --api chat`).
test-bridge-down-fix = If another program holds the port, stop it, then test again.
test-bridge-url = the provider's base URL cannot go through the bridge
test-codex-failed = The provider answered Switchboard, but Codex failed: { $line }
test-codex-failed-hint = Run the same codex command yourself to see its full output.
test-codex-ok = codex exec replied
test-ok = { $name } answers the Responses API with { $model }; Codex will work.
test-ok-bridged = { $name } answers with { $model } through Switchboard's bridge, which speaks Chat Completions to it; Codex will work.
test-key-keychain = key from the system keychain
test-key-env = key from ${ $var }
test-key-command = token from `{ $command }`
test-key-none = no key
test-key-file = key written in config.toml
test-keychain-empty = No key is stored for `{ $id }` in the system keychain.
test-keychain-empty-hint = Paste your key with `switchboard key set { $id }` (it reads standard input).
test-keychain-empty-fix = Press Edit and paste your key into the Key field.
test-env-unset = The environment variable { $var } is not set, so Codex has no key for `{ $id }`.
test-env-unset-hint = Export { $var } in the shell that starts Codex, or keep the key in the keychain: `switchboard key set { $id }`.
test-env-unset-fix = Set { $var } where Codex starts, or press Edit and keep the key in the keychain instead.
test-command-timeout = The token command `{ $command }` did not finish within { $secs } seconds.
test-command-timeout-hint = Run it yourself: it may be waiting for a login or a prompt.
test-command-not-started = The token command `{ $command }` could not be started: { $error }.
test-command-not-started-hint = Check that it is installed and on PATH, or give its absolute path.
test-command-failed = The token command `{ $command }` failed ({ $status }): { $line }
test-command-failed-hint = Run it yourself to see why; you may need to log in again (for example `az login`).
test-command-silent = The token command `{ $command }` printed nothing.
test-command-silent-hint = It must print the token on standard output.
test-header-bad-name = The header name `{ $name }` in { $table } is not a valid HTTP header name, so it cannot be sent.
test-header-bad-name-hint = Header names may hold only letters, digits and !#$%&'*+-.^_`|~; fix it with `switchboard edit { $id } --header NAME=VALUE` or in config.toml.
test-header-bad-name-fix = Header names may hold only letters, digits and !#$%&'*+-.^_`|~; press Edit to fix it, or fix it in config.toml.
test-header-control = The header `{ $name }` cannot be sent: it holds a line break or another control character.
test-header-control-hint = Remove the control characters from the header `{ $name }`.
test-header-env-control = The value of ${ $var } for the header `{ $name }` cannot be sent: it holds a line break or another control character.
test-header-env-control-hint = Remove the control characters from the value of ${ $var } for the header `{ $name }`.
test-reached = { $host } is reachable at { $addr }
test-dns = The name { $host } could not be found (DNS).
test-dns-hint = Check the spelling of the base URL, and that you are on the network (or VPN) that knows this host.
test-ollama-down = Ollama is not running on { $host }:{ $port }.
test-ollama-down-hint = Start it with `ollama serve` (or open the Ollama app), then test again.
test-refused = Nothing is listening on { $host }:{ $port }: the connection was refused.
test-refused-hint = Check the port in the base URL, and that the server is running.
test-unreachable = { $host }:{ $port } cannot be reached.
test-network-hint = Check your network, VPN or proxy.
test-models-listed =
    { $count ->
        [one] { $count } model listed
       *[other] { $count } models listed
    }
test-models-answered = answered, without a model list Switchboard can read
test-models-too-large = GET /models answered more than { $mb } MB; Switchboard stopped reading there
test-models-status = GET /models answered { $status }
test-models-html = GET /models answered with a web page
test-models-failed = GET /models failed
test-redirect-other-host = The base URL redirects to another host ({ $host }); Switchboard did not follow it with your key.
test-redirect = The base URL redirects ({ $status }) to { $url }.
test-redirect-hint = If you trust that address, use it as the base URL: `switchboard edit { $id } --base-url { $url }`.
test-redirect-fix = If you trust that address, press Edit and make it the base URL: { $url }
test-not-stream = The provider answered /responses without a stream (no text/event-stream), which Codex cannot use.
test-not-stream-hint = Check that the provider supports streaming on the Responses API.
test-streamed = streamed through response.completed
test-streamed-partly = streamed (response.created seen; the stream ended before response.completed)
test-stream-failed = The provider started answering, then failed: { $message }
test-stream-failed-unsaid = the provider reported an error
test-stream-failed-hint = Try again; if it keeps failing, try another model.
test-stream-capped = The provider's stream went on past { $mb } MB without response.completed; Switchboard stopped reading.
test-other-protocol-hint = The endpoint may speak another protocol; check that it implements POST /v1/responses.
test-no-events = The provider's stream did not contain Responses API events (no response.created).
test-unauthorized = The provider rejected the key ({ $status }).
test-unauthorized-said = The provider rejected the key ({ $status }): { $said }.
test-unauthorized-hint = Check the key, or paste a new one with `switchboard key set { $id }`.
test-unauthorized-fix = Check the key, or press Edit and paste a new one.
test-rate-limited = The provider says too many requests (429): the key works, but its rate limit or credit is used up.
test-rate-limited-hint = Wait a minute, or check your plan and credit with the provider.
test-server-error = The provider had an internal error ({ $status }); this is on their side.
test-server-error-hint = Try again in a few minutes, or check the provider's status page.
test-api-version = Azure refused the api-version.
test-api-version-named = Azure refused the api-version `{ $version }`.
test-api-version-hint = With the /openai/v1 base URL leave api-version out (`switchboard edit { $id } --api-version ""`); with the older /openai path use a supported one such as 2025-04-01-preview.
test-api-version-fix = With the /openai/v1 base URL leave api-version empty (press Edit); with the older /openai path use a supported one such as 2025-04-01-preview.
test-status = The provider answered { $status }.
test-status-said = The provider answered { $status }: { $said }.
test-status-hint = Check the base URL, model and headers against the provider's documentation.
test-model-unknown = The provider does not know the model `{ $model }`.
test-model-unknown-offers = The provider does not know the model `{ $model }`. It offers: { $models }.
test-model-unknown-hint = Pick one of the provider's models (the model picker lists them), or check the spelling.
test-chat-only = { $name } answers, but has no Responses API (POST /responses gave { $status }): it speaks only Chat Completions, and Codex needs the Responses API.
test-chat-only-bridge-hint = Let Codex reach it through Switchboard's bridge, which speaks Chat Completions to it: `switchboard edit { $id } --api chat`.
test-chat-only-bridge-fix = Let Codex reach it through Switchboard's bridge, which speaks Chat Completions to it.
test-chat-only-hint = Use a provider or gateway version that supports /v1/responses (for Ollama, 0.13.3 or later).
test-web-page = Your base URL answers with a web page, not the API.
test-web-page-known-hint = Your base URL answers with a web page. { $name }'s API lives at { $url }.
test-web-page-hint = The base URL points at a web page, not the API; it usually ends in /v1.
test-nothing-here = Nothing answers at { $url }: both /models and /responses gave 404.
test-use-url-hint = Use { $url }.
test-path-hint = Check the path: most providers serve the API under /v1 (for example https://host/v1).
test-stopped = { $host } stopped answering.
test-stopped-hint = Try again, or raise --timeout.
test-stopped-fix = Try again in a moment.
test-tls = The secure (TLS) connection to { $host } failed.
test-tls-plain-hint = The server does not speak HTTPS on this port; try http:// instead.
test-tls-hint = A proxy or firewall may be intercepting TLS, or the server's certificate is not trusted by this machine.
test-connect-failed = The connection to { $host } failed.
test-request-failed = The request failed: { $detail }
test-request-failed-hint = Check the base URL and try again.
test-wire-api = wire_api is "{ $value }", which Codex no longer accepts; it only speaks the Responses API.
test-wire-api-hint = Set wire_api = "responses" if the provider supports it, or use one that does.
test-auth-conflict = The provider has an [auth] table and also env_key, experimental_bearer_token or requires_openai_auth; Codex refuses to load that.
test-auth-conflict-hint = Keep one way of giving the key: run `switchboard edit { $id } --key-stdin` to let Switchboard tidy it.
test-auth-conflict-fix = Keep one way of giving the key: press Edit, paste the key and save, and Switchboard tidies it.
test-no-base-url = The provider has no base_url.
test-no-base-url-hint = Set one with `switchboard edit { $id } --base-url URL`.
test-no-base-url-fix = Press Edit and fill in the base URL.
test-unparsable-url = The base URL { $url } cannot be parsed.
test-unparsable-url-hint = Set a URL such as https://host/v1 with `switchboard edit { $id } --base-url URL`.
test-unparsable-url-fix = Press Edit and give a URL such as https://host/v1 as the base URL.
test-url-tail = Your base URL ends in { $tail }, but Codex adds /responses itself.
test-url-tail-hint = Use { $url } as the base URL: `switchboard edit { $id } --base-url { $url }`.
test-url-tail-fix = Press Edit and use { $url } as the base URL.
test-url-path = { $host } serves its API under { $path }, which your base URL lacks.
test-url-path-hint = Use { $url }: `switchboard edit { $id } --base-url { $url }`.
test-url-path-fix = Press Edit and use { $url } as the base URL.
test-azure-path = Azure OpenAI serves its API under /openai, which your base URL lacks.

## The tray (its menu and its notifications)

tray-test = Test active provider
tray-open = Open Switchboard
tray-quit = Quit
tray-title = Codex: { $provider }
tray-openai = OpenAI (default)
tray-switched = Codex now uses { $provider }
tray-switched-model = Codex now uses { $provider }, model { $model }
tray-switch-failed = Could not switch: { $reason }

## After an operation (the CLI's line, the window's notice)

op-switched = Codex now uses `{ $id }` with model { $model }.
op-switched-default = Codex now uses `{ $id }` with Codex's default model.
op-switched-routed = Codex now uses `{ $id }` with model { $model }, through Switchboard: sessions that follow Switchboard's choice move to it at their next turn.
op-routed-first = From now on Codex reaches every provider of Switchboard's as one provider, `switchboard`: each model is in Codex's /model picker, a switch reaches sessions already running, and new sessions stay together whatever you switch to.
op-models-listed = Codex lists these models of `{ $id }`: { $models }.
op-route-direct = Codex will reach `{ $id }` directly, as its own provider, from its next Use (its sessions then stay apart).
op-route-router = Codex will reach `{ $id }` through Switchboard again, from its next Use.
op-sessions-kept = Your `{ $prev }` sessions stay on disk: `switchboard sessions --provider { $prev }` lists them, each with the command that resumes it.
op-sessions-kept-in-window = Your `{ $prev }` sessions stay on disk: Sessions lists them, each with the command that resumes it.
op-added = Added { $name } as `{ $id }` with model { $model }. Switch to it with `switchboard use { $id }`.
op-added-in-window = Added { $name } as `{ $id }` with model { $model }. Press Use on its row to switch to it.
op-imported = Added { $name } as `{ $id }` with model { $model }.
op-import-same = `{ $id }` is already set up exactly like this; nothing changed.
op-removed = Removed `{ $id }`.
op-removed-active = Codex is back on its default provider (openai).
op-removed-sessions =
    { $count ->
        [one] Its 1 session stays on disk; Codex can resume it again once a provider `{ $id }` exists.
       *[other] Its { $count } sessions stay on disk; Codex can resume them again once a provider `{ $id }` exists.
    }
op-updated = Updated `{ $id }`.
op-key-stored = Stored the key for `{ $id }` in the system keychain.
op-key-stored-switched = Stored the key for `{ $id }` in the system keychain; Codex now reads it from there.
op-key-deleted = Deleted the key for `{ $id }` from the system keychain.
op-key-none = No key was stored for `{ $id }`.
op-restored = Restored { $name }.
op-restore-same = config.toml already matches { $name }; nothing to do.
op-warn-no-key = No key is stored for `{ $id }` yet: run `switchboard key set { $id }`.
op-warn-no-key-in-window = No key is stored for `{ $id }` yet: press Edit and paste it into the Key field.
op-warn-key-not-deleted = The provider is gone, but its key could not be deleted from the keychain: { $error }
op-secured =
    { $count ->
        [one] Moved the key of { $ids } into the system keychain; Codex now reads it from there.
       *[other] Moved the keys of { $ids } into the system keychain; Codex now reads them from there.
    }
op-secured-no-backup = No backup in switchboard-backups/ held it.
op-secured-scrubbed =
    { $count ->
        [one] Scrubbed it from 1 backup in Switchboard's own switchboard-backups/ folder; no other file was touched.
       *[other] Scrubbed it from { $count } backups in Switchboard's own switchboard-backups/ folder; no other file was touched.
    }
op-cc-nothing = Nothing to import: every Codex provider in CC Switch is already here or cannot be used.
op-cc-imported =
    { $count ->
        [one] Imported 1 provider from CC Switch: { $list }. { $keys ->
            [one] 1 key went
           *[other] { $keys } keys went
        } into the system keychain; CC Switch's database was only read.
       *[other] Imported { $count } providers from CC Switch: { $list }. { $keys ->
            [one] 1 key went
           *[other] { $keys } keys went
        } into the system keychain; CC Switch's database was only read.
    }

## Organisation layers above config.toml (`use`, `list`, `doctor`, the window's header)

managed-sets = Your organisation's { $file } sets `{ $key }`{ $shown }, and that wins over config.toml: Codex uses it whatever Switchboard selects.
managed-system = config.toml does not set `{ $key }`, so the system file { $file } decides it{ $shown }.
managed-rule = Your organisation's { $file } sets the rule `{ $key }`; Codex enforces it over config.toml.
managed-mdm = A configuration profile from your organisation ({ $file }) manages Codex and may set the provider or model.

## Shares: what was left out of one, and what was ignored in one

share-omitted-header = The header `{ $header }` of `{ $id }` looks like a credential, so it was left out.
share-omitted-file-key = `{ $id }` keeps its key in config.toml; the share asks the recipient for their own key instead.
share-omitted-args = An argument of `{ $id }`'s token command looks like a credential, so the arguments were left out.
share-ignored = Ignored `{ $key }`: this version of Switchboard does not know it.
share-ignored-before-id = Ignored `{ $key }`: it comes before any provider's `id`.
share-ignored-field = Ignored `{ $key }` of `{ $id }`: this version of Switchboard does not know it.
share-ignored-field-typed = Ignored `{ $key }` ({ $type }) of `{ $id }`: this version of Switchboard does not know it.

## Doctor's checks (`switchboard doctor`; the check names and statuses never change)

doctor-config-ok = { $path } loads
doctor-profile-key = config.toml has a top-level `profile = ...`, which current Codex treats as an error.
doctor-profile-key-hint = Delete that line; use `codex -p NAME` with a NAME.config.toml file instead.
doctor-profiles = config.toml has legacy [profiles.*] tables, which current Codex ignores.
doctor-profiles-hint = Move each into its own $CODEX_HOME/NAME.config.toml and run `codex -p NAME`.
doctor-profiles-none = no legacy profile settings
doctor-active-ok = the active provider `{ $id }` is defined
doctor-active-missing = model_provider is `{ $id }`, but there is no [model_providers.{ $id }] table: Codex will not start.
doctor-active-missing-hint = Pick an existing provider with `switchboard use <id>`.
doctor-managed-none = no organisation layer sets the provider or model
doctor-managed-hint = Ask whoever manages this machine to change { $file }; Switchboard does not edit it.
doctor-builtin-keys = [model_providers.{ $id }] sets { $keys }, which Codex's built-in `{ $id }` provider does not take, so Codex refuses to start with any provider.
doctor-builtin-keys-hint = Delete { $keys } from that table, or rename it (for example to { $id }-custom) and update model_provider to match.
doctor-builtin-id = { $tables } uses an id built into Codex, so Codex refuses to load the whole file.
doctor-builtin-id-hint = Rename the table (for example to ollama-local) and update model_provider to match.
doctor-builtin-none = no provider uses a reserved id
doctor-bridge-running =
    { $streams ->
        [one] Switchboard's bridge runs on 127.0.0.1:{ $port } (pid { $pid }), carrying 1 stream, for { $users }
       *[other] Switchboard's bridge runs on 127.0.0.1:{ $port } (pid { $pid }), carrying { $streams } streams, for { $users }
    }
doctor-bridge-older = An older build of Switchboard's bridge runs on 127.0.0.1:{ $port } (version { $version }); Codex replaces it at its next start, for { $users }
doctor-bridge-stopped = Switchboard's bridge (127.0.0.1:{ $port }, for { $users }) is not running; Codex starts it when it needs it
doctor-bridge-taken = Another program holds 127.0.0.1:{ $port }, where Switchboard's bridge runs for { $users }: Codex cannot reach them.
doctor-bridge-taken-hint = Stop that program, or move the bridge: set SWITCHBOARD_BRIDGE_PORT and run `switchboard edit <id> --api chat` for each.
doctor-bridge-state-hint = Check that $XDG_RUNTIME_DIR is yours and writable.
doctor-catalog-ok = Codex reads its models from { $file } (its own list, and the models Switchboard describes)
doctor-catalog-missing = config.toml names { $file }, which is missing or unreadable: Codex will not start.
doctor-catalog-missing-hint = Run `switchboard use <provider>` again to write it, or `switchboard use openai`.
doctor-catalog-own = config.toml names a model catalog of your own; Switchboard leaves it alone and describes no model to Codex
doctor-plain-none = no key is stored in plain text
doctor-plain =
    { $count ->
        [one] 1 key is stored in plain text: { $list }
       *[other] { $count } keys are stored in plain text: { $list }
    }
doctor-plain-hint = Move them into the keychain with `switchboard secure --all`.
doctor-plain-stuck-hint = Move them into the keychain with `switchboard secure --all` (headers other than Authorization and api-key stay: Codex sends a keychain key only as a bearer token).
doctor-env-none = no key depends on a shell variable
doctor-env = only in the environment, which Codex started from the dock, an IDE or the Codex app does not see: { $list }
doctor-env-hint = From a shell where the variable is set, run `switchboard secure <id>` to keep the key in the keychain.

## The command line's own lines (the labels `error:`, `hint:` and `warning:` never change)

cli-fix = Fix: { $fix }
cli-models = models: { $list }
cli-path = Way: { $why }
cli-path-offer = Better: { $why } Run `{ $command }`.
cli-learnt = Learnt: { $lesson }
cli-route-router = through Switchboard
cli-route-direct = directly, as its own provider
cli-models-available = it also serves: { $list }
cli-model = model { $model }
cli-no-backups = No backups yet. One is taken before every change Switchboard makes to config.toml.
cli-backup = { $name }  { $taken } UTC  { $size } bytes
cli-backup-taken = Backup of the previous config.toml: { $name }
cli-backup-scrubbed = Backup of the previous config.toml (scrubbed): { $name }
cli-no-providers = No providers to test yet. Add one with `switchboard add <preset>`.
cli-asks-for = asks for: { $fields }
cli-codex-home = Codex home: { $path }
cli-key-stored = key stored: yes
cli-key-missing = key stored: no
cli-key-unknown = key stored: unknown (keychain unreachable)
cli-key-env = key from environment
cli-key-command = key from command
cli-key-file = key in config.toml (plain text)
cli-key-openai = OpenAI sign-in
cli-key-none = no key
cli-sessions =
    { $count ->
        [one] 1 session
       *[other] { $count } sessions
    }
cli-share-wrote = Wrote { $path } (no keys in it).
cli-left-out = left out: { $what }
cli-import-provider = { $id } ({ $preset }): { $name } at { $host }, model { $model }
cli-needs-allow-command = (refused without --allow-command)
cli-secure-moved = moved   { $what }
cli-secure-kept = kept    { $what }
cli-secure-deleted =
    { $count ->
        [one] deleted 1 backup that held the key in another spelling: { $names }
       *[other] deleted { $count } backups that held the key in another spelling: { $names }
    }
cli-dry-run = Dry run: nothing was written.
cli-cc-switch-to = Switch to one with `switchboard use { $id }`.
cli-cc-database = CC Switch database: { $path } (schema version { $version })
cli-cc-empty = It has no Codex providers.
cli-cc-ready = import as `{ $id }` ({ $preset } preset, no key)
cli-cc-ready-key = import as `{ $id }` ({ $preset } preset, key into the keychain)
cli-cc-duplicate = already here as `{ $id }` (same base URL and model)
cli-cc-official = skipped: an official entry or a sign-in CC Switch manages, with no key of its own (OpenAI's is built into Codex)
cli-cc-not-responses = skipped: CC Switch converts this upstream from another API; Codex needs the Responses API
cli-cc-unusable = skipped: { $why }
cli-no-sessions-for = No saved Codex sessions for `{ $id }` in { $path }.
cli-no-sessions = No saved Codex sessions in { $path }.
cli-no-message = (no message)
cli-session-in = in { $path }
cli-session-resume = resume: { $command }
cli-bridge-running =
    { $streams ->
        [one] The bridge runs on 127.0.0.1:{ $port } (pid { $pid }, version { $version }), carrying 1 stream.
       *[other] The bridge runs on 127.0.0.1:{ $port } (pid { $pid }, version { $version }), carrying { $streams } streams.
    }
cli-bridge-stopped = The bridge is not running on 127.0.0.1:{ $port }; Codex starts it when it needs it.
cli-bridge-taken = Another program answers on 127.0.0.1:{ $port }, so the bridge cannot run there.
cli-bridge-ending = The bridge is ending once its streams finish.
cli-bridge-was-stopped = The bridge was not running.

## A share's cautions, as the CLI prints them before importing

share-caution-plain-http = { $host } is reached over plain http://, so the key would cross the network unencrypted.
share-caution-unusual-host = { $host } is not the usual host for this preset ({ $usual }).
share-caution-runs-command = Codex would run this command to get a token: { $command }

## Why Switchboard's bridge cannot be reached (a line in Codex's log, and the Test's reason)

bridge-port-taken = port { $port } on 127.0.0.1 is used by another program, so Switchboard's bridge cannot start there; stop that program, or move the bridge with SWITCHBOARD_BRIDGE_PORT and `switchboard edit <id> --api chat`
bridge-no-answer = the bridge was started on 127.0.0.1:{ $port } but did not answer; see `switchboard doctor`
bridge-files = the bridge's runtime folder cannot be used: { $detail }
bridge-spawn = the bridge could not be started: { $detail }

## What Codex knows of the model (the Test's last line, a row's tooltip)

# { $window } is one of the model-window- messages, { $patch } one of the model-patch- ones.
model-summary = { $model }: { $window }; { $patch }.
model-window-you = a { $tokens }-token context window (yours)
model-window-provider = a { $tokens }-token context window (from { $source }'s model list)
model-window-family = a { $tokens }-token context window ({ $source })
model-window-codex = a { $tokens }-token context window (Codex knows it as { $source })
model-window-default = context window unknown; assuming { $k }k
model-patch-bridge = Codex edits files with apply_patch, which the bridge turns into a function call
model-patch-accepted = Codex edits files with apply_patch (the provider takes custom tools)
model-patch-refused = no apply_patch: the provider refuses custom tools, so Codex edits with shell commands
model-patch-untested = no apply_patch until the Test shows the provider takes custom tools
model-patch-codex = Codex edits files with apply_patch
model-patch-codex-shell = Codex edits files with shell commands

# doctor: the router
doctor-router-running =
    { $streams ->
        [one] Switchboard's router runs on 127.0.0.1:{ $port } (pid { $pid }), carrying 1 stream
       *[other] Switchboard's router runs on 127.0.0.1:{ $port } (pid { $pid }), carrying { $streams } streams
    }
doctor-router-older = An older build of Switchboard's router runs on 127.0.0.1:{ $port } (version { $version }); Codex replaces it at its next request
doctor-router-stopped = Switchboard's router (127.0.0.1:{ $port }) is not running; Codex starts it when it needs it
doctor-router-taken = Another program holds 127.0.0.1:{ $port }, where Switchboard's router runs: Codex cannot reach Switchboard's providers.
doctor-router-taken-hint = Stop that program, or move the router: set SWITCHBOARD_BRIDGE_PORT and run `switchboard use <id>` again.
doctor-router-current = Codex's model `{ $slug }` goes to `{ $id }`, model { $model }
doctor-router-unrouted = Codex's model `{ $slug }` is none of Switchboard's models: Codex's next request will be refused.
doctor-router-unrouted-hint = Run `switchboard use <id>`, or pick one of Switchboard's models in Codex with /model.

## Usage: `switchboard usage`, `price` and `budget` (issue 23)

cli-usage-head = Requests through Switchboard's router, by { $by } (days in { $zone })
cli-usage-head-since = Requests through Switchboard's router since { $date }, by { $by } (days in { $zone })
cli-usage-by-day = day
cli-usage-by-provider = provider
cli-usage-by-model = model
cli-usage-none = No request through Switchboard's router is recorded yet in { $path }.
cli-usage-col-day = day
cli-usage-col-provider = provider
cli-usage-col-model = model
cli-usage-col-requests = requests
cli-usage-col-failovers = failovers
cli-usage-col-input = input
cli-usage-col-cached = cached
cli-usage-col-output = output
cli-usage-col-reasoning = reasoning
cli-usage-col-total = total
cli-usage-col-cost = cost
cli-usage-total = total
cli-usage-partial = * Some of these requests have no known price: they are not in the cost.
cli-usage-failover = { $time }  { $path }: { $why }
cli-usage-why-connect = the connection failed
cli-usage-why-timeout = no answer in time
cli-usage-why-status = it answered { $status }
cli-usage-why-rate-limited = it answered { $status } with a long wait
cli-usage-why-error-event = it failed before any output
cli-usage-why-cooling-down = it was cooling down after repeated failures
cli-usage-why-over-budget = its monthly budget was spent
cli-usage-why-other = { $code }
cli-usage-not-counted =
    { $count ->
        [one] 1 request was not counted: the router's queue was full.
       *[other] { $count } requests were not counted: the router's queue was full.
    }
cli-price-amounts = { $currency } { $input } per million input tokens, { $output } per million output tokens
cli-price-cached = , { $price } per million cached input tokens
cli-price-reasoning = , { $price } per million reasoning tokens
cli-price-all-models = all models
cli-price-line = { $id } ({ $model }): { $price } (yours)
cli-price-listed =
    { $count ->
        [one] { $id }: 1 model priced by the provider's own list, fetched { $when }
       *[other] { $id }: { $count } models priced by the provider's own list, fetched { $when }
    }
cli-price-none = No price is known: set one with `switchboard price <id> --input X --output Y`; an OpenRouter provider's come from its own list.
cli-price-set = { $id } ({ $model }) costs { $price }.
cli-price-cleared = Your price for { $id } ({ $model }) is removed.
cli-price-fetched =
    { $count ->
        [one] { $id }: 1 model's price fetched from its own list.
       *[other] { $id }: { $count } models' prices fetched from its own list.
    }
cli-price-fetch-failed = { $id }'s prices were not fetched ({ $reason }); its costs are left out until they are.
cli-budget-set = { $id }'s monthly budget is { $amount } { $currency }.
cli-budget-cleared = { $id } has no budget now.
cli-budget-none = No budget is set: `switchboard budget <id> <amount>` sets a monthly one.
cli-budget-ok = { $id }: { $spent } of { $budget } { $currency } spent in { $month } ({ $percent }%)
cli-budget-warn = { $id }: { $spent } of { $budget } { $currency } spent in { $month } ({ $percent }%): near the budget
cli-budget-over = { $id }: { $spent } of { $budget } { $currency } spent in { $month } ({ $percent }%): over the budget
cli-budget-no-price = { $id }: a budget of { $budget }, but no price is known, so nothing counts against it
reason-usage-date = `{ $date }` is not a date: give one as YYYY-MM-DD, like 2026-05-01.
reason-usage-price = A price must be a number from 0 to 1,000,000 per million tokens.
reason-usage-currency = A currency is a three-letter code, like USD, EUR or CNY.
reason-usage-price-both = Give both --input and --output, per million tokens.
reason-usage-budget = A budget must be a number above 0.
reason-usage-budget-no-price = `{ $id }` has no known price, so a budget would count nothing: set one first with `switchboard price { $id } --input X --output Y`.
reason-usage-too-many = At most { $limit } providers can have a price or a budget.
reason-usage-fetch-unreachable = its model list could not be reached: { $detail }
reason-usage-fetch-status = its model list answered HTTP { $status }
reason-usage-fetch-shape = its model list holds no prices

## Failover (the router: a model's fallbacks, a provider's deadline, the cool-down)

reason-fallback-self = `{ $slug }` cannot be its own fallback.
reason-fallback-many = A model may have at most { $max } fallbacks.
reason-fallback-current = `switchboard/current` stands for whichever model Use chose: give fallbacks to a model itself (`<provider>/<model>`); `switchboard/current` uses them while it stands for that model.
reason-fallback-slug = `{ $slug }` names no model: write it `<provider>/<model>`, as Codex's /model lists it.
reason-fallback-direct = Codex reaches `{ $id }` directly, not through Switchboard's router, so the router can neither move its requests elsewhere nor move others to it.
reason-seconds = `{ $secs }` is not a number of seconds from 1 to { $max }.
op-fallbacks-set = When `{ $slug }` fails before answering, Switchboard's router tries { $list }, in that order.
op-fallbacks-cleared = `{ $slug }` has no fallbacks now.
op-deadline-set = `{ $id }` now has { $secs } s to answer before a request moves to the model's next fallback.
op-deadline-default = `{ $id }` has the default { $secs } s to answer again.
op-cool-down-set = A provider that keeps failing is now skipped for { $secs } s at first.
op-cool-down-default = A provider that keeps failing is skipped for the default { $secs } s at first again.
cli-fallback-none = No model has fallbacks. Give one some: `switchboard fallback <provider>/<model> <fallback>...`
cli-fallback-none-for = `{ $model }` has no fallbacks.
cli-fallback-deadlines = Time to answer before a request moves on: { $list }; every other provider { $secs } s.
cli-fallback-cool-down = A provider that fails { $failures } times within { $window } s is skipped for { $secs } s at first, twice as long each time it fails again.
cli-fallback-recent = Moved lately:
failover-reason-connect = { $provider } could not be reached
failover-reason-timeout = { $provider } sent no answer in time
failover-reason-status = { $provider } answered { $status }
failover-reason-rate-limited = { $provider } answered 429 (too many requests)
failover-reason-error-event = { $provider } reported an error before answering
failover-reason-cooling-down = { $provider } was skipped: it kept failing
failover-reason-over-budget = { $provider } was skipped: its monthly budget is spent
failover-reason-other = { $provider } failed
failover-served = { $why }; this request went to { $provider }, model { $model }.
failover-unserved = { $why }; { $provider }, model { $model }, failed too, and Codex got its error.
router-over-budget = `{ $provider }` has spent its monthly budget ({ $spent } of { $budget } { $currency } in { $month }), and `{ $model }` has no fallback within budget. Raise the budget in Switchboard, or give `{ $model }` a fallback: `switchboard fallback { $model } <provider>/<model>`.
