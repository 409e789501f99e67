//! The inputs a provider is made from, named once. Errors say which input they
//! are about with a `Field`; each surface words it for itself: the CLI as a flag
//! (`Field::flag`), the window as a labelled field (ui/src/lib/fields.ts).

use serde::{Deserialize, Serialize};

/// One input of `add`/`edit`. The JSON names are the window's form field names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum Field {
    Id,
    Name,
    BaseUrl,
    Model,
    Resource,
    Deployment,
    ApiVersion,
    Key,
    EnvVar,
    TokenCommand,
    Headers,
    EnvHeaders,
    Query,
    ContextWindow,
}

impl Field {
    /// How the CLI asks for this input.
    pub fn flag(self) -> &'static str {
        match self {
            Field::Id => "--id ID",
            Field::Name => "--name NAME",
            Field::BaseUrl => "--base-url URL",
            Field::Model => "--model NAME",
            Field::Resource => "--resource NAME (or --base-url URL)",
            Field::Deployment => "--deployment NAME",
            Field::ApiVersion => "--api-version VERSION",
            Field::Key => "a key (--key-stdin), an environment variable (--env-key VAR) or a token command (--token-command CMD)",
            Field::EnvVar => "--env-key VAR",
            Field::TokenCommand => "--token-command CMD",
            Field::Headers => "--header K=V",
            Field::EnvHeaders => "--env-header K=VAR",
            Field::Query => "--query K=V",
            Field::ContextWindow => "--context-window TOKENS",
        }
    }
}

/// Where a preset's form shows a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// In the form's first block.
    Main,
    /// Under "More options".
    More,
    /// Not shown.
    Hidden,
}

/// One field of a preset's form: where it goes when adding and when editing,
/// and whether adding needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FormField {
    pub field: Field,
    pub add: Place,
    pub edit: Place,
    pub required: bool,
}

/// What is wrong with one field of a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FieldError {
    pub field: Field,
    /// The field is empty but needed; the surface words the request itself.
    pub missing: bool,
    /// Core's sentence about the value (for `missing`, the CLI's wording).
    pub message: String,
}
