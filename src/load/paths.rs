//! Paths that come from inside files, or from walking directories, stay inside the working
//! directory: a hostile file in a pull request must not make `ladder` read, and then quote in
//! its errors, a file elsewhere on the machine.

use std::path::{Component, Path, PathBuf};

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

/// Why `path`, named inside a file, may not be read: it is absolute, climbs out of the working
/// directory, or (through a symbolic link) really lives outside it. `None` when it may be read.
pub fn escapes_working_directory(path: &Path) -> Option<&'static str> {
    let normalized = normalize(path);
    if normalized.has_root()
        || normalized
            .components()
            .any(|c| matches!(c, Component::Prefix(_)))
    {
        return Some("it is an absolute path");
    }
    if normalized.starts_with("..") {
        return Some("it leads outside the working directory");
    }
    let (Ok(real), Ok(root)) = (path.canonicalize(), Path::new(".").canonicalize()) else {
        return None;
    };
    (!real.starts_with(root)).then_some("it is a symbolic link to outside the working directory")
}

/// Whether `path`, found by walking `root`, is really elsewhere: a symbolic link out of `root`.
pub fn links_out_of(path: &Path, root: &Path) -> bool {
    match (path.canonicalize(), root.canonicalize()) {
        (Ok(real), Ok(root)) => !real.starts_with(root),
        _ => false,
    }
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
    fn refuses_paths_that_leave_the_working_directory() {
        assert_eq!(
            escapes_working_directory(Path::new("/etc/passwd")),
            Some("it is an absolute path")
        );
        assert_eq!(
            escapes_working_directory(Path::new("team/../../secret.yaml")),
            Some("it leads outside the working directory")
        );
        assert_eq!(
            escapes_working_directory(Path::new("team/../ladders/x.yaml")),
            None
        );
    }

    #[test]
    fn yaml_extensions_in_any_case() {
        assert!(is_yaml(Path::new("a.yaml")) && is_yaml(Path::new("b.YML")));
        assert!(!is_yaml(Path::new("c.json")) && !is_yaml(Path::new("yaml")));
    }
}
