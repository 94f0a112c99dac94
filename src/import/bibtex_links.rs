//! Cycles the biblatex crate would follow forever: an entry that `crossref`s or `xdata`s
//! itself (directly or through others), and `@string` abbreviations defined through each other.
//! Found by a property test as a stack overflow; refused here with the entry's line instead.

use super::ImportError;
use super::source_values::line_of;
use biblatex::{RawBibliography, RawChunk};
use std::collections::{HashMap, HashSet};

/// Refuses a file whose cross-references or abbreviations loop.
pub fn check_cycles(text: &str, raw: &RawBibliography<'_>) -> Result<(), ImportError> {
    let mut links: HashMap<&str, (Vec<String>, usize)> = HashMap::new();
    for e in &raw.entries {
        let targets =
            e.v.fields
                .iter()
                .filter(|p| {
                    let k = p.key.v.to_ascii_lowercase();
                    k == "crossref" || k == "xdata"
                })
                .flat_map(|p| {
                    plain(&p.value.v)
                        .replace(['{', '}'], "")
                        .split(',')
                        .map(|s| s.trim().to_owned())
                        .collect::<Vec<_>>()
                })
                .collect();
        links.insert(e.v.key.v, (targets, line_of(text, e.span.start)));
    }
    if let Some((key, line)) = first_cycle(&links) {
        return Err(ImportError::Field {
            line,
            column: None,
            field: "crossref".into(),
            message: format!("the entry «{key}» refers to itself through crossref or xdata"),
        });
    }
    let mut abbreviations: HashMap<&str, (Vec<String>, usize)> = HashMap::new();
    for p in &raw.abbreviations {
        let refs = p
            .value
            .v
            .iter()
            .filter_map(|c| match c.v {
                RawChunk::Abbreviation(a) => Some(a.to_owned()),
                RawChunk::Normal(_) => None,
            })
            .collect();
        abbreviations.insert(p.key.v, (refs, line_of(text, p.key.span.start)));
    }
    if let Some((key, line)) = first_cycle(&abbreviations) {
        return Err(ImportError::Field {
            line,
            column: None,
            field: "@string".into(),
            message: format!("the abbreviation «{key}» is defined through itself"),
        });
    }
    Ok(())
}

fn plain(field: &[biblatex::Spanned<RawChunk<'_>>]) -> String {
    field
        .iter()
        .map(|c| match c.v {
            RawChunk::Normal(s) | RawChunk::Abbreviation(s) => s,
        })
        .collect()
}

/// A node from which a walk along `graph` comes back to a node already on its path.
fn first_cycle(graph: &HashMap<&str, (Vec<String>, usize)>) -> Option<(String, usize)> {
    let mut done: HashSet<&str> = HashSet::new();
    let mut keys: Vec<&&str> = graph.keys().collect();
    keys.sort();
    for start in keys {
        // Iterative depth-first search: the point is not to recurse on hostile input.
        let mut path: Vec<(&str, usize)> = vec![(start, 0)];
        let mut on_path: HashSet<&str> = HashSet::from([*start]);
        while let Some((node, next)) = path.last_mut() {
            let node: &str = node;
            let targets = graph.get(node).map(|(t, _)| t.as_slice()).unwrap_or(&[]);
            if *next >= targets.len() {
                on_path.remove(node);
                done.insert(node);
                path.pop();
                continue;
            }
            let target = targets[*next].as_str();
            *next += 1;
            let Some((target, _)) = graph.get_key_value(target) else {
                continue;
            };
            if on_path.contains(target) {
                let line = graph.get(target).map_or(1, |(_, l)| *l);
                return Some(((*target).to_owned(), line));
            }
            if !done.contains(target) {
                on_path.insert(target);
                path.push((target, 0));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::import::Importer;
    use crate::import::bibtex::Bibtex;

    #[test]
    fn crossref_and_abbreviation_loops_are_refused_with_their_line() {
        let looped = "@book{a,\n  title = {A},\n  crossref = {b},\n}\n@book{b,\n  title = {B},\n  crossref = {a},\n}\n";
        let err = Bibtex.read(looped).unwrap_err().to_string();
        assert!(err.contains("refers to itself"), "{err}");
        let selfref = "@book{a,\n  title = {A},\n  xdata = {a},\n}\n";
        assert!(Bibtex.read(selfref).is_err());
        // What the property test found: an entry without a key cross-referencing "".
        let keyless = "@online{,\n  crossref = {}},\n  url = \"}\",\n}";
        assert!(Bibtex.read(keyless).is_err());
        let braced = "@book{,\n  crossref = \"{\",\n  publisher = { },\n}";
        assert!(Bibtex.read(braced).is_err());
        let abbr = "@string{x = y}\n@string{y = x}\n@book{a,\n  title = x,\n}\n";
        let err = Bibtex.read(abbr).unwrap_err().to_string();
        assert!(err.contains("defined through itself"), "{err}");
        let fine = "@book{a,\n  title = {A},\n  crossref = {b},\n}\n@book{b,\n  title = {B},\n}\n";
        assert!(Bibtex.read(fine).is_ok());
    }
}
