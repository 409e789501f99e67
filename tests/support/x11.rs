//! X-level actions on real windows, as a window manager performs them for the user:
//! find a mapped top-level window by its title, and close it the way the title bar's
//! close button does (a `WM_DELETE_WINDOW` message; the app decides what closing means).
//! libX11 is loaded at run time (x11-dl), as GTK has it loaded anyway.

use std::ffi::{CStr, c_char, c_long};
use std::ptr;

use x11_dl::xlib;

struct Display {
    x: xlib::Xlib,
    d: *mut xlib::Display,
}

impl Display {
    fn open() -> Option<Display> {
        let x = xlib::Xlib::open().ok()?;
        // SAFETY: XOpenDisplay with NULL reads $DISPLAY; a null result is checked.
        let d = unsafe { (x.XOpenDisplay)(ptr::null()) };
        (!d.is_null()).then_some(Display { x, d })
    }

    /// The first viewable window under `w` whose WM_NAME is `name`.
    fn search(&self, w: xlib::Window, name: &str) -> Option<xlib::Window> {
        // SAFETY: plain Xlib calls on an open display; every returned buffer is freed with XFree.
        unsafe {
            let mut n: *mut c_char = ptr::null_mut();
            if (self.x.XFetchName)(self.d, w, &mut n) != 0 && !n.is_null() {
                let same = CStr::from_ptr(n).to_string_lossy() == name;
                (self.x.XFree)(n.cast());
                let mut attrs: xlib::XWindowAttributes = std::mem::zeroed();
                if same && (self.x.XGetWindowAttributes)(self.d, w, &mut attrs) != 0 && attrs.map_state == xlib::IsViewable {
                    return Some(w);
                }
            }
            let (mut root, mut parent, mut children, mut count) = (0, 0, ptr::null_mut(), 0u32);
            if (self.x.XQueryTree)(self.d, w, &mut root, &mut parent, &mut children, &mut count) == 0 || children.is_null() {
                return None;
            }
            let found = (0..count as usize).find_map(|i| self.search(*children.add(i), name));
            (self.x.XFree)(children.cast());
            found
        }
    }

    fn find(&self, name: &str) -> Option<xlib::Window> {
        // SAFETY: the display is open.
        let root = unsafe { (self.x.XDefaultRootWindow)(self.d) };
        self.search(root, name)
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        // SAFETY: opened in `open`, closed once.
        unsafe { (self.x.XCloseDisplay)(self.d) };
    }
}

/// Whether a window titled `name` is mapped and viewable.
pub fn window_shown(name: &str) -> bool {
    Display::open().and_then(|d| d.find(name)).is_some()
}

/// Asks the window titled `name` to close, as its close button would. False if there is none.
pub fn close_window(name: &str) -> bool {
    let Some(d) = Display::open() else { return false };
    let Some(w) = d.find(name) else { return false };
    // SAFETY: a ClientMessage built field by field and sent to a window that exists.
    unsafe {
        let protocols = (d.x.XInternAtom)(d.d, c"WM_PROTOCOLS".as_ptr(), xlib::False);
        let delete = (d.x.XInternAtom)(d.d, c"WM_DELETE_WINDOW".as_ptr(), xlib::False);
        let mut data = xlib::ClientMessageData::new();
        data.set_long(0, delete as c_long);
        data.set_long(1, xlib::CurrentTime as c_long);
        let msg = xlib::XClientMessageEvent {
            type_: xlib::ClientMessage,
            serial: 0,
            send_event: xlib::True,
            display: d.d,
            window: w,
            message_type: protocols,
            format: 32,
            data,
        };
        let mut ev = xlib::XEvent { client_message: msg };
        let sent = (d.x.XSendEvent)(d.d, w, xlib::False, xlib::NoEventMask, &mut ev) != 0;
        (d.x.XFlush)(d.d);
        sent
    }
}
