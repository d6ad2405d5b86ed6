//! JSON Schemas (draft-07, which yaml-language-server reads) for ladder and self-assessment
//! files, generated from the same types the loader reads them into.

use schemars::generate::SchemaSettings;

use crate::load::raw::{RawAssessment, RawLadder};

pub fn ladder() -> serde_json::Value {
    SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<RawLadder>()
        .to_value()
}

pub fn assessment() -> serde_json::Value {
    SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<RawAssessment>()
        .to_value()
}
