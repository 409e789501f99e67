//! A provider as typed in the window's form (`Draft`), turned into the inputs
//! of `add`/`edit`, and checked by a dry run of exactly what they do, with no
//! I/O. The window keeps no rule of its own: it shows what `check` says.

use serde::{Deserialize, Serialize};

use crate::locale::Args;
use crate::error::Error;
use crate::provider::field::{Field, FieldError, Place};
use crate::provider::build::{self, Inputs, KeySource};
use crate::provider::api::Api;
use crate::provider::preset::Preset;
use crate::provider::table::{ProviderSpec, is_env_name};

/// How the key is given in the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum KeyMode {
    Keychain,
    Env,
    Command,
    None,
}

/// What the add/edit form sends. Empty strings mean "not given"; `key_mode`
/// `None` leaves the key as it is.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default, rename_all = "camelCase")]
pub struct Draft {
    pub id: String,
    pub name: String,
    pub base_url: String,
    pub model: String,
    pub resource: String,
    pub deployment: String,
    pub api_version: String,
    /// Lines of `Name=value` (or `Name: value`).
    pub headers: String,
    /// Lines of `Name=VARIABLE`.
    pub env_headers: String,
    pub key_mode: Option<KeyMode>,
    pub env_var: String,
    pub token_command: String,
    /// Arguments separated by spaces.
    pub token_args: String,
    /// Directly or through the bridge; not given: the preset's (add) or as it is (edit).
    pub api: Option<Api>,
    /// The model's context window as typed (`128k`, `262144`); empty: let Switchboard find it.
    pub context_window: String,
}

/// What `check` found: problems per field, and any that belong to no field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Checked {
    pub fields: Vec<FieldError>,
    pub general: Vec<String>,
    /// The language the messages are worded in.
    #[serde(skip)]
    #[cfg_attr(feature = "specta", specta(skip))]
    lang: crate::locale::Language,
}

impl Checked {
    pub fn is_ok(&self) -> bool {
        self.fields.is_empty() && self.general.is_empty()
    }

    fn push(&mut self, e: Error) {
        match e.field() {
            Some(field) if !self.fields.iter().any(|f| f.field == field) => {
                let missing = matches!(e, Error::MissingInput { .. });
                self.fields.push(FieldError { field, missing, message: e.message(self.lang) });
            }
            Some(_) => {}
            None => self.general.push(e.message(self.lang)),
        }
    }

    fn missing(&mut self, preset: &Preset, field: Field) {
        self.push(Error::MissingInput { preset: preset.preset.as_str(), field });
    }
}

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// Lines of `Name=value` or `Name: value`; blank lines are skipped.
pub fn parse_pairs(field: Field, text: &str) -> Result<Vec<(String, String)>, Error> {
    let mut out = Vec::new();
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let cut = line.find(['=', ':']);
        let (k, v) = match cut {
            Some(i) => (line[..i].trim(), line[i + 1..].trim()),
            None => ("", ""),
        };
        if k.is_empty() || k.contains(char::is_whitespace) {
            return Err(Error::invalid(field, "reason-not-name-value", Args::new().text("line", line)));
        }
        out.push((k.to_owned(), v.to_owned()));
    }
    Ok(out)
}

impl Draft {
    /// The inputs of `add`/`edit`; a bad line of headers is an error about its field.
    pub fn inputs(&self) -> Result<Inputs, Error> {
        let key = match self.key_mode {
            Some(KeyMode::Keychain) => KeySource::Keychain,
            Some(KeyMode::Env) => KeySource::Env(self.env_var.trim().to_owned()),
            Some(KeyMode::Command) => KeySource::Command {
                command: self.token_command.trim().to_owned(),
                args: self.token_args.split_whitespace().map(str::to_owned).collect(),
                refresh_interval_ms: None,
            },
            Some(KeyMode::None) => KeySource::None,
            None => KeySource::Unspecified,
        };
        Ok(Inputs {
            id: opt(&self.id),
            name: opt(&self.name),
            base_url: opt(&self.base_url),
            model: opt(&self.model),
            resource: opt(&self.resource),
            deployment: opt(&self.deployment),
            api_version: opt(&self.api_version),
            headers: parse_pairs(Field::Headers, &self.headers)?,
            env_headers: parse_pairs(Field::EnvHeaders, &self.env_headers)?,
            query: Vec::new(),
            key,
            api: self.api,
            context_window: Some(build::parse_context_window(&self.context_window)?),
        })
    }
}

/// Checks a draft of a new provider (`current` is `None`) or of an edit of
/// `current`, with `key` the key typed, against the ids that exist. No I/O.
/// Messages are worded in `lang`.
pub fn check(preset: &'static Preset, current: Option<&ProviderSpec>, draft: &Draft, key: Option<&str>, existing: &[String], lang: crate::locale::Language) -> Checked {
    let mut c = Checked { lang, ..Checked::default() };
    let adding = current.is_none();
    let shown = |field: Field| {
        preset.fields.iter().any(|ff| ff.field == field && (if adding { ff.add } else { ff.edit }) != Place::Hidden)
    };
    // Each field on its own, so that every problem shows at once.
    if adding {
        let id = draft.id.trim();
        if id.is_empty() {
            c.missing(preset, Field::Id);
        } else if let Err(e) = crate::provider::table::validate_id(id) {
            c.push(e);
        } else if existing.iter().any(|x| x == id) {
            c.push(Error::DuplicateId(id.into()));
        }
    }
    let url = draft.base_url.trim();
    if !url.is_empty() {
        if let Err(e) = crate::provider::table::validate_url("url-base-url", url) {
            c.push(e);
        }
    } else if adding && preset.needs(Field::BaseUrl) {
        c.missing(preset, Field::BaseUrl);
    }
    if adding && url.is_empty() && shown(Field::Resource) {
        match draft.resource.trim() {
            "" => c.missing(preset, Field::Resource),
            r => {
                if let Err(e) = build::validate_resource(r) {
                    c.push(e);
                }
            }
        }
    }
    for field in [Field::Model, Field::Deployment] {
        let value = if field == Field::Model { &draft.model } else { &draft.deployment };
        if !shown(field) {
            continue;
        }
        if value.is_empty() {
            if adding && preset.needs(field) {
                c.missing(preset, field);
            }
        } else if let Err(e) = build::validate_model(value) {
            c.push(match e {
                // The same reason, about the field the form shows (the deployment's, for Azure).
                Error::InvalidField { reason, .. } => Error::InvalidField { field, reason },
                other => other,
            });
        }
    }
    if let Err(e) = build::parse_context_window(&draft.context_window) {
        c.push(e);
    }
    match draft.key_mode {
        Some(KeyMode::Keychain) => match key.map(str::trim).filter(|k| !k.is_empty()) {
            Some(k) => {
                if let Err(e) = crate::provider::secret::clean_key(k) {
                    c.push(e);
                }
            }
            None if adding => c.missing(preset, Field::Key),
            None => {}
        },
        Some(KeyMode::Env) if !is_env_name(draft.env_var.trim()) => {
            if draft.env_var.trim().is_empty() {
                c.missing(preset, Field::EnvVar);
            } else {
                c.push(Error::invalid(Field::EnvVar, "reason-env-var-name", Args::new().text("var", draft.env_var.trim())));
            }
        }
        Some(KeyMode::Command) if draft.token_command.trim().is_empty() => c.missing(preset, Field::TokenCommand),
        _ => {}
    }
    let inputs = match draft.inputs() {
        Ok(i) => i,
        Err(e) => {
            c.push(e);
            // Check the other map too.
            if let Err(e) = parse_pairs(Field::EnvHeaders, &draft.env_headers) {
                c.push(e);
            }
            return c;
        }
    };
    if !c.is_ok() {
        return c;
    }
    // Then exactly what add/edit do, in memory.
    let built = match current {
        None => preset.build(&inputs).map(|_| ()),
        Some(spec) => build::apply_edit(&mut spec.clone(), &inputs).map(|_| ()),
    };
    if let Err(e) = built {
        c.push(e);
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::preset;
    use crate::provider::table::Auth;

    fn draft(f: impl FnOnce(&mut Draft)) -> Draft {
        let mut d = Draft { id: "gw".into(), base_url: "https://h/v1".into(), model: "m".into(), key_mode: Some(KeyMode::None), ..Default::default() };
        f(&mut d);
        d
    }

    fn fields(c: &Checked) -> Vec<(Field, bool)> {
        c.fields.iter().map(|f| (f.field, f.missing)).collect()
    }

    #[test]
    fn a_draft_is_checked_field_by_field() {
        let custom = preset::find("custom").unwrap();
        let azure = preset::find("azure").unwrap();
        let ids = vec!["taken".to_owned()];
        let cases: Vec<(&'static Preset, Draft, Option<&str>, Vec<(Field, bool)>)> = vec![
            (custom, draft(|_| {}), None, vec![]),
            (custom, draft(|d| d.id = String::new()), None, vec![(Field::Id, true)]),
            (custom, draft(|d| d.id = "openai".into()), None, vec![(Field::Id, false)]),
            (custom, draft(|d| d.id = "taken".into()), None, vec![(Field::Id, false)]),
            (custom, draft(|d| d.id = "a b".into()), None, vec![(Field::Id, false)]),
            (custom, draft(|d| d.base_url = String::new()), None, vec![(Field::BaseUrl, true)]),
            (custom, draft(|d| d.base_url = "llm.example.com/v1".into()), None, vec![(Field::BaseUrl, false)]),
            (custom, draft(|d| d.base_url = "https://h/v1#x".into()), None, vec![(Field::BaseUrl, false)]),
            (custom, draft(|d| d.base_url = "https://h:abc/v1".into()), None, vec![(Field::BaseUrl, false)]),
            (custom, draft(|d| d.base_url = "https://h/v1/responses".into()), None, vec![]),
            (custom, draft(|d| d.model = String::new()), None, vec![(Field::Model, true)]),
            (custom, draft(|d| d.model = " m".into()), None, vec![(Field::Model, false)]),
            (custom, draft(|d| d.key_mode = Some(KeyMode::Keychain)), None, vec![(Field::Key, true)]),
            (custom, draft(|d| d.key_mode = Some(KeyMode::Keychain)), Some("sk-1"), vec![]),
            (custom, draft(|d| d.key_mode = Some(KeyMode::Keychain)), Some("a\nb"), vec![(Field::Key, false)]),
            (custom, draft(|d| d.key_mode = Some(KeyMode::Env)), None, vec![(Field::EnvVar, true)]),
            (custom, draft(|d| { d.key_mode = Some(KeyMode::Env); d.env_var = "1X".into() }), None, vec![(Field::EnvVar, false)]),
            (custom, draft(|d| d.key_mode = Some(KeyMode::Command)), None, vec![(Field::TokenCommand, true)]),
            (custom, draft(|d| d.headers = "no pair".into()), None, vec![(Field::Headers, false)]),
            (custom, draft(|d| d.headers = "Bäd=1".into()), None, vec![(Field::Headers, false)]),
            (custom, draft(|d| d.env_headers = "X-Team=not a var".into()), None, vec![(Field::EnvHeaders, false)]),
            (
                custom,
                draft(|d| { d.id = String::new(); d.base_url = "x".into(); d.model = String::new() }),
                None,
                vec![(Field::Id, true), (Field::BaseUrl, false), (Field::Model, true)],
            ),
            (azure, draft(|d| { d.base_url = String::new(); d.key_mode = Some(KeyMode::Keychain) }), Some("k"), vec![(Field::Resource, true), (Field::Deployment, true)]),
            (azure, draft(|d| { d.base_url = String::new(); d.resource = "a.b".into(); d.deployment = "d".into() }), None, vec![(Field::Resource, false)]),
            (azure, draft(|d| { d.base_url = String::new(); d.resource = "contoso".into(); d.deployment = "d".into() }), None, vec![]),
        ];
        for (p, d, key, want) in cases {
            let c = check(p, None, &d, key, &ids, crate::locale::Language::English);
            assert_eq!(fields(&c), want, "{d:?}: {c:?}");
            assert!(c.general.is_empty(), "{c:?}");
        }
    }

    #[test]
    fn an_edit_is_checked_against_the_current_provider() {
        let spec = ProviderSpec {
            id: "gw".into(),
            name: "GW".into(),
            base_url: "https://h/v1".into(),
            auth: Auth::Env { var: "K".into() },
            api: Api::Responses,
            bridge_port: None,
            preset: None,
            query_params: Default::default(),
            http_headers: Default::default(),
            env_http_headers: Default::default(),
            stream_idle_timeout_ms: None,
        };
        let custom = preset::find("custom").unwrap();
        let unchanged = Draft { key_mode: Some(KeyMode::Env), env_var: "K".into(), base_url: "https://h/v1".into(), ..Default::default() };
        assert!(check(custom, Some(&spec), &unchanged, None, &["gw".into()], crate::locale::Language::English).is_ok());
        let bad = Draft { base_url: "ftp://h".into(), ..unchanged.clone() };
        assert_eq!(fields(&check(custom, Some(&spec), &bad, None, &[], crate::locale::Language::English)), vec![(Field::BaseUrl, false)]);
    }

    #[test]
    fn header_lines_parse_as_pairs() {
        let pairs = parse_pairs(Field::Headers, "X-Client=codex\n\nX-Title: Switchboard ").unwrap();
        assert_eq!(pairs, vec![("X-Client".to_owned(), "codex".to_owned()), ("X-Title".to_owned(), "Switchboard".to_owned())]);
        for bad in ["oops", "=v", "A B=c"] {
            assert_eq!(parse_pairs(Field::EnvHeaders, bad).unwrap_err().field(), Some(Field::EnvHeaders), "{bad}");
        }
    }

    #[test]
    fn an_unspliceable_edit_names_no_file_as_a_provider() {
        let e = Error::Unspliceable("part-provider-table");
        assert!(!e.to_string().contains("provider `config.toml`"), "{e}");
        assert_eq!(e.code(), "unsupported_layout");
    }

    #[test]
    fn missing_fields_are_worded_as_flags_for_the_cli() {
        let e = Error::MissingInput { preset: "custom", field: Field::BaseUrl };
        assert!(e.to_string().contains("--base-url"), "{e}");
        assert_eq!(e.field(), Some(Field::BaseUrl));
    }
}
