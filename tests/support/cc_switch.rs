//! CC Switch databases for the import tests, built from the schema as CC
//! Switch's source defines it (src-tauri/src/database/schema.rs of each
//! release), written here: the `providers` table of a fresh 3.8.0 install
//! (user_version 1), of 3.20.0 (17), and of databases upgraded across releases,
//! where the columns added by migrations come last and in another order.

use std::path::Path;

use rusqlite::Connection;

/// Which database to build.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    /// Before 3.8.0 there was no database; a file with user_version 0 is not one CC Switch left.
    Legacy,
    /// CC Switch 3.8.0, fresh: 13 columns, user_version 1.
    V1Fresh,
    /// 3.8.0 upgraded to 3.14–3.16 (user_version 10): the v1→v2 columns appended.
    V10Upgraded,
    /// CC Switch 3.20.0, fresh: in_failover_queue in the table, the v1→v2 columns appended.
    V17Fresh,
    /// 3.8.0 upgraded to 3.20.0: in_failover_queue comes after the v1→v2 columns.
    V17UpgradedFromV1,
    /// A CC Switch newer than any this Switchboard knows.
    Future,
}

impl Shape {
    pub fn version(self) -> i64 {
        match self {
            Shape::Legacy => 0,
            Shape::V1Fresh => 1,
            Shape::V10Upgraded => 10,
            Shape::V17Fresh | Shape::V17UpgradedFromV1 => 17,
            Shape::Future => 18,
        }
    }
}

const V1_COLUMNS: &str = "id TEXT NOT NULL, app_type TEXT NOT NULL, name TEXT NOT NULL, settings_config TEXT NOT NULL, \
    website_url TEXT, category TEXT, created_at INTEGER, sort_index INTEGER, notes TEXT, icon TEXT, icon_color TEXT, \
    meta TEXT NOT NULL DEFAULT '{}', is_current BOOLEAN NOT NULL DEFAULT 0";
const V2_ADDED: &[&str] = &["limit_daily_usd TEXT", "limit_monthly_usd TEXT", "provider_type TEXT"];
const FAILOVER: &str = "in_failover_queue BOOLEAN NOT NULL DEFAULT 0";

/// A third-party Codex provider the way CC Switch 3.16+ writes it: `model_provider = "custom"`.
fn third_party(name: &str, url: &str, model: &str, key: &str) -> String {
    serde_json::json!({
        "auth": { "OPENAI_API_KEY": key },
        "config": format!(
            "model_provider = \"custom\"\nmodel = \"{model}\"\nmodel_reasoning_effort = \"high\"\ndisable_response_storage = true\n\n\
             [model_providers.custom]\nname = \"{name}\"\nbase_url = \"{url}\"\nwire_api = \"responses\"\nrequires_openai_auth = true\n"
        ),
    })
    .to_string()
}

/// Builds the database at `path`. `url` and `key` are those of the usable "My Gateway" entry.
pub fn fixture(path: &Path, shape: Shape, url: &str, key: &str) {
    let conn = Connection::open(path).unwrap();
    let create = match shape {
        Shape::Legacy => "CREATE TABLE providers (id TEXT NOT NULL, app_type TEXT NOT NULL, name TEXT NOT NULL, settings_config TEXT NOT NULL, website_url TEXT, PRIMARY KEY (id, app_type))".to_owned(),
        Shape::V1Fresh | Shape::V10Upgraded | Shape::V17UpgradedFromV1 => format!("CREATE TABLE providers ({V1_COLUMNS}, PRIMARY KEY (id, app_type))"),
        Shape::V17Fresh | Shape::Future => format!("CREATE TABLE providers ({V1_COLUMNS}, {FAILOVER}, PRIMARY KEY (id, app_type))"),
    };
    conn.execute_batch(&create).unwrap();
    let mut added: Vec<&str> = Vec::new();
    match shape {
        Shape::V10Upgraded | Shape::V17Fresh | Shape::Future => added.extend(V2_ADDED),
        Shape::V17UpgradedFromV1 => {
            added.extend(V2_ADDED);
            added.push(FAILOVER);
        }
        _ => {}
    }
    for col in added {
        conn.execute_batch(&format!("ALTER TABLE providers ADD COLUMN {col}")).unwrap();
    }
    let rows: Vec<(&str, &str, &str, String, String)> = vec![
        ("codex-official", "codex", "OpenAI Official", serde_json::json!({"auth": {}, "config": ""}).to_string(), "{}".into()),
        ("p-gw", "codex", "My Gateway", third_party("My Gateway", url, "gw-model", key), "{}".into()),
        ("p-or", "codex", "OpenRouter", third_party("OpenRouter", "https://openrouter.ai/api/v1", "openai/gpt-5.3-codex", "sk-or-v1-fixture"), "{}".into()),
        (
            "p-tok",
            "codex",
            "Token Only",
            serde_json::json!({"auth": {}, "config": "model_provider = \"tok\"\nmodel = \"t-model\"\n[model_providers.tok]\nname = \"Token Only\"\nbase_url = \"https://tok.example/v1\"\nexperimental_bearer_token = \"sk-token-only\"\n"}).to_string(),
            "{}".into(),
        ),
        ("p-chat", "codex", "Chat Upstream", third_party("Chat Upstream", "https://chat.example/v1", "c-model", "sk-chat-1"), "{\"apiFormat\":\"openai_chat\"}".into()),
        ("p-dup", "codex", "Dup Gateway", third_party("Dup Gateway", "https://dup.example/v1/", "dup-model", "sk-dup-1"), "{}".into()),
        // A sign-in CC Switch manages (3.20's xAI preset): an address, but no key of its own.
        ("p-grok", "codex", "Grok OAuth", third_party("xAI", "https://api.x.ai/v1", "grok-4.5", ""), "{\"providerType\":\"xai_oauth\",\"apiFormat\":\"openai_responses\"}".into()),
        // Claude's providers live in the same table and are never imported.
        ("c-1", "claude", "Claude Relay", serde_json::json!({"env": {"ANTHROPIC_AUTH_TOKEN": "sk-claude-1"}}).to_string(), "{}".into()),
    ];
    let has_meta = !matches!(shape, Shape::Legacy);
    for (i, (id, app, name, settings, meta)) in rows.into_iter().enumerate() {
        if has_meta {
            conn.execute(
                "INSERT INTO providers (id, app_type, name, settings_config, meta, sort_index) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                rusqlite::params![id, app, name, settings, meta, i as i64],
            )
            .unwrap();
        } else {
            conn.execute("INSERT INTO providers (id, app_type, name, settings_config) VALUES (?1, ?2, ?3, ?4)", rusqlite::params![id, app, name, settings])
                .unwrap();
        }
    }
    conn.execute_batch(&format!("PRAGMA user_version = {}", shape.version())).unwrap();
}
