# Switchboard's words in English: the window's own sentences. One file per
# language (en, zh-CN, zh-TW, ja) with the same messages and the same
# arguments; ui/src/lib/i18n.test.ts checks that, and that each is used.
# Core's sentences (errors, the Test's findings) are in core.ftl beside it.
# Provider names, ids, paths and commands stay as they are in every language.

## The header and the sections

header-codex-uses = Codex uses { $provider }
header-codex-uses-model-title = Codex uses { $provider } · { $model }
openai-default = OpenAI (default)
managed-button = managed by your organisation
managed-hint = Switchboard still writes your choice to config.toml; ask whoever manages this machine to change their file.
nav-label = Sections
nav-providers = Providers
nav-add = Add provider
nav-sessions = Sessions
nav-import = Import
nav-backups = Backups

## Notices

notice-dismiss = Dismiss
load-try-again = Try again
added-provider = Added { $id }. Press Test to check it, then Use to switch Codex to it.

## The providers

empty-title = Point Codex at another provider
empty-body = Pick Azure, Vercel, OpenRouter, Ollama, Kimi, GLM, DeepSeek, Mistral or your company's gateway; those that speak only Chat Completions go through Switchboard's bridge. Your key goes into the system keychain, and Switchboard changes only the lines of config.toml it needs to.
empty-add = Add your first provider
empty-import = Import from CC Switch
providers-label = Providers
dot-untested = Not tested yet
dot-last-test = Last test: { $verdict }
badge-active = Active
tag-from-config = from your config
tag-from-config-title = Written by hand in config.toml
row-built-in = built into Codex
row-bridged = through Switchboard's bridge
row-context = { $tokens } context
row-sessions =
    { $count ->
        [one] { $count } session
       *[other] { $count } sessions
    }
button-use = Use
button-in-use = In use
button-test = Test
button-testing = Testing…
button-edit = Edit
button-share = Share
button-remove = Remove
announce-testing = Testing { $provider }…
announce-verdict = { $provider }: { $verdict }. { $message }

## Removing

confirm-remove-label = Confirm removal
confirm-remove = Remove { $provider } and its stored key?
confirm-remove-active = Codex goes back to OpenAI.
confirm-remove-sessions =
    { $count ->
        [one] Its saved session stays on disk, but Codex cannot resume it while this provider is gone.
       *[other] Its { $count } saved sessions stay on disk, but Codex cannot resume them while this provider is gone.
    }
confirm-remove-backup = A backup of config.toml is kept.
confirm-remove-keep = Keep it

## Adding

presets-title = Add a provider
presets-lead = Choose where Codex should send its requests.
presets-filter = Find a provider
presets-filter-placeholder = A name, a country or a model
presets-none = No preset matches “{ $query }”. The Custom provider and the Chat Completions gateway take any address.
# { $link } is presets-cc-switch-link, drawn as a link.
presets-cc-switch = Using CC Switch? { $link } with their keys moved into the keychain.
presets-cc-switch-link = Import its Codex providers

## Backups

backups-title = Backups of config.toml
backups-lead = Switchboard saves a copy before every change it makes. The newest 20 are kept.
backups-empty = No backups yet. The first one is taken the next time Switchboard changes config.toml.
backups-taken = { $when } UTC
backups-newest = newest
backups-size = { $name } · { $size } bytes
confirm-restore-label = Confirm restore
confirm-restore = Replace config.toml with this copy? (The current one is backed up first.)
button-cancel = Cancel
button-restore = Restore
button-restore-ask = Restore…

## The footer

footer-codex-home = Codex home: { $path }
footer-login = Start at login
footer-login-title = Switchboard starts in the tray, without a window, when you log in.
footer-language = Language
footer-version = Switchboard { $version }

## The Test

test-running = Testing the connection the way Codex will…
test-what-to-do = What to do:
test-bridge-fix = let Codex reach it through Switchboard's bridge, which speaks Chat Completions to it and starts on this computer whenever Codex needs it.
test-use-bridge = Use Switchboard's bridge
test-use-direct = Use directly
test-way = Way:
test-better = Better:
test-learnt = Learnt:
test-not-reached = not reached
test-working = working…
test-waiting = waiting
step-config = Settings
step-connect = Reach the host
step-models = List models
step-responses = Responses API
step-codex = Real Codex run

## Verdicts (one per diagnosis code)

verdict-ok = Ready for Codex
verdict-missing-key = No key yet
verdict-token-command-failed = Token command failed
verdict-invalid-config = Settings need fixing
verdict-dns = Address not found
verdict-unreachable = Can't connect
verdict-tls = Secure connection failed
verdict-timeout = No answer in time
verdict-unauthorized = Key not accepted
verdict-wrong-base-url = Wrong address
verdict-no-responses-api = Provider can't back Codex
verdict-tools-refused = Codex's tools refused
verdict-model-not-found = Unknown model
verdict-azure-api-version = Azure API version refused
verdict-rate-limited = Rate limited
verdict-provider-error = Provider is having trouble
verdict-unexpected-response = Unexpected answer

## How a key reaches Codex

auth-keychain = key in Keychain
auth-keychain-missing = no key in Keychain yet
auth-env = from ${ $var }
auth-command = token command
auth-file-token = key in config.toml
auth-openai = OpenAI sign-in
auth-none = no key

## The provider form (add and edit)

form-title-add = Add { $preset }
form-title-edit = Edit { $provider }
form-other-address = Other API address
# { $tokens } is the context window Switchboard found, a number of tokens.
form-context-found = { $tokens } (found by Switchboard)
form-models-offered =
    { $count ->
        [one] { $count } model offered; type to filter, or enter any name.
       *[other] { $count } models offered; type to filter, or enter any name.
    }
# { $url } is the preset's address.
form-base-url-default = Leave empty for { $url }.
form-key = Key
form-key-stored = Key stored in your keychain.
form-key-replace = Replace
form-key-remove = Remove
form-key-deleted = Deleted the key for { $provider }.
form-key-modes-label = How Codex gets the key
form-mode-keychain = Keychain
form-mode-env = Environment variable
form-mode-command = Token command
form-mode-none = No key
form-token-args = Arguments
form-more-options = More options
form-bridge = Through Switchboard's bridge
form-bridge-help = For a provider that speaks only Chat Completions (POST /chat/completions): Codex reaches it through Switchboard's bridge on this computer, which starts when Codex needs it.
form-cancel = Cancel
form-saving = Saving…
form-add = Add provider
form-save = Save changes

## The provider form's fields (label, what to ask for when empty, help, placeholder)

field-id-label = Id
field-id-missing = Give the provider a short id, like openrouter or corp.
field-id-help = How Codex and the tray name it. Letters, digits, - and _.
field-name-label = Display name
field-name-missing = Give the provider a name.
field-base-url-label = API address (base URL)
field-base-url-missing = Enter the API address, for example https://openrouter.ai/api/v1.
field-base-url-help = Usually ends in /v1. Codex adds /responses itself.
field-model-label = Model
field-model-missing = Enter the model name the provider expects.
field-model-help = Type the model name; suggestions appear when the provider lists its models.
field-model-placeholder = model name
field-resource-label = Azure resource
field-resource-missing = Enter your Azure resource name (the part before .openai.azure.com).
field-resource-help = From https://<resource>.openai.azure.com in the Azure portal.
field-deployment-label = Deployment
field-deployment-missing = Enter the deployment name from Azure AI Foundry.
field-deployment-help = The deployment name in Azure AI Foundry; Codex sends it as the model.
field-api-version-label = api-version
field-api-version-missing = Enter the api-version.
field-api-version-placeholder = only for the older /openai path
field-key-label = API key
field-key-missing = Paste your API key, or choose No key.
field-key-missing-required = Paste your API key.
field-key-help = Kept in your system keychain, never in a file.
field-key-placeholder = Paste your key
field-env-var-label = Variable name
field-env-var-missing = Enter a variable name like OPENROUTER_API_KEY.
field-env-var-help = Codex reads the key from this variable in the shell that starts it.
field-token-command-label = Command
field-token-command-missing = Enter the command that prints a token.
field-token-command-help = For short-lived tokens (Azure Entra ID, gcloud, a vault CLI). It must print the token.
field-headers-label = Headers
field-headers-help = One Name=value per line, sent with every request.
field-env-headers-label = Headers from variables
field-env-headers-help = Header=VARIABLE; left out when the variable is unset.
field-query-label = Query parameters
field-context-window-label = Context window
field-context-window-help = In tokens, like 262144, 128k or 1M. Leave empty and Switchboard finds it: from the provider, the model's family, else 128k.
field-context-window-placeholder = found by Switchboard

## Importing a share (a switchboard:// link or a .switchboard.toml file)

import-title = Import a provider
# { $scheme } (switchboard://) and { $file } (.switchboard.toml) are drawn as code.
import-lead = Paste a { $scheme } link someone sent you, or the path of a { $file } file. A share never holds a key: you paste your own.
import-source-label = Link or file
import-cancel = Cancel
import-read = Read it
import-lead-many =
    { $count ->
        [one] This share describes { $count } provider. Tick it if you want it.
       *[other] This share describes { $count } providers. Tick the ones you want.
    }
import-lead-one = Check where Codex will send your requests, paste your key, and import.
import-preset-model = { $preset } · model { $model }
import-send-to = Codex will send your requests to
import-no-address = no address
import-caution-plain-http = Unencrypted: { $host } is reached over plain http://, so your key and prompts cross the network in clear text.
import-caution-unusual-host = Unusual address: this preset normally talks to { $usual }, not { $host }. Make sure you expected this.
import-caution-unusual-host-own = Unusual address: this preset normally talks to its own host, not { $host }. Make sure you expected this.
import-caution-runs-command = Codex would run a program named in this share to get a token.
import-same = Already set up exactly like this; nothing to import.
import-id-label = Id
# { $id } is drawn as code.
import-id-taken = You already have a different { $id }, so this one gets a new id.
import-key-label = Your API key
import-key-help = Stored in the system keychain, never in a file. You can also add it later.
import-key = Key
# { $var } is the variable, like $OPENROUTER_API_KEY, drawn as code.
import-key-env = Codex reads it from the environment variable { $var }; set it in your shell or session.
import-key-none = No key needed.
import-command-title = This provider gets its token by running a program on your computer.
import-command-body = Whoever sent the share chose it. Codex will run exactly this, with your permissions, whenever it needs a token:
import-trust = I have read this command and trust it to run.
import-importing = Importing…
import-submit = Import
import-submit-many =
    { $count ->
        [one] Import { $count } provider
       *[other] Import { $count } providers
    }
import-close = Close
import-confirm-command = Confirm the token command above before importing.
# { $names } is the imported providers' ids, separated by commas.
import-done = Imported { $names }. Press Test to check it, then Use to switch Codex to it.
import-fix-share-has-key = Ask the sender to share it again from Switchboard, which leaves keys out. Nothing was imported.
import-fix-share-runs-command = Tick “I have read this command and trust it to run” to allow it. Nothing was imported.
import-fix-bad-share = Ask the sender for a new link or file. Nothing was imported.
import-fix-share-version = Update Switchboard, or ask for a share made by your version. Nothing was imported.
import-fix-id = Choose another id. Nothing was imported.
import-fix-nothing = Nothing was imported.

## Sessions

sessions-title = Sessions
sessions-lead = Codex lists only the active provider's sessions. Every one is still on disk; each resumes with the provider that made it.
sessions-filter-label = Provider
sessions-all = All providers
sessions-refresh = Refresh
sessions-none-for = No saved sessions for { $provider }.
sessions-none = No saved Codex sessions yet. They appear here after you run Codex.
sessions-list-label = Sessions
sessions-no-message = (no message)
sessions-command-title = Runs in a terminal
# { $session } is the session's first message, else its id.
# Must begin with sessions-copy, the words on the button (WCAG 2.5.3, label in name).
sessions-copy-label = Copy resume command for { $session }
sessions-copy = Copy resume command
sessions-copied = Copied

## Sharing a provider

share-label = Share { $id }
share-link = Link without the key
share-link-copied = Link without the key (copied)
share-help = Send it to a teammate: Switchboard opens it on the Import screen, and they paste their own key.
# { $path } is drawn as code.
share-saved = Saved to { $path }
share-copy = Copy link
share-copied = Copied
share-save = Save file
share-close = Close

## Keys outside the keychain

keys-plain-label = Keys in plain text
keys-plain-title =
    { $count ->
        [one] { $count } key is stored in plain text
       *[other] { $count } keys are stored in plain text
    }
keys-plain-body =
    { $count ->
        [one] Anyone who can read your Codex folder, a backup or a synced dotfile can use it.
       *[other] Anyone who can read your Codex folder, a backup or a synced dotfile can use them.
    }
keys-where = Where?
keys-hide = Hide
keys-where-bearer-token = { $provider }: experimental_bearer_token in { $file }
keys-where-header = { $provider }: the { $header } header in { $file }
keys-stays = — stays: Codex can send a keychain key only as a bearer token
keys-move = Move to keychain
keys-moving = Moving…
keys-env-label = Keys in environment variables
keys-env-title =
    { $count ->
        [one] { $count } provider reads its key from a shell variable
       *[other] { $count } providers read their key from a shell variable
    }
keys-env-body = Codex started from the dock, an IDE or the Codex app doesn't see shell variables. Paste the value once to keep it in the keychain.
keys-env-value = { $provider }: value of ${ $name }
keys-fix-env-unset = Paste the key's value in the field, then press Move to keychain. Nothing was written.
keys-fix-unmovable-key = Codex can send a key from the keychain only as a bearer token, so this header stays in config.toml. Nothing was written.
keys-fix-conflicting-keys = Delete the wrong key from this provider in config.toml, then try again. Nothing was written.
keys-dismiss = Dismiss

## Importing from CC Switch

cc-title = Import from CC Switch
cc-lead = Switchboard reads CC Switch's database without changing it. Each provider you import keeps its key in the system keychain instead of in plain text.
cc-db-label = CC Switch database
cc-read = Read
cc-reading = Reading…
cc-db-help = CC Switch keeps it in ~/.cc-switch unless you moved its folder in its settings.
cc-reading-db = Reading CC Switch's database…
cc-source = { $path } · schema version { $version }
cc-empty = CC Switch has no Codex providers to import.
cc-list-label = CC Switch providers
cc-no-address = no address
# { $id } is drawn as code: the id the provider gets here.
cc-as-id = as { $id }
cc-key-into-keychain = key into the keychain
cc-no-key = no key
cc-why-duplicate = Already here as { $provider } (same address and model)
cc-why-official = Signs in through CC Switch, with no key of its own (OpenAI's sign-in is built into Codex)
cc-why-not-responses = CC Switch converts this one from another API; Codex needs the Responses API
cc-why-unusable = Can't be used
cc-cancel = Cancel
cc-importing = Importing…
cc-nothing-selected = Nothing selected
cc-import-count =
    { $count ->
        [one] Import { $count } provider
       *[other] Import { $count } providers
    }

# The router (issue 22): one Codex, every model
header-codex-uses-routed = Codex uses { $provider } through Switchboard
header-codex-uses-routed-title = Codex uses { $provider } · { $model }, through Switchboard's router: sessions that follow Switchboard's choice move at their next turn.
row-direct = directly
row-direct-title = Codex reaches this provider directly, as its own provider, not through Switchboard's router.
button-models = Models · { $count }
models-label = Models of { $provider } in Codex
models-lead = Codex's /model picker lists these models of { $provider }. Pick one there, or Use one here: sessions on Codex's default model follow at their next turn.
models-lead-direct = Codex reaches { $provider } directly, so it uses its own model only; reach it through Switchboard again to list more.
models-own = its model
models-in-use = In use
models-use = Use
models-asking = Asking { $provider } for its models…
models-offered =
    { $count ->
        [one] { $provider } serves one more model: tick it to list it in Codex.
       *[other] { $provider } serves { $count } more models: tick one to list it in Codex.
    }
models-none-offered = { $provider } did not list its models: type one.
models-add-label = Another model
models-add = List it
models-direct = Reach it directly, without Switchboard's router
models-direct-help = For a policy that forbids a local hop: Codex talks to the provider itself, its sessions stay apart from the others', and a switch no longer reaches a running session.
running-title = Codex sessions running now
running-empty = No Codex session has sent a turn through Switchboard in the last hour. Sessions in a terminal, in VS Code and in the Codex app show here once they do.
running-follows = follows Switchboard's choice
running-pinned = pinned to { $model }
running-last = last turn { $ago }: { $provider } · { $model }
running-client-exec = codex exec
running-client-tui = Codex in a terminal
running-client-vscode = Codex in VS Code
running-client-app = the Codex app
running-client-unknown = Codex

## Updates (issue 24): the offer at start, and the footer's switch
update-title = Switchboard { $version } is available
update-current = You have { $current }.
update-date = Published { $date }.
update-notes = What's new
update-notes-none = This release has no notes.
update-keeps = Installing replaces the app, its command-line tool and its tray. Your providers, config.toml and keys stay as they are.
update-install = Install and restart
update-later = Later
update-installing = Downloading { $version } and checking its signature…
update-failed-signature = The update was refused: its signature does not match Switchboard's key. Nothing was changed.
update-failed-download = The update could not be downloaded. Nothing was changed; try again later.
update-failed-install = The update could not be installed. Nothing was changed.
update-failed-gone = This update is no longer offered. Nothing was changed.
update-dismiss = Close
update-check = Check for updates
update-check-title = At every start Switchboard asks its release feed for a newer version, and asks you before installing it.

## Usage (issue 23): every request through the router, counted
nav-usage = Usage
usage-title = Usage
usage-lead = Every request Codex sent through Switchboard's router, counted as the provider reported it. No prompt, answer or key is kept.
usage-zone = Days are in { $zone }.
usage-period-label = Period
usage-period-days = Last { $days } days
usage-period-all = Everything kept
usage-loading = Reading the figures…
usage-empty-title = Nothing counted in this period yet
usage-empty-body = Requests are counted once Codex reaches a provider through Switchboard's router (pick a model on the Providers page and use Codex as usual). A provider reached directly is not counted.
usage-chart-label = Tokens per day, by provider
usage-chart-summary = { $tokens } tokens over { $days } days from { $providers ->
        [one] one provider
       *[other] { $providers } providers
    }. The table below has the figures.
usage-legend = Providers
usage-by-model = By model
usage-col-model = Model
usage-col-requests = Requests
usage-col-failovers = Failovers
usage-col-input = Input
usage-col-cached = Cached
usage-col-output = Output
usage-col-reasoning = Reasoning
usage-col-total = Total tokens
usage-col-cost = Cost
usage-total = Total
usage-partial = * A cost marked so leaves out the requests whose price is not known.
usage-not-counted = { $count ->
        [one] One request could not be counted (the router's queue was full); it is not in these figures.
       *[other] { $count } requests could not be counted (the router's queue was full); they are not in these figures.
    }
usage-failovers-title = Recent failovers
usage-failover-line = { $from } { $why }, so { $to } answered ({ $model }).
usage-reason-connect = could not be reached
usage-reason-timeout = did not answer in time
usage-reason-status_5xx = failed with a server error ({ $status })
usage-reason-rate_limited = was rate-limited ({ $status })
usage-reason-error_event = sent an error before any output
usage-reason-cooling_down = was resting after repeated failures
usage-reason-over_budget = was over its monthly budget
usage-budgets-title = Budgets this month
usage-budget-of = { $provider }'s budget used
usage-budget-ok = { $spent } of { $budget } ({ $percent }%)
usage-budget-warn = { $spent } of { $budget } ({ $percent }%): near the budget
usage-budget-over = { $spent } of { $budget } ({ $percent }%): over the budget; requests go to its fallbacks
usage-prices-title = Prices and budgets
usage-prices-lead = Prices are per million tokens. OpenRouter's come from its own list; for any other provider, set yours to see costs. A monthly budget counts against its price.
usage-price-yours = { $input } in, { $output } out
usage-price-listed = { $count ->
        [one] its own list (one model)
       *[other] its own list ({ $count } models)
    }
usage-price-none = no price known
usage-budget-set = budget { $amount } a month
usage-budget-none = no budget
usage-edit = Edit
usage-edit-close = Done
usage-price-form = { $provider }'s price
usage-budget-form = { $provider }'s monthly budget
usage-currency = Currency
usage-price-input = Input, per million tokens
usage-price-output = Output, per million tokens
usage-save-price = Save price
usage-clear-price = Remove price
usage-budget-monthly = Monthly budget
usage-save-budget = Save budget
usage-clear-budget = Remove budget
usage-budget-needs-price = Set a price first: a budget counts against it.

## Failover (issue 23): a model's fallbacks, and the moves the router made
fallback-button = { $count ->
        [0] Fallbacks
        [one] 1 fallback
       *[other] { $count } fallbacks
    }
fallback-title = Fallbacks of { $slug }, in the order they are tried
fallback-lead = When { $slug }'s provider cannot be reached, does not answer in time, fails with a 5xx, asks for a long wait (429) or reports an error before any output, the router sends the request to the first of these that can take it. Once output has reached Codex it is never moved.
fallback-none = No fallback yet: a failure of this model's provider ends the turn.
fallback-add-label = Add a fallback
fallback-add-choose = Choose a model…
fallback-add = Add
fallback-no-candidates = Add another provider (or list another model) that Codex reaches through Switchboard's router to fall back to.
fallback-up = Try { $slug } earlier
fallback-down = Try { $slug } later
fallback-remove = Remove { $slug } from the fallbacks
fallback-drag-hint = Drag to change the order
fallback-deadline-label = Seconds it has to answer before a request moves to a fallback
fallback-deadline-save = Save
fallback-deadline-help = Until its headers arrive. Empty: the default. The time to think and write the answer is not limited.
row-moved = Failover at { $time }:
