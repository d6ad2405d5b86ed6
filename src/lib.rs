//! `ladder` turns a career ladder into data and tells a person how far they are from the next level.
//!
//! **This library is the `ladder` binary's internals.** It is public only so that the tests,
//! benchmarks and fuzzer of this repository can reach it; it makes no semver promise and any
//! item may change or go in any release. Use the command line, or its JSON output.
//!
//! Data flows one way: [`cli`] (arguments, as [`input::Input`]s) → [`load`] (files inside the
//! repository → checked [`model`]) → the work ([`assess`], [`plan`], [`compare`], [`team`], [`diff`], [`validate`], [`schema`])
//! → [`chart`] (what a picture shows) → [`render`] (text and pictures, made safe for their format) → [`run`] writes it as it is made and hands
//! the outcome to `main`, which picks the exit code.
//!
//! [`import`] turns ladders kept in other formats (FT's job families, spreadsheets as CSV)
//! into ladder files.
//!
//! Beside the flow: [`diagnostic`] (findings, as spans into their file), [`error`] (what can go
//! wrong), [`wording`] (names, lists and plurals in messages), [`write_file`] (writing a file
//! without clobbering one) and [`complete`] (the shell's completions, which read ladders as the
//! commands do).

#[doc(hidden)]
pub mod assess;
#[doc(hidden)]
pub mod chart;
#[doc(hidden)]
pub mod cli;
#[doc(hidden)]
pub mod compare;
#[doc(hidden)]
pub mod complete;
#[doc(hidden)]
pub mod diagnostic;
#[doc(hidden)]
pub mod diff;
#[doc(hidden)]
pub mod error;
#[doc(hidden)]
pub mod glyphs;
#[doc(hidden)]
pub mod import;
#[doc(hidden)]
pub mod input;
#[doc(hidden)]
pub mod load;
#[doc(hidden)]
pub mod model;
#[doc(hidden)]
pub mod parallel;
#[doc(hidden)]
pub mod plan;
#[doc(hidden)]
pub mod policy;
#[doc(hidden)]
pub mod render;
#[doc(hidden)]
pub mod run;
#[doc(hidden)]
pub mod schema;
#[doc(hidden)]
pub mod team;
#[doc(hidden)]
pub mod validate;
#[doc(hidden)]
pub mod wording;
#[doc(hidden)]
pub mod write_file;
