//! Where Marsad keeps its files by default.

use std::path::PathBuf;

/// File name of the default store inside the data directory.
pub const DEFAULT_STORE_NAME: &str = "marsad.marsad";

/// The per-user data directory (e.g. `~/.local/share/marsad` on Linux,
/// `~/Library/Application Support/org.Marsad.Marsad` on macOS, `%APPDATA%\Marsad\Marsad\data` on Windows).
pub fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "Marsad", "Marsad").map(|d| d.data_dir().to_owned())
}

/// The default store: `MARSAD_DB` if set, otherwise `marsad.marsad` in [`data_dir`].
pub fn default_store() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("MARSAD_DB").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    data_dir().map(|d| d.join(DEFAULT_STORE_NAME))
}
