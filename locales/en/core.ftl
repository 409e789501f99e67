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
preset-glm-about = Zhipu's GLM models on open.bigmodel.cn; Chat Completions, through Switchboard's bridge.
preset-glm-key-help = bigmodel.cn → API Keys.
preset-zai-about = GLM models from Z.ai, Zhipu's international platform; Chat Completions, through Switchboard's bridge. The GLM Coding Plan uses https://api.z.ai/api/coding/paas/v4.
preset-zai-key-help = z.ai → API Keys (z.ai/manage-apikey/apikey-list).
preset-deepseek-about = DeepSeek V4 (deepseek-v4-pro, deepseek-v4-flash); Chat Completions, through Switchboard's bridge, which hands its thinking back as DeepSeek requires.
preset-deepseek-key-help = platform.deepseek.com → API keys.
preset-mistral-about = Mistral's models (Mistral Medium, Large, Codestral); Chat Completions, through Switchboard's bridge.
preset-mistral-key-help = console.mistral.ai → API Keys.
preset-chat-gateway-about = Any gateway that speaks only Chat Completions (POST /v1/chat/completions): LiteLLM, vLLM, SiliconFlow, NVIDIA NIM, a company proxy. Codex reaches it through Switchboard's bridge.
preset-chat-gateway-key-help = Ask whoever runs the gateway.
preset-custom-about = Any gateway that speaks the OpenAI Responses API.
preset-custom-key-help = Ask whoever runs the gateway.

## The Test: each step's line, the verdict's sentence and its fix (`-hint`, worded for the CLI)

test-timeout-key = The key could not be read within { $secs } seconds.
test-timeout-key-hint = The keychain or the token command may be waiting for you to unlock or log in; try again.
test-timeout-host = { $host } did not answer within { $secs } seconds.
test-timeout-host-hint = The provider may be overloaded or a firewall may be swallowing the request; try again, or raise --timeout.
test-late = No answer before the time limit.
test-config-ok = { $url }, { $key }
test-bridge-ok = { $reached }; Switchboard's bridge answers on 127.0.0.1:{ $port }
test-bridge-down = Switchboard's bridge, which Codex reaches this provider through, cannot run: { $why }
test-bridge-down-hint = Run `switchboard bridge status`; if another program holds the port, stop it or pick another (SWITCHBOARD_BRIDGE_PORT, then `switchboard edit <id> --api chat`).
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
test-env-unset = The environment variable { $var } is not set, so Codex has no key for `{ $id }`.
test-env-unset-hint = Export { $var } in the shell that starts Codex, or keep the key in the keychain: `switchboard key set { $id }`.
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
test-rate-limited = The provider says too many requests (429): the key works, but its rate limit or credit is used up.
test-rate-limited-hint = Wait a minute, or check your plan and credit with the provider.
test-server-error = The provider had an internal error ({ $status }); this is on their side.
test-server-error-hint = Try again in a few minutes, or check the provider's status page.
test-api-version = Azure refused the api-version.
test-api-version-named = Azure refused the api-version `{ $version }`.
test-api-version-hint = With the /openai/v1 base URL leave api-version out (`switchboard edit { $id } --api-version ""`); with the older /openai path use a supported one such as 2025-04-01-preview.
test-status = The provider answered { $status }.
test-status-said = The provider answered { $status }: { $said }.
test-status-hint = Check the base URL, model and headers against the provider's documentation.
test-model-unknown = The provider does not know the model `{ $model }`.
test-model-unknown-offers = The provider does not know the model `{ $model }`. It offers: { $models }.
test-model-unknown-hint = Pick one of the provider's models (the model picker lists them), or check the spelling.
test-chat-only = { $name } answers, but has no Responses API (POST /responses gave { $status }): it speaks only Chat Completions, and Codex needs the Responses API.
test-chat-only-bridge-hint = Let Codex reach it through Switchboard's bridge, which speaks Chat Completions to it: `switchboard edit { $id } --api chat`.
test-chat-only-hint = Use a provider or gateway version that supports /v1/responses (for Ollama, 0.13.3 or later).
test-web-page = Your base URL answers with a web page, not the API.
test-web-page-known-hint = Your base URL answers with a web page. { $name }'s API lives at { $url }.
test-web-page-hint = The base URL points at a web page, not the API; it usually ends in /v1.
test-nothing-here = Nothing answers at { $url }: both /models and /responses gave 404.
test-use-url-hint = Use { $url }.
test-path-hint = Check the path: most providers serve the API under /v1 (for example https://host/v1).
test-stopped = { $host } stopped answering.
test-stopped-hint = Try again, or raise --timeout.
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
test-no-base-url = The provider has no base_url.
test-no-base-url-hint = Set one with `switchboard edit { $id } --base-url URL`.
test-unparsable-url = The base URL { $url } cannot be parsed.
test-unparsable-url-hint = Set a URL such as https://host/v1 with `switchboard edit { $id } --base-url URL`.
test-url-tail = Your base URL ends in { $tail }, but Codex adds /responses itself.
test-url-tail-hint = Use { $url } as the base URL: `switchboard edit { $id } --base-url { $url }`.
test-url-path = { $host } serves its API under { $path }, which your base URL lacks.
test-url-path-hint = Use { $url }: `switchboard edit { $id } --base-url { $url }`.
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
op-sessions-kept = Your `{ $prev }` sessions stay on disk: `switchboard sessions --provider { $prev }` lists them, each with the command that resumes it.
op-added = Added { $name } as `{ $id }` with model { $model }. Switch to it with `switchboard use { $id }`.
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

## What Codex knows of the model (the Test's last line, a row's tooltip)

# { $window } is one of the model-window- messages, { $patch } one of the model-patch- ones.
model-summary = { $model }: { $window }; { $patch }.
model-window-you = a { $tokens }-token context window (yours)
model-window-provider = a { $tokens }-token context window (from { $source })
model-window-family = a { $tokens }-token context window ({ $source })
model-window-codex = a { $tokens }-token context window (Codex knows it as { $source })
model-window-default = context window unknown; assuming { $k }k
model-patch-bridge = Codex edits files with apply_patch, which the bridge turns into a function call
model-patch-accepted = Codex edits files with apply_patch (the provider takes custom tools)
model-patch-refused = no apply_patch: the provider refuses custom tools, so Codex edits with shell commands
model-patch-untested = no apply_patch until the Test shows the provider takes custom tools
model-patch-codex = Codex edits files with apply_patch
model-patch-codex-shell = Codex edits files with shell commands
