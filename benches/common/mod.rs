//! What the benchmarks share: running the release binary as a user runs it, and measuring each
//! run's wall time, CPU time and peak memory (from GNU `/usr/bin/time`; "n/a" without it, as
//! on macOS and Windows), and printing verdicts against the targets.

#![allow(dead_code)]

use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub const LADDER: &str = env!("CARGO_BIN_EXE_ladder");
/// GNU time reports the child's maximum resident set size exactly (`%M`, in kilobytes) and its
/// CPU time (`%U` user and `%S` system seconds), which tells a slow program from a busy machine.
pub const GNU_TIME: &str = "/usr/bin/time";

/// One command's cost over `RUNS` runs: the best wall time, and the highest peak memory seen.
#[derive(Clone)]
pub struct Cost {
    pub wall: Duration,
    /// Kilobytes, as GNU time reports them.
    pub peak_kb: Option<u64>,
    /// User and system time, of the run with the least.
    pub cpu: Option<Duration>,
    pub stdout: u64,
    pub stderr: u64,
    pub exit: Option<i32>,
    /// The first line of standard error, to show why a command refused (exit 2).
    pub first_error: String,
}

impl Cost {
    pub fn peak_mb(&self) -> Option<f64> {
        self.peak_kb.map(|kb| kb as f64 / 1024.0)
    }

    pub fn refused(&self) -> bool {
        self.exit == Some(2)
    }

    /// Two runs of one command as one: the least wall and CPU time, the highest peak, and the
    /// rest of the later run.
    pub fn and(self, later: Cost) -> Cost {
        Cost {
            wall: self.wall.min(later.wall),
            peak_kb: self.peak_kb.max(later.peak_kb),
            cpu: self.cpu.min(later.cpu),
            ..later
        }
    }
}

/// Runs `program args` in `cwd`, `runs` times, with output to files in `scratch`.
pub fn measure(
    cwd: &Path,
    scratch: &Path,
    program: &OsStr,
    args: &[OsString],
    runs: usize,
    gnu_time: bool,
) -> io::Result<Cost> {
    let (out, err, peak) = (
        scratch.join("out"),
        scratch.join("err"),
        scratch.join("peak"),
    );
    let mut cost: Option<Cost> = None;
    for _ in 0..runs {
        let mut command = if gnu_time {
            let mut command = Command::new(GNU_TIME);
            // `-o` keeps time's report out of the child's standard error.
            command
                .arg("-f")
                .arg("%M %U %S")
                .arg("-o")
                .arg(&peak)
                .arg(program);
            command
        } else {
            Command::new(program)
        };
        command
            .args(args)
            .current_dir(cwd)
            .stdin(Stdio::null())
            .stdout(File::create(&out)?)
            .stderr(File::create(&err)?);
        let start = Instant::now();
        let status = command.status()?;
        let wall = start.elapsed();
        // With a failing child GNU time writes "Command exited with non-zero status N" first.
        let report = gnu_time
            .then(|| fs::read_to_string(&peak).ok())
            .flatten()
            .unwrap_or_default();
        let fields: Vec<&str> = report.lines().last().unwrap_or("").split(' ').collect();
        let peak_kb = fields[0].parse().ok();
        let cpu = fields.get(1..3).and_then(|times| {
            let seconds: Option<Vec<f64>> = times.iter().map(|t| t.parse().ok()).collect();
            Some(Duration::from_secs_f64(seconds?.iter().sum()))
        });
        let mut first_error = String::new();
        BufReader::new(File::open(&err)?).read_line(&mut first_error)?;
        let run = Cost {
            wall,
            peak_kb,
            cpu,
            stdout: fs::metadata(&out)?.len(),
            stderr: fs::metadata(&err)?.len(),
            exit: status.code(),
            first_error: first_error.trim_end().to_owned(),
        };
        cost = Some(match cost {
            None => run,
            Some(best) => best.and(run),
        });
    }
    Ok(cost.expect("at least one run"))
}

/// Whether GNU time is there to report peak memory and CPU time; BSD time (macOS) lacks `-f`.
pub fn has_gnu_time() -> bool {
    Command::new(GNU_TIME)
        .args(["-f", "%M", LADDER, "--version"])
        .stdout(Stdio::null())
        .output()
        .is_ok_and(|o| {
            o.status.success()
                && String::from_utf8_lossy(&o.stderr)
                    .trim()
                    .parse::<u64>()
                    .is_ok()
        })
}

/// The competency ids of the built-in ladder, asked of the binary so they follow the ladder.
pub fn print_header() {
    println!(
        "{:<38} {:>6} {:>10} {:>10} {:>8} {:>11} {:>10} {:>5}",
        "command", "files", "wall", "cpu", "peak MB", "stdout", "stderr", "exit"
    );
}

pub fn print_row(command: &str, files: usize, cost: &io::Result<Cost>) {
    match cost {
        Ok(c) => {
            let peak = c
                .peak_mb()
                .map_or("n/a".to_owned(), |mb| format!("{mb:.1}"));
            let cpu = or_na(c.cpu.map(|t| format!("{:.3} s", t.as_secs_f64())));
            let exit = c.exit.map_or("-".to_owned(), |code| code.to_string());
            print!(
                "{command:<38} {files:>6} {:>8.3} s {cpu:>10} {peak:>8} {:>11} {:>10} {exit:>5}",
                c.wall.as_secs_f64(),
                c.stdout,
                c.stderr
            );
            if c.refused() {
                print!("  refused: {}", c.first_error);
            }
            println!();
        }
        Err(error) => println!("{command:<38} {files:>6}  could not run: {error}"),
    }
}

/// The verdicts, kept until `report`; a target that cannot be measured here is SKIP, not FAIL.
#[derive(Default)]
pub struct Targets {
    lines: Vec<String>,
    pub failed: usize,
}

impl Targets {
    pub fn check(&mut self, pass: Option<bool>, what: String) {
        let verdict = match pass {
            Some(true) => "PASS",
            Some(false) => "FAIL",
            None => "SKIP",
        };
        self.failed += usize::from(pass == Some(false));
        self.lines.push(format!("  {verdict}  {what}"));
    }

    pub fn report(&mut self) {
        self.lines.drain(..).for_each(|line| println!("{line}"));
    }
}

pub fn or_na(value: Option<String>) -> String {
    value.unwrap_or_else(|| "n/a".to_owned())
}
