//! The crate users install holds what they need and nothing of the repository's own machinery:
//! `cargo package --list` names the sources, the built-in ladder, the schemas and the examples,
//! and no test, bench, fuzz target or CI script.

use std::process::Command;

#[test]
fn the_package_lists_only_what_belongs_in_it() {
    let output = Command::new(env!("CARGO"))
        .args(["package", "--list", "--allow-dirty", "--offline", "--quiet"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let listed = String::from_utf8(output.stdout).unwrap();
    let files: Vec<&str> = listed.lines().collect();
    for needed in [
        "Cargo.toml",
        "Cargo.lock",
        "README.md",
        "LICENSE",
        "src/main.rs",
        "src/lib.rs",
        "ladders/engineering-management.yaml",
        "schemas/ladder.schema.json",
        "examples/self-assessment.yaml",
        "examples/pictures/self-assessment.svg",
        // The README's examples of a team's own ladder and of importing one.
        "examples/platform/platform-engineering.yaml",
        "examples/platform/platform-engineering-2025.yaml",
        "examples/platform/margaret-hamilton.yaml",
        "examples/import/platform.csv",
    ] {
        assert!(
            files.contains(&needed),
            "{needed} is missing from:\n{listed}"
        );
    }
    let strays: Vec<&&str> = files
        .iter()
        .filter(|file| {
            ["tests/", "benches/", "fuzz/", ".ci/", "target/", ".github/"]
                .iter()
                .any(|dir| file.starts_with(dir))
        })
        .collect();
    assert!(strays.is_empty(), "not for users: {strays:?}");
}
