//! The process's two output streams, as `main` hands them to a command: a write error names
//! its stream, and a closed pipe on standard output (`ladder validate | head`) quietly ends the
//! output while the work goes on, so that the exit status still tells how the files are.

use std::io::{self, Write};

pub struct Guarded<W> {
    inner: W,
    name: &'static str,
    /// Whether a closed pipe ends output silently (standard output) or is an error.
    quiet_when_closed: bool,
    closed: bool,
}

impl<W: Write> Guarded<W> {
    pub fn stdout(inner: W) -> Self {
        Guarded {
            inner,
            name: "standard output",
            quiet_when_closed: true,
            closed: false,
        }
    }

    pub fn stderr(inner: W) -> Self {
        Guarded {
            inner,
            name: "standard error",
            quiet_when_closed: false,
            closed: false,
        }
    }

    fn guard<T: Default>(&mut self, result: io::Result<T>) -> io::Result<T> {
        match result {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe && self.quiet_when_closed => {
                self.closed = true;
                Ok(T::default())
            }
            Err(e) => {
                let reason = crate::wording::io_error(&e);
                Err(io::Error::new(
                    e.kind(),
                    format!("cannot write to {}: {reason}", self.name),
                ))
            }
            ok => ok,
        }
    }
}

impl<W: Write> Write for Guarded<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(bytes.len());
        }
        let written = self.inner.write(bytes);
        match self.guard(written.map(Some))? {
            Some(n) => Ok(n),
            None => Ok(bytes.len()),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let flushed = self.inner.flush();
        self.guard(flushed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Failing(io::ErrorKind);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(self.0))
        }
        fn flush(&mut self) -> io::Result<()> {
            Err(io::Error::from(self.0))
        }
    }

    #[test]
    fn a_closed_pipe_is_quiet_on_standard_output_only() {
        let mut out = Guarded::stdout(Failing(io::ErrorKind::BrokenPipe));
        assert!(out.write_all(b"report").is_ok());
        assert!(out.flush().is_ok());
        let mut err = Guarded::stderr(Failing(io::ErrorKind::BrokenPipe));
        assert!(err.write_all(b"error").is_err());
    }

    #[test]
    fn other_write_errors_name_their_stream() {
        let mut out = Guarded::stdout(Failing(io::ErrorKind::StorageFull));
        let error = out.write_all(b"report").unwrap_err();
        assert_eq!(
            error.to_string(),
            "cannot write to standard output: no space left on device"
        );
    }
}
