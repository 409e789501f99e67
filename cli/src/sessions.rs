//! `switchboard sessions`: Codex's saved sessions across every provider, each
//! with the command that resumes it under the provider that made it.

use std::path::Path;

use switchboard_core::codex::sessions::{self, Session};

use crate::output::{print_json, shown};

pub fn run(home: &Path, provider: Option<&str>, limit: usize, json: bool) {
    let list = sessions::list(home, provider, limit);
    if json {
        print_json(&list);
        return;
    }
    if list.is_empty() {
        match provider {
            Some(p) => println!("No saved Codex sessions for `{}` in {}.", shown(p), home.join("sessions").display()),
            None => println!("No saved Codex sessions in {}.", home.join("sessions").display()),
        }
        return;
    }
    for s in &list {
        print_one(s);
    }
}

fn print_one(s: &Session) {
    let started = s.started.get(..16).unwrap_or(&s.started).replace('T', " ");
    let title = if s.title.is_empty() { "(no message)" } else { &s.title };
    println!("{started}  {:<16} {}  {}", shown(&s.provider), shown(&s.id), shown(title));
    println!("    in {}", shown(&s.cwd));
    println!("    resume: {}", shown(&s.resume_line));
}
