//! The repository every read stays inside, found as git finds its root, and the one door
//! through which `ladder` opens files and folders.
//!
//! Files come from pull requests, so a file must not make `ladder` read (and then quote in its
//! errors) anything elsewhere on the machine. Every path, whether named on the command line,
//! written in a file, or found by walking a folder, is opened through the root's directory
//! handle with `cap-std`, which refuses any path that leaves it, by `..` or through a symbolic
//! link, as the file is opened: the check is made on the open itself, not on a name looked at
//! earlier. What was opened is then checked on the open handle: a regular file, within the cap.

use foldhash::HashSet;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

use cap_fs_ext::{MetadataExt, OpenOptionsSyncExt};
use cap_std::fs::{Dir, OpenOptions};

/// The repository: where `ladders/` is looked up and what no read may leave.
#[derive(Debug)]
pub struct Root {
    dir: Dir,
    /// The root's real path, to recognise absolute paths that lie inside it.
    real: PathBuf,
    /// The working directory, relative to the root.
    cwd: PathBuf,
}

/// Why a path cannot be read, in the words of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable(pub String);

impl Unreadable {
    fn new(reason: &str) -> Unreadable {
        Unreadable(reason.to_owned())
    }

    const OUTSIDE: &str = "it leads outside the repository";
    const LINK_OUTSIDE: &str = "it is a symbolic link to outside the repository";
    const DIRECTORY: &str = "it is a directory, not a file";
    const SPECIAL: &str = "it is not a regular file";
}

/// What reading a file gave: its bytes, or `None` when it is larger than the cap.
pub type Capped = Option<Vec<u8>>;

impl Root {
    /// The repository holding the working directory: its nearest ancestor (itself included)
    /// that holds `.git`, as git finds it; otherwise the working directory itself.
    pub fn discover() -> io::Result<Root> {
        let cwd = std::env::current_dir()?.canonicalize()?;
        let root = cwd
            .ancestors()
            .find(|dir| std::fs::symlink_metadata(dir.join(".git")).is_ok())
            .unwrap_or(&cwd)
            .to_path_buf();
        let relative = cwd
            .strip_prefix(&root)
            .unwrap_or(Path::new(""))
            .to_path_buf();
        Root::open(root, relative)
    }

    /// A root at `dir`, which is also the working directory: for tests and benchmarks.
    pub fn at(dir: &Path) -> io::Result<Root> {
        Root::open(dir.canonicalize()?, PathBuf::new())
    }

    fn open(real: PathBuf, cwd: PathBuf) -> io::Result<Root> {
        let dir = Dir::open_ambient_dir(&real, cap_std::ambient_authority())?;
        Ok(Root { dir, real, cwd })
    }

    /// `path` (relative to the working directory, or absolute) as a path relative to the root,
    /// with `.` and `..` folded; an error when it lies outside.
    pub fn locate(&self, path: &Path) -> Result<PathBuf, Unreadable> {
        let folded = if path.is_absolute() {
            let inside = path.strip_prefix(&self.real).ok().map(normalize);
            // The path may reach the root through a link, as `/tmp` does on macOS.
            let inside = inside.or_else(|| {
                let real = path.canonicalize().ok()?;
                real.strip_prefix(&self.real).ok().map(normalize)
            });
            inside.ok_or_else(|| Unreadable::new(Unreadable::OUTSIDE))?
        } else {
            normalize(&self.cwd.join(path))
        };
        match folded.components().next() {
            Some(Component::ParentDir | Component::RootDir | Component::Prefix(_)) => {
                Err(Unreadable::new(Unreadable::OUTSIDE))
            }
            _ => Ok(folded),
        }
    }

    /// Creates the folders that `path` (as [`Root::locate`] takes it) lies in and that are
    /// missing, through the root's handle, so that none is made outside the repository, and
    /// none through a link that leads out of it.
    pub fn create_parents(&self, path: &Path) -> Result<(), Unreadable> {
        let located = self.locate(path)?;
        match located.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => {
                self.dir.create_dir_all(parent).map_err(|e| describe(&e))
            }
            _ => Ok(()),
        }
    }

    /// The absolute path of a path relative to the root.
    pub fn absolute(&self, located: &Path) -> PathBuf {
        self.real.join(located)
    }

    /// How to show a path relative to the root: relative to the working directory.
    pub fn shown(&self, located: &Path) -> PathBuf {
        if self.cwd.as_os_str().is_empty() {
            return located.to_path_buf();
        }
        pathdiff::diff_paths(located, &self.cwd).unwrap_or_else(|| located.to_path_buf())
    }

    /// Reads the regular file at `located` (relative to the root), never more than
    /// `max_bytes + 1` bytes of it.
    pub fn read(&self, located: &Path, max_bytes: u64) -> Result<Capped, Unreadable> {
        let mut options = OpenOptions::new();
        // A FIFO must not block the run: opened without blocking, then refused as special.
        options.read(true).nonblock(true);
        let file = self
            .dir
            .open_with(self.inside(located), &options)
            .map_err(|e| self.explain(&e))?;
        let metadata = file.metadata().map_err(|e| describe(&e))?;
        if metadata.is_dir() {
            return Err(Unreadable::new(Unreadable::DIRECTORY));
        }
        if !metadata.is_file() {
            return Err(Unreadable::new(Unreadable::SPECIAL));
        }
        if metadata.len() > max_bytes {
            return Ok(None);
        }
        let expected = usize::try_from(metadata.len()).unwrap_or(0);
        read_capped_into(file, max_bytes, Vec::with_capacity(expected + 1))
            .map_err(|e| describe(&e))
    }

    /// Whether anything, even a broken link, is at `located`: what is there is then read, and
    /// reading it says what is wrong with it.
    pub fn exists(&self, located: &Path) -> bool {
        self.dir.symlink_metadata(self.inside(located)).is_ok()
    }

    /// Whether `located` names a regular file inside the root (links followed inside only).
    pub fn is_file(&self, located: &Path) -> bool {
        self.dir
            .metadata(self.inside(located))
            .is_ok_and(|m| m.is_file())
    }

    /// The YAML files under `located`, a folder (searched recursively, in name order) or a
    /// file (itself); with every entry that cannot be searched, and why. Nothing is skipped
    /// without a word: a `*.yaml` entry that is not a readable file is listed, so that reading
    /// it says what is wrong.
    pub fn walk(&self, located: &Path) -> Result<Vec<Walked>, Unreadable> {
        let metadata = self
            .dir
            .metadata(self.inside(located))
            .map_err(|e| self.explain(&e))?;
        if !metadata.is_dir() {
            return Ok(vec![Walked::File(located.to_path_buf())]);
        }
        let mut walk = Walk {
            root: self,
            found: Vec::new(),
            walked: HashSet::default(),
        };
        walk.folder(located);
        Ok(walk.found)
    }

    /// The names of the `*.yaml` and `*.yml` entries directly in `located`, sorted; none when
    /// there is no such folder, and why not when it is there but cannot be read.
    pub fn yaml_entries(&self, located: &Path) -> Result<Vec<PathBuf>, Unreadable> {
        let entries = match self.dir.read_dir(self.inside(located)) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(self.explain(&e)),
        };
        let mut names: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|e| located.join(e.file_name())))
            .filter(|path| is_yaml(path))
            .collect();
        names.sort();
        Ok(names)
    }

    /// cap-std takes `.` for the root itself, never an empty path.
    fn inside<'a>(&self, located: &'a Path) -> &'a Path {
        if located.as_os_str().is_empty() {
            Path::new(".")
        } else {
            located
        }
    }

    /// An error from opening inside the root, in words; cap-std's refusal to leave the root
    /// carries no OS error code.
    fn explain(&self, error: &io::Error) -> Unreadable {
        if is_escape(error) {
            Unreadable::new(Unreadable::LINK_OUTSIDE)
        } else {
            describe(error)
        }
    }
}

/// One thing found by a walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Walked {
    /// A `*.yaml` or `*.yml` entry, relative to the root, to be read.
    File(PathBuf),
    /// An entry that cannot be searched, relative to the root, and why.
    Refused(PathBuf, Unreadable),
}

struct Walk<'a> {
    root: &'a Root,
    found: Vec<Walked>,
    /// The folders searched so far, by identity: one reached again through a link (to an
    /// ancestor, or to a folder already searched under another name) is not searched twice.
    walked: HashSet<(u64, u64)>,
}

impl Walk<'_> {
    fn folder(&mut self, path: &Path) {
        let dir = match self.root.dir.open_dir(self.root.inside(path)) {
            Ok(dir) => dir,
            Err(error) => return self.refuse(path, self.root.explain(&error)),
        };
        if let Ok(metadata) = dir.dir_metadata()
            && !self.walked.insert((metadata.dev(), metadata.ino()))
        {
            return;
        }
        let mut entries = Vec::new();
        match dir.entries() {
            Ok(listed) => {
                for entry in listed {
                    match entry {
                        Ok(entry) => entries.push(entry),
                        Err(error) => self.refuse(path, describe(&error)),
                    }
                }
            }
            Err(error) => return self.refuse(path, describe(&error)),
        }
        entries.sort_by_key(|entry| entry.file_name());
        for entry in entries {
            // The repository's own store holds nothing of ours.
            if entry.file_name() != ".git" {
                self.entry(&entry, &path.join(entry.file_name()));
            }
        }
    }

    fn entry(&mut self, entry: &cap_std::fs::DirEntry, child: &Path) {
        let kind = entry.file_type().ok();
        if kind.is_some_and(|kind| kind.is_dir()) {
            return self.folder(child);
        }
        if kind.is_some_and(|kind| kind.is_symlink()) {
            // Followed from the root, so that a link may lead anywhere inside the repository.
            match self.root.dir.metadata(child) {
                Ok(target) if target.is_dir() => return self.folder(child),
                Err(error) if is_escape(&error) => {
                    // A link out is said when it could hold files to check: YAML, or a folder.
                    let folder =
                        std::fs::metadata(self.root.absolute(child)).is_ok_and(|m| m.is_dir());
                    if folder || is_yaml(child) {
                        self.refuse(child, self.root.explain(&error));
                    }
                    return;
                }
                _ => {}
            }
        }
        if is_yaml(child) {
            self.found.push(Walked::File(child.to_path_buf()));
        }
    }

    fn refuse(&mut self, path: &Path, reason: Unreadable) {
        self.found.push(Walked::Refused(path.to_path_buf(), reason));
    }
}

/// cap-std's refusal to leave the root, which carries no OS error code.
fn is_escape(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::PermissionDenied && error.raw_os_error().is_none()
}

/// Whether a file name has a YAML extension, in any case.
pub fn is_yaml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml"))
}

/// `a/./b/../c` → `a/c`, without touching the file system; `..` that cannot fold is kept.
pub fn normalize(path: &Path) -> PathBuf {
    let mut parts: Vec<Component> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir if matches!(parts.last(), Some(Component::Normal(_))) => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.iter().collect()
}

/// Reads at most `max_bytes + 1` bytes; `None` when there was more than `max_bytes`.
pub fn read_capped(reader: impl Read, max_bytes: u64) -> io::Result<Capped> {
    read_capped_into(reader, max_bytes, Vec::new())
}

/// [`read_capped`] into a buffer sized for what the file says it holds: a file may grow
/// between the look and the read, so the cap still holds.
fn read_capped_into(reader: impl Read, max_bytes: u64, mut bytes: Vec<u8>) -> io::Result<Capped> {
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max_bytes).then_some(bytes))
}

/// Why a path cannot be read, from the error that said so.
pub fn describe(error: &io::Error) -> Unreadable {
    // Opening a socket gives ENXIO: there is nothing to read.
    if cfg!(unix) && error.raw_os_error() == Some(6) {
        return Unreadable::new(Unreadable::SPECIAL);
    }
    Unreadable(crate::wording::io_error(error))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_lexically() {
        assert_eq!(
            normalize(Path::new("team/../ladders/./x.yaml")),
            PathBuf::from("ladders/x.yaml")
        );
        assert_eq!(
            normalize(Path::new("../x.yaml")),
            PathBuf::from("../x.yaml")
        );
        assert_eq!(normalize(Path::new("a/../../x")), PathBuf::from("../x"));
    }

    #[test]
    fn paths_are_located_inside_the_root_or_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("team")).unwrap();
        let real = dir.path().canonicalize().unwrap();
        let root = Root::open(real.clone(), PathBuf::from("team")).unwrap();
        let outside = Err(Unreadable::new(Unreadable::OUTSIDE));
        assert_eq!(root.locate(Path::new("a.yaml")), Ok("team/a.yaml".into()));
        assert_eq!(
            root.locate(Path::new("../ladders/x.yaml")),
            Ok("ladders/x.yaml".into())
        );
        assert_eq!(root.locate(Path::new("../../secret.yaml")), outside);
        assert_eq!(root.locate(Path::new("/etc/passwd")), outside);
        assert_eq!(
            root.locate(&real.join("team/b.yaml")),
            Ok("team/b.yaml".into())
        );
        assert_eq!(
            root.shown(Path::new("ladders/x.yaml")),
            Path::new("../ladders/x.yaml")
        );
        assert_eq!(root.shown(Path::new("team/a.yaml")), Path::new("a.yaml"));
    }

    #[test]
    fn yaml_extensions_in_any_case() {
        assert!(is_yaml(Path::new("a.yaml")) && is_yaml(Path::new("b.YML")));
        assert!(!is_yaml(Path::new("c.json")) && !is_yaml(Path::new("yaml")));
    }

    #[test]
    fn reading_is_capped() {
        assert_eq!(
            read_capped(&b"12345"[..], 5).unwrap(),
            Some(b"12345".to_vec())
        );
        assert_eq!(read_capped(&b"123456"[..], 5).unwrap(), None);
    }
}
