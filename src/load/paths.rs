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

/// Why `path`, named inside a file or found in `./ladders/`, may not be read: it lies outside
/// the working directory, by its name or through a symbolic link. `None` when it may be read.
pub fn escapes_working_directory(path: &Path) -> Option<&'static str> {
    let Ok(cwd) = std::env::current_dir() else {
        return Some("the working directory cannot be found");
    };
    let named = std::path::absolute(path)
        .map(|p| normalize(&p))
        .unwrap_or_default();
    if !named.starts_with(normalize(&cwd)) {
        return Some("it leads outside the working directory");
    }
    match (path.canonicalize(), cwd.canonicalize()) {
        (Ok(real), Ok(root)) if !real.starts_with(&root) => {
            Some("it is a symbolic link to outside the working directory")
        }
        _ => None,
    }
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
        let outside = Some("it leads outside the working directory");
        assert_eq!(escapes_working_directory(Path::new("/etc/passwd")), outside);
        assert_eq!(
            escapes_working_directory(Path::new("team/../../secret.yaml")),
            outside
        );
        assert_eq!(
            escapes_working_directory(Path::new("team/../ladders/x.yaml")),
            None
        );
        let inside = std::env::current_dir().unwrap().join("ladders/x.yaml");
        assert_eq!(escapes_working_directory(&inside), None);
    }

    #[test]
    fn yaml_extensions_in_any_case() {
        assert!(is_yaml(Path::new("a.yaml")) && is_yaml(Path::new("b.YML")));
        assert!(!is_yaml(Path::new("c.json")) && !is_yaml(Path::new("yaml")));
    }
}
