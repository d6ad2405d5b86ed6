//! Fuzzes the file loader with arbitrary bytes, read both as a ladder and as a
//! self-assessment checked against the built-in ladder.
//!
//! Properties: nothing panics (loading, assessing, rendering reports and rendering
//! errors); every content diagnostic names the file it belongs to; and every uncoloured output
//! keeps the output-safety rule (no control character but line breaks, no direction mark, no
//! `##[`, no line that starts a workflow command), whatever the bytes.

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
        Ok(loaded) => {
            check_located(&loaded.warnings);
            let ladder = &loaded.value;
            check_safe(&render::ladder::matrix_table(ladder, Style::default()));
            check_safe(&render::ladder::ladder_markdown(ladder));
            check_safe(&render::ladder::ladder_json(ladder));
            if let Some(level) = ladder.levels.first() {
                let report = render::ladder::level_report(ladder, level, false);
                check_safe(&render::ladder::level_table(&report, Style::default()));
                let levels: Vec<&ladder::model::Level> = ladder.levels.iter().collect();
                check_safe(&render::svg::radar(&ladder::chart::levels(ladder, &levels)));
            }
        }
        Err(found) => check_error(&Error::Invalid(found)),
    }

    // As a self-assessment against the built-in ladder.
    let raw = match ladder::load::yaml::parse::<RawAssessment>(&source) {
        Ok(raw) => raw,
        Err(error) => return check_error(&error),
    };
    BUILTIN.with(|builtin| {
        match ladder::load::assessment::check(&raw, &source, builtin, None, &ladder::policy::NONE) {
            Ok(loaded) => {
                check_located(&loaded.warnings);
                let report = ladder::assess::assess(builtin, &loaded.value, "fuzz");
                check_safe(&render::report::table(&report, Style::default(), true));
                let _ = render::report::table(
                    &report,
                    Style {
                        color: true,
                        width: 40,
                    },
                    false,
                );
                let svg = render::svg::radar(&ladder::chart::assessment(builtin, &report));
                check_safe(&svg);
                check_safe(&render::html::assessment(&report, &svg));
                check_safe(&render::report::markdown(&report));
                check_safe(&render::json(&report));
                if !loaded.warnings.is_empty() {
                    check_safe(&render::diagnostics::error(&Error::Invalid(loaded.warnings), false));
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
    check_safe(&render::diagnostics::error(error, false));
    let _ = render::diagnostics::error(error, true);
}

/// The output-safety rule, as `tests/output_safety.rs` states it.
fn check_safe(output: &str) {
    let forbidden = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
    };
    assert!(!output.chars().any(forbidden), "a forbidden character in {output:?}");
    assert!(!output.contains("##["), "`##[` in {output:?}");
    for line in output.lines() {
        assert!(!line.trim_start().starts_with("::"), "a workflow command: {line:?}");
    }
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
