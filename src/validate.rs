//! `ladder validate`: check every ladder and self-assessment file under some paths, side by
//! side, and hand each file's record to a report once, in the order the files were found.
//!
//! A ladder that assessments name is read once (the loader's catalogue sees to that) and its
//! record is handed over once: before the first assessment that names it, when it has
//! findings, or where the walk reaches it otherwise.

use foldhash::{HashMap, HashSet};
use std::io;

use crate::diagnostic::{At, Code, Diagnostic, Found};
use crate::input::Input;
use crate::load::catalog::LadderKey;
use crate::load::{Checked, Document, Kind, LadderFile, Loader, Named, Source};

/// Where the records go: one printer per format.
pub trait Report {
    /// One file's record, with every finding in it.
    fn file(&mut self, file: &Checked) -> io::Result<()>;
    /// A path that could not be searched at all, as a finding of its own.
    fn refused(&mut self, finding: &Diagnostic) -> io::Result<()>;
    /// The end of the run.
    fn finish(&mut self, tally: &Tally) -> io::Result<()>;
}

/// What was checked and what was found, over the whole run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub files: usize,
    pub ladders: usize,
    pub assessments: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Warnings a policy allowed: counted here, not shown.
    pub allowed: usize,
    /// Whether some path could not be read at all (missing, unreadable, a special file).
    pub unreadable: bool,
}

/// Checks every file under `paths`, handing each record to `report`; the tally of it all.
pub fn validate(paths: &[Input], loader: &Loader, report: &mut dyn Report) -> io::Result<Tally> {
    let mut run = Run {
        report,
        tally: Tally::default(),
        reported: HashSet::default(),
        ladder_ids: HashMap::default(),
        loader,
    };
    let check = |named: &Named| match named {
        Named::File(input) => Item::Document(loader.document(input)),
        Named::Refused(input, reason) => Item::Refused(input.to_string(), reason.clone()),
    };
    crate::parallel::in_order(&loader.files(paths), check, |item| run.record(item))?;
    Ok(run.tally)
}

enum Item {
    Document(Document),
    Refused(String, String),
}

struct Run<'a> {
    report: &'a mut dyn Report,
    tally: Tally,
    /// The ladder files whose records have been handed over.
    reported: HashSet<LadderKey>,
    /// Each ladder id seen, and the file that has it.
    ladder_ids: HashMap<String, LadderKey>,
    loader: &'a Loader,
}

impl Run<'_> {
    fn record(&mut self, item: Item) -> io::Result<()> {
        match item {
            Item::Refused(name, reason) => {
                self.tally.unreadable = true;
                self.tally.errors += 1;
                self.report.refused(&unreadable(&name, &reason))
            }
            Item::Document(Document::Ladder(file)) => self.ladder(&file),
            Item::Document(Document::Assessment(file)) => {
                // A ladder read only because this assessment names it is told first, once; a
                // file named as a ladder that is not one is told as what it is, where it is met.
                if let Some(ladder) = &file.ladder
                    && ladder.is_file()
                    && ladder.checked.unreadable.is_none()
                    && ladder.checked.kind != Some(Kind::Assessment)
                    && !ladder.checked.found.is_empty()
                {
                    self.ladder(ladder)?;
                }
                self.file(&file.checked)
            }
        }
    }

    fn ladder(&mut self, file: &LadderFile) -> io::Result<()> {
        if !self.reported.insert(file.key.clone()) {
            return Ok(());
        }
        let Some(ladder) = &file.ladder else {
            return self.file(&file.checked);
        };
        let first = self
            .ladder_ids
            .entry(ladder.id.to_string())
            .or_insert_with(|| file.key.clone())
            .clone();
        if first == file.key || self.same_file(&first, &file.key) {
            return self.file(&file.checked);
        }
        // Two ladders with one id would make the id name either of them.
        let mut checked = file.checked.clone();
        let first = match &first {
            LadderKey::File(located) => self.loader.root().shown(located).display().to_string(),
            _ => "<stdin>".to_owned(),
        };
        let message = format!("ladder id `{}` is also the id of `{first}`", ladder.id);
        let at = At::File(Source::unread(checked.name.clone()));
        checked
            .found
            .kept
            .push(Diagnostic::error(Code::DuplicateId, message, at).with_help(
                "an id names one ladder in `ladder:` and `--ladder`; give each ladder its own",
            ));
        self.file(&checked)
    }

    /// Two names for one file, such as a link in `ladders/` to a ladder beside it.
    fn same_file(&self, a: &LadderKey, b: &LadderKey) -> bool {
        let root = self.loader.root();
        match (a, b) {
            (LadderKey::File(a), LadderKey::File(b)) => {
                same_file::is_same_file(root.absolute(a), root.absolute(b)).unwrap_or(false)
            }
            _ => false,
        }
    }

    fn file(&mut self, checked: &Checked) -> io::Result<()> {
        let tally = &mut self.tally;
        tally.files += 1;
        match checked.kind {
            Some(Kind::Ladder) => tally.ladders += 1,
            Some(Kind::Assessment) => tally.assessments += 1,
            None => {}
        }
        match &checked.unreadable {
            Some(reason) => {
                tally.unreadable = true;
                tally.errors += 1;
                let found = Found::one(unreadable(&checked.name, reason));
                self.report.file(&Checked {
                    found,
                    ..checked.clone()
                })
            }
            None => {
                tally.errors += checked.found.errors();
                tally.warnings += checked.found.warnings();
                tally.allowed += checked.found.allowed;
                self.report.file(checked)
            }
        }
    }
}

/// The finding for a path that cannot be read at all.
fn unreadable(name: &str, reason: &str) -> Diagnostic {
    Diagnostic::error(
        Code::Unreadable,
        format!("cannot read `{name}`: {reason}"),
        At::File(Source::unread(name)),
    )
}
