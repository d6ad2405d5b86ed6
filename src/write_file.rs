//! Writing files without ever clobbering one by accident: a file appears whole or not at all,
//! and only a regular file is ever replaced, and only when asked.

use std::io::Write;
use std::path::Path;

use crate::error::Error;

/// Writes `contents` to `path` through a temporary file in the same directory, then moves it
/// into place: with `replace`, over an existing regular file (keeping its permissions);
/// otherwise only if nothing is there. Never over a directory, a link or a special file.
pub fn write_file(path: &Path, contents: &str, replace: bool) -> Result<(), Error> {
    let name = path.display().to_string();
    let failed = |e: std::io::Error| Error::Write {
        path: name.clone(),
        reason: crate::wording::io_error(&e),
    };
    let kept = match existing(path) {
        None => None,
        Some(Existing::File(permissions)) if replace => Some(permissions),
        Some(Existing::File(_)) => {
            return Err(Error::Usage(format!(
                "`{name}` already exists; pass `--force` to replace it"
            )));
        }
        Some(Existing::Other(what)) => {
            return Err(Error::Usage(format!(
                "`{name}` is {what}; only a regular file is ever replaced"
            )));
        }
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".ladder-").suffix(".tmp");
    // A new file gets the mode any program's new file gets: 0666 less the umask.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temporary = builder.tempfile_in(dir).map_err(failed)?;
    if let Some(permissions) = kept {
        temporary
            .as_file()
            .set_permissions(permissions)
            .map_err(failed)?;
    }
    temporary.write_all(contents.as_bytes()).map_err(failed)?;
    temporary.as_file().sync_all().map_err(failed)?;
    let placed = if replace {
        temporary.persist(path).map(drop)
    } else {
        // Checked above, but something may have appeared since: never replace it.
        temporary.persist_noclobber(path).map(drop)
    };
    placed.map_err(|e| failed(e.error))
}

enum Existing {
    File(std::fs::Permissions),
    Other(&'static str),
}

/// What is already at `path`, without following a symbolic link.
fn existing(path: &Path) -> Option<Existing> {
    let metadata = std::fs::symlink_metadata(path).ok()?;
    let file_type = metadata.file_type();
    Some(if file_type.is_file() {
        Existing::File(metadata.permissions())
    } else if file_type.is_symlink() {
        Existing::Other(if path.exists() {
            "a symbolic link"
        } else {
            "a dangling symbolic link"
        })
    } else if file_type.is_dir() {
        Existing::Other("a directory")
    } else {
        Existing::Other("a special file")
    })
}
