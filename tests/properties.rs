//! Property tests of the loader: whatever bytes it is given, it never panics, and it ends either
//! in a checked model or in errors that name their file (and a line, where the input has lines).

use ladder::diagnostic::Code;
use ladder::error::Error;
use ladder::load::raw::RawAssessment;
use ladder::load::{Source, assessment, builtin_ladder, ladder_from, yaml};
use proptest::prelude::*;

const SHIPPED: &str = include_str!("../ladders/engineering-management.yaml");
const EXAMPLE: &str = include_str!("../examples/self-assessment.yaml");

/// Loads `bytes` as a ladder and as a self-assessment, and checks every error is located.
fn load_both_ways(bytes: &[u8]) {
    let builtin = builtin_ladder("engineering-management").unwrap();
    let source = match Source::decode("input.yaml".into(), bytes) {
        Ok(source) => source,
        Err(error) => return assert_located(&error),
    };
    if let Err(found) = ladder_from(&source) {
        assert_located(&Error::Invalid(found));
    }
    match yaml::parse::<RawAssessment>(&source) {
        Ok(raw) => {
            if let Err(found) =
                assessment::check(&raw, &source, &builtin, None, &ladder::policy::NONE)
            {
                assert_located(&Error::Invalid(found));
            }
        }
        Err(error) => assert_located(&error),
    }
}

fn assert_located(error: &Error) {
    let Error::Invalid(found) = error else {
        panic!("content can only fail as content: {error:?}");
    };
    assert!(!found.is_empty());
    for diagnostic in &found.kept {
        assert_eq!(diagnostic.file(), "input.yaml", "{diagnostic:?}");
        assert!(!diagnostic.message.is_empty());
        // Only problems with the file as a whole may come without a line.
        let whole_file = matches!(
            diagnostic.code,
            Code::EmptyDocument | Code::Encoding | Code::FileTooLarge | Code::Unscored
        );
        assert!(
            whole_file || diagnostic.location().is_some(),
            "{diagnostic:?}"
        );
    }
}

/// An edit to a text: delete, insert or replace a few bytes somewhere.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Replace(usize, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    let noise = prop_oneof![
        Just(b":".to_vec()),
        Just(b"- ".to_vec()),
        Just(b"{".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"  ".to_vec()),
        Just(b"&a ".to_vec()),
        Just(b"*a".to_vec()),
        Just(b"!!".to_vec()),
        Just(b"\"".to_vec()),
        Just(b"---\n".to_vec()),
        prop::collection::vec(any::<u8>(), 1..4),
    ];
    prop_oneof![
        (any::<usize>(), 1..20usize).prop_map(|(at, len)| Edit::Delete(at, len)),
        (any::<usize>(), noise).prop_map(|(at, bytes)| Edit::Insert(at, bytes)),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Edit::Replace(at, byte)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for edit in edits {
        let len = bytes.len().max(1);
        match edit {
            Edit::Delete(at, n) => {
                let start = at % len;
                let end = (start + n).min(bytes.len());
                bytes.drain(start.min(end)..end);
            }
            Edit::Insert(at, new) => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, new.iter().copied());
            }
            Edit::Replace(at, byte) => {
                if !bytes.is_empty() {
                    let at = at % bytes.len();
                    bytes[at] = *byte;
                }
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        load_both_ways(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "[a-z:{}\\[\\]\\-,&*!#|>'\" \n0-9]{0,300}") {
        load_both_ways(text.as_bytes());
    }

    #[test]
    fn mutations_of_the_shipped_ladder_never_panic(edits in prop::collection::vec(edit(), 1..6)) {
        load_both_ways(&apply(SHIPPED, &edits));
    }

    #[test]
    fn mutations_of_an_example_never_panic(edits in prop::collection::vec(edit(), 1..6)) {
        load_both_ways(&apply(EXAMPLE, &edits));
    }
}
