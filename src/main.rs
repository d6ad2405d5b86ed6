//! The `ladder` binary: parse arguments, run, and map the outcome to an exit code.

use std::io::{self, Write};
use std::process::ExitCode;

use ladder::complete::Answer;
use ladder::run::pipe::Guarded;
use ladder::run::{Failure, Streams, run, styles};

/// Parsing thousands of files is mostly small allocations made and freed on every thread.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // Before anything is written: a shell completing a command line may be asking.
    match ladder::complete::answer_if_asked() {
        Some(Answer::Answered) => return ExitCode::SUCCESS,
        Some(Answer::Refused(message)) => {
            let _ = writeln!(io::stderr(), "{message}");
            return ExitCode::from(2);
        }
        None => {}
    }
    let cli = ladder::cli::parse();
    let (style, err_color) = styles(cli.color);
    // Reports of thousands of files are megabytes: written in large pieces, not line by line.
    let mut out = Guarded::stdout(io::BufWriter::with_capacity(1 << 16, io::stdout().lock()));
    let mut err = Guarded::stderr(io::stderr().lock());
    let status = run(
        &cli,
        &mut Streams::new(&mut out, &mut err, style, err_color),
    );
    match status {
        Ok(None) => ExitCode::SUCCESS,
        Ok(Some(Failure::Content)) => ExitCode::from(1),
        Ok(Some(Failure::Usage)) => ExitCode::from(2),
        Err(error) => {
            // Standard error may be what failed; there is nowhere else to say it.
            let _ = writeln!(io::stderr(), "error: {error}");
            ExitCode::from(2)
        }
    }
}
