//! An incremental Server-Sent Events decoder (the WHATWG event-stream
//! format), for the probe's reading of `/responses` and the bridge's of a
//! provider's chat stream. Bytes go in as they arrive, in chunks cut anywhere; lines are
//! decoded as UTF-8 only once complete, so a character split across two
//! chunks comes out whole.

/// One dispatched event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The `event:` field, `message` when absent.
    pub event: String,
    /// The `data:` lines joined with `\n`.
    pub data: String,
}

#[derive(Debug, Default)]
pub struct Decoder {
    /// The longest line kept (0: no limit); a longer one is dropped and flagged.
    limit: usize,
    overflowed: bool,
    /// The bytes of the line being read.
    line: Vec<u8>,
    /// The last byte was a `\r` (a `\n` right after it ends nothing more).
    after_cr: bool,
    /// No line seen yet (a leading byte-order mark is dropped).
    started: bool,
    event: String,
    data: String,
    has_data: bool,
}

impl Decoder {
    /// A decoder that keeps lines of at most `limit` bytes, so an endless line
    /// cannot grow memory; a longer line is dropped and [`Decoder::overflowed`] says so.
    pub fn with_limit(limit: usize) -> Decoder {
        Decoder { limit, ..Decoder::default() }
    }

    /// Whether a line went past the limit.
    pub fn overflowed(&self) -> bool {
        self.overflowed
    }

    /// Feeds `bytes`, returning the events they complete.
    pub fn push(&mut self, bytes: &[u8]) -> Vec<Event> {
        let mut out = Vec::new();
        for &b in bytes {
            if self.after_cr {
                self.after_cr = false;
                if b == b'\n' {
                    continue;
                }
            }
            match b {
                b'\n' | b'\r' => {
                    self.after_cr = b == b'\r';
                    let line = std::mem::take(&mut self.line);
                    if let Some(e) = self.line_done(&line) {
                        out.push(e);
                    }
                }
                _ if self.limit > 0 && self.line.len() >= self.limit => self.overflowed = true,
                _ => self.line.push(b),
            }
        }
        out
    }

    /// The end of the stream: a last line, and an event no blank line closed, still count.
    pub fn finish(&mut self) -> Option<Event> {
        let line = std::mem::take(&mut self.line);
        if !line.is_empty() {
            if let Some(e) = self.line_done(&line) {
                return Some(e);
            }
        }
        self.dispatch()
    }

    fn line_done(&mut self, bytes: &[u8]) -> Option<Event> {
        let text = String::from_utf8_lossy(bytes);
        let mut line: &str = &text;
        if !self.started {
            self.started = true;
            line = line.strip_prefix('\u{feff}').unwrap_or(line);
        }
        if line.is_empty() {
            return self.dispatch();
        }
        if line.starts_with(':') {
            return None;
        }
        let (field, value) = match line.split_once(':') {
            Some((f, v)) => (f, v.strip_prefix(' ').unwrap_or(v)),
            None => (line, ""),
        };
        match field {
            "data" => {
                if self.has_data {
                    self.data.push('\n');
                }
                self.data.push_str(value);
                self.has_data = true;
            }
            "event" => self.event = value.to_owned(),
            _ => {}
        }
        None
    }

    fn dispatch(&mut self) -> Option<Event> {
        let event = std::mem::take(&mut self.event);
        let data = std::mem::take(&mut self.data);
        if !std::mem::take(&mut self.has_data) {
            return None;
        }
        Some(Event { event: if event.is_empty() { "message".into() } else { event }, data })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(event: &str, data: &str) -> Event {
        Event { event: event.into(), data: data.into() }
    }

    /// Decodes `chunks` fed one after another.
    fn decode(chunks: &[&[u8]]) -> Vec<Event> {
        let mut d = Decoder::default();
        chunks.iter().flat_map(|c| d.push(c)).collect()
    }

    #[test]
    fn events_whatever_the_chunking() {
        let cases: Vec<(&str, Vec<&[u8]>, Vec<Event>)> = vec![
            ("one event", vec![b"event: response.created\ndata: {\"a\":1}\n\n"], vec![ev("response.created", "{\"a\":1}")]),
            ("no event name", vec![b"data: x\n\n"], vec![ev("message", "x")]),
            ("two data lines", vec![b"data: a\ndata: b\n\n"], vec![ev("message", "a\nb")]),
            ("CRLF, split between CR and LF", vec![b"data: a\r", b"\n\r\n"], vec![ev("message", "a")]),
            ("bare CR", vec![b"data: a\r\rdata: b\r\r"], vec![ev("message", "a"), ev("message", "b")]),
            ("comments and unknown fields", vec![b": ping\nid: 3\nretry: 1\ndata:x\n\n"], vec![ev("message", "x")]),
            ("split mid-field", vec![b"da", b"ta: hel", b"lo\n", b"\n"], vec![ev("message", "hello")]),
            ("incomplete at the end", vec![b"data: a\n\ndata: b\n"], vec![ev("message", "a")]),
            ("no data, no event", vec![b"event: x\n\n"], vec![]),
            ("byte-order mark", vec![b"\xef\xbb\xbfdata: a\n\n"], vec![ev("message", "a")]),
        ];
        for (name, chunks, want) in cases {
            assert_eq!(decode(&chunks), want, "{name}");
        }
        // At the end of the stream, an event that no blank line closed still counts.
        for (bytes, want) in [(&b"data: a\n\ndata: b\n"[..], Some(ev("message", "b"))), (b"data: c", Some(ev("message", "c"))), (b"data: a\n\n", None), (b": ping", None)] {
            let mut d = Decoder::default();
            d.push(bytes);
            assert_eq!(d.finish(), want, "{bytes:?}");
        }
    }

    #[test]
    fn an_endless_line_is_cut_at_the_limit() {
        let mut d = Decoder::with_limit(16);
        assert!(d.push(&[b'x'; 1000]).is_empty());
        assert!(d.overflowed());
        assert!(d.line.len() <= 16);
        let mut d = Decoder::with_limit(64);
        assert_eq!(d.push(b"data: short\n\n"), vec![ev("message", "short")]);
        assert!(!d.overflowed());
    }

    #[test]
    fn a_character_split_across_chunks_comes_out_whole() {
        let text = "data: {\"text\":\"héllo ✓ 🎉\"}\n\n".as_bytes();
        // Every cut point, including inside the 2-, 3- and 4-byte characters.
        for cut in 1..text.len() {
            let got = decode(&[&text[..cut], &text[cut..]]);
            assert_eq!(got, vec![ev("message", "{\"text\":\"héllo ✓ 🎉\"}")], "cut at byte {cut}");
        }
        let one_at_a_time: Vec<&[u8]> = text.chunks(1).collect();
        assert_eq!(decode(&one_at_a_time)[0].data, "{\"text\":\"héllo ✓ 🎉\"}");
    }
}
