//! Core's sentences, worded in a language from its Fluent catalog
//! (`locales/<language>/core.ftl`, built into the binary). A message missing
//! from a catalog is worded in English; one missing from English is its id.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::language::Language;

const SOURCES: [(Language, &str, &str); 4] = [
    (Language::English, "en", include_str!("../../../locales/en/core.ftl")),
    (Language::SimplifiedChinese, "zh-CN", include_str!("../../../locales/zh-CN/core.ftl")),
    (Language::TraditionalChinese, "zh-TW", include_str!("../../../locales/zh-TW/core.ftl")),
    (Language::Japanese, "ja", include_str!("../../../locales/ja/core.ftl")),
];

/// A message's arguments: text, a number (which plurals select on), or words of
/// their own (another message, worded in the same language).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Args(Vec<(&'static str, Arg)>);

#[derive(Debug, Clone, PartialEq)]
enum Arg {
    Text(String),
    Number(f64),
    Words(Words),
}

impl Args {
    pub fn new() -> Args {
        Args::default()
    }

    pub fn text(mut self, name: &'static str, value: impl std::fmt::Display) -> Args {
        self.0.push((name, Arg::Text(value.to_string())));
        self
    }

    pub fn number(mut self, name: &'static str, value: impl Into<f64>) -> Args {
        self.0.push((name, Arg::Number(value.into())));
        self
    }

    /// Another message as this argument, worded in the language of the one it goes into.
    pub fn words(mut self, name: &'static str, words: Words) -> Args {
        self.0.push((name, Arg::Words(words)));
        self
    }

    /// The message `id` (without arguments) as this argument.
    pub fn message(self, name: &'static str, id: &'static str) -> Args {
        self.words(name, Words::new(id, Args::new()))
    }

    fn fluent(&self, lang: Language) -> FluentArgs<'_> {
        let mut a = FluentArgs::new();
        for (k, v) in &self.0 {
            match v {
                Arg::Text(s) => a.set(*k, FluentValue::from(s.as_str())),
                Arg::Number(n) => a.set(*k, FluentValue::from(*n)),
                Arg::Words(w) => a.set(*k, FluentValue::from(w.in_language(lang))),
            }
        }
        a
    }
}

/// Sentences as core decided them, worded in any language later: each an id and
/// its arguments, after the separator that joins it to the one before.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Words(Vec<(&'static str, &'static str, Args)>);

impl Eq for Words {}

impl Words {
    pub fn new(id: &'static str, args: Args) -> Words {
        Words(vec![("", id, args)])
    }

    /// `id` after a space (`sep` " ") or on a line of its own ("\n").
    pub fn then(mut self, sep: &'static str, id: &'static str, args: Args) -> Words {
        self.0.push((sep, id, args));
        self
    }

    /// `more` after these, on a line of its own (`sep` "\n") or after a space.
    pub fn and(mut self, sep: &'static str, more: Words) -> Words {
        let mut rest = more.0.into_iter();
        if let Some((_, id, args)) = rest.next() {
            self.0.push((sep, id, args));
        }
        self.0.extend(rest);
        self
    }

    /// As the CLI says it, in `lang`.
    pub fn in_language(&self, lang: Language) -> String {
        self.0.iter().map(|(sep, id, args)| format!("{sep}{}", text(lang, id, args))).collect()
    }

    /// As the window says it, in `lang`: a message with an `-in-window` variant (one
    /// that names the window's buttons where the CLI's names a command) uses it.
    pub fn for_window(&self, lang: Language) -> String {
        self.0
            .iter()
            .map(|(sep, id, args)| format!("{sep}{}", text_preferring(lang, &format!("{id}-in-window"), id, args)))
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn bundles() -> &'static [(Language, FluentBundle<FluentResource>)] {
    static B: OnceLock<Vec<(Language, FluentBundle<FluentResource>)>> = OnceLock::new();
    B.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(lang, tag, src)| {
                let id: unic_langid::LanguageIdentifier = tag.parse().expect("a language tag");
                let mut b = FluentBundle::new_concurrent(vec![id]);
                // Every language here runs left to right: no isolation marks around arguments.
                b.set_use_isolating(false);
                let res = FluentResource::try_new((*src).to_owned()).unwrap_or_else(|(res, _)| res);
                let _ = b.add_resource(res);
                (*lang, b)
            })
            .collect()
    })
}

fn bundle(lang: Language) -> &'static FluentBundle<FluentResource> {
    &bundles().iter().find(|(l, _)| *l == lang).expect("every language has a catalog").1
}

/// Whether `lang`'s catalog (or English's) has the message `id`.
pub fn has(lang: Language, id: &str) -> bool {
    bundle(lang).has_message(id) || bundle(Language::English).has_message(id)
}

/// The message `preferred` in `lang` where `lang`'s catalog (or English's) has it,
/// else `fallback`: a surface's own variant of a message (the window's `-fix` of a
/// `-hint`, an `-in-window` of a notice) or the message itself.
pub fn text_preferring(lang: Language, preferred: &str, fallback: &str, args: &Args) -> String {
    text(lang, if has(lang, preferred) { preferred } else { fallback }, args)
}

/// The message `id` in `lang`, with `args`.
pub fn text(lang: Language, id: &str, args: &Args) -> String {
    for l in [lang, Language::English] {
        let b = bundle(l);
        if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let fluent = args.fluent(lang);
            return b.format_pattern(pattern, Some(&fluent), &mut errors).into_owned();
        }
    }
    id.to_owned()
}

#[cfg(test)]
#[path = "catalog_tests.rs"]
mod tests;
