//! The `ladder` binary: parse arguments, run, print, and map the outcome to an exit code.

use std::io::Write;
use std::process::ExitCode;

use ladder::run::{Failure, run};

fn main() -> ExitCode {
    let outcome = run(&ladder::cli::parse());
    // A closed pipe (`ladder assess x | head -1`) is not an error worth reporting.
    let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    match outcome.failure() {
        None => ExitCode::SUCCESS,
        Some(Failure::Content) => ExitCode::from(1),
        Some(Failure::Usage) => ExitCode::from(2),
    }
}
