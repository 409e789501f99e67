//! How the bridge speaks to each kind of chat provider: what it sends, what it
//! leaves out, and what goes back on the next request of a turn. One row per way
//! of speaking, from the providers' documents (`shared/fixtures/provider-quirks.md`
//! names the sources); the preset the user chose picks the row, and what the
//! provider refused since (`lesson`) adjusts it. Pure data.
//!
//! What every row does alike lives in `request` and `stream`: the developer role
//! becomes system, arguments go as a JSON string, reasoning, `reasoning_details`
//! and Gemini's thought signatures go back only to the upstream that made them.

use serde::{Deserialize, Serialize};

/// Where the provider's own reasoning goes back on an assistant message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReasoningBack {
    /// A string field beside `content`: `reasoning_content` (DeepSeek, Kimi, GLM), `reasoning` (Ollama, vLLM).
    Field(&'static str),
    /// Mistral's thinking blocks: `content` becomes `[{"type":"thinking",...}, {"type":"text",...}]`.
    ThinkingBlocks,
    /// Never (Groq refuses the property).
    Never,
}

/// How Codex's `reasoning.effort` reaches the provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effort {
    /// Not sent: a field some providers refuse, or read with other values.
    Never,
    /// `reasoning_effort` as Codex says it (DeepSeek maps Codex's levels itself).
    AsCodexSays,
    /// `reasoning_effort` in the provider's levels: each Codex level and what it becomes.
    Levels(&'static [(&'static str, &'static str)]),
}

/// One way of speaking Chat Completions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    /// For the Test and the logs.
    pub name: &'static str,
    /// `stream_options.include_usage`, for the usage Codex shows.
    pub stream_usage: bool,
    /// `parallel_tool_calls`, when tools are offered.
    pub parallel_tool_calls: bool,
    pub effort: Effort,
    pub reasoning_back: ReasoningBack,
    /// Every assistant message with tool calls carries reasoning, a placeholder when
    /// none was kept (DeepSeek and Kimi refuse a tool loop without it; Kimi counts "" as none).
    pub reasoning_on_calls: bool,
    /// Tool-call ids of exactly nine letters and digits (Mistral).
    pub short_tool_ids: bool,
    /// An assistant message between a tool result and a following user or system message (Mistral).
    pub assistant_after_tool: bool,
}

/// The reasoning an assistant tool-call message carries when none was kept.
pub const REASONING_PLACEHOLDER: &str = "tool call";
/// What the assistant says between a tool result and the user's next message.
pub const BETWEEN_TOOL_AND_USER: &str = "OK.";

/// A provider the bridge knows nothing of: what most OpenAI-compatible servers take.
pub const GENERIC: Dialect = Dialect {
    name: "generic",
    stream_usage: true,
    parallel_tool_calls: true,
    effort: Effort::Never,
    reasoning_back: ReasoningBack::Field("reasoning_content"),
    reasoning_on_calls: false,
    short_tool_ids: false,
    assistant_after_tool: false,
};

/// DeepSeek: `reasoning_effort` (low/high/max, Codex's levels mapped by DeepSeek), and
/// `reasoning_content` on every assistant message of a tool loop.
pub const DEEPSEEK: Dialect = Dialect { name: "deepseek", effort: Effort::AsCodexSays, reasoning_on_calls: true, ..GENERIC };

/// Moonshot Kimi: `reasoning_content`, never empty, on every assistant tool-call message while thinking.
pub const KIMI: Dialect = Dialect { name: "kimi", reasoning_on_calls: true, ..GENERIC };

/// Zhipu GLM and Z.ai: no `stream_options` (usage comes on the last chunk), thinking back as `reasoning_content`.
pub const GLM: Dialect = Dialect { name: "glm", stream_usage: false, ..GENERIC };

/// Mistral: refuses unknown fields with a 422 (`stream_options`, `reasoning_content`), tool-call ids
/// of nine letters and digits, no user message right after a tool result, thinking as content blocks.
pub const MISTRAL: Dialect = Dialect {
    name: "mistral",
    stream_usage: false,
    reasoning_back: ReasoningBack::ThinkingBlocks,
    short_tool_ids: true,
    assistant_after_tool: true,
    ..GENERIC
};

/// Ollama's `/v1/chat/completions`: `reasoning` rather than `reasoning_content`, effort high/medium/low/none.
pub const OLLAMA: Dialect = Dialect {
    name: "ollama",
    effort: Effort::Levels(&[("none", "none"), ("minimal", "low"), ("low", "low"), ("medium", "medium"), ("high", "high"), ("xhigh", "high")]),
    reasoning_back: ReasoningBack::Field("reasoning"),
    ..GENERIC
};

/// Groq: refuses `reasoning_content` (and `reasoning`) on replayed messages.
pub const GROQ: Dialect = Dialect { name: "groq", reasoning_back: ReasoningBack::Never, ..GENERIC };

/// What the bridge learnt from a provider's refusal, and remembers for that provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Lesson {
    /// It refuses `stream_options`.
    NoStreamOptions,
    /// It refuses `parallel_tool_calls`.
    NoParallelToolCalls,
    /// It refuses `reasoning_effort`.
    NoReasoningEffort,
    /// It refuses reasoning on an assistant message.
    NoReasoningBack,
    /// It wants reasoning on every assistant tool-call message.
    ReasoningOnCalls,
    /// It wants tool-call ids of nine letters and digits.
    ShortToolIds,
    /// It wants an assistant message between a tool result and a user message.
    AssistantAfterTool,
}

impl Lesson {
    pub const ALL: [Lesson; 7] = [
        Lesson::NoStreamOptions,
        Lesson::NoParallelToolCalls,
        Lesson::NoReasoningEffort,
        Lesson::NoReasoningBack,
        Lesson::ReasoningOnCalls,
        Lesson::ShortToolIds,
        Lesson::AssistantAfterTool,
    ];

    /// The message id that says it (`locales/*/core.ftl`).
    pub fn message_id(self) -> &'static str {
        match self {
            Lesson::NoStreamOptions => "lesson-no-stream-options",
            Lesson::NoParallelToolCalls => "lesson-no-parallel-tool-calls",
            Lesson::NoReasoningEffort => "lesson-no-reasoning-effort",
            Lesson::NoReasoningBack => "lesson-no-reasoning-back",
            Lesson::ReasoningOnCalls => "lesson-reasoning-on-calls",
            Lesson::ShortToolIds => "lesson-short-tool-ids",
            Lesson::AssistantAfterTool => "lesson-assistant-after-tool",
        }
    }
}

impl Dialect {
    /// This dialect with what the provider taught since.
    pub fn taught(mut self, lessons: &[Lesson]) -> Dialect {
        for l in lessons {
            match l {
                Lesson::NoStreamOptions => self.stream_usage = false,
                Lesson::NoParallelToolCalls => self.parallel_tool_calls = false,
                Lesson::NoReasoningEffort => self.effort = Effort::Never,
                Lesson::NoReasoningBack => {
                    self.reasoning_back = ReasoningBack::Never;
                    self.reasoning_on_calls = false;
                }
                Lesson::ReasoningOnCalls => {
                    self.reasoning_on_calls = true;
                    if self.reasoning_back == ReasoningBack::Never {
                        self.reasoning_back = ReasoningBack::Field("reasoning_content");
                    }
                }
                Lesson::ShortToolIds => self.short_tool_ids = true,
                Lesson::AssistantAfterTool => self.assistant_after_tool = true,
            }
        }
        self
    }

    /// The `reasoning_effort` Codex's `effort` becomes, if any.
    pub fn effort_for(&self, effort: &str) -> Option<&'static str> {
        match self.effort {
            Effort::Never => None,
            Effort::AsCodexSays => ["none", "minimal", "low", "medium", "high", "xhigh", "max"].into_iter().find(|e| *e == effort),
            Effort::Levels(levels) => levels.iter().find(|(from, _)| *from == effort).map(|(_, to)| *to),
        }
    }
}

/// Tool-call ids as Mistral takes them: nine letters and digits. One already in that
/// form stays; any other maps to the same nine characters every time, so a call and
/// its result still pair up.
pub fn short_tool_id(id: &str) -> String {
    if id.len() == 9 && id.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return id.to_owned();
    }
    use sha2::{Digest, Sha256};
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let digest = Sha256::digest(id.as_bytes());
    digest.iter().take(9).map(|b| ALPHABET[(*b as usize) % ALPHABET.len()] as char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lessons_adjust_a_dialect() {
        // (dialect, lessons, what changes)
        let cases: Vec<(Dialect, Vec<Lesson>, Dialect)> = vec![
            (GENERIC, vec![], GENERIC),
            (GENERIC, vec![Lesson::NoStreamOptions], Dialect { stream_usage: false, ..GENERIC }),
            (GENERIC, vec![Lesson::NoParallelToolCalls], Dialect { parallel_tool_calls: false, ..GENERIC }),
            (DEEPSEEK, vec![Lesson::NoReasoningEffort], Dialect { effort: Effort::Never, ..DEEPSEEK }),
            (KIMI, vec![Lesson::NoReasoningBack], Dialect { reasoning_back: ReasoningBack::Never, reasoning_on_calls: false, ..KIMI }),
            (GROQ, vec![Lesson::ReasoningOnCalls], Dialect { reasoning_back: ReasoningBack::Field("reasoning_content"), reasoning_on_calls: true, ..GROQ }),
            (GENERIC, vec![Lesson::ShortToolIds, Lesson::AssistantAfterTool], Dialect { short_tool_ids: true, assistant_after_tool: true, ..GENERIC }),
        ];
        for (d, lessons, want) in cases {
            assert_eq!(d.taught(&lessons), want, "{} {lessons:?}", d.name);
        }
    }

    #[test]
    fn efforts_in_each_providers_levels() {
        let cases = [
            (GENERIC, "high", None),
            (DEEPSEEK, "xhigh", Some("xhigh")),
            (DEEPSEEK, "bogus", None),
            (OLLAMA, "minimal", Some("low")),
            (OLLAMA, "xhigh", Some("high")),
            (OLLAMA, "medium", Some("medium")),
            (MISTRAL, "high", None),
        ];
        for (d, effort, want) in cases {
            assert_eq!(d.effort_for(effort), want, "{} {effort}", d.name);
        }
    }

    #[test]
    fn tool_ids_of_nine_letters_and_digits() {
        assert_eq!(short_tool_id("D681PevKs"), "D681PevKs");
        for id in ["call_0fypS1hVX", "functions.shell:0", "call_00_abcdefghijklmnopqrstuvwx", "", "D681PevK_"] {
            let s = short_tool_id(id);
            assert_eq!(s.len(), 9, "{id}");
            assert!(s.bytes().all(|b| b.is_ascii_alphanumeric()), "{id} -> {s}");
            assert_eq!(short_tool_id(id), s, "the same every time");
        }
        assert_ne!(short_tool_id("call_a"), short_tool_id("call_b"));
        let names: Vec<&str> = Lesson::ALL.iter().map(|l| l.message_id()).collect();
        assert_eq!(names.len(), 7);
    }
}
