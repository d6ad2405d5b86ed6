//! Fuzzes the file loader with arbitrary bytes, read both as a ladder and as a
//! self-assessment checked against the built-in ladder.
//!
//! Property: nothing panics (loading, assessing, rendering reports and rendering
//! errors), and every content diagnostic names the file it belongs to.

#![no_main]

use std::sync::Arc;

use ladder::diagnostic::Found;
use ladder::error::Error;
use ladder::load::raw::RawAssessment;
use ladder::load::Source;
use ladder::model::Ladder;
use ladder::render::{self, Style};
use libfuzzer_sys::fuzz_target;

const NAME: &str = "fuzz.yaml";

thread_local! {
    static BUILTIN: Arc<Ladder> = ladder::load::builtin_ladder("engineering-management")
        .expect("the built-in ladder loads");
}

fuzz_target!(|bytes: &[u8]| {
    let source = match Source::decode(NAME.to_owned(), bytes) {
        Ok(source) => source,
        Err(error) => return check_error(&error),
    };

    // As a ladder file.
    match ladder::load::ladder_from(&source) {
        Ok(loaded) => check_located(&loaded.warnings),
        Err(found) => check_error(&Error::Invalid(found)),
    }

    // As a self-assessment against the built-in ladder.
    let raw = match ladder::load::yaml::parse::<RawAssessment>(&source) {
        Ok(raw) => raw,
        Err(error) => return check_error(&error),
    };
    BUILTIN.with(|builtin| {
        match ladder::load::assessment::check(&raw, &source, builtin, None) {
            Ok(loaded) => {
                check_located(&loaded.warnings);
                let report = ladder::assess::assess(builtin, &loaded.value, "fuzz");
                let _ = render::report::table(&report, Style::default());
                let _ = render::report::table(
                    &report,
                    Style {
                        color: true,
                        width: Some(40),
                    },
                );
                let _ = render::report::markdown(&report);
                let _ = render::json(&report);
                if !loaded.warnings.is_empty() {
                    let _ = render::diagnostics::error(&Error::Invalid(loaded.warnings), false);
                }
            }
            Err(found) => check_error(&Error::Invalid(found)),
        }
    });
});

/// Renders `error` (must not panic) and checks that content errors are located in a file.
fn check_error(error: &Error) {
    if let Error::Invalid(found) = error {
        assert!(!found.is_empty(), "Error::Invalid with no diagnostics");
        check_located(found);
    }
    let _ = render::diagnostics::error(error, false);
    let _ = render::diagnostics::error(error, true);
}

fn check_located(found: &Found) {
    for diagnostic in &found.kept {
        assert!(
            !diagnostic.file().is_empty(),
            "diagnostic without a file: {diagnostic:?}"
        );
        let file = diagnostic.file();
        assert!(
            file == NAME || file == ladder::load::catalog::DEFAULT.file,
            "diagnostic names a file that was never read: {diagnostic:?}"
        );
    }
}
