use std::path::Path;

use proptest::prelude::*;
use toml_edit::{InlineTable, Value};

use super::*;
use crate::edit::toml::Want;

const EVERYDAY: &str = include_str!("../../../tests/data/config-everyday.toml");

fn doc(s: &str) -> ConfigDoc {
    ConfigDoc::parse(s.to_owned(), Path::new("config.toml")).unwrap()
}

fn set(v: &str) -> Want {
    Want::Set(Value::from(v))
}

fn provider_wants(url: &str) -> Vec<(String, Want)> {
    vec![
        ("name".into(), set("OpenRouter")),
        ("base_url".into(), set(url)),
        ("wire_api".into(), set("responses")),
        ("env_key".into(), Want::Remove),
        (
            "auth".into(),
            Want::Table(vec![
                ("command".into(), set("/usr/bin/switchboard")),
                ("args".into(), Want::Set(Value::Array(["token", "openrouter"].into_iter().collect()))),
            ]),
        ),
    ]
}

#[test]
fn everyday_set_model_keeps_comment_and_everything_else() {
    let mut d = doc(EVERYDAY);
    assert!(d.set_top_level("model", Some("openai/gpt-5.3-codex")).unwrap());
    let expected = EVERYDAY.replace("model = \"gpt-5-codex\"", "model = \"openai/gpt-5.3-codex\"");
    assert_eq!(d.text(), expected);
}

#[test]
fn new_top_level_key_goes_after_last_root_key_not_into_a_table() {
    let mut d = doc(EVERYDAY);
    d.set_top_level("model_provider", Some("openrouter")).unwrap();
    let expected = EVERYDAY.replace(
        "sandbox_mode = \"workspace-write\"\n",
        "sandbox_mode = \"workspace-write\"\nmodel_provider = \"openrouter\"\n",
    );
    assert_eq!(d.text(), expected);
    assert_eq!(d.top_level_str("model_provider").unwrap().as_deref(), Some("openrouter"));
}

#[test]
fn new_top_level_key_in_a_file_of_only_tables_goes_first() {
    let mut d = doc("[tui]\ntheme = \"dark\"\n");
    d.set_top_level("model", Some("m")).unwrap();
    assert_eq!(d.text(), "model = \"m\"\n[tui]\ntheme = \"dark\"\n");
    let mut d = doc("");
    d.set_top_level("model", Some("m")).unwrap();
    assert_eq!(d.text(), "model = \"m\"\n");
    let mut d = doc("a = 1");
    d.set_top_level("model", Some("m")).unwrap();
    assert_eq!(d.text(), "a = 1\nmodel = \"m\"\n");
    // Opening comments stay first; comments attached to the first table stay with it.
    let mut d = doc("# my settings\n\n# trusted\n[projects.x]\nt = 1\n");
    d.set_top_level("model", Some("m")).unwrap();
    assert_eq!(d.text(), "# my settings\n\nmodel = \"m\"\n# trusted\n[projects.x]\nt = 1\n");
    let mut d = doc("# only a comment");
    d.set_top_level("model", Some("m")).unwrap();
    assert_eq!(d.text(), "# only a comment\nmodel = \"m\"\n");
}

#[test]
fn add_then_remove_is_byte_identical() {
    let mut d = doc(EVERYDAY);
    d.upsert_provider("openrouter", &provider_wants("https://openrouter.ai/api/v1")).unwrap();
    let added = d.text().to_owned();
    assert!(added.starts_with(EVERYDAY.split("\n[shell_environment_policy]").next().unwrap()));
    assert!(added.contains(
        "env_http_headers = { \"X-Team\" = \"CODEX_TEAM\" }   # team routing\n\n[model_providers.openrouter]\nname = \"OpenRouter\"\nbase_url = \"https://openrouter.ai/api/v1\"\nwire_api = \"responses\"\n\n[model_providers.openrouter.auth]\ncommand = \"/usr/bin/switchboard\"\nargs = [\"token\", \"openrouter\"]\n\n[shell_environment_policy]"
    ), "{added}");
    assert!(!d.upsert_provider("openrouter", &provider_wants("https://openrouter.ai/api/v1")).unwrap(), "idempotent");
    assert!(d.remove_provider("openrouter").unwrap());
    assert_eq!(d.text(), EVERYDAY);
    assert!(!d.remove_provider("openrouter").unwrap());
}

#[test]
fn switching_a_hand_written_provider_to_keychain_touches_only_its_auth_keys() {
    let mut d = doc(EVERYDAY);
    let wants = vec![
        ("env_key".into(), Want::Remove),
        (
            "auth".into(),
            Want::Table(vec![
                ("command".into(), set("/bin/sb")),
                ("args".into(), Want::Set(Value::Array(["token", "company_gateway"].into_iter().collect()))),
            ]),
        ),
    ];
    d.upsert_provider("company_gateway", &wants).unwrap();
    let expected = EVERYDAY.replace(
        "env_key = \"COMPANY_LLM_KEY\"\nhttp_headers = { \"X-Client\" = \"codex\" }\nenv_http_headers = { \"X-Team\" = \"CODEX_TEAM\" }   # team routing\n",
        "http_headers = { \"X-Client\" = \"codex\" }\nenv_http_headers = { \"X-Team\" = \"CODEX_TEAM\" }   # team routing\n\n[model_providers.company_gateway.auth]\ncommand = \"/bin/sb\"\nargs = [\"token\", \"company_gateway\"]\n",
    );
    assert_eq!(d.text(), expected);
}

#[test]
fn crlf_files_stay_crlf() {
    let crlf = EVERYDAY.replace('\n', "\r\n");
    let mut d = doc(&crlf);
    assert_eq!(d.eol(), "\r\n");
    d.set_top_level("model_provider", Some("openrouter")).unwrap();
    d.upsert_provider("openrouter", &provider_wants("https://openrouter.ai/api/v1")).unwrap();
    let text = d.text();
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count(), "no bare LF: {text:?}");
    d.remove_provider("openrouter").unwrap();
    d.set_top_level("model_provider", None).unwrap();
    assert_eq!(d.text(), crlf);
}

#[test]
fn existing_values_are_replaced_in_place_and_equal_values_left_alone() {
    let src = "[model_providers.x]\nname = 'X'   # literal\nbase_url = \"http://a/v1\" # old\nwire_api = \"responses\"\n";
    let mut d = doc(src);
    let changed = d
        .upsert_provider("x", &[("name".into(), set("X")), ("base_url".into(), set("http://b/v1"))])
        .unwrap();
    assert!(changed);
    assert_eq!(d.text(), src.replace("http://a/v1", "http://b/v1"));
}

#[test]
fn inline_provider_tables_are_merged() {
    let src = "[model_providers]\nx = { name = \"X\", base_url = \"http://a/v1\", request_max_retries = 2 } # mine\n";
    let mut d = doc(src);
    d.upsert_provider("x", &[("base_url".into(), set("http://b/v1")), ("env_key".into(), set("K"))]).unwrap();
    assert_eq!(
        d.text(),
        "[model_providers]\nx = { name = \"X\", base_url = \"http://b/v1\", request_max_retries = 2, env_key = \"K\" } # mine\n"
    );
    d.remove_provider("x").unwrap();
    assert_eq!(d.text(), "[model_providers]\n");
}

#[test]
fn header_sub_tables_are_replaced_by_inline_values_when_they_change() {
    let src = "[model_providers.x]\nname = \"X\"\n\n[model_providers.x.http_headers]\nA = \"1\"\n\n[other]\nk = 1\n";
    let mut d = doc(src);
    let mut t = InlineTable::new();
    t.insert("A", Value::from("1"));
    assert!(!d.upsert_provider("x", &[("http_headers".into(), Want::Set(Value::InlineTable(t.clone())))]).unwrap());
    t.insert("B", Value::from("2"));
    d.upsert_provider("x", &[("http_headers".into(), Want::Set(Value::InlineTable(t)))]).unwrap();
    assert_eq!(d.text(), "[model_providers.x]\nname = \"X\"\nhttp_headers = { A = \"1\", B = \"2\" }\n\n[other]\nk = 1\n");
}

#[test]
fn wrong_types_and_layouts_are_refused() {
    for bad in ["model = 5\n", "model_provider = true\n", "model_providers = \"x\"\n", "[[model_providers]]\n"] {
        let e = ConfigDoc::parse(bad.into(), Path::new("c")).unwrap_err();
        assert_eq!(e.code(), "wrong_type", "{bad}");
    }
    let mut d = doc("[model_providers.p]\nname = \"P\"\nauth = \"oops\"\n");
    let e = d.upsert_provider("p", &[("auth".into(), Want::Table(vec![("command".into(), set("c"))]))]).unwrap_err();
    assert_eq!(e.code(), "wrong_type");
    let mut d = doc("model_providers.p.name = \"P\"\n");
    assert_eq!(d.upsert_provider("p", &[("name".into(), set("Q"))]).unwrap_err().code(), "unsupported_layout");
    let mut d = doc("model_providers = { p = { name = \"P\" } }\n");
    assert_eq!(d.upsert_provider("q", &[("name".into(), set("Q"))]).unwrap_err().code(), "unsupported_layout");
}

#[test]
fn parse_errors_give_line_and_column_without_quoting_the_file() {
    let src = "model = \"a\"\nexperimental_bearer_token = \"sk-live-123\" oops\n";
    let e = ConfigDoc::parse(src.into(), Path::new("/h/config.toml")).unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("line 2"), "{msg}");
    assert!(msg.contains("column"), "{msg}");
    assert!(!msg.contains("sk-live"), "{msg}");
    let dup = ConfigDoc::parse("model = \"a\"\nmodel = \"b\"\n".into(), Path::new("c")).unwrap_err();
    assert!(dup.to_string().contains("line 2"), "{dup}");
}

// ---- property tests -------------------------------------------------------

/// A piece of a generated config. `touch` names what an edit of it may change.
#[derive(Debug, Clone)]
struct Frag {
    text: String,
    touch: Option<String>,
}

fn word() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 _.:/éß漢🙂\"'\\\\-]{0,12}"
}

fn frags(eol: &'static str) -> impl Strategy<Value = Vec<Frag>> {
    let comment = move || word().prop_map(move |w| Frag { text: format!("# {w}{eol}"), touch: None });
    let root_kv = (0..4usize, word(), prop::bool::ANY).prop_map(move |(i, w, c)| Frag {
        text: format!("key{i} = {}{}{eol}", Value::from(w.clone()), if c { "   # note" } else { "" }),
        touch: None,
    });
    let model = (prop::sample::select(vec!["model", "model_provider"]), word()).prop_map(move |(k, w)| Frag {
        text: format!("{k} = {}  # why{eol}", Value::from(w)),
        touch: Some(k.to_owned()),
    });
    let unknown = (0..3usize, word()).prop_map(move |(i, w)| Frag {
        text: format!(
            "{eol}[tab{i}]{eol}s = {}{eol}inline = {{ a = 1, \"b c\" = [\"x\", {}] }} # c{eol}",
            Value::from(w.clone()),
            Value::from(w)
        ),
        touch: None,
    });
    let provider = (prop::sample::select(vec!["p1", "p2", "company_gateway"]), word(), prop::bool::ANY).prop_map(
        move |(id, w, auth)| Frag {
            text: format!(
                "{eol}# about {id}{eol}[model_providers.{id}]{eol}name = {}{eol}base_url = \"https://h/v1\"{eol}env_key = \"K\"{eol}request_max_retries = 2 # mine{eol}{}",
                Value::from(w),
                if auth { format!("{eol}[model_providers.{id}.auth]{eol}command = \"c\"{eol}timeout_ms = 100{eol}") } else { String::new() }
            ),
            touch: Some(format!("provider:{id}")),
        },
    );
    let root = prop::collection::vec(prop_oneof![comment(), root_kv, model], 0..6);
    let tables = prop::collection::vec(prop_oneof![unknown, provider, comment()], 0..6);
    (root, tables).prop_map(|(mut r, t)| {
        // Keep the document valid: one of each root key, one table per id.
        let mut seen = std::collections::HashSet::new();
        r.retain(|f| f.text.starts_with('#') || seen.insert(f.text.split(' ').next().unwrap().to_owned()));
        let mut seen_t = std::collections::HashSet::new();
        let t: Vec<Frag> = t
            .into_iter()
            .filter(|f| f.text.starts_with('#') || seen_t.insert(f.text.lines().find(|l| l.starts_with('[')).unwrap().to_owned()))
            .collect();
        r.extend(t);
        r
    })
}

#[derive(Debug, Clone)]
enum Op {
    SetTop(&'static str, Option<String>),
    Upsert(&'static str, String),
    Remove(&'static str),
}

fn ops() -> impl Strategy<Value = Op> {
    prop_oneof![
        (prop::sample::select(vec!["model", "model_provider"]), prop::option::of(word())).prop_map(|(k, v)| Op::SetTop(k, v)),
        (prop::sample::select(vec!["p1", "p2", "company_gateway", "new"]), word()).prop_map(|(id, w)| Op::Upsert(id, w)),
        prop::sample::select(vec!["p1", "p2", "company_gateway", "new"]).prop_map(Op::Remove),
    ]
}

fn apply(d: &mut ConfigDoc, op: &Op) -> Result<bool> {
    match op {
        Op::SetTop(k, v) => d.set_top_level(k, v.as_deref()),
        Op::Upsert(id, w) => {
            let mut headers = InlineTable::new();
            headers.insert("X-Title", Value::from(w.as_str()));
            let mut wants = provider_wants("https://example.test/v1");
            wants.push(("http_headers".into(), Want::Set(Value::InlineTable(headers))));
            wants[0] = ("name".into(), set(w));
            d.upsert_provider(id, &wants)
        }
        Op::Remove(id) => d.remove_provider(id),
    }
}

fn touches(op: &Op) -> String {
    match op {
        Op::SetTop(k, _) => (*k).to_owned(),
        Op::Upsert(id, _) | Op::Remove(id) => format!("provider:{id}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn edits_are_lossless_valid_and_idempotent(fr in frags("\n"), crlf in prop::bool::ANY, op in ops()) {
        let eol = if crlf { "\r\n" } else { "\n" };
        let fr: Vec<Frag> = fr.into_iter().map(|f| Frag { text: f.text.replace('\n', eol), ..f }).collect();
        let src: String = fr.iter().map(|f| f.text.as_str()).collect();
        let mut d = ConfigDoc::parse(src.clone(), Path::new("c")).expect("generated config parses");
        apply(&mut d, &op).unwrap();
        let out = d.text().to_owned();

        // 1. The result parses, and the edit did what it says.
        let parsed = toml_edit::Document::parse(out.as_str()).expect("result parses");
        match &op {
            Op::SetTop(k, v) => prop_assert_eq!(parsed.get(k).and_then(|i| i.as_str()), v.as_deref()),
            Op::Upsert(id, w) => {
                let p = &parsed["model_providers"][*id];
                prop_assert_eq!(p["name"].as_str(), Some(w.as_str()));
                prop_assert_eq!(p["auth"]["args"].as_array().unwrap().len(), 2);
                prop_assert!(p.get("env_key").is_none());
            }
            Op::Remove(id) => prop_assert!(parsed.get("model_providers").and_then(|m| m.get(id)).is_none()),
        }

        // 2. Every fragment the edit does not own is still there, byte for byte, in order.
        let owner = touches(&op);
        let mut pos = 0;
        for f in fr.iter().filter(|f| f.touch.as_deref() != Some(owner.as_str())) {
            let found = out[pos..].find(&f.text);
            prop_assert!(found.is_some(), "lost or reordered {:?} in {:?}", f.text, out);
            pos += found.unwrap() + f.text.len();
        }

        // 3. Only the file's own line ending is used.
        if crlf && src.contains('\n') {
            prop_assert_eq!(out.matches('\n').count(), out.matches("\r\n").count());
        } else {
            prop_assert!(!out.contains('\r') || src.contains('\r'));
        }

        // 4. Doing it again changes nothing.
        let mut again = d.clone();
        prop_assert!(!apply(&mut again, &op).unwrap());
        prop_assert_eq!(again.text(), out.as_str());
    }
}

#[test]
fn a_file_without_a_final_newline_keeps_that_after_add_then_remove() {
    for original in ["model = \"m\"", "model = \"m\"\n[tui]\ntheme = \"dark\"", "a = 1\r\n[tui]\r\nx = 2"] {
        let mut d = doc(original);
        d.upsert_provider("openrouter", &provider_wants("https://openrouter.ai/api/v1")).unwrap();
        assert!(!d.text().ends_with('\n'), "{:?}", d.text());
        d.remove_provider("openrouter").unwrap();
        assert_eq!(d.text(), original);
    }
}
