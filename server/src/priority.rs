//! PDF work at a lower CPU priority. On a small machine the PDF workers can keep every core
//! busy; the checks a form sends on every keystroke are short and should not wait behind them.
//! A thread of the blocking pool lowers its own priority (raises its nice value) the first
//! time it makes a PDF. It cannot raise it again without privileges, so such a thread stays
//! lowered for later blocking work too (the validation of very large bodies): that work is
//! bulk work as well.

use std::cell::Cell;

/// The nice value of PDF threads unless configured otherwise.
pub const DEFAULT_PDF_NICE: i32 = 10;

thread_local! {
    static LOWERED: Cell<bool> = const { Cell::new(false) };
}

/// Lowers the calling thread's priority by `nice` steps, as `nice -n` does (once per thread,
/// at most to 19; nothing for 0 or off Linux). A refusal is logged and ignored: the service
/// works the same, only less fairly.
pub fn lower_this_thread(nice: i32) {
    if nice <= 0 || LOWERED.with(|done| done.replace(true)) {
        return;
    }
    #[cfg(target_os = "linux")]
    {
        let tid = rustix::thread::gettid();
        let now = rustix::process::getpriority_process(Some(tid)).unwrap_or(0);
        if let Err(e) = rustix::process::setpriority_process(Some(tid), (now + nice).min(19)) {
            tracing::warn!(error = %e, nice, "could not lower the priority of a PDF worker");
        }
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn a_thread_lowers_itself_once_and_others_are_untouched() {
        let before = rustix::process::getpriority_process(None).unwrap_or(0);
        let inside = std::thread::spawn(|| {
            lower_this_thread(7);
            lower_this_thread(12); // the second call changes nothing
            rustix::process::getpriority_process(Some(rustix::thread::gettid()))
        })
        .join()
        .ok()
        .and_then(Result::ok);
        assert_eq!(inside, Some((before + 7).min(19)));
        // The process (its main thread) keeps its priority.
        assert_eq!(rustix::process::getpriority_process(None).ok(), Some(before));
    }
}
