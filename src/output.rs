//! Writing files without ever clobbering one by accident: a file appears whole or not at all,
//! and an existing file (or a dangling symbolic link) is replaced only when asked.

use std::io::Write;
use std::path::Path;

use crate::error::Error;

/// Writes `contents` to `path` through a temporary file in the same directory, then moves it
/// into place: with `replace`, over whatever is there; otherwise only if nothing is.
pub fn write_file(path: &Path, contents: &str, replace: bool) -> Result<(), Error> {
    let name = path.display().to_string();
    let io = |e: std::io::Error| Error::Io {
        path: name.clone(),
        reason: crate::load::source::describe_io_error(&e),
    };
    if !replace && let Some(existing) = existing(path) {
        return Err(Error::Usage(format!(
            "`{name}` already exists ({existing}); pass `--force` to replace it"
        )));
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temporary = tempfile::Builder::new()
        .prefix(".ladder-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    temporary.write_all(contents.as_bytes()).map_err(io)?;
    temporary.as_file().sync_all().map_err(io)?;
    let placed = if replace {
        temporary.persist(path).map(drop)
    } else {
        // Checked above, but something may have appeared since: never replace it.
        temporary.persist_noclobber(path).map(drop)
    };
    placed.map_err(|e| io(e.error))
}

/// What is already at `path`, if anything, in words.
fn existing(path: &Path) -> Option<&'static str> {
    let metadata = std::fs::symlink_metadata(path).ok()?;
    Some(if metadata.file_type().is_symlink() {
        if path.exists() {
            "a symbolic link"
        } else {
            "a dangling symbolic link"
        }
    } else if metadata.is_dir() {
        "a directory"
    } else {
        "a file"
    })
}
