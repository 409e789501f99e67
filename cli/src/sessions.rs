//! `switchboard sessions`: Codex's saved sessions across every provider, each
//! with the command that resumes it under the provider that made it.

use std::path::Path;

use switchboard_core::codex::sessions::{self, Session};

use crate::output::{print_json, say, shown};
use switchboard_core::locale::Args;

pub fn run(home: &Path, provider: Option<&str>, limit: usize, json: bool) {
    let list = sessions::list(home, provider, limit);
    if json {
        print_json(&list);
        return;
    }
    if list.is_empty() {
        match provider {
            Some(p) => println!("{}", say("cli-no-sessions-for", Args::new().text("id", shown(p)).text("path", home.join("sessions").display()))),
            None => println!("{}", say("cli-no-sessions", Args::new().text("path", home.join("sessions").display()))),
        }
        return;
    }
    for s in &list {
        print_one(s);
    }
}

fn print_one(s: &Session) {
    let started = s.started.get(..16).unwrap_or(&s.started).replace('T', " ");
    let title = if s.title.is_empty() { say("cli-no-message", Args::new()) } else { s.title.clone() };
    println!("{started}  {:<16} {}  {}", shown(&s.provider), shown(&s.id), shown(&title));
    println!("    {}", say("cli-session-in", Args::new().text("path", shown(&s.cwd))));
    println!("    {}", say("cli-session-resume", Args::new().text("command", shown(&s.resume_line))));
}
