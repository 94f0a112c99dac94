//! The C allocator's policy for the interactive app: keep big per-frame buffers in the heap.
//!
//! Measured with the 100k-event store (release, `cargo bench --bench scale -- frames`): a
//! timeline or network frame builds meshes of several megabytes (tens of megabytes for 20k
//! actors) and frees them when the frame is painted. With glibc's defaults such blocks are
//! `mmap`ed, or the heap top is trimmed after them, so every frame faulted its buffers back in
//! page by page: 15–16 s of the bench's 32 s went to the kernel (`clear_page_erms`,
//! `exc_page_fault`). Serving blocks up to 64 MiB from the heap and trimming only above 256 MiB
//! took that to 1.7 s. Peak memory is unchanged (the memory was in use at the peak of the frame);
//! what changes is that up to the trim threshold stays with the process between frames.
//!
//! glibc's fast bins are left alone: turning them off (tried for a search regression) doubled
//! timeline frame times.

/// Blocks below this come from the heap, not from a fresh `mmap`.
const MMAP_THRESHOLD: i32 = 64 << 20;
/// Free memory at the top of the heap is given back to the system only above this.
const TRIM_THRESHOLD: i32 = 256 << 20;

/// Applies the policy once per process; later calls do nothing. Call it before the first frame.
pub fn tune_allocator() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(apply);
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn apply() {
    for (param, value, name) in [
        (libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD, "M_MMAP_THRESHOLD"),
        (libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD, "M_TRIM_THRESHOLD"),
    ] {
        // SAFETY: `mallopt` takes two integers and only changes glibc's allocator parameters;
        // glibc documents it as callable at any time from any thread.
        if unsafe { libc::mallopt(param, value) } != 1 {
            log::debug!("mallopt({name}, {value}) was refused; big frames may be slower");
        }
    }
}

/// Other platforms' allocators keep freed blocks for reuse without being told.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn apply() {}
