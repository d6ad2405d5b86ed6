//! What a team makes of each kind of warning: allowed (counted, not shown), shown as a
//! warning, or denied (shown as an error, so the run fails). Errors are never a matter of
//! policy: a file with one cannot be read as its author meant. The sink of each file's
//! findings ([`crate::load::check`]) applies it as each is found.

use crate::diagnostic::{Code, Severity};

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

/// Every warning shown as a warning: for work that has no team's policy to follow.
pub static NONE: Policy = Policy { levels: Vec::new() };

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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_later_layer_has_the_last_word() {
        let mut policy = Policy::default();
        assert_eq!(policy.level(Code::Unscored), Level::Warn);
        policy.layer(&[Code::Unscored], &[]).unwrap();
        assert_eq!(policy.level(Code::Unscored), Level::Allow);
        policy.layer(&[], &[Code::Unscored]).unwrap();
        assert_eq!(policy.level(Code::Unscored), Level::Deny);
        assert_eq!(
            policy.layer(&[Code::NotExpected], &[Code::NotExpected]),
            Err(Code::NotExpected)
        );
        assert_eq!(NONE.level(Code::Unscored), Level::Warn);
    }
}
