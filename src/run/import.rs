//! `ladder import`: a ladder kept in another format, converted, to standard output or to a new
//! file. The input is read as every input is: through the repository's root (see
//! [`crate::load::root`]), within the size cap, or from standard input; and written as
//! `ladder init -o` writes, through [`crate::write_file`].

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Status;
use super::Streams;
use crate::cli::{ImportArgs, ImportFormat, ImportOutput};
use crate::error::Error;
use crate::import::{self, Imported, slug};
use crate::input::Input;
use crate::load::check::{MAX_ID_CHARS, is_kebab_case};
use crate::load::root::{self, Unreadable};
use crate::load::{Loader, Source, source};
use crate::render::safe;

pub(super) fn run(
    args: &ImportArgs,
    loader: &Loader,
    max_bytes: u64,
    streams: &mut Streams,
) -> io::Result<Status> {
    let (input, output) = match &args.format {
        ImportFormat::Ft(args) => (&args.file, &args.output),
        ImportFormat::Csv(args) => (&args.file, &args.output),
    };
    let converted = read(input, loader, max_bytes).and_then(|(source, path)| {
        let imported = convert(args, &source, input)?;
        let ladder = import::ladder_file(&imported.draft, &source)?;
        Ok((imported, ladder, path))
    });
    let (imported, ladder, path) = match converted {
        Ok(done) => done,
        Err(error) => return streams.fail(&error),
    };
    match &output.output {
        None => streams.print(&ladder)?,
        Some(file) => {
            let written = refuse_the_input(file, path.as_deref())
                .and_then(|()| crate::write_file::write_file(file, &ladder, output.force));
            if let Err(error) = written {
                return streams.fail(&error);
            }
        }
    }
    if !imported.notes.is_empty() {
        let notes: String = imported
            .notes
            .iter()
            .map(|note| format!("note: {}\n", safe::plain(note)))
            .collect();
        streams.tell(&notes)?;
    }
    Ok(None)
}

/// The input's text, read inside the repository within the cap, and its absolute path when it
/// is a file.
fn read(
    input: &Input,
    loader: &Loader,
    max_bytes: u64,
) -> Result<(Arc<Source>, Option<PathBuf>), Error> {
    let unreadable = |path: String| move |Unreadable(reason)| Error::Io { path, reason };
    let (name, bytes, path) = match input {
        Input::Stdin => {
            let name = input.to_string();
            let bytes = root::read_capped(io::stdin().lock(), max_bytes)
                .map_err(|e| unreadable(name.clone())(root::describe(&e)))?;
            (name, bytes, None)
        }
        Input::Path(path) => {
            let root = loader.root();
            let located = root.locate(path).map_err(unreadable(input.to_string()))?;
            let name = root.shown(&located).display().to_string();
            let bytes = root
                .read(&located, max_bytes)
                .map_err(unreadable(name.clone()))?;
            (name, bytes, Some(root.absolute(&located)))
        }
    };
    let bytes = bytes.ok_or_else(|| source::too_large(name.clone(), max_bytes))?;
    Ok((Source::decode(name, &bytes)?, path))
}

fn convert(args: &ImportArgs, source: &Arc<Source>, input: &Input) -> Result<Imported, Error> {
    match &args.format {
        ImportFormat::Ft(args) => {
            let id = ladder_id(&args.output, input)?;
            import::ft::import(source, id.as_deref())
        }
        ImportFormat::Csv(args) => {
            let title = match &args.title {
                Some(title) => Some(given_title(title)?),
                None => None,
            };
            let id = ladder_id(&args.output, input)?
                .or_else(|| title.as_deref().map(slug::slug))
                .filter(|id| !id.is_empty())
                .unwrap_or_else(|| "ladder".to_owned());
            let title = title
                .or_else(|| {
                    file_stem(input).filter(|stem| import::forbidden_character(stem).is_none())
                })
                .unwrap_or_else(|| id.clone());
            let options = import::csv::Options {
                labels: args
                    .scale
                    .clone()
                    .map(|labels| labels.0)
                    .unwrap_or_default(),
                per_level: args.per_level,
            };
            import::csv::import(source, &id, &title, &options)
        }
    }
}

/// `--id`, checked; otherwise the id the file's name suggests, if it suggests one.
fn ladder_id(output: &ImportOutput, input: &Input) -> Result<Option<String>, Error> {
    if let Some(id) = &output.id {
        if id.chars().count() <= MAX_ID_CHARS && is_kebab_case(id) {
            return Ok(Some(id.clone()));
        }
        let suggestion = slug::slug(id);
        let help = if suggestion.is_empty() {
            String::new()
        } else {
            format!(", such as `{suggestion}`")
        };
        return Err(Error::Usage(format!(
            "`--id` takes a lowercase kebab-case id of at most {MAX_ID_CHARS} characters{help}, \
             not `{id}`"
        )));
    }
    Ok(file_stem(input)
        .map(|stem| slug::slug(&stem))
        .filter(|id| !id.is_empty()))
}

fn given_title(title: &str) -> Result<String, Error> {
    let tidied = import::tidy(title);
    if tidied.is_empty() {
        return Err(Error::Usage("`--title` is blank".to_owned()));
    }
    if let Some(c) = import::forbidden_character(&tidied) {
        return Err(Error::Usage(format!(
            "`--title` holds the control or invisible character U+{:04X}",
            u32::from(c)
        )));
    }
    Ok(tidied)
}

fn file_stem(input: &Input) -> Option<String> {
    let stem = input.path()?.file_stem()?.to_string_lossy().into_owned();
    Some(stem).filter(|stem| !stem.trim().is_empty())
}

/// The ladder must not replace the file it is converted from, however the two are spelt.
fn refuse_the_input(output: &Path, input: Option<&Path>) -> Result<(), Error> {
    if input.is_some_and(|input| same_file::is_same_file(output, input).unwrap_or(false)) {
        return Err(Error::Usage(format!(
            "`{}` is the file being imported; write the ladder elsewhere",
            output.display()
        )));
    }
    Ok(())
}
