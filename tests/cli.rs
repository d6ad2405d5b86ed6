//! End-to-end tests of the `ladder` binary: snapshot cases under `tests/cmd/` and the README's
//! examples (run with
//! `TRYCMD=overwrite cargo test --test cli` to update them after a deliberate change).

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .case("tests/cmd/*.md")
        .case("README.md");
}
