//! Lossless editing of TOML text, knowing nothing of what the keys mean.
//!
//! `toml_edit` re-renders a document with `\n` line endings, so instead of
//! serialising a mutated tree we parse with spans and splice the original text:
//! only the bytes of the values, lines and tables we were asked to change are
//! replaced; every other byte (comments, blank lines, CRLF, order, unknown
//! tables) is copied through untouched. Every result is parsed again before it
//! is handed back, so a splice can never produce a broken file.
//!
//! Edits are addressed by path: the root table's keys (`set_root`), and a table
//! `[parent.key]` under a top-level table (`upsert_table`, `remove_table`).
//! Codex's schema on top of this lives in `config_doc`.

use std::ops::Range;
use std::path::Path;

use toml_edit::{Document, InlineTable, Item, Table, TableLike, Value};

use crate::error::{Error, Result};

/// What an edit wants for one key. Keys an edit does not mention are kept as they are.
#[derive(Debug, Clone)]
pub enum Want {
    /// The key must hold this value.
    Set(Value),
    /// The key must not exist.
    Remove,
    /// The key must be a table; its own keys are reconciled recursively.
    Table(Vec<(String, Want)>),
}

/// TOML text as it was read, and the ability to splice it.
#[derive(Debug, Clone)]
pub struct TomlText {
    /// Parsed once per version of the text; owns the text.
    parsed: Document<String>,
    eol: &'static str,
}

#[derive(Debug)]
struct Splice {
    range: Range<usize>,
    text: String,
}

impl TomlText {
    /// Parses `text`; `path` only names the file in error messages.
    pub fn parse(text: String, path: &Path) -> Result<Self> {
        // The clone keeps the text for the error message; it costs microseconds.
        match Document::parse(text.clone()) {
            Ok(parsed) => {
                let eol = detect_eol(parsed.raw());
                Ok(TomlText { parsed, eol })
            }
            Err(err) => Err(toml_error(&text, &err, path)),
        }
    }

    pub fn text(&self) -> &str {
        self.parsed.raw()
    }

    /// The line ending used by the file (`"\r\n"` or `"\n"`).
    pub fn eol(&self) -> &'static str {
        self.eol
    }

    /// The root table.
    pub fn root(&self) -> &Table {
        self.parsed.as_table()
    }

    /// The header table `[parent]`; an inline table there is a layout we do not edit.
    pub fn table(&self, parent: &str) -> Result<Option<&Table>> {
        match self.parsed.get(parent) {
            None => Ok(None),
            Some(Item::Table(t)) => Ok(Some(t)),
            Some(Item::Value(Value::InlineTable(_))) => Err(Error::UnsupportedLayout { id: parent.into(), form: "layout-inline-table" }),
            Some(item) => Err(Error::WrongType { key: parent.into(), found: type_name(item), expected: "type-table" }),
        }
    }

    /// Reconciles the root table's keys with `wants`. New keys go after the last
    /// top-level key, above the first table, never after a table header.
    pub fn set_root(&mut self, wants: &[(String, Want)], what: &'static str) -> Result<bool> {
        let doc = &self.parsed;
        let mut splices = Vec::new();
        let at = root_insert_point(doc);
        reconcile(self, doc.as_table(), "", at, wants, &mut splices)?;
        self.apply(splices, what)
    }

    /// Makes `[parent.key]` match `wants`, creating it after the last table under
    /// `[parent]` (or at the end) if needed.
    pub fn upsert_table(&mut self, parent: &str, key: &str, wants: &[(String, Want)], what: &'static str) -> Result<bool> {
        let mut splices = Vec::new();
        let path = format!("{parent}.{key}");
        let existing = self.table(parent)?.and_then(|p| p.get(key));
        match existing {
            None => {
                let at = append_point(self, parent);
                let block = new_table_block(self, &path, wants);
                splices.push(self.insert_table_block(at, &block));
            }
            Some(Item::Table(t)) if !t.is_implicit() && !t.is_dotted() => {
                let at = table_insert_point(self, t);
                reconcile(self, t, &path, at, wants, &mut splices)?;
            }
            Some(Item::Table(t)) if t.is_dotted() => {
                return Err(Error::UnsupportedLayout { id: key.into(), form: "layout-dotted-keys" });
            }
            Some(Item::Table(_)) => {
                return Err(Error::UnsupportedLayout { id: key.into(), form: "layout-sub-tables-only" });
            }
            Some(Item::Value(Value::InlineTable(old))) => {
                let mut merged = old.clone();
                if merge_inline(&mut merged, wants)? {
                    merged.fmt();
                    let span = old.span().expect("parsed value has a span");
                    splices.push(Splice { range: span, text: merged.to_string().trim().to_owned() });
                }
            }
            Some(other) => {
                return Err(Error::WrongType { key: path, found: type_name(other), expected: "type-table" });
            }
        }
        self.apply(splices, what)
    }

    /// Removes `[parent.key]` and all of its sub-tables. Returns false when absent.
    pub fn remove_table(&mut self, parent: &str, key: &str, what: &'static str) -> Result<bool> {
        let mut splices = Vec::new();
        let Some(table) = self.table(parent)? else { return Ok(false) };
        let Some((k, item)) = table.get_key_value(key) else { return Ok(false) };
        match item {
            Item::Table(t) if !t.is_dotted() => {
                self.remove_table_regions(t, &mut splices);
                // A table and its sub-tables are usually one stretch of lines: join them,
                // so that one removal reaching the end of the file takes its line break.
                splices.sort_by_key(|s| s.range.start);
                let mut joined: Vec<Splice> = Vec::new();
                for s in splices {
                    match joined.last_mut() {
                        Some(last) if last.range.end == s.range.start => last.range.end = s.range.end,
                        _ => joined.push(s),
                    }
                }
                if let Some(last) = joined.pop() {
                    joined.push(self.without_final_break(last));
                }
                splices = joined;
            }
            Item::Value(v) => {
                let start = k.span().map(|s| s.start).unwrap_or_else(|| v.span().unwrap().start);
                splices.push(self.remove_lines(start, v.span().unwrap().end));
            }
            _ => return Err(Error::UnsupportedLayout { id: key.into(), form: "layout-dotted-keys" }),
        }
        self.apply(splices, what)
    }

    fn apply(&mut self, mut splices: Vec<Splice>, what: &'static str) -> Result<bool> {
        if splices.is_empty() {
            return Ok(false);
        }
        splices.sort_by_key(|s| (s.range.start, s.range.end));
        let text = self.text();
        let mut out = String::with_capacity(text.len() + 256);
        let mut pos = 0;
        for s in &splices {
            debug_assert!(s.range.start >= pos, "overlapping splices");
            out.push_str(&text[pos..s.range.start]);
            out.push_str(&s.text);
            pos = s.range.end;
        }
        out.push_str(&text[pos..]);
        match Document::parse(out) {
            Ok(parsed) => {
                self.parsed = parsed;
                Ok(true)
            }
            Err(_) => Err(Error::Unspliceable(what)),
        }
    }

    /// A splice inserting whole lines at `at` (a line start), keeping the file's line ending.
    fn insert_block(&self, at: usize, block: &str) -> Splice {
        let mut text = String::new();
        if at > 0 && at == self.text().len() && !self.text().ends_with('\n') {
            text.push_str(self.eol);
        }
        text.push_str(block);
        Splice { range: at..at, text }
    }

    /// A new table at the end of a file without a final newline keeps that style:
    /// the line break goes before the table, not after it (`without_final_break`
    /// undoes it when the table is removed).
    fn insert_table_block(&self, at: usize, block: &str) -> Splice {
        let text = self.text();
        if at > 0 && at == text.len() && !text.ends_with('\n') {
            let body = block.strip_suffix(self.eol).unwrap_or(block);
            return Splice { range: at..at, text: format!("{}{body}", self.eol) };
        }
        self.insert_block(at, block)
    }

    fn remove_lines(&self, start: usize, end: usize) -> Splice {
        Splice { range: line_start(self.text(), start)..line_end(self.text(), end), text: String::new() }
    }

    /// A removal that reaches the end of a file without a final newline also takes
    /// the line break before it, so the file still ends without one.
    fn without_final_break(&self, mut s: Splice) -> Splice {
        let text = self.text();
        if s.range.end == text.len() && !text.ends_with('\n') && s.range.start > 0 {
            let before = &text[..s.range.start];
            let cut = if before.ends_with("\r\n") { 2 } else if before.ends_with('\n') { 1 } else { 0 };
            s.range.start -= cut;
        }
        s
    }

    /// Removes a header table's lines and those of every header sub-table below it.
    /// One blank line above each header goes too, undoing what `new_table_block` adds.
    fn remove_table_regions(&self, t: &Table, out: &mut Vec<Splice>) {
        if let Some(region) = table_region(self.text(), t) {
            let mut start = region.start;
            let before = &self.text()[..start];
            let blank = if before.ends_with("\r\n\r\n") {
                2
            } else if before.ends_with("\n\n") {
                1
            } else {
                0
            };
            if blank > 0 {
                start -= blank;
            }
            out.push(Splice { range: start..region.end, text: String::new() });
        }
        for (_, item) in t.iter() {
            if let Item::Table(sub) = item {
                if !sub.is_dotted() {
                    self.remove_table_regions(sub, out);
                }
            }
        }
    }
}


/// Reconciles the keys of `table` (at dotted `path`) with `wants`. New keys are
/// inserted at `at`; new sub-tables follow them.
fn reconcile(
    doc: &TomlText,
    table: &Table,
    path: &str,
    at: usize,
    wants: &[(String, Want)],
    out: &mut Vec<Splice>,
) -> Result<()> {
    let full = |k: &str| if path.is_empty() { k.to_owned() } else { format!("{path}.{k}") };
    let mut new_lines = String::new();
    let mut new_tables = String::new();
    for (k, want) in wants {
        match (table.get_key_value(k), want) {
            (None, Want::Remove) => {}
            (None, Want::Set(v)) => new_lines.push_str(&kv_line(k, v, doc.eol)),
            (None, Want::Table(sub)) => {
                if sub.iter().any(|(_, w)| !matches!(w, Want::Remove)) {
                    new_tables.push_str(&new_table_block(doc, &full(k), sub));
                }
            }
            (Some((_, Item::Value(old))), Want::Set(v)) => {
                if !same_value(old, v) {
                    out.push(Splice { range: old.span().expect("span"), text: render(v) });
                }
            }
            (Some((key, Item::Value(old))), Want::Remove) => {
                let start = key.span().expect("span").start;
                out.push(doc.remove_lines(start, old.span().expect("span").end));
            }
            (Some((_, Item::Value(Value::InlineTable(old)))), Want::Table(sub)) => {
                let mut merged = old.clone();
                if merge_inline(&mut merged, sub)? {
                    merged.fmt();
                    out.push(Splice { range: old.span().expect("span"), text: merged.to_string().trim().to_owned() });
                }
            }
            (Some((_, Item::Table(t))), Want::Table(sub)) if !t.is_dotted() && !t.is_implicit() => {
                let sub_at = table_insert_point(doc, t);
                reconcile(doc, t, &full(k), sub_at, sub, out)?;
            }
            (Some((_, Item::Table(t))), Want::Set(v)) if !t.is_dotted() && !t.is_implicit() => {
                if !same_table_value(t, v) {
                    doc.remove_table_regions(t, out);
                    new_lines.push_str(&kv_line(k, v, doc.eol));
                }
            }
            (Some((_, Item::Table(t))), Want::Remove) if !t.is_dotted() && !t.is_implicit() => {
                doc.remove_table_regions(t, out);
            }
            (Some((_, Item::Table(_))), _) => {
                return Err(Error::UnsupportedLayout { id: full(k), form: "layout-dotted-or-bare" });
            }
            (Some((_, item)), Want::Table(_)) | (Some((_, item @ Item::ArrayOfTables(_))), _) => {
                return Err(Error::WrongType { key: full(k), found: type_name(item), expected: "type-table" });
            }
            (Some((_, Item::None)), _) => {}
        }
    }
    if !new_lines.is_empty() || !new_tables.is_empty() {
        new_lines.push_str(&new_tables);
        out.push(doc.insert_block(at, &new_lines));
    }
    Ok(())
}

/// Applies `wants` to an inline table. Returns whether anything changed.
fn merge_inline(t: &mut InlineTable, wants: &[(String, Want)]) -> Result<bool> {
    let mut changed = false;
    for (k, want) in wants {
        match want {
            Want::Remove => changed |= t.remove(k).is_some(),
            Want::Set(v) => {
                if !t.get(k).is_some_and(|old| same_value(old, v)) {
                    let mut v = v.clone();
                    v.decor_mut().clear();
                    t.insert(k, v);
                    changed = true;
                }
            }
            Want::Table(sub) => match t.get_mut(k) {
                Some(Value::InlineTable(inner)) => changed |= merge_inline(inner, sub)?,
                Some(other) => {
                    return Err(Error::WrongType { key: k.clone(), found: type_name(&Item::Value(other.clone())), expected: "type-table" });
                }
                None => {
                    let mut inner = InlineTable::new();
                    if merge_inline(&mut inner, sub)? {
                        t.insert(k, Value::InlineTable(inner));
                        changed = true;
                    }
                }
            },
        }
    }
    Ok(changed)
}

/// `[path]` followed by its keys, then its sub-tables, preceded by a blank line.
fn new_table_block(doc: &TomlText, path: &str, wants: &[(String, Want)]) -> String {
    let eol = doc.eol;
    let mut s = String::new();
    if !doc.text().trim().is_empty() {
        s.push_str(eol);
    }
    s.push('[');
    s.push_str(path);
    s.push(']');
    s.push_str(eol);
    let mut subs = String::new();
    for (k, want) in wants {
        match want {
            Want::Set(v) => s.push_str(&kv_line(k, v, eol)),
            Want::Remove => {}
            Want::Table(sub) => subs.push_str(&new_table_block(doc, &format!("{path}.{k}"), sub)),
        }
    }
    s.push_str(&subs);
    s
}

fn kv_line(k: &str, v: &Value, eol: &str) -> String {
    let key = toml_edit::Key::new(k);
    format!("{} = {}{eol}", key.display_repr(), render(v))
}

fn render(v: &Value) -> String {
    let mut v = v.clone();
    v.decor_mut().clear();
    if let Value::InlineTable(t) = &mut v {
        t.fmt();
    }
    v.to_string().trim().to_owned()
}

/// Where new top-level keys go: after the last top-level key's line. With no
/// top-level keys: above the comment lines attached to the first table header
/// (so a file's opening comments stay first), or at the end of a file of only comments.
fn root_insert_point(doc: &Document<String>) -> usize {
    let text = doc.raw();
    if let Some(end) = last_value_end(doc.as_table()) {
        return line_end(text, end);
    }
    let first_header = doc
        .as_table()
        .iter()
        .filter_map(|(_, item)| match item {
            Item::Table(t) => first_header_start(t),
            Item::ArrayOfTables(a) => a.iter().filter_map(|t| t.span().map(|s| s.start)).min(),
            _ => None,
        })
        .min();
    let Some(header) = first_header else { return text.len() };
    let mut at = line_start(text, header);
    while at > 0 {
        let prev = line_start(text, at - 1);
        if !text[prev..at].trim_start().starts_with('#') {
            break;
        }
        at = prev;
    }
    at
}

fn first_header_start(t: &Table) -> Option<usize> {
    let own = if t.is_implicit() || t.is_dotted() { None } else { t.span().map(|s| s.start) };
    t.iter()
        .filter_map(|(_, item)| match item {
            Item::Table(sub) => first_header_start(sub),
            Item::ArrayOfTables(a) => a.iter().filter_map(|t| t.span().map(|s| s.start)).min(),
            _ => None,
        })
        .chain(own)
        .min()
}

/// Where new keys of a header table go: after its last key's line, else after its header.
fn table_insert_point(doc: &TomlText, t: &Table) -> usize {
    table_region(doc.text(), t).map(|r| r.end).unwrap_or(doc.text().len())
}

/// Where a new table under `[parent]` goes: after the last table under it, else at the end.
fn append_point(doc: &TomlText, parent: &str) -> usize {
    let mut end = None;
    if let Some(Item::Table(t)) = doc.parsed.get(parent) {
        collect_region_ends(doc.text(), t, &mut end);
    }
    end.unwrap_or(doc.text().len())
}

fn collect_region_ends(text: &str, t: &Table, end: &mut Option<usize>) {
    if let Some(r) = table_region(text, t) {
        *end = Some(end.map_or(r.end, |e: usize| e.max(r.end)));
    }
    for (_, item) in t.iter() {
        if let Item::Table(sub) = item {
            collect_region_ends(text, sub, end);
        }
    }
}

/// The lines of a header table: its header line through the line of its last key.
fn table_region(text: &str, t: &Table) -> Option<Range<usize>> {
    if t.is_implicit() || t.is_dotted() {
        return None;
    }
    let header = t.span()?;
    let end = last_value_end(t).unwrap_or(header.end).max(header.end);
    Some(line_start(text, header.start)..line_end(text, end))
}

/// The end of the last value that belongs to this table's own section
/// (its keys and dotted keys, not header sub-tables).
fn last_value_end(t: &Table) -> Option<usize> {
    let mut end: Option<usize> = None;
    for (_, item) in t.iter() {
        let e = match item {
            Item::Value(v) => v.span().map(|s| s.end),
            Item::Table(sub) if sub.is_dotted() => last_value_end(sub),
            _ => None,
        };
        if let Some(e) = e {
            end = Some(end.map_or(e, |x| x.max(e)));
        }
    }
    end
}

fn line_start(text: &str, pos: usize) -> usize {
    text[..pos].rfind('\n').map_or(0, |i| i + 1)
}

fn line_end(text: &str, pos: usize) -> usize {
    text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1)
}

fn detect_eol(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// Semantic equality of two TOML values, ignoring formatting.
pub fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => x.value() == y.value(),
        (Value::Integer(x), Value::Integer(y)) => x.value() == y.value(),
        (Value::Float(x), Value::Float(y)) => x.value() == y.value(),
        (Value::Boolean(x), Value::Boolean(y)) => x.value() == y.value(),
        (Value::Datetime(x), Value::Datetime(y)) => x.value() == y.value(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| same_value(a, b)),
        (Value::InlineTable(x), Value::InlineTable(y)) => same_table_like(x, y),
        _ => false,
    }
}

fn same_table_value(t: &Table, v: &Value) -> bool {
    matches!(v, Value::InlineTable(it) if same_table_like(t, it))
}

fn same_table_like(x: &dyn TableLike, y: &dyn TableLike) -> bool {
    x.len() == y.len()
        && x.iter().all(|(k, a)| match (a.as_value(), y.get(k).and_then(Item::as_value)) {
            (Some(a), Some(b)) => same_value(a, b),
            _ => false,
        })
}

pub(crate) fn type_name(item: &Item) -> &'static str {
    match item {
        Item::None => "type-nothing",
        Item::Value(Value::String(_)) => "type-string",
        Item::Value(Value::Integer(_)) => "type-integer",
        Item::Value(Value::Float(_)) => "type-number",
        Item::Value(Value::Boolean(_)) => "type-boolean",
        Item::Value(Value::Datetime(_)) => "type-date",
        Item::Value(Value::Array(_)) => "type-array",
        Item::Value(Value::InlineTable(_)) | Item::Table(_) => "type-table",
        Item::ArrayOfTables(_) => "type-array-of-tables",
    }
}

/// Turns a parse error into line/column and a reason, without quoting the
/// file's text (a broken line may hold a secret the user pasted).
fn toml_error(text: &str, err: &toml_edit::TomlError, path: &Path) -> Error {
    let offset = err.span().map_or(0, |s| s.start).min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let reason = err.message().trim().trim_end_matches('.').to_owned();
    Error::InvalidToml { path: path.to_owned(), line, column, reason }
}

