use super::*;

fn p(s: &str) -> PathBuf {
    PathBuf::from(s)
}

fn f(s: &str) -> Place {
    Place::File(p(s))
}

fn each(dir: &str, then: &str) -> Place {
    Place::Each { dir: p(dir), then: p(then), order: Order::Version }
}

fn linux_home() -> Env {
    Env { home: Some(p("/home/u")), ..Env::bare(Os::Linux) }
}

#[test]
fn a_bare_linux_home_is_searched_in_the_installers_order() {
    let got = places(&Env { path: vec![p("/usr/bin"), p("/bin")], ..linux_home() });
    let want = vec![
        f("/usr/bin/codex"),
        f("/bin/codex"),
        each("/home/u/.nvm/versions/node", "bin/codex"),
        Place::Package(p("/home/u/.volta/tools/image/packages/@openai/codex/lib/node_modules/@openai/codex")),
        Place::Package(p("/home/u/.volta/tools/image/packages/@openai/codex/node_modules/@openai/codex")),
        f("/home/u/.volta/bin/codex"),
        each("/home/u/.local/share/fnm/node-versions", "installation/bin/codex"),
        each("/home/u/.fnm/node-versions", "installation/bin/codex"),
        f("/home/u/.npm-global/bin/codex"),
        f("/home/u/.npm-packages/bin/codex"),
        f("/home/u/.local/share/pnpm/codex"),
        f("/home/u/.bun/bin/codex"),
        f("/home/u/.local/bin/codex"),
        f("/home/u/.codex/packages/standalone/current/bin/codex"),
        f("/home/u/.codex/packages/standalone/current/codex"),
        f("/opt/homebrew/bin/codex"),
        f("/home/linuxbrew/.linuxbrew/bin/codex"),
        f("/home/u/.linuxbrew/bin/codex"),
        f("/usr/local/bin/codex"),
        Place::Extensions(p("/home/u/.vscode/extensions")),
        Place::Extensions(p("/home/u/.vscode-server/extensions")),
        Place::Extensions(p("/home/u/.vscode-insiders/extensions")),
        Place::Extensions(p("/home/u/.vscode-server-insiders/extensions")),
        Place::Extensions(p("/home/u/.cursor/extensions")),
        Place::Extensions(p("/home/u/.cursor-server/extensions")),
        Place::Extensions(p("/home/u/.windsurf/extensions")),
        Place::Extensions(p("/home/u/.windsurf-server/extensions")),
        Place::Extensions(p("/home/u/.vscode-oss/extensions")),
    ];
    // `/usr/bin/codex` was on PATH already: listed once, where PATH put it.
    assert_eq!(got, want);
}

#[test]
fn the_installers_variables_come_before_their_default_folders() {
    let env = Env {
        nvm_dir: Some(p("/opt/nvm")),
        volta_home: Some(p("/opt/volta")),
        fnm_dir: Some(p("/opt/fnm")),
        xdg_data_home: Some(p("/data")),
        npm_prefixes: vec![p("/opt/npm")],
        pnpm_home: Some(p("/opt/pnpm")),
        bun_install: Some(p("/opt/bun")),
        codex_home: Some(p("/work/codex-home")),
        ..linux_home()
    };
    let got = places(&env);
    let at = |x: &Place| got.iter().position(|g| g == x).unwrap_or_else(|| panic!("{x:?} missing from {got:#?}"));
    let order = [
        each("/opt/nvm/versions/node", "bin/codex"),
        each("/home/u/.nvm/versions/node", "bin/codex"),
        f("/opt/volta/bin/codex"),
        f("/home/u/.volta/bin/codex"),
        each("/opt/fnm/node-versions", "installation/bin/codex"),
        each("/data/fnm/node-versions", "installation/bin/codex"),
        each("/home/u/.local/share/fnm/node-versions", "installation/bin/codex"),
        f("/opt/npm/bin/codex"),
        f("/home/u/.npm-global/bin/codex"),
        f("/opt/pnpm/codex"),
        f("/home/u/.local/share/pnpm/codex"),
        f("/opt/bun/bin/codex"),
        f("/home/u/.bun/bin/codex"),
        f("/home/u/.local/bin/codex"),
        f("/work/codex-home/packages/standalone/current/bin/codex"),
        f("/home/u/.codex/packages/standalone/current/bin/codex"),
        f("/usr/bin/codex"),
        Place::Extensions(p("/home/u/.vscode/extensions")),
    ];
    let positions: Vec<usize> = order.iter().map(at).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}\n{got:#?}");
}

#[test]
fn macos_adds_its_own_folders_and_the_codex_app_last() {
    let got = places(&Env { home: Some(p("/Users/u")), ..Env::bare(Os::Mac) });
    assert!(got.contains(&each("/Users/u/Library/Application Support/fnm/node-versions", "installation/bin/codex")));
    assert!(got.contains(&f("/Users/u/Library/pnpm/codex")));
    let n = got.len();
    assert_eq!(
        got[n - 4..],
        [
            f("/Applications/Codex.app/Contents/Resources/codex"),
            f("/Applications/Codex.app/Contents/Resources/bin/codex"),
            f("/Users/u/Applications/Codex.app/Contents/Resources/codex"),
            f("/Users/u/Applications/Codex.app/Contents/Resources/bin/codex"),
        ]
    );
}

#[test]
fn windows_looks_for_codex_exe_and_follows_npm_shims() {
    let env = Env {
        home: Some(p("/C/Users/u")),
        path: vec![p("/C/bin")],
        local_app_data: Some(p("/C/Users/u/AppData/Local")),
        app_data: Some(p("/C/Users/u/AppData/Roaming")),
        ..Env::bare(Os::Windows)
    };
    let got = places(&env);
    assert_eq!(got[..2], [f("/C/bin/codex.exe"), f("/C/bin/codex.cmd")]);
    for want in [
        f("/C/Users/u/AppData/Roaming/npm/codex.exe"),
        f("/C/Users/u/AppData/Roaming/npm/codex.cmd"),
        Place::Package(p("/C/Users/u/AppData/Roaming/npm/node_modules/@openai/codex")),
        f("/C/Users/u/.codex/packages/standalone/current/bin/codex.exe"),
        f("/C/Users/u/AppData/Local/Programs/OpenAI/Codex/bin/codex.exe"),
        Place::Each { dir: p("/C/Users/u/AppData/Local/OpenAI/Codex/bin"), then: p("codex.exe"), order: Order::Modified },
        f("/C/Users/u/AppData/Local/OpenAI/Codex/bin/codex.exe"),
    ] {
        assert!(got.contains(&want), "{want:?} missing from {got:#?}");
    }
    assert!(!got.iter().any(|g| matches!(g, Place::File(f) if f.starts_with("/usr") || f.starts_with("/opt"))), "{got:#?}");
}

#[test]
fn nothing_but_path_without_a_home() {
    assert_eq!(places(&Env { path: vec![p("/x")], ..Env::bare(Os::Linux) })[0], f("/x/codex"));
    assert!(!places(&Env::bare(Os::Linux)).iter().any(|g| matches!(g, Place::Each { .. } | Place::Extensions(_))));
}

#[test]
fn versions_newest_first() {
    let cases: &[(&[&str], &[&str])] = &[
        (&["v18.20.4", "v22.11.0", "v9.11.2", "v22.2.0"], &["v22.11.0", "v22.2.0", "v18.20.4", "v9.11.2"]),
        (&["system", "v20.0.0", ".DS_Store"], &["v20.0.0", ".DS_Store", "system"]),
        (&["openai.chatgpt-0.4.19", "openai.chatgpt-26.715.61943-linux-x64", "openai.chatgpt-0.4.9"], &["openai.chatgpt-26.715.61943-linux-x64", "openai.chatgpt-0.4.19", "openai.chatgpt-0.4.9"]),
    ];
    for (given, want) in cases {
        let mut v: Vec<&str> = given.to_vec();
        v.sort_by(|a, b| newest_first(a, b));
        assert_eq!(&v[..], *want);
    }
    assert_eq!(version_of("v22.11.0"), vec![22, 11, 0]);
    assert_eq!(version_of("openai.chatgpt-26.715.61943-darwin-arm64"), vec![26, 715, 61943]);
    assert_eq!(version_of("node"), Vec::<u64>::new());
}

#[test]
fn only_the_codex_extension_newest_first() {
    let names: Vec<String> = ["ms-python.python-2024.1.0", "openai.chatgpt-0.4.19", "openai.chatgpt-26.715.61943-linux-x64", "OpenAI.chatgpt-1.0.0"].map(String::from).into();
    assert_eq!(extension_folders(&names), ["openai.chatgpt-26.715.61943-linux-x64", "OpenAI.chatgpt-1.0.0", "openai.chatgpt-0.4.19"]);
}

#[test]
fn the_extension_folder_for_this_system() {
    let cases = [
        ("linux-x86_64", Os::Linux, "x86_64", true),
        ("linux-aarch64", Os::Linux, "x86_64", false),
        ("linux-aarch64", Os::Linux, "aarch64", true),
        ("macos-aarch64", Os::Mac, "aarch64", true),
        ("macos-x86_64", Os::Linux, "x86_64", false),
        ("darwin-arm64", Os::Mac, "aarch64", true),
        ("windows-x86_64", Os::Windows, "x86_64", true),
        ("win32-x64", Os::Windows, "x86_64", true),
        ("windows-x86_64", Os::Linux, "x86_64", false),
    ];
    for (name, os, arch, want) in cases {
        assert_eq!(extension_bin_matches(name, os, arch), want, "{name} {os:?} {arch}");
    }
}

#[test]
fn the_native_binary_where_codex_js_looks_for_it() {
    let got = native_in(Path::new("/g/lib/node_modules/@openai/codex"), Os::Linux, "x86_64");
    assert_eq!(
        got,
        [
            "/g/lib/node_modules/@openai/codex/node_modules/@openai/codex-linux-x64/vendor/x86_64-unknown-linux-musl/bin/codex",
            "/g/lib/node_modules/@openai/codex-linux-x64/vendor/x86_64-unknown-linux-musl/bin/codex",
            "/g/lib/node_modules/@openai/codex/vendor/x86_64-unknown-linux-musl/bin/codex",
            "/g/lib/node_modules/@openai/codex/node_modules/@openai/codex-linux-x64/vendor/x86_64-unknown-linux-musl/codex/codex",
            "/g/lib/node_modules/@openai/codex-linux-x64/vendor/x86_64-unknown-linux-musl/codex/codex",
            "/g/lib/node_modules/@openai/codex/vendor/x86_64-unknown-linux-musl/codex/codex",
        ]
        .map(PathBuf::from)
    );
    let mac = native_in(Path::new("/p/@openai/codex"), Os::Mac, "aarch64");
    assert_eq!(mac[0], p("/p/@openai/codex/node_modules/@openai/codex-darwin-arm64/vendor/aarch64-apple-darwin/bin/codex"));
    let win = native_in(Path::new("/p/@openai/codex"), Os::Windows, "x86_64");
    assert_eq!(win[1], p("/p/@openai/codex-win32-x64/vendor/x86_64-pc-windows-msvc/bin/codex.exe"));
}

// Unix paths; Windows' own are below (a path without a drive is not absolute there).
#[cfg(unix)]
#[test]
fn npmrc_prefixes() {
    let home = Path::new("/home/u");
    let cases = [
        ("prefix=/home/u/.npm-global\n", Some("/home/u/.npm-global")),
        ("registry=https://x\nprefix = ~/.npm-packages\n", Some("/home/u/.npm-packages")),
        ("prefix=\"${HOME}/npm\"", Some("/home/u/npm")),
        ("prefix=$HOME/npm", Some("/home/u/npm")),
        ("prefix=relative/dir", None),
        ("; prefix is not set\ncache=/tmp", None),
        ("prefix=", None),
        ("prefix=/a\nprefix=/b", Some("/b")),
    ];
    for (text, want) in cases {
        assert_eq!(npmrc_prefix(text, Some(home)), want.map(PathBuf::from), "{text:?}");
    }
    assert_eq!(npmrc_prefix("prefix=~/x", None), None);
}

#[cfg(windows)]
#[test]
fn npmrc_prefixes_on_windows() {
    let home = Path::new(r"C:\Users\u");
    let cases = [
        ("prefix=C:\\Users\\u\\AppData\\Roaming\\npm\r\n", Some(r"C:\Users\u\AppData\Roaming\npm")),
        ("prefix=~\\npm", Some(r"C:\Users\u\npm")),
        ("prefix=\"${HOME}\\npm\"", Some(r"C:\Users\u\npm")),
        ("prefix=/home/u/.npm-global", None),
        ("prefix=relative", None),
    ];
    for (text, want) in cases {
        assert_eq!(npmrc_prefix(text, Some(home)), want.map(PathBuf::from), "{text:?}");
    }
}

#[test]
fn shim_scripts_name_their_package() {
    let pnpm = "#!/bin/sh\nbasedir=$(dirname \"$(echo \"$0\" | sed -e 's,\\\\,/,g')\")\nexec node  \"$basedir/global/5/node_modules/@openai/codex/bin/codex.js\" \"$@\"\n";
    assert_eq!(script_package(pnpm, Path::new("/home/u/.local/share/pnpm")), Some(p("/home/u/.local/share/pnpm/global/5/node_modules/@openai/codex")));
    let cmd = "@ECHO off\r\nGOTO start\r\n:start\r\n\"%_prog%\"  \"%dp0%\\node_modules\\@openai\\codex\\bin\\codex.js\" %*\r\n";
    assert_eq!(script_package(cmd, Path::new("/C/npm")), Some(p("/C/npm/node_modules/@openai/codex")));
    assert_eq!(script_package("#!/bin/sh\nexec node /opt/x/@openai/codex/bin/codex.js", Path::new("/b")), Some(p("/opt/x/@openai/codex")));
    assert_eq!(script_package("#!/bin/sh\nexec something-else", Path::new("/b")), None);
}

#[test]
fn node_scripts_by_their_first_line() {
    assert!(is_node_script(b"#!/usr/bin/env node\n// Unified entry point"));
    assert!(is_node_script(b"#!/usr/local/bin/node --no-warnings\n"));
    assert!(!is_node_script(b"#!/bin/sh\nexec node x.js"));
    assert!(!is_node_script(b"\x7fELF\x02\x01\x01"));
    assert!(!is_node_script(b""));
}
