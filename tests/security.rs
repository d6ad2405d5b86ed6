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
         the repository\n--> ladders/engineering-management.yaml\n\nassessments/me.yaml: 1 error\n\nerror[ladder-not-found]: cannot read ladder \
         `ladders/engineering-management.yaml`: it is a symbolic link to outside the repository\n--> \
         assessments/me.yaml\n\nchecked 1 file (0 ladders, 1 self-assessment): 2 errors\n"
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
         --> ladders/evil.yaml\n\nchecked 0 files: 1 error\n"
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
    // Missing folders are made inside the repository, never outside it.
    ladder()
        .current_dir(dir.path())
        .args(["init", "-o", "missing/me.yaml"])
        .assert()
        .code(0);
    assert!(dir.path().join("missing/me.yaml").is_file());
    let inner = dir.path().join("inner");
    fs::create_dir(&inner).unwrap();
    ladder()
        .current_dir(&inner)
        .args(["init", "-o", "../../elsewhere/me.yaml"])
        .assert()
        .code(2)
        .stderr(
            "error: cannot write `../../elsewhere/me.yaml`: its folder is missing, and folders \
             are made only on a path without `..`\n",
        );
    // Nor through a link that leads out: the root's handle refuses it.
    #[cfg(unix)]
    {
        let outside = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), inner.join("out")).unwrap();
        ladder()
            .current_dir(&inner)
            .args(["init", "-o", "out/deeper/me.yaml"])
            .assert()
            .code(2);
        assert!(!outside.path().join("deeper").exists());
    }
    assert!(!dir.path().join("../elsewhere").exists());
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

/// A scratch repository (it holds `.git`) beside a folder outside it holding a secret.
#[cfg(unix)]
fn repository_beside_a_secret() -> (tempfile::TempDir, std::path::PathBuf) {
    let scratch = tempfile::tempdir().unwrap();
    let outside = scratch.path().join("outside");
    fs::create_dir_all(&outside).unwrap();
    fs::write(
        outside.join("secrets.yaml"),
        "SECRET_TOKEN: ghp_hunter2_do_not_print\n",
    )
    .unwrap();
    let repo = scratch.path().join("repo");
    fs::create_dir_all(repo.join(".git")).unwrap();
    (scratch, repo)
}

#[cfg(unix)]
#[test]
fn a_walked_root_or_a_file_argument_that_links_out_is_refused() {
    let (_scratch, repo) = repository_beside_a_secret();
    std::os::unix::fs::symlink("../outside", repo.join("ladders")).unwrap();
    std::os::unix::fs::symlink("../outside/secrets.yaml", repo.join("innocent.yaml")).unwrap();
    let refusal = |name: &str| {
        format!("cannot read `{name}`: it is a symbolic link to outside the repository")
    };
    for args in [
        vec!["validate"],
        vec!["validate", "ladders", "--format", "github"],
        vec!["validate", "innocent.yaml"],
        vec!["assess", "innocent.yaml"],
        vec!["show", "--ladder", "innocent.yaml"],
        vec!["list"],
    ] {
        let output = ladder().current_dir(&repo).args(&args).output().unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            !all.contains("SECRET") && !all.contains("hunter2"),
            "{args:?}: {all}"
        );
        let name = if args.contains(&"innocent.yaml") {
            "innocent.yaml"
        } else {
            "ladders"
        };
        if args != ["list"] {
            assert_eq!(output.status.code(), Some(2), "{args:?}: {all}");
            assert!(all.contains(&refusal(name)), "{args:?}: {all}");
        }
    }
    // A plain path out of the repository, named on the command line, is refused the same way.
    ladder()
        .current_dir(&repo)
        .args(["validate", "../outside/secrets.yaml"])
        .assert()
        .code(2)
        .stdout(
            "error[unreadable]: cannot read `../outside/secrets.yaml`: it leads outside the repository\n\
             --> ../outside/secrets.yaml\n\nchecked 0 files: 1 error\n",
        );
}

#[cfg(unix)]
#[test]
fn nothing_in_a_walked_folder_is_skipped_without_a_word() {
    let (_scratch, repo) = repository_beside_a_secret();
    let team = repo.join("team");
    fs::create_dir_all(&team).unwrap();
    fs::copy("examples/new-manager.yaml", team.join("a-good.yaml")).unwrap();
    std::os::unix::fs::symlink("does-not-exist.yaml", team.join("b-dangling.yaml")).unwrap();
    std::os::unix::fs::symlink("c-loop.yaml", team.join("c-loop.yaml")).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(team.join("d-fifo.yaml"))
        .status()
        .unwrap();
    assert!(fifo.success());
    let _socket = std::os::unix::net::UnixListener::bind(team.join("e-socket.yaml")).unwrap();
    std::os::unix::fs::symlink("../../outside", team.join("f-linked-folder")).unwrap();
    ladder()
        .current_dir(&repo)
        .args(["validate", "team"])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stdout(
            "error[unreadable]: cannot read `team/b-dangling.yaml`: no such file or directory\n\
             --> team/b-dangling.yaml\n\n\
             error[unreadable]: cannot read `team/c-loop.yaml`: too many levels of symbolic links\n\
             --> team/c-loop.yaml\n\n\
             error[unreadable]: cannot read `team/d-fifo.yaml`: it is not a regular file\n\
             --> team/d-fifo.yaml\n\n\
             error[unreadable]: cannot read `team/e-socket.yaml`: it is not a regular file\n\
             --> team/e-socket.yaml\n\n\
             error[unreadable]: cannot read `team/f-linked-folder`: it is a symbolic link to outside \
             the repository\n--> team/f-linked-folder\n\n\
             checked 5 files: 5 errors\n",
        );
}

/// Runs `ladder` as the unprivileged `nobody`, when this test runs as root (which reads any
/// folder whatever its permissions); `None` when that cannot be arranged.
#[cfg(unix)]
fn unprivileged(dir: &std::path::Path, args: &[&str]) -> Option<std::process::Output> {
    let binary = assert_cmd::cargo::cargo_bin("ladder");
    let as_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout == b"0\n");
    let mut command = if as_root {
        let mut setpriv = std::process::Command::new("setpriv");
        setpriv
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&binary);
        setpriv
    } else {
        std::process::Command::new(&binary)
    };
    command.current_dir(dir).args(args).output().ok()
}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_reported_and_the_others_are_still_checked() {
    use std::os::unix::fs::PermissionsExt;
    let scratch = tempfile::tempdir().unwrap();
    let repo = scratch.path();
    let team = repo.join("team");
    fs::create_dir_all(team.join("locked")).unwrap();
    fs::create_dir_all(repo.join(".git")).unwrap();
    fs::copy("examples/new-manager.yaml", team.join("a-good.yaml")).unwrap();
    fs::write(team.join("z-bad.yaml"), "person: Ada\ntarget: manger\n").unwrap();
    fs::copy("examples/new-manager.yaml", team.join("locked/hidden.yaml")).unwrap();
    for dir in [repo, team.as_path()] {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).unwrap();
    }
    for file in ["a-good.yaml", "z-bad.yaml"] {
        fs::set_permissions(team.join(file), fs::Permissions::from_mode(0o644)).unwrap();
    }
    fs::set_permissions(team.join("locked"), fs::Permissions::from_mode(0o000)).unwrap();
    let Some(output) = unprivileged(repo, &["validate", "team"]) else {
        eprintln!(
            "note: cannot run as an unprivileged user here; the unreadable folder is untested"
        );
        return;
    };
    fs::set_permissions(team.join("locked"), fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(
        out.starts_with(
            "error[unreadable]: cannot read `team/locked`: permission denied\n--> team/locked\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("error[unknown-level]: unknown target level `manger`"),
        "{out}"
    );
    assert!(
        out.ends_with("checked 2 files (0 ladders, 2 self-assessments): 2 errors\n"),
        "{out}"
    );
}

#[cfg(unix)]
#[test]
fn a_dangling_default_ladder_is_an_error_not_a_silent_fallback() {
    let repo = tempfile::tempdir().unwrap();
    fs::create_dir_all(repo.path().join("ladders")).unwrap();
    std::os::unix::fs::symlink(
        "gone.yaml",
        repo.path().join("ladders/engineering-management.yaml"),
    )
    .unwrap();
    fs::copy("examples/new-manager.yaml", repo.path().join("me.yaml")).unwrap();
    ladder()
        .current_dir(repo.path())
        .args(["assess", "me.yaml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "cannot read ladder `ladders/engineering-management.yaml`: no such file or directory",
        ));
    ladder()
        .current_dir(repo.path())
        .arg("list")
        // Wide enough that the message stays on one line.
        .env("COLUMNS", "200")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "cannot read `ladders/engineering-management.yaml`: no such file or directory",
        ));
}

#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_to_standard_output_is_an_error() {
    for args in [
        vec!["show", "--format", "markdown"],
        vec!["validate", "examples/new-manager.yaml"],
        vec!["assess", "examples/new-manager.yaml"],
        vec!["--help"],
        vec!["--version"],
        vec!["assess", "--help"],
    ] {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("ladder"))
            .args(&args)
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8(output.stderr).unwrap(),
            "error: cannot write to standard output: no space left on device\n",
            "{args:?}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_file_swapped_for_a_fifo_never_blocks_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let regular = dir.path().join("regular");
    let fifo = dir.path().join("fifo");
    fs::copy("examples/new-manager.yaml", &regular).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    fs::copy(&regular, dir.path().join("t.yaml")).unwrap();
    let stop = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            // `t.yaml` always exists, and flips between a regular file and a FIFO.
            let (next, target) = (dir.path().join("next"), dir.path().join("t.yaml"));
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                for source in [&regular, &fifo] {
                    let _ = fs::remove_file(&next);
                    fs::hard_link(source, &next).unwrap();
                    fs::rename(&next, &target).unwrap();
                }
            }
        });
        for _ in 0..300 {
            let code = ladder()
                .current_dir(dir.path())
                .args(["validate", "t.yaml"])
                .timeout(std::time::Duration::from_secs(10))
                .output()
                .unwrap()
                .status
                .code();
            // Checked (0), or refused as not a regular file (2); never blocked until killed.
            assert!(matches!(code, Some(0 | 2)), "{code:?}");
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
    });
}

/// A small valid ladder, and an assessment of it.
#[cfg(unix)]
fn tiny_repository() -> tempfile::TempDir {
    let repo = tempfile::tempdir().unwrap();
    fs::create_dir_all(repo.path().join(".git")).unwrap();
    fs::create_dir_all(repo.path().join("ladders")).unwrap();
    fs::copy(
        "tests/hostile/md-base.yaml",
        repo.path().join("ladders/tiny.yaml"),
    )
    .unwrap();
    repo
}

#[cfg(unix)]
#[test]
fn links_inside_the_repository_are_followed_from_its_root_and_each_folder_is_walked_once() {
    let repo = tiny_repository();
    let root = repo.path();
    fs::create_dir_all(root.join("people/team")).unwrap();
    fs::create_dir_all(root.join("docs")).unwrap();
    fs::write(root.join("LICENSE"), "MIT\n").unwrap();
    fs::write(
        root.join("people/team/t.yaml"),
        "ladder: ../../ladders/tiny.yaml\nperson: Ada\ntarget: junior\nscores:\n  coding: 1\n",
    )
    .unwrap();
    // A link to a file above its own folder, a link to a folder already walked, a link back up.
    std::os::unix::fs::symlink("../LICENSE", root.join("docs/LICENSE")).unwrap();
    std::os::unix::fs::symlink("people/team", root.join("team")).unwrap();
    std::os::unix::fs::symlink("..", root.join("docs/up")).unwrap();
    fs::create_dir_all(root.join(".git/refs")).unwrap();
    fs::write(root.join(".git/refs/x.yaml"), "not: ours\n").unwrap();
    ladder()
        .current_dir(root)
        .args(["validate", "."])
        .assert()
        .code(0)
        .stdout("checked 2 files (1 ladder, 1 self-assessment): no problems\n");
}

#[cfg(unix)]
#[test]
fn a_file_named_as_a_ladder_that_is_an_assessment_is_told_as_what_it_is() {
    let repo = tiny_repository();
    let root = repo.path();
    fs::copy("tests/hostile/tiny-assessment.yaml", root.join("x.yaml")).unwrap();
    fs::write(
        root.join("b.yaml"),
        "ladder: x.yaml\nperson: Ada\ntarget: junior\n",
    )
    .unwrap();
    fs::write(
        root.join("x.yaml"),
        "ladder: ladders/tiny.yaml\nperson: Ada\ntarget: junior\nscores:\n  coding: 1\n",
    )
    .unwrap();
    let expected = "b.yaml: 1 error\n\nerror[invalid-ladder]: `x.yaml` is a self-assessment, not a ladder\n --> b.yaml:1:9\n  |\n1 | \
                    ladder: x.yaml\n  |         ^^^^^^\n\nchecked 2 files (0 ladders, 2 self-assessments): 1 error\n";
    for args in [
        ["validate", "x.yaml", "b.yaml"],
        ["validate", "b.yaml", "x.yaml"],
    ] {
        for _ in 0..10 {
            let output = ladder().current_dir(root).args(args).output().unwrap();
            let out = String::from_utf8(output.stdout).unwrap();
            assert_eq!(out, expected, "{args:?}");
        }
    }
}

#[cfg(unix)]
#[test]
fn one_file_under_two_names_is_checked_once_and_shown_one_way() {
    let repo = tiny_repository();
    let root = repo.path();
    std::os::unix::fs::symlink("tiny.yaml", root.join("ladders/alias.yaml")).unwrap();
    fs::write(
        root.join("t.yaml"),
        "ladder: ./ladders/tiny.yaml\nperson: Ada\ntarget: junior\nscores:\n  coding: 3\n",
    )
    .unwrap();
    // The same file twice on the command line, once spelt differently: checked once.
    ladder()
        .current_dir(root)
        .args(["validate", "t.yaml", "./t.yaml"])
        .assert()
        .code(1)
        .stdout(predicate::str::ends_with(
            "checked 1 file (0 ladders, 1 self-assessment): 1 error\n",
        ));
    // A link in `ladders/` to a ladder beside it shares its id without a conflict.
    ladder()
        .current_dir(root)
        .args(["validate", "ladders"])
        .assert()
        .code(0)
        .stdout("checked 2 files (2 ladders, 0 self-assessments): no problems\n");
    // However it is spelt, a ladder is shown by its path from the working directory, whichever
    // of the two files that name it is checked first.
    let base = fs::read_to_string("tests/hostile/md-base.yaml").unwrap();
    let undescribed = base.replace("description: A minimal ladder.\n", "");
    fs::write(root.join("ladders/warn.yaml"), undescribed).unwrap();
    fs::write(
        root.join("w.yaml"),
        "ladder: ./ladders/warn.yaml\nperson: Ada\ntarget: junior\nscores:\n  coding: 1\n",
    )
    .unwrap();
    for _ in 0..10 {
        ladder()
            .current_dir(root)
            .args(["validate", "./ladders/warn.yaml", "w.yaml"])
            .assert()
            .code(0)
            .stdout(predicate::str::contains(" --> ladders/warn.yaml:1:5\n"))
            .stdout(predicate::str::contains("./ladders").not());
    }
}

#[cfg(unix)]
#[test]
fn standard_input_is_not_a_file_named_stdin() {
    let repo = tiny_repository();
    fs::write(repo.path().join("<stdin>"), "id: Broken\n").unwrap();
    ladder()
        .current_dir(repo.path())
        .args(["validate", "-", "<stdin>"])
        .write_stdin(fs::read_to_string("tests/hostile/md-base.yaml").unwrap())
        .assert()
        .code(1)
        .stdout(
            "<stdin>: 1 error\n\nerror[missing-field]: missing field `title`\n --> <stdin>:1:1\n  |\n1 | id: Broken\n  | ^^\n\n\
             checked 2 files: 1 error\n",
        );
}

#[cfg(unix)]
#[test]
fn a_ladders_folder_that_links_out_is_told_by_every_command() {
    let (_scratch, repo) = repository_beside_a_secret();
    std::os::unix::fs::symlink("../outside", repo.join("ladders")).unwrap();
    fs::copy("examples/new-manager.yaml", repo.join("me.yaml")).unwrap();
    let refusal = "cannot read `ladders`: it is a symbolic link to outside the repository";
    ladder()
        .current_dir(&repo)
        .args(["assess", "me.yaml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(refusal));
    ladder()
        .current_dir(&repo)
        .arg("list")
        .env("COLUMNS", "200")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(refusal));
    ladder()
        .current_dir(&repo)
        .arg("show")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(refusal));
    // An absolute path that climbs out through `..` is outside, not a link.
    let climbing = repo.join("../outside/secrets.yaml");
    ladder()
        .current_dir(&repo)
        .arg("assess")
        .arg(&climbing)
        .assert()
        .code(2)
        .stderr(format!(
            "error: cannot read `{}`: it leads outside the repository\n",
            climbing.display()
        ));
}

/// A quoted line made safe before the finding (here `::` at its start, which could open a
/// workflow command) is longer than the file's line: the column given is still the file's.
#[test]
fn a_column_is_the_files_even_where_the_quote_is_escaped() {
    let repo = tempfile::tempdir().unwrap();
    fs::create_dir_all(repo.path().join(".git")).unwrap();
    fs::write(
        repo.path().join("me.yaml"),
        "person: x\ntarget: manager\nscores: {one-on-ones: 4,\n::x: 1, coaching: 9}\n",
    )
    .unwrap();
    let output = ladder()
        .current_dir(repo.path())
        .args(["validate", "me.yaml"])
        .output()
        .unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(
        out.contains("error[score-off-scale]: score 9 is not on the scale\n --> me.yaml:4:19\n"),
        "{out}"
    );
    assert!(out.contains("4 | \\u{3a}:x: 1, coaching: 9}\n"), "{out}");
}

/// `ladder.toml` is read through the repository's handle like every file: a link out of the
/// repository, or a folder of that name, stops the run with status 2 and says why, whatever
/// the format; it is never taken as "no config".
#[cfg(unix)]
#[test]
fn a_config_that_cannot_be_read_is_refused_not_skipped() {
    let repo = tiny_repository();
    let outside = tempfile::tempdir().unwrap();
    fs::write(
        outside.path().join("ladder.toml"),
        "[validate]\nstrict = true\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("ladder.toml"),
        repo.path().join("ladder.toml"),
    )
    .unwrap();
    for format in ["human", "github"] {
        let output = ladder()
            .current_dir(repo.path())
            .args(["validate", "--format", format])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{format}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            "error: cannot read `ladder.toml`: it is a symbolic link to outside the repository\n"
        );
    }
    fs::remove_file(repo.path().join("ladder.toml")).unwrap();
    fs::create_dir(repo.path().join("ladder.toml")).unwrap();
    let output = ladder()
        .current_dir(repo.path())
        .arg("validate")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: cannot read `ladder.toml`: it is a directory, not a file\n"
    );
}

/// `--quiet` prints the summary, and still the path that cannot be read: it is why the run
/// ends with status 2.
#[test]
fn quiet_still_says_why_it_exits_2() {
    let repo = tiny_repository();
    let output = ladder()
        .current_dir(repo.path())
        .args(["validate", "--quiet", "missing.yaml", "ladders"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "error[unreadable]: cannot read `missing.yaml`: no such file or directory\n\
         --> missing.yaml\n\nchecked 1 file (1 ladder, 0 self-assessments): 1 error\n"
    );
}
