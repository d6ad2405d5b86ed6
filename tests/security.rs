//! Files from a pull request cannot make `ladder` read files outside the repository, and
//! nothing `ladder` writes replaces what it should not.

mod common;

use std::fs;

use common::{ladder, stdout};
use predicates::prelude::*;

#[test]
fn an_assessment_cannot_name_a_ladder_outside_the_repository() {
    ladder()
        .args(["assess", "tests/fixtures/escape/absolute.yaml"])
        .assert()
        .code(1)
        .stderr(
            "error[ladder-not-found]: ladder `/proc/self/environ` may not be read: it leads outside the \
             repository\n \
             --> tests/fixtures/escape/absolute.yaml:1:9\n  |\n1 | ladder: /proc/self/environ\n  |         \
             ^^^^^^^^^^^^^^^^^^\n  |\n  = help: name a ladder inside the repository (`ladder assess` also takes \
             `--ladder`)\n",
        );
    ladder()
        .args(["validate", "tests/fixtures/escape/climbing.yaml", "--format", "github"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(
            "::error file=tests/fixtures/escape/climbing.yaml,line=1,col=9,title=ladder-not-found::ladder \
             `../../../../etc/passwd.yaml` may not be read: it leads outside the repository",
        ));
}

#[test]
fn an_assessment_given_by_absolute_path_inside_the_working_directory_finds_its_ladder() {
    let absolute = std::env::current_dir()
        .unwrap()
        .join("tests/fixtures/platform-me.yaml");
    ladder().arg("assess").arg(&absolute).assert().code(0);
}

#[test]
fn a_symbolic_link_as_the_default_ladder_is_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("key"), "password: hunter2\n").unwrap();
    let repo = tempfile::tempdir().unwrap();
    fs::create_dir_all(repo.path().join("ladders")).unwrap();
    fs::create_dir_all(repo.path().join("assessments")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("key"),
        repo.path().join("ladders/engineering-management.yaml"),
    )
    .unwrap();
    fs::write(
        repo.path().join("assessments/me.yaml"),
        "person: Mallory\ntarget: manager\n",
    )
    .unwrap();
    let output = ladder()
        .current_dir(repo.path())
        .args(["validate", "ladders", "assessments"])
        .output()
        .unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(
        !out.contains("hunter2") && !out.contains("password"),
        "{out}"
    );
    // The assessment does not fall back on the built-in ladder without a word: it says why not.
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        out,
        "error[unreadable]: cannot read `ladders/engineering-management.yaml`: it is a symbolic link to outside \
         the repository\n--> ladders/engineering-management.yaml\n\nerror[ladder-not-found]: cannot read ladder \
         `ladders/engineering-management.yaml`: it is a symbolic link to outside the repository\n--> \
         assessments/me.yaml\n\nchecked 2 files: 2 errors\n"
    );
}

#[test]
fn a_symbolic_link_out_of_the_repository_is_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.yaml"), "SECRET_TOKEN: abc123\n").unwrap();
    let repo = tempfile::tempdir().unwrap();
    fs::create_dir_all(repo.path().join("ladders")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.yaml"),
        repo.path().join("ladders/evil.yaml"),
    )
    .unwrap();
    fs::write(
        repo.path().join("me.yaml"),
        "ladder: ladders/evil.yaml\nperson: Mallory\ntarget: manager\n",
    )
    .unwrap();

    let validate = ladder()
        .current_dir(repo.path())
        .args(["validate"])
        .output()
        .unwrap();
    assert_eq!(validate.status.code(), Some(2));
    let out = String::from_utf8(validate.stdout).unwrap();
    assert_eq!(
        out,
        "error[unreadable]: cannot read `ladders/evil.yaml`: it is a symbolic link to outside the repository\n\
         --> ladders/evil.yaml\n\nchecked 1 file: 1 error\n"
    );
    let assess = ladder()
        .current_dir(repo.path())
        .args(["assess", "me.yaml"])
        .output()
        .unwrap();
    assert_eq!(assess.status.code(), Some(1));
    let err = String::from_utf8(assess.stderr).unwrap();
    assert!(
        err.contains("it is a symbolic link to outside the repository"),
        "{err}"
    );
    assert!(!err.contains("abc123") && !err.contains("SECRET"), "{err}");
}

#[test]
fn file_names_cannot_carry_escape_codes_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let name = "bad\u{1b}[31mred.yaml";
    fs::write(dir.path().join(name), "person: [\n").unwrap();
    let output = ladder()
        .current_dir(dir.path())
        .args(["assess", name])
        .output()
        .unwrap();
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("bad\\u{1b}[31mred.yaml:1:9"), "{err:?}");
}

#[test]
fn init_never_replaces_a_directory_a_device_or_the_ladder_it_reads() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("taken")).unwrap();
    ladder()
        .current_dir(dir.path())
        .args(["init", "-o", "taken", "--force"])
        .assert()
        .code(2)
        .stderr("error: `taken` is a directory; only a regular file is ever replaced\n");
    ladder()
        .args(["init", "-o", "/dev/null", "--force"])
        .assert()
        .code(2)
        .stderr("error: `/dev/null` is a special file; only a regular file is ever replaced\n");
    fs::copy(
        "tests/fixtures/three-levels.yaml",
        dir.path().join("ladder.yaml"),
    )
    .unwrap();
    ladder()
        .current_dir(dir.path())
        .args([
            "init",
            "--ladder",
            "ladder.yaml",
            "-o",
            "./ladder.yaml",
            "--force",
        ])
        .assert()
        .code(2)
        .stderr("error: `./ladder.yaml` is the ladder being read; write the template elsewhere\n");
    assert_eq!(
        fs::read(dir.path().join("ladder.yaml")).unwrap(),
        fs::read("tests/fixtures/three-levels.yaml").unwrap()
    );
    ladder()
        .current_dir(dir.path())
        .args(["init", "-o", "missing/me.yaml"])
        .assert()
        .code(2)
        .stderr("error: cannot write `missing/me.yaml`: no such file or directory\n");
}

#[test]
fn init_recognises_the_ladder_it_reads_however_it_is_spelt() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        "tests/fixtures/three-levels.yaml",
        dir.path().join("ladder.yaml"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("ladder.yaml"),
        dir.path().join("alias.yaml"),
    )
    .unwrap();
    for output in [
        dir.path().join("ladder.yaml"),
        dir.path().join("alias.yaml"),
    ] {
        ladder()
            .current_dir(dir.path())
            .args(["init", "--ladder", "ladder.yaml", "--force", "-o"])
            .arg(&output)
            .assert()
            .code(2)
            .stderr(format!(
                "error: `{}` is the ladder being read; write the template elsewhere\n",
                output.display()
            ));
    }
    assert_eq!(
        fs::read(dir.path().join("ladder.yaml")).unwrap(),
        fs::read("tests/fixtures/three-levels.yaml").unwrap()
    );
}

#[test]
fn init_reads_no_ladder_outside_the_repository() {
    let outside = tempfile::tempdir().unwrap();
    fs::copy(
        "tests/fixtures/three-levels.yaml",
        outside.path().join("ladder.yaml"),
    )
    .unwrap();
    let repo = tempfile::tempdir().unwrap();
    ladder()
        .current_dir(repo.path())
        .arg("init")
        .arg("--ladder")
        .arg(outside.path().join("ladder.yaml"))
        .assert()
        .code(2)
        .stderr(format!(
            "error: cannot read `{}`: it leads outside the repository\n",
            outside.path().join("ladder.yaml").display()
        ));
}

#[test]
fn a_replaced_file_keeps_its_permissions_and_a_new_one_is_readable() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("me.yaml");
    ladder().arg("init").arg("-o").arg(&path).assert().code(0);
    // The same mode as any new file here: 0666 less the umask.
    fs::write(dir.path().join("probe"), "").unwrap();
    let usual = fs::metadata(dir.path().join("probe"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        usual
    );
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    ladder()
        .arg("init")
        .arg("-o")
        .arg(&path)
        .arg("--force")
        .assert()
        .code(0);
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

#[test]
fn standard_input_is_read_once() {
    ladder()
        .args(["assess", "-", "-"])
        .write_stdin("person: Ada\ntarget: manager\n")
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: standard input (`-`) can be read only once\n");
}

#[test]
fn a_broken_ladder_on_the_command_line_is_reported_once() {
    let output = ladder()
        .args([
            "assess",
            "examples/new-manager.yaml",
            "examples/self-assessment.yaml",
        ])
        .args(["--ladder", "examples/new-manager.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error[wrong-file-kind]: this file is a self-assessment, not a ladder\n --> examples/new-manager.yaml:1:1\n  \
         |\n1 | # yaml-language-server: $schema=../schemas/assessment.schema.json\n  | ^\n  |\n  = help: pass a ladder \
         file here\n"
    );
    assert_eq!(output.stdout, b"");
}

#[test]
fn a_nonsense_columns_value_is_ignored() {
    let wide = stdout(ladder().args(["assess", "examples/self-assessment.yaml"]));
    assert_eq!(
        stdout(
            ladder()
                .args(["assess", "examples/self-assessment.yaml"])
                .env("COLUMNS", "0")
        ),
        wide
    );
    assert_eq!(
        stdout(
            ladder()
                .args(["assess", "examples/self-assessment.yaml"])
                .env("COLUMNS", "wide")
        ),
        wide
    );
}
