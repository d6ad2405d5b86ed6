//! The loader: reads and checks ladders and assessments, finds the ladder an assessment names,
//! and holds the one catalogue of ladders of a run, each read and checked once however many
//! files name it. Shared by the threads that check files side by side.

use foldhash::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use super::catalog::{self, LadderKey};
use super::raw::{RawAssessment, RawDocument};
use super::root::{self, Root, Unreadable, Walked};
use super::source::{self, Source};
use super::yaml::{self, Located, Text};
use super::{assessment, ladder};
use crate::diagnostic::{At, Code, Diagnostic, Found};
use crate::error::Error;
use crate::input::Input;
use crate::model::{Assessment, Ladder};
use crate::policy::Policy;
use crate::wording;

/// The two kinds of file `ladder` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Ladder,
    Assessment,
}

/// One file, checked: its name as shown, what it turned out to be, and every finding in it.
/// This is the record the report of a run is made of, one per file, each made once.
#[derive(Debug, Clone)]
pub struct Checked {
    pub name: String,
    /// `None` when the file could not be read or parsed far enough to tell.
    pub kind: Option<Kind>,
    pub found: Found,
    /// Why the file could not be read at all, when it could not.
    pub unreadable: Option<String>,
}

impl Checked {
    fn new(name: String, kind: Option<Kind>, found: Found) -> Checked {
        Checked {
            name,
            kind,
            found,
            unreadable: None,
        }
    }

    /// The failure as one error, for commands that stop at it.
    pub fn error(&self) -> Error {
        match &self.unreadable {
            Some(reason) => Error::Io {
                path: self.name.clone(),
                reason: reason.clone(),
            },
            None => Error::Invalid(self.found.clone().errors_only()),
        }
    }
}

/// A ladder file (or a built-in ladder), read and checked once.
#[derive(Debug)]
pub struct LadderFile {
    pub key: LadderKey,
    pub checked: Checked,
    /// The ladder, when it has no errors.
    pub ladder: Option<Arc<Ladder>>,
}

impl LadderFile {
    /// The ladder, or the error that stops a command needing it.
    pub fn get(&self) -> Result<&Arc<Ladder>, Error> {
        self.ladder.as_ref().ok_or_else(|| self.checked.error())
    }

    /// A file of the repository, rather than a ladder compiled in.
    pub fn is_file(&self) -> bool {
        matches!(self.key, LadderKey::File(_))
    }
}

/// A self-assessment, checked against its ladder.
#[derive(Debug)]
pub struct AssessmentFile {
    pub checked: Checked,
    /// The assessment, when it has no errors.
    pub assessment: Option<Assessment>,
    /// The ladder it was checked against, or whose errors stopped it.
    pub ladder: Option<Arc<LadderFile>>,
}

impl AssessmentFile {
    /// The assessment and its ladder, or the error that stops a command needing them: the
    /// file unreadable, its ladder broken, or its own errors.
    pub fn get(&self) -> Result<(&Assessment, &Ladder), Error> {
        let ladder = self.ladder.as_ref().and_then(|file| file.ladder.as_deref());
        if let (Some(assessment), Some(ladder)) = (&self.assessment, ladder) {
            return Ok((assessment, ladder));
        }
        // A broken ladder file is told by its own errors, which are what to fix.
        match self.ladder.as_ref() {
            Some(file)
                if file.ladder.is_none() && file.is_file() && self.checked.unreadable.is_none() =>
            {
                Err(file.checked.error())
            }
            _ => Err(self.checked.error()),
        }
    }
}

/// What a command line's inputs stand for: files to read, or paths that cannot be searched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    File(Input),
    Refused(Input, String),
}

/// Any file `ladder` reads, checked.
#[derive(Debug)]
pub enum Document {
    Ladder(Arc<LadderFile>),
    Assessment(Box<AssessmentFile>),
}

type Cell = Arc<OnceLock<Arc<LadderFile>>>;

pub struct Loader {
    root: Root,
    max_bytes: u64,
    /// What each kind of warning is taken as, in every file read.
    policy: Policy,
    /// The ladders assessments and the command line name, by identity; each cell is filled
    /// once, by whichever thread needs it first, while the others wait for it. A ladder only
    /// walked over is checked and handed on, not kept, so memory does not grow with the files.
    ladders: Mutex<HashMap<LadderKey, Cell>>,
    /// The one scan of `ladders/`: its YAML entries, relative to the root.
    local: OnceLock<Result<Vec<PathBuf>, Unreadable>>,
    /// What each ladder name, written in a file in a folder, stands for, once looked up.
    resolved: Mutex<HashMap<(PathBuf, String), Resolved>>,
}

/// What a ladder's name stands for.
#[derive(Clone)]
enum Resolved {
    Ladder(LadderKey),
    /// A path, or the `ladders/` folder an id is looked up in, that cannot be read, and how
    /// to show it.
    Unreadable(String, Unreadable),
    /// No ladder by that name.
    Unknown,
}

impl Loader {
    pub fn new(root: Root, max_bytes: u64) -> Self {
        Loader {
            root,
            max_bytes,
            policy: Policy::default(),
            ladders: Mutex::new(HashMap::default()),
            local: OnceLock::new(),
            resolved: Mutex::new(HashMap::default()),
        }
    }

    /// The same loader, taking each kind of warning in every file as `policy` says.
    pub fn with_policy(self, policy: Policy) -> Self {
        Loader { policy, ..self }
    }

    /// The most bytes of any one file read.
    pub fn max_bytes(&self) -> u64 {
        self.max_bytes
    }

    pub fn root(&self) -> &Root {
        &self.root
    }

    /// The files `inputs` name: standard input, files as given, and the `*.yaml` and `*.yml`
    /// files under folders (recursively, in name order), each once, shown relative to the
    /// working directory.
    pub fn files(&self, inputs: &[Input]) -> Vec<Named> {
        let mut named = Vec::new();
        let mut listed: HashSet<PathBuf> = HashSet::default();
        for input in inputs {
            let Input::Path(path) = input else {
                named.push(Named::File(input.clone()));
                continue;
            };
            let walked = self
                .root
                .locate(path)
                .and_then(|located| self.root.walk(&located));
            let walked = match walked {
                Ok(walked) => walked,
                Err(Unreadable(reason)) => {
                    named.push(Named::Refused(input.clone(), reason));
                    continue;
                }
            };
            for entry in walked {
                match entry {
                    Walked::File(located) if listed.insert(located.clone()) => {
                        named.push(Named::File(Input::Path(self.root.shown(&located))));
                    }
                    Walked::File(_) => {}
                    Walked::Refused(located, Unreadable(reason)) => {
                        named.push(Named::Refused(
                            Input::Path(self.root.shown(&located)),
                            reason,
                        ));
                    }
                }
            }
        }
        named
    }

    /// Reads and checks a ladder or a self-assessment, whichever the file is. A ladder that an
    /// assessment has already named is not read again.
    pub fn document(&self, input: &Input) -> Document {
        let key = self.key_of(input);
        let known = key.as_ref().and_then(|key| self.known(key));
        // Named as a ladder, a file may have turned out to be an assessment: read it as one.
        if let Some(known) = known.filter(|known| known.checked.kind != Some(Kind::Assessment)) {
            return Document::Ladder(known);
        }
        match self.read(input) {
            Err(checked) => Document::Assessment(Box::new(AssessmentFile {
                checked,
                assessment: None,
                ladder: None,
            })),
            Ok((source, raw @ RawDocument::Ladder(_))) => {
                let key = key.unwrap_or(LadderKey::Stdin);
                Document::Ladder(self.adopted(&key, || {
                    ladder_file(key.clone(), &source, raw, &self.policy)
                }))
            }
            Ok((source, RawDocument::Assessment(raw))) => {
                let file = self.check_assessment(&raw, &source, input, None, None);
                Document::Assessment(Box::new(file))
            }
        }
    }

    /// Reads and checks the self-assessment `input`, against `ladder` when given, otherwise
    /// the ladder it names, otherwise the default ladder.
    pub fn assessment(
        &self,
        input: &Input,
        ladder: Option<&Arc<LadderFile>>,
        target: Option<&str>,
    ) -> AssessmentFile {
        match self.read(input) {
            Err(checked) => AssessmentFile {
                checked,
                assessment: None,
                ladder: None,
            },
            Ok((source, RawDocument::Ladder(_))) => {
                let found = wrong_kind(&source, Kind::Ladder, "pass a ladder with `--ladder`");
                AssessmentFile {
                    checked: Checked::new(source.name().to_owned(), Some(Kind::Ladder), found),
                    assessment: None,
                    ladder: None,
                }
            }
            Ok((source, RawDocument::Assessment(raw))) => {
                self.check_assessment(&raw, &source, input, ladder, target)
            }
        }
    }

    /// The ladder a command line names with `--ladder`: a file, or an id.
    pub fn ladder_named(&self, name: &str) -> Result<Arc<LadderFile>, Error> {
        match self.resolve(name, Path::new("")) {
            Resolved::Ladder(key) => Ok(self.ladder(&key)),
            Resolved::Unreadable(path, Unreadable(reason)) => Err(Error::Io { path, reason }),
            Resolved::Unknown => {
                let help = self.unknown_ladder_help(name, "`ladder list` shows them");
                Err(Error::Usage(format!("no ladder named `{name}`: {help}")))
            }
        }
    }

    /// The ladder used when none is named: the default built-in one, unless `ladders/` holds
    /// a ladder with its id. When `ladders/` cannot be read, that is the default's problem.
    pub fn default_ladder(&self) -> Arc<LadderFile> {
        match self.resolve(catalog::DEFAULT.id, Path::new("")) {
            Resolved::Ladder(key) => self.ladder(&key),
            Resolved::Unreadable(name, reason) => {
                let key = LadderKey::File(PathBuf::from(catalog::LOCAL_DIR));
                Arc::new(failed_ladder(key, unread(name, reason)))
            }
            Resolved::Unknown => self.builtin(catalog::DEFAULT.id),
        }
    }

    /// A ladder compiled into the binary.
    pub fn builtin(&self, id: &'static str) -> Arc<LadderFile> {
        self.ladder(&LadderKey::Builtin(id))
    }

    /// The ladder file `input`, whatever its name looks like: for `diff` of two versions.
    pub fn ladder_file(&self, input: &Input) -> Arc<LadderFile> {
        match (self.key_of(input), input) {
            (Some(key), _) => self.ladder(&key),
            (None, Input::Path(path)) => {
                let reason = self.root.locate(path).expect_err("no key, so outside");
                let key = LadderKey::File(path.clone());
                Arc::new(failed_ladder(key, unread(input.to_string(), reason)))
            }
            (None, Input::Stdin) => Arc::new(match self.read(input) {
                Err(checked) => failed_ladder(LadderKey::Stdin, checked),
                Ok((source, raw)) => ladder_file(LadderKey::Stdin, &source, raw, &self.policy),
            }),
        }
    }

    /// Every ladder file in `ladders/`, in name order, read and checked; or the folder itself,
    /// when it cannot be read.
    pub fn local_ladders(&self) -> Vec<Arc<LadderFile>> {
        match self.local() {
            Ok(local) => local
                .iter()
                .map(|located| self.ladder(&LadderKey::File(located.clone())))
                .collect(),
            Err(reason) => {
                let shown = self.root.shown(Path::new(catalog::LOCAL_DIR));
                let key = LadderKey::File(PathBuf::from(catalog::LOCAL_DIR));
                let checked = unread(shown.display().to_string(), reason.clone());
                vec![Arc::new(failed_ladder(key, checked))]
            }
        }
    }

    /// Whether `name`, written in a file in `base` (or on the command line, with an empty
    /// `base`), names a ladder file rather than an id: it looks like a path, or such a file
    /// exists. The one rule for "path or id".
    pub fn names_file(&self, name: &str, base: &Path) -> bool {
        catalog::looks_like_path(name)
            || self
                .root
                .locate(&base.join(name))
                .is_ok_and(|located| self.root.is_file(&located))
    }

    /// What `name`, written in a file whose folder is `base` (relative to the working
    /// directory), stands for, looked up once per folder and name.
    fn resolve(&self, name: &str, base: &Path) -> Resolved {
        let key = (base.to_path_buf(), name.to_owned());
        if let Some(known) = self.resolved.lock().expect("no panics").get(&key) {
            return known.clone();
        }
        let resolved = self.resolve_afresh(name, base);
        let mut all = self.resolved.lock().expect("no panics");
        all.insert(key, resolved.clone());
        resolved
    }

    /// A path is relative to `base`; an id names `ladders/ID.yaml` when that file holds it (or
    /// cannot be read, so that its errors are seen), else a file in `ladders/` whose id it
    /// is, else a built-in ladder.
    fn resolve_afresh(&self, name: &str, base: &Path) -> Resolved {
        if self.names_file(name, base) {
            let path = base.join(name);
            return match self.root.locate(&path) {
                Ok(located) => Resolved::Ladder(LadderKey::File(located)),
                Err(reason) => {
                    Resolved::Unreadable(root::normalize(&path).display().to_string(), reason)
                }
            };
        }
        let local = match self.local() {
            Ok(local) => local,
            Err(reason) => {
                let shown = self.root.shown(Path::new(catalog::LOCAL_DIR));
                return Resolved::Unreadable(shown.display().to_string(), reason.clone());
            }
        };
        let named = ["yaml", "yml"]
            .map(|ext| Path::new(catalog::LOCAL_DIR).join(format!("{name}.{ext}")))
            .into_iter()
            .find(|path| local.contains(path));
        if let Some(path) = named {
            let key = LadderKey::File(path);
            match &self.ladder(&key).ladder {
                Some(ladder) if ladder.id.as_str() != name => {}
                _ => return Resolved::Ladder(key),
            }
        }
        let by_id = self
            .local_ladders()
            .into_iter()
            .find(|file| file.ladder.as_ref().is_some_and(|l| l.id.as_str() == name));
        if let Some(file) = by_id {
            return Resolved::Ladder(file.key.clone());
        }
        match catalog::builtin(name) {
            Some(builtin) => Resolved::Ladder(LadderKey::Builtin(builtin.id)),
            None => Resolved::Unknown,
        }
    }

    /// The YAML entries of `ladders/` at the root, scanned once.
    fn local(&self) -> &Result<Vec<PathBuf>, Unreadable> {
        self.local
            .get_or_init(|| self.root.yaml_entries(Path::new(catalog::LOCAL_DIR)))
    }

    /// The help for a ladder name that finds nothing: the nearest known id, or them all.
    fn unknown_ladder_help(&self, name: &str, otherwise: &str) -> String {
        let local = self.local_ladders();
        // `ladders/NAME.yaml` exists but holds another ladder: say which, rather than nothing.
        let file = Path::new(catalog::LOCAL_DIR).join(format!("{name}.yaml"));
        let holder = local
            .iter()
            .find(|f| f.key == LadderKey::File(file.clone()));
        if let Some(ladder) = holder.and_then(|f| f.ladder.as_ref()) {
            return format!(
                "`{}` holds the ladder `{}`; name it by that id, or by its path",
                self.root.shown(&file).display(),
                ladder.id
            );
        }
        let mut known: Vec<String> = Vec::new();
        let local_ids = local
            .iter()
            .filter_map(|f| f.ladder.as_ref().map(|l| l.id.to_string()));
        for id in local_ids.chain(catalog::builtin_ids().map(str::to_owned)) {
            if !known.contains(&id) {
                known.push(id);
            }
        }
        wording::did_you_mean(name, known.iter().map(String::as_str)).unwrap_or_else(|| {
            format!(
                "the ladders here are {}; {otherwise}",
                wording::list(&known)
            )
        })
    }

    /// The checked ladder `key` names, read the first time it is asked for, and kept.
    fn ladder(&self, key: &LadderKey) -> Arc<LadderFile> {
        self.cached(key, || match key {
            LadderKey::Builtin(id) => {
                let builtin = catalog::builtin(id).unwrap_or(catalog::DEFAULT);
                let source = Source::from_text(builtin.file, builtin.text);
                match yaml::parse::<RawDocument>(&source) {
                    Ok(raw) => ladder_file(key.clone(), &source, raw, &self.policy),
                    Err(error) => {
                        let checked = Checked::new(builtin.file.to_owned(), None, found_of(error));
                        failed_ladder(key.clone(), checked)
                    }
                }
            }
            LadderKey::File(located) => {
                let shown = self.root.shown(located).display().to_string();
                match self.read_located(located, shown) {
                    Err(checked) => failed_ladder(key.clone(), checked),
                    Ok((source, raw)) => ladder_file(key.clone(), &source, raw, &self.policy),
                }
            }
            LadderKey::Stdin => unreachable!("standard input is never asked for by key"),
        })
    }

    /// The ladder `key` names, when it has already been read.
    fn known(&self, key: &LadderKey) -> Option<Arc<LadderFile>> {
        let cell = self.ladders.lock().expect("no panics").get(key).cloned()?;
        cell.get().cloned()
    }

    fn cached(&self, key: &LadderKey, load: impl FnOnce() -> LadderFile) -> Arc<LadderFile> {
        let cell = self
            .ladders
            .lock()
            .expect("no panics")
            .entry(key.clone())
            .or_default()
            .clone();
        cell.get_or_init(|| Arc::new(load())).clone()
    }

    /// A ladder file met on a walk: kept only if an assessment is asking for it too, so that
    /// both get the one record; otherwise checked and handed on.
    fn adopted(&self, key: &LadderKey, load: impl FnOnce() -> LadderFile) -> Arc<LadderFile> {
        let cell = self.ladders.lock().expect("no panics").get(key).cloned();
        match cell {
            Some(cell) => cell.get_or_init(|| Arc::new(load())).clone(),
            None => Arc::new(load()),
        }
    }

    /// The key a file named on the command line is read under, when it is a file inside the
    /// repository.
    fn key_of(&self, input: &Input) -> Option<LadderKey> {
        let path = input.path()?;
        self.root.locate(path).ok().map(LadderKey::File)
    }

    /// The one place an input is read and parsed; a failure is the file's record.
    fn read(&self, input: &Input) -> Result<(Arc<Source>, RawDocument), Checked> {
        match input {
            Input::Stdin => {
                let name = input.to_string();
                let bytes = root::read_capped(std::io::stdin().lock(), self.max_bytes)
                    .map_err(|e| unread(name.clone(), root::describe(&e)))?;
                parse(name, bytes, self.max_bytes)
            }
            Input::Path(path) => match self.root.locate(path) {
                Ok(located) => {
                    let shown = self.root.shown(&located).display().to_string();
                    self.read_located(&located, shown)
                }
                Err(reason) => Err(unread(input.to_string(), reason)),
            },
        }
    }

    fn read_located(
        &self,
        located: &Path,
        name: String,
    ) -> Result<(Arc<Source>, RawDocument), Checked> {
        let bytes = self
            .root
            .read(located, self.max_bytes)
            .map_err(|reason| unread(name.clone(), reason))?;
        parse(name, bytes, self.max_bytes)
    }

    fn check_assessment(
        &self,
        raw: &RawAssessment,
        source: &Arc<Source>,
        input: &Input,
        ladder: Option<&Arc<LadderFile>>,
        target: Option<&str>,
    ) -> AssessmentFile {
        let name = source.name().to_owned();
        let file = |found: Found, assessment: Option<Assessment>, ladder| AssessmentFile {
            checked: Checked::new(name.clone(), Some(Kind::Assessment), found),
            assessment,
            ladder,
        };
        let ladder = match (ladder, &raw.ladder) {
            (Some(given), _) => given.clone(),
            (None, Some(named)) => match self.named_ladder(source, input.base(), named) {
                Ok(ladder) => ladder,
                Err((found, ladder)) => return file(found, None, ladder),
            },
            (None, None) => self.default_ladder(),
        };
        let Some(model) = &ladder.ladder else {
            let found = Found::one(invalid_ladder(&ladder, At::File(source.clone()), None));
            return file(found, None, Some(ladder));
        };
        match assessment::check(raw, source, model, target, &self.policy) {
            Ok(loaded) => file(loaded.warnings, Some(loaded.value), Some(ladder)),
            Err(found) => file(found, None, Some(ladder)),
        }
    }

    /// The ladder an assessment's `ladder:` names. One that cannot be found, read or checked is
    /// the assessment's one finding, pointed at that line.
    fn named_ladder(
        &self,
        source: &Arc<Source>,
        base: &Path,
        named: &Located<Text>,
    ) -> Result<Arc<LadderFile>, (Found, Option<Arc<LadderFile>>)> {
        let name = &named.value.0;
        let at = At::position(source, named.at);
        let not_found = |message: String, help: &str| {
            let finding = Diagnostic::error(Code::LadderNotFound, message, at.clone());
            Found::one(finding.with_help(help))
        };
        let outside = "name a ladder inside the repository (`ladder assess` also takes `--ladder`)";
        let key = match self.resolve(name, base) {
            Resolved::Ladder(key) => key,
            Resolved::Unreadable(shown, Unreadable(reason)) => {
                let message = if self.names_file(name, base) {
                    format!("ladder `{name}` may not be read: {reason}")
                } else {
                    format!("ladder `{name}` cannot be looked up: cannot read `{shown}`: {reason}")
                };
                return Err((not_found(message, outside), None));
            }
            Resolved::Unknown => {
                let help = self.unknown_ladder_help(name, "or name a ladder file by path");
                return Err((not_found(format!("no ladder named `{name}`"), &help), None));
            }
        };
        let ladder = self.ladder(&key);
        if let Some(reason) = &ladder.checked.unreadable {
            let message = format!("cannot read ladder `{}`: {reason}", ladder.checked.name);
            let help = if reason.contains("outside the repository") {
                outside
            } else if catalog::looks_like_path(name) {
                "the path is relative to this file"
            } else {
                "the id names this file in `ladders/`; fix or remove it"
            };
            return Err((not_found(message, help), Some(ladder)));
        }
        if ladder.ladder.is_none() {
            return Err((
                Found::one(invalid_ladder(&ladder, at, Some(name))),
                Some(ladder),
            ));
        }
        Ok(ladder)
    }
}

/// The one finding of an assessment whose ladder has errors; the ladder's own findings are
/// its file's, told once.
fn invalid_ladder(ladder: &LadderFile, at: At, named: Option<&str>) -> Diagnostic {
    let errors = ladder.checked.found.errors();
    let name = named.unwrap_or(&ladder.checked.name);
    let message = match (&ladder.checked.unreadable, ladder.checked.kind) {
        (Some(reason), _) => format!("cannot read ladder `{name}`: {reason}"),
        (None, Some(Kind::Assessment)) => {
            format!("`{name}` is a self-assessment, not a ladder")
        }
        (None, _) => format!("ladder `{name}` has {}", wording::plural(errors, "error")),
    };
    let code = match &ladder.checked.unreadable {
        Some(_) => Code::LadderNotFound,
        None => Code::InvalidLadder,
    };
    Diagnostic::error(code, message, at)
}

/// Bytes, as read, into a source and its parsed shape.
fn parse(
    name: String,
    bytes: root::Capped,
    max_bytes: u64,
) -> Result<(Arc<Source>, RawDocument), Checked> {
    let failed = |error: Error| Checked::new(name.clone(), None, found_of(error));
    let bytes = bytes.ok_or_else(|| failed(source::too_large(name.clone(), max_bytes)))?;
    let source = Source::decode(name.clone(), &bytes).map_err(failed)?;
    let raw = yaml::parse::<RawDocument>(&source).map_err(failed)?;
    Ok((source, raw))
}

fn found_of(error: Error) -> Found {
    match error {
        Error::Invalid(found) => found,
        other => Found::one(Diagnostic::error(
            Code::Unreadable,
            other.to_string(),
            At::CommandLine,
        )),
    }
}

fn unread(name: String, reason: Unreadable) -> Checked {
    Checked {
        name,
        kind: None,
        found: Found::default(),
        unreadable: Some(reason.0),
    }
}

/// Checks a parsed file that should be a ladder into its record.
fn ladder_file(
    key: LadderKey,
    source: &Arc<Source>,
    raw: RawDocument,
    policy: &Policy,
) -> LadderFile {
    let name = source.name().to_owned();
    let (kind, found, ladder) = match raw {
        RawDocument::Assessment(_) => (Some(Kind::Assessment), not_a_ladder(source), None),
        RawDocument::Ladder(raw) => match ladder::check(&raw, source, policy) {
            Ok(loaded) => (
                Some(Kind::Ladder),
                loaded.warnings,
                Some(Arc::new(loaded.value)),
            ),
            Err(found) => (Some(Kind::Ladder), found, None),
        },
    };
    LadderFile {
        key,
        checked: Checked::new(name, kind, found),
        ladder,
    }
}

/// The record of a ladder that could not be read or parsed.
fn failed_ladder(key: LadderKey, checked: Checked) -> LadderFile {
    LadderFile {
        key,
        checked,
        ladder: None,
    }
}

/// The finding for a self-assessment given where a ladder is expected.
pub(super) fn not_a_ladder(source: &Arc<Source>) -> Found {
    wrong_kind(source, Kind::Assessment, "pass a ladder file here")
}

/// The finding for a file of one kind given where the other is expected.
fn wrong_kind(source: &Arc<Source>, is: Kind, help: &str) -> Found {
    let what = match is {
        Kind::Ladder => "a ladder, not a self-assessment",
        Kind::Assessment => "a self-assessment, not a ladder",
    };
    Found::one(
        Diagnostic::error(
            Code::WrongFileKind,
            format!("this file is {what}"),
            At::Span(source.clone(), source.start()),
        )
        .with_help(help),
    )
}
