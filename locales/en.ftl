# Switchboard's words in English: the window's own sentences. One file per
# language (en, zh-CN, zh-TW, ja) with the same messages and the same
# arguments; ui/src/lib/i18n.test.ts checks that, and that each is used.
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
