//! The catalog check for core.ftl (window.ftl has its own, in the UI's tests):
//! every language parses, has English's messages and no others, with the same
//! arguments; every message is used by the Rust code and every one it asks for
//! exists; and each language words an error of its own.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::*;
use crate::error::Error;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_owned()
}

fn vars_in_pattern(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let PatternElement::Placeable { expression } = e {
            vars_in_expression(expression, out);
        }
    }
}

fn vars_in_expression(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => vars_in_inline(i, out),
        Expression::Select { selector, variants } => {
            vars_in_inline(selector, out);
            for v in variants {
                vars_in_pattern(&v.value, out);
            }
        }
    }
}

fn vars_in_inline(i: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => vars_in_expression(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                vars_in_inline(a, out);
            }
        }
        _ => {}
    }
}

/// Each message of `lang`'s core.ftl and the variables it uses.
fn messages(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let src = std::fs::read_to_string(root().join(format!("locales/{lang}/core.ftl"))).unwrap();
    let res = match fluent_syntax::parser::parse(src.as_str()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("locales/{lang}/core.ftl does not parse: {errors:?}"),
    };
    let mut out = BTreeMap::new();
    for e in &res.body {
        if let Entry::Message(m) = e {
            let mut vars = BTreeSet::new();
            if let Some(v) = &m.value {
                vars_in_pattern(v, &mut vars);
            }
            assert!(out.insert(m.id.name.to_owned(), vars).is_none(), "{lang}: {} twice", m.id.name);
        }
    }
    out
}

fn rust_sources(dir: &Path, out: &mut String) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("catalog_tests.rs") {
            out.push_str(&std::fs::read_to_string(&p).unwrap());
        }
    }
}

#[test]
fn every_language_has_englishs_messages_with_the_same_arguments() {
    let en = messages("en");
    assert!(en.len() > 50);
    for lang in ["zh-CN", "zh-TW", "ja"] {
        let mine = messages(lang);
        let extra: Vec<_> = mine.keys().filter(|k| !en.contains_key(*k)).collect();
        let missing: Vec<_> = en.keys().filter(|k| !mine.contains_key(*k)).collect();
        assert!(extra.is_empty() && missing.is_empty(), "{lang}: not in English {extra:?}, missing {missing:?}");
        for (id, vars) in &en {
            assert_eq!(&mine[id], vars, "{lang}: {id}'s arguments");
        }
    }
}

#[test]
fn every_message_is_used_and_every_one_asked_for_exists() {
    let en = messages("en");
    let mut code = String::new();
    for dir in ["core/src", "cli/src", "src-tauri/src", "tray/src"] {
        rust_sources(&root().join(dir), &mut code);
    }
    // Hints and window fixes are found from their error's id (`Error::hint_in`, `fix_in`).
    let base = |id: &str| id.trim_end_matches("-hint").trim_end_matches("-fix").to_owned();
    // A Test's `-fix` is found from its `-hint` (`Hint::worded`); an `-in-window` variant from its message (`Words::for_window`).
    let quoted = |id: &str| code.contains(&format!("\"{id}\""));
    let used = |id: &str| {
        quoted(id)
            || (id.starts_with("error-") && quoted(&base(id)))
            || id.strip_suffix("-fix").is_some_and(|b| quoted(&format!("{b}-hint")))
            || id.strip_suffix("-in-window").is_some_and(quoted)
    };
    let unused: Vec<_> = en.keys().filter(|id| !used(id)).collect();
    assert!(unused.is_empty(), "unused: {unused:?}");
    // Asked for by core and the CLI, where the ids are written (the window calls core's functions).
    let mut core = String::new();
    rust_sources(&root().join("core/src"), &mut core);
    rust_sources(&root().join("cli/src"), &mut core);
    let asked: BTreeSet<String> =
        core.split('"').filter(|s| ["error-", "preset-", "test-", "op-", "tray-", "model-", "reason-", "url-", "kind-", "type-", "layout-", "part-", "io-", "managed-", "share-", "doctor-", "cli-"].iter().any(|p| s.starts_with(p)) && !s.contains(' ') && !s.contains('{')).map(str::to_owned).collect();
    let missing: Vec<_> = asked.iter().filter(|id| !en.contains_key(*id)).collect();
    assert!(missing.is_empty(), "asked for but not in en/core.ftl: {missing:?}");
    for id in en.keys().filter(|id| id.starts_with("error-") && !id.ends_with("-hint") && !id.ends_with("-fix")) {
        assert!(en.contains_key(&format!("{}-hint", id.trim_end_matches("-one"))), "{id} has no -hint");
    }
}

#[test]
fn errors_are_worded_in_each_language_with_english_as_display() {
    let e = Error::HasSessions { id: "kimi".into(), count: 2 };
    assert_eq!(e.to_string(), "`kimi` holds 2 saved Codex sessions, which Codex could no longer resume once the provider is gone.");
    assert_eq!(Error::HasSessions { id: "kimi".into(), count: 1 }.to_string(), "`kimi` holds 1 saved Codex session, which Codex could no longer resume once the provider is gone.");
    assert!(e.hint().contains("switchboard sessions --provider kimi"));
    assert!(!e.fix_in(Language::English).contains("switchboard"), "the window's fix names no command");
    let id = Error::InvalidId("bad id!".into());
    assert_eq!(id.to_string(), "`bad id!` is not a valid provider id.");
    // A message with no window fix has the CLI's hint.
    assert_eq!(id.fix_in(Language::English), id.hint());
    for lang in [Language::SimplifiedChinese, Language::TraditionalChinese, Language::Japanese] {
        let m = id.message(lang);
        assert!(m.contains("bad id!"), "{lang:?}: {m}");
        assert_ne!(m, id.to_string(), "{lang:?} words it in its own language");
        assert!(!m.contains('\u{2068}'), "no isolation marks: {m:?}");
    }
    assert_eq!(text(Language::Japanese, "no-such-message", &Args::new()), "no-such-message");
}

#[test]
fn what_codex_knows_of_a_model_is_worded_in_each_language() {
    use crate::catalog::known::{Known, PatchReason, WindowSource};
    let k = Known {
        model: "kimi-k2.6".into(),
        context_window: 262_144,
        window_source: WindowSource::Family,
        source_name: "Kimi K2 (Moonshot AI)".into(),
        apply_patch: true,
        patch_reason: PatchReason::Bridge,
        described: true,
        summary: String::new(),
    };
    assert_eq!(
        k.sentence(),
        "kimi-k2.6: a 262,144-token context window (Kimi K2 (Moonshot AI)); Codex edits files with apply_patch, which the bridge turns into a function call."
    );
    let ja = k.clone().worded(Language::Japanese).summary;
    assert!(ja.starts_with("kimi-k2.6：コンテキストウィンドウ 262,144 トークン"), "{ja}");
}

/// The parts of a sentence core keeps as words of their own (why a value is
/// refused, a file's kind, a TOML type, what could not be done to a file) are
/// worded in the sentence's language too: no English inside a translated error.
#[test]
fn the_parts_of_an_error_are_in_its_language() {
    use crate::provider::field::Field;
    let errors = || {
        vec![
            Error::InvalidUrl { what: "url-base-url", url: "ftp://x".into(), reason: "url-scheme" },
            Error::invalid(Field::Name, "reason-name-empty", Args::new()),
            Error::invalid(Field::ContextWindow, "reason-context-window", Args::new().text("text", "lots")),
            Error::input("reason-share-no-provider", Args::new().text("id", "kimi")),
            Error::NotAFile { path: PathBuf::from("/tmp/c"), kind: "kind-folder" },
            Error::WrongType { key: "model".into(), found: "type-integer", expected: "type-string" },
            Error::Io { action: "io-write", path: PathBuf::from("/tmp/c"), source: std::io::Error::other("x") },
            Error::BadShare(Words::new("reason-share-empty", Args::new())),
            Error::BadBackup { name: "b".into(), why: Words::new("reason-backup-empty", Args::new()) },
            Error::Keychain(Words::new("reason-keychain-locked", Args::new().text("detail", "x"))),
            Error::UnsupportedLayout { id: "p".into(), form: "layout-dotted-keys" },
            Error::Unspliceable("part-provider-table"),
            Error::CcSwitchRead { path: PathBuf::from("/tmp/cc.db"), reason: Words::new("reason-cc-no-table", Args::new()) },
            Error::input("reason-cc-unreadable", Args::new().message("why", "reason-cc-settings-not-json")),
        ]
    };
    let english = ["must start", "is empty", "not a context window", "has no provider", "a folder", "an integer", "Could not", "describes no", "empty", "locked", "dotted", "provider table", "has no providers table", "not JSON"];
    assert_eq!(errors().len(), english.len());
    for (e, part) in errors().iter().zip(english) {
        let en = e.message(Language::English);
        assert!(en.contains(part), "{en}");
        for lang in [Language::SimplifiedChinese, Language::TraditionalChinese, Language::Japanese] {
            let m = e.message(lang);
            assert!(!m.contains(part), "{lang:?} keeps English inside: {m}");
            assert!(!m.contains("url-") && !m.contains("reason-") && !m.contains("kind-") && !m.contains("type-"), "{lang:?}: an id shows: {m}");
        }
    }
    // The English sentences are those the CLI printed before they were split.
    assert_eq!(errors()[0].to_string(), "`ftp://x` is not a usable base URL: it must start with http:// or https://.");
    assert_eq!(errors()[4].to_string(), "/tmp/c is a folder, not a regular file.");
    assert_eq!(errors()[6].to_string(), "Could not write /tmp/c: x.");
}

/// The window's words name its buttons where the CLI's name a command.
#[test]
fn the_window_has_its_own_words_where_the_cli_names_a_command() {
    let w = Words::new("op-added", Args::new().text("name", "Kimi").text("id", "kimi").text("model", "kimi-k2"))
        .then("\n", "op-sessions-kept", Args::new().text("prev", "or"));
    for lang in [Language::English, Language::SimplifiedChinese, Language::TraditionalChinese, Language::Japanese] {
        assert!(w.in_language(lang).contains("switchboard use kimi"), "{lang:?}");
        let window = w.for_window(lang);
        assert!(!window.contains("switchboard"), "{lang:?}: {window}");
        assert!(window.contains("kimi") && window.contains('\n'), "{lang:?}: {window}");
    }
    // Every `-in-window` message is a variant of one the CLI says, with the same arguments.
    let en = messages("en");
    for id in en.keys().filter(|id| id.ends_with("-in-window")) {
        let base = id.trim_end_matches("-in-window");
        assert!(en.contains_key(base), "{id} has no {base}");
        assert!(en[id].is_subset(&en[base]), "{id} asks for more than {base}");
    }
}
