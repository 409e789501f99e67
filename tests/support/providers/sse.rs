//! Writing a stream: its frames (data, comments, `[DONE]`), each provider's
//! framing style, and the chunked body with every event cut at a byte that moves.

use std::io::Write;
use std::net::TcpStream;

use serde_json::Value;

use super::behaviour::Behaviour;

/// One piece of an SSE stream.
pub(super) enum Frame {
    Data(Value),
    Comment(&'static str),
    Done,
}

/// How a stream is framed.
#[derive(Clone, Copy)]
pub(super) struct Style {
    crlf: bool,
    /// `data: ` rather than `data:`.
    space: bool,
    /// Whether the last event ends with a blank line.
    closed: bool,
}

impl Style {
    pub(super) const PLAIN: Style = Style { crlf: false, space: true, closed: true };
}

pub(super) fn style(b: Behaviour) -> Style {
    match b {
        Behaviour::FramingA => Style { crlf: true, space: false, closed: false },
        _ => Style::PLAIN,
    }
}

/// Writes `frames` as a chunked SSE body, each event cut in two at a byte that moves.
pub(super) fn write_stream(conn: &mut TcpStream, frames: &[Frame], style: Style) -> std::io::Result<()> {
    write!(conn, "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\ntransfer-encoding: chunked\r\n\r\n")?;
    let mut send = |bytes: &[u8]| -> std::io::Result<()> {
        write!(conn, "{:x}\r\n", bytes.len())?;
        conn.write_all(bytes)?;
        conn.write_all(b"\r\n")?;
        conn.flush()
    };
    let nl = if style.crlf { "\r\n" } else { "\n" };
    let data = if style.space { "data: " } else { "data:" };
    for (i, f) in frames.iter().enumerate() {
        let line = match f {
            Frame::Data(v) => format!("{data}{v}{nl}"),
            Frame::Comment(c) => format!(": {c}{nl}"),
            Frame::Done => format!("{data}[DONE]{nl}"),
        };
        let last = i + 1 == frames.len();
        let text = if last && !style.closed { line } else { format!("{line}{nl}") };
        let bytes = text.as_bytes();
        let cut = 1 + (i * 7 + 3) % (bytes.len() - 1);
        send(&bytes[..cut])?;
        send(&bytes[cut..])?;
    }
    send(b"")
}
