//! The router's memory, given back when it is quiet. glibc's allocator keeps what a
//! burst freed (a megabyte `/models` answer built, fifty streams' buffers) in its
//! arenas, one per thread that ever contended, and the router's resident memory stayed
//! at its peak: two arenas at most, and `malloc_trim` once a burst is over. And the
//! program's own code, some 11 MB of the 15 MB binary mapped in by the kernel's
//! read-ahead though a router runs a fraction of it, is unmapped (it stays in the page
//! cache, shared) and faulted back a page at a time as it runs. Linux with glibc only;
//! elsewhere nothing is done.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use super::shared::Shared;

/// How quiet the router must have been, and how often it looks.
const QUIET: Duration = Duration::from_secs(1);
const EVERY: Duration = Duration::from_secs(1);

/// At most two arenas from now on: fewer places for freed memory to sit.
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tunable of the allocator; any value is accepted.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

/// Hands the heap's free pages back to the system, and unmaps the code not running.
pub fn trim() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory the allocator holds.
    unsafe {
        libc::malloc_trim(0);
    }
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    drop_code_pages();
}

/// The program file's code (its executable mappings): told it is read at random (no
/// read-ahead around a fault), then unmapped. Its pages are clean copies of the file, so
/// a later touch maps them again from the page cache. Nothing else is touched: a
/// read-only mapping may be data the loader relocated and then protected (RELRO), whose
/// pages exist nowhere but in memory.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn drop_code_pages() {
    let Ok(exe) = std::fs::read_link("/proc/self/exe") else { return };
    let Ok(maps) = std::fs::read_to_string("/proc/self/maps") else { return };
    for (start, end) in code_of(&maps, &exe.to_string_lossy()) {
        // SAFETY: the range is a whole executable, non-writable mapping of this process's
        // own program file: dropping its pages loses nothing, they come back from the file.
        unsafe {
            libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_RANDOM);
            libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_DONTNEED);
        }
    }
}

/// The address ranges of `exe`'s code (`r-xp` mappings), from `/proc/self/maps`.
#[cfg_attr(not(all(target_os = "linux", target_env = "gnu")), allow(dead_code))]
fn code_of(maps: &str, exe: &str) -> Vec<(usize, usize)> {
    maps.lines()
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            let (range, perms) = (f.next()?, f.next()?);
            let path = f.nth(3)?;
            // The rest of the line must be the path alone (not "... (deleted)").
            if path != exe || f.next().is_some() || perms != "r-xp" {
                return None;
            }
            let (a, b) = range.split_once('-')?;
            Some((usize::from_str_radix(a, 16).ok()?, usize::from_str_radix(b, 16).ok()?))
        })
        .collect()
}

/// Trims once after each burst: no stream open, no request for `QUIET`, and a request
/// since the last trim. A timer a second, and nothing while busy.
pub async fn trim_when_quiet(shared: Arc<Shared>) {
    let mut trimmed_at: Option<Instant> = None;
    loop {
        tokio::time::sleep(EVERY).await;
        let last = *shared.last.lock().unwrap();
        let quiet = shared.active.load(Ordering::SeqCst) == 0 && last.elapsed() >= QUIET;
        if quiet && trimmed_at.is_none_or(|t| last > t) {
            trim();
            trimmed_at = Some(Instant::now());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_programs_own_code() {
        let maps = "\
5590a0000000-5590a0100000 r--p 00000000 08:01 42 /usr/bin/switchboard
5590a0100000-5590a0900000 r-xp 00100000 08:01 42 /usr/bin/switchboard
5590a0900000-5590a0a00000 r--p 00900000 08:01 42 /usr/bin/switchboard
5590a0a00000-5590a0a10000 rw-p 00a00000 08:01 42 /usr/bin/switchboard
5590a1000000-5590a2000000 rw-p 00000000 00:00 0 [heap]
7f0000000000-7f0000100000 r-xp 00000000 08:01 77 /usr/lib/x86_64-linux-gnu/libc.so.6
7f0000200000-7f0000300000 r--p 00000000 08:01 78 /usr/bin/switchboard (deleted)
";
        assert_eq!(code_of(maps, "/usr/bin/switchboard"), vec![(0x5590a0100000, 0x5590a0900000)]);
        assert!(code_of(maps, "/usr/bin/other").is_empty());
    }

    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[test]
    fn trimming_unmaps_code_and_leaves_the_program_running() {
        let rss_file = || {
            let status = std::fs::read_to_string("/proc/self/status").unwrap();
            status.lines().find_map(|l| l.strip_prefix("RssFile:")).unwrap().trim().trim_end_matches(" kB").parse::<u64>().unwrap()
        };
        let before = rss_file();
        // Its own code unmapped and faulted back: the test goes on, and so does a closure.
        trim();
        let after = rss_file();
        assert!(after < before, "the program's code pages are unmapped: {before} kB, then {after} kB");
        let f = |x: u64| x.wrapping_mul(31).rotate_left(7);
        assert_eq!(f(3), 93u64.rotate_left(7));
        trim();
    }
}
