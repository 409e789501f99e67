//! The scripted tool task every stand-in runs: what each answer says, told apart
//! by the tool results a request carries, and how an answer is cut into pieces.

use serde_json::{Value, json};

use super::behaviour::Behaviour;
use super::messages::role;

/// The patch the second step applies.
pub const PATCH: &str = "*** Begin Patch\n*** Add File: three.txt\n+three ✓\n*** End Patch";

/// The last answer of `b`'s task.
pub fn final_answer(b: Behaviour) -> String {
    format!("All done: {} wrote one.txt, two.txt and three.txt ✓", b.name())
}

/// What one answer says.
pub(super) struct Plan {
    pub(super) reasoning: Option<&'static str>,
    pub(super) text: String,
    /// Each call: the function's name and its arguments as JSON text.
    pub(super) calls: Vec<(String, String)>,
}

pub(super) fn plan(b: Behaviour, req: &Value) -> Plan {
    let empty = Vec::new();
    let msgs = req.get("messages").and_then(Value::as_array).unwrap_or(&empty);
    let results = msgs.iter().filter(|m| role(m) == "tool").count();
    let offers = |name: &str| req.get("tools").and_then(Value::as_array).is_some_and(|t| t.iter().any(|t| t.pointer("/function/name") == Some(&json!(name))));
    let shell = |cmd: &str| -> (String, String) {
        if !offers("exec_command") && offers("shell_command") {
            ("shell_command".into(), json!({"command": cmd}).to_string())
        } else if !offers("exec_command") && offers("shell") {
            ("shell".into(), json!({"command": ["bash", "-lc", cmd]}).to_string())
        } else {
            ("exec_command".into(), json!({"cmd": cmd, "yield_time_ms": 2000}).to_string())
        }
    };
    match results {
        0 => Plan {
            reasoning: Some("I will write both files at once."),
            text: "Writing one.txt and two.txt.".into(),
            calls: vec![shell("echo one > one.txt"), shell("echo two > two.txt")],
        },
        // DeepSeek and Kimi think nothing aloud before this call (DeepSeek's reasoning is
        // its first "" alone): the bridge owes them reasoning on it all the same (§1.3, §2.2, §2.3).
        2 => Plan {
            reasoning: if matches!(b, Behaviour::DeepSeek | Behaviour::Kimi) { None } else { Some("Now three.txt, as a patch.") },
            text: String::new(),
            calls: vec![if offers("apply_patch") { ("apply_patch".into(), json!({"input": PATCH}).to_string()) } else { shell("printf 'three ✓\\n' > three.txt") }],
        },
        n if n >= 3 => Plan { reasoning: Some("All three files are written."), text: final_answer(b), calls: vec![] },
        n => Plan { reasoning: None, text: format!("Unexpected history: {n} tool result(s)."), calls: vec![] },
    }
}

pub(super) fn words(text: &str) -> Vec<String> {
    text.split_inclusive(' ').map(str::to_owned).collect()
}

/// `text` in `n` pieces (fewer when it is short), cut between characters.
pub(super) fn pieces(text: &str, n: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let size = chars.len().div_ceil(n).max(1);
    chars.chunks(size).map(|c| c.iter().collect()).collect()
}

pub(super) fn finish_reason(p: &Plan) -> &'static str {
    if p.calls.is_empty() { "stop" } else { "tool_calls" }
}
