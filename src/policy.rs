//! What a team makes of each kind of warning: allowed (counted, not shown), shown as a
//! warning, or denied (shown as an error, so the run fails). Errors are never a matter of
//! policy: a file with one cannot be read as its author meant.

use crate::diagnostic::{Code, Diagnostic, Found, Severity};

/// One kind of warning's treatment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Allow,
    Warn,
    Deny,
}

/// The treatment of each kind of warning; a kind not named is shown as a warning.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    levels: Vec<(Code, Level)>,
}

impl Policy {
    /// Sets one kind's treatment, replacing any set before: later sources of policy (the
    /// command line after `ladder.toml`) have the last word.
    pub fn set(&mut self, code: Code, level: Level) {
        debug_assert_eq!(
            code.severity(),
            Severity::Warning,
            "only warnings have a policy"
        );
        self.levels.retain(|(set, _)| *set != code);
        self.levels.push((code, level));
    }

    /// Sets what one source of policy says. A kind both allowed and denied there is refused,
    /// and named: neither can be what was meant.
    pub fn layer(&mut self, allow: &[Code], deny: &[Code]) -> Result<(), Code> {
        if let Some(both) = allow.iter().find(|code| deny.contains(code)) {
            return Err(*both);
        }
        for code in allow {
            self.set(*code, Level::Allow);
        }
        for code in deny {
            self.set(*code, Level::Deny);
        }
        Ok(())
    }

    pub fn level(&self, code: Code) -> Level {
        self.levels
            .iter()
            .find(|(set, _)| *set == code)
            .map_or(Level::Warn, |(_, level)| *level)
    }

    /// `found` as this policy treats it, or `None` when the policy changes nothing there.
    pub fn apply(&self, found: &Found) -> Option<Found> {
        let treated = |code: Code| self.level(code) != Level::Warn;
        let kept_treated = found
            .kept
            .iter()
            .any(|d| d.severity == Severity::Warning && treated(d.code));
        let omitted_treated = found
            .omitted_warnings
            .iter()
            .any(|(code, _)| treated(*code));
        if !kept_treated && !omitted_treated {
            return None;
        }
        let mut out = found.clone();
        let is_allowed =
            |d: &Diagnostic| d.severity == Severity::Warning && self.level(d.code) == Level::Allow;
        out.allowed += out.kept.iter().filter(|d| is_allowed(d)).count();
        out.kept.retain(|d| !is_allowed(d));
        for finding in &mut out.kept {
            if finding.severity == Severity::Warning && self.level(finding.code) == Level::Deny {
                finding.severity = Severity::Error;
            }
        }
        out.omitted_warnings
            .retain(|&(code, count)| match self.level(code) {
                Level::Warn => true,
                Level::Allow => {
                    out.allowed += count;
                    false
                }
                Level::Deny => {
                    out.omitted_errors += count;
                    false
                }
            });
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::At;

    fn warning(code: Code) -> Diagnostic {
        Diagnostic::warning(code, "w", At::CommandLine)
    }

    /// Two kept warnings of each of two kinds and an error, and more of both kinds only
    /// counted, as past the cap of one file.
    fn found() -> Found {
        let mut found = Found::default();
        for code in [Code::Unscored, Code::MissingEvidence] {
            found.kept.extend([warning(code), warning(code)]);
        }
        found
            .kept
            .push(Diagnostic::error(Code::YamlSyntax, "e", At::CommandLine));
        found.omit(&warning(Code::Unscored));
        for _ in 0..3 {
            found.omit(&warning(Code::MissingEvidence));
        }
        found
    }

    #[test]
    fn changes_nothing_where_it_names_nothing_found() {
        let mut policy = Policy::default();
        assert_eq!(policy.apply(&found()).map(|f| f.kept.len()), None);
        policy.layer(&[Code::MissingSignals], &[]).unwrap();
        assert_eq!(policy.apply(&found()).map(|f| f.kept.len()), None);
    }

    #[test]
    fn allows_and_denies_the_kept_and_the_counted() {
        let before = found();
        assert_eq!((before.errors(), before.warnings()), (1, 8));
        let mut policy = Policy::default();
        policy
            .layer(&[Code::Unscored], &[Code::MissingEvidence])
            .unwrap();
        let after = policy.apply(&before).unwrap();
        // Unscored: 2 kept + 1 counted, allowed. Missing evidence: 2 kept + 3 counted, errors.
        assert_eq!(after.allowed, 3);
        assert_eq!((after.errors(), after.warnings()), (6, 0));
        assert_eq!(after.kept.len(), 3);
        assert_eq!(after.omitted(), 3);
        assert!(after.kept.iter().all(|d| d.code != Code::Unscored));
    }

    #[test]
    fn a_later_layer_has_the_last_word() {
        let mut policy = Policy::default();
        policy.layer(&[Code::Unscored], &[]).unwrap();
        policy.layer(&[], &[Code::Unscored]).unwrap();
        assert_eq!(policy.level(Code::Unscored), Level::Deny);
        assert_eq!(
            policy.layer(&[Code::NotExpected], &[Code::NotExpected]),
            Err(Code::NotExpected)
        );
    }
}
