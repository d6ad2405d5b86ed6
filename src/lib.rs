//! `ladder` turns a career ladder into data and tells a person how far they are from the next level.
//!
//! Data flows one way: [`cli`] (arguments) → [`load`] (files → checked [`model`]) → the work
//! ([`assess`], [`diff`], [`validate`], [`schema`]) → [`render`] (text) → [`run`] hands the text
//! and the kind of any failure back to `main`, which prints and picks the exit code.
//!
//! Beside the flow: [`diagnostic`] (located findings), [`error`] (what can go wrong),
//! [`wording`] (names, lists and paths in messages) and [`output`] (writing files safely).

pub mod assess;
pub mod cli;
pub mod diagnostic;
pub mod diff;
pub mod error;
pub mod input;
pub mod load;
pub mod model;
pub mod render;
pub mod run;
pub mod schema;
pub mod validate;
pub mod wording;
pub mod write_file;
