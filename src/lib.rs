//! `ladder` turns a career ladder into data and tells a person how far they are from the next level.
//!
//! Data flows one way: [`cli`] (arguments) → [`load`] (files → checked [`model`]) → the work
//! ([`assess`], [`diff`], [`validate`]) → [`render`] (text) → [`run`] hands the text back to `main`, which prints it.

pub mod assess;
pub mod cli;
pub mod diagnostic;
pub mod diff;
pub mod error;
pub mod load;
pub mod model;
pub mod output;
pub mod render;
pub mod run;
pub mod schema;
pub mod validate;
pub mod wording;
