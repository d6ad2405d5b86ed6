//! The optional `ladder.toml` at the repository root: what a team sets once for every run of
//! `ladder validate`, so that a laptop and CI check alike. Read through the root's handle, as
//! every other file is; any mistake in it is located, and stops the run rather than being
//! ignored.

use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use super::check::Findings;
use super::root::Root;
use super::source::{self, Source, Span};
use crate::diagnostic::{At, Code, Diagnostic};
use crate::error::Error;
use crate::policy::Policy;

/// Where the file is, relative to the repository root.
pub const FILE: &str = "ladder.toml";

const SHAPE: &str = "`ladder.toml` holds a `[validate]` table of `strict = true` or `false`, and `allow` and `deny`, lists of kinds of warning: see `ladder validate --help`";

/// What `ladder.toml` sets; the default when there is none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// Fail on warnings, as `--strict` does.
    pub strict: bool,
    pub policy: Policy,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    validate: RawValidate,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawValidate {
    #[serde(default)]
    strict: bool,
    #[serde(default)]
    allow: Vec<toml::Spanned<String>>,
    #[serde(default)]
    deny: Vec<toml::Spanned<String>>,
}

/// The repository's `ladder.toml`, or the default when it has none.
pub fn read(root: &Root, max_bytes: u64) -> Result<Config, Error> {
    let located = Path::new(FILE);
    if !root.exists(located) {
        return Ok(Config::default());
    }
    let name = root.shown(located).display().to_string();
    let unreadable = |reason: String| Error::Io {
        path: name.clone(),
        reason,
    };
    let bytes = root
        .read(located, max_bytes)
        .map_err(|reason| unreadable(reason.0))?
        .ok_or_else(|| source::too_large(name.clone(), max_bytes))?;
    parse(&Source::decode(name.clone(), &bytes)?)
}

/// Parses the text of a `ladder.toml`.
pub fn parse(source: &Arc<Source>) -> Result<Config, Error> {
    let raw: RawConfig = toml::from_str(source.text()).map_err(|error| {
        let at = error.span().map_or(At::File(source.clone()), |range| {
            At::Span(source.clone(), span(&range))
        });
        let finding = Diagnostic::error(
            Code::InvalidConfig,
            error.message().trim_end().to_owned(),
            at,
        );
        Error::invalid(finding.with_help(SHAPE))
    })?;
    // The one sink of a file's findings, with its cap and its budget of suggestions.
    let mut findings = Findings::new(source, &crate::policy::NONE);
    let mut codes = |names: &[toml::Spanned<String>]| -> Vec<Code> {
        let mut codes = Vec::new();
        for name in names {
            match Code::warning(name.get_ref()) {
                Ok(code) => codes.push(code),
                Err(refusal) => {
                    let help = findings.suggest(|| Some(refusal.help()));
                    let at = At::Span(source.clone(), span(&name.span()));
                    let finding = Diagnostic::error(Code::InvalidConfig, refusal.message(), at);
                    findings.push(finding.with_optional_help(help));
                }
            }
        }
        codes
    };
    let allow = codes(&raw.validate.allow);
    let deny = codes(&raw.validate.deny);
    let mut policy = Policy::default();
    if let Err(both) = policy.layer(&allow, &deny) {
        let at = raw
            .validate
            .deny
            .iter()
            .find(|name| name.get_ref() == both.as_str())
            .map_or(At::File(source.clone()), |name| {
                At::Span(source.clone(), span(&name.span()))
            });
        let message = format!("`{both}` is both allowed and denied");
        findings.push(Diagnostic::error(Code::InvalidConfig, message, at));
    }
    let strict = raw.validate.strict;
    findings
        .finish(|| Config { strict, policy })
        .map(|loaded| loaded.value)
        .map_err(Error::Invalid)
}

fn span(range: &std::ops::Range<usize>) -> Span {
    Span {
        start: range.start,
        len: range.end.saturating_sub(range.start),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::check::MAX_FINDINGS;
    use crate::policy::Level;

    fn parsed(text: &str) -> Result<Config, Vec<String>> {
        parse(&Source::from_text("ladder.toml", text)).map_err(|error| match error {
            Error::Invalid(found) => found.kept.iter().map(|d| d.message.clone()).collect(),
            other => vec![other.to_string()],
        })
    }

    #[test]
    fn an_empty_file_is_the_default() {
        assert_eq!(parsed(""), Ok(Config::default()));
        assert_eq!(parsed("[validate]\n"), Ok(Config::default()));
    }

    #[test]
    fn sets_strictness_and_each_kind() {
        let config = parsed(
            "[validate]\nstrict = true\nallow = [\"unscored\"]\ndeny = [\"missing-evidence\"]\n",
        )
        .unwrap();
        assert!(config.strict);
        assert_eq!(config.policy.level(Code::Unscored), Level::Allow);
        assert_eq!(config.policy.level(Code::MissingEvidence), Level::Deny);
        assert_eq!(config.policy.level(Code::MissingSignals), Level::Warn);
    }

    #[test]
    fn names_every_wrong_kind_at_once() {
        let errors =
            parsed("[validate]\nallow = [\"yaml-syntax\", \"unscord\"]\ndeny = [\"\\u001b[2J\"]\n");
        assert_eq!(
            errors,
            Err(vec![
                "`yaml-syntax` is an error, which no policy can allow or deny".to_owned(),
                "`unscord` is not a kind of warning".to_owned(),
                "`\\u{1b}[2J` is not a kind of warning".to_owned(),
            ])
        );
    }

    #[test]
    fn keeps_as_many_findings_as_any_file_and_counts_the_rest() {
        let names = vec!["\"x\""; MAX_FINDINGS + 50].join(", ");
        let text = format!("[validate]\nallow = [{names}]\n");
        let Err(Error::Invalid(found)) = parse(&Source::from_text("ladder.toml", text)) else {
            panic!("not refused");
        };
        assert_eq!(found.kept.len(), MAX_FINDINGS);
        assert_eq!((found.omitted(), found.errors()), (50, MAX_FINDINGS + 50));
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        let errors = parsed("[validate]\ncolour = true\n").unwrap_err();
        assert_eq!(
            errors,
            ["unknown field `colour`, expected one of `strict`, `allow`, `deny`"]
        );
        let errors = parsed("[validat]\n").unwrap_err();
        assert_eq!(errors, ["unknown field `validat`, expected `validate`"]);
        let errors =
            parsed("[validate]\nallow = [\"unscored\"]\ndeny = [\"unscored\"]\n").unwrap_err();
        assert_eq!(errors, ["`unscored` is both allowed and denied"]);
    }
}
