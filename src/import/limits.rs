//! Input limits shared by the importers, so that a hostile or broken file (one 100 MB line,
//! a JSON array nested a million deep) gets a clear message instead of exhausting memory or stack.

use super::ImportError;

/// Longest CSV record (all its fields together).
pub const MAX_RECORD_BYTES: usize = 1024 * 1024;
/// Longest line of a line-based format (RIS, FtM JSON lines, BibTeX).
pub const MAX_LINE_BYTES: usize = 1024 * 1024;
/// Longest single field value.
pub const MAX_FIELD_BYTES: usize = 512 * 1024;
/// Deepest JSON nesting accepted; real CSL-JSON and FtM files use fewer than 6 levels.
pub const MAX_JSON_DEPTH: usize = 32;

fn mib(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MiB", bytes / (1024 * 1024))
    } else {
        format!("{} KiB", bytes / 1024)
    }
}

/// Refuses text with a line longer than [`MAX_LINE_BYTES`].
pub fn check_lines(text: &str) -> Result<(), ImportError> {
    for (i, line) in text.split('\n').enumerate() {
        if line.len() > MAX_LINE_BYTES {
            return Err(ImportError::TooLong {
                line: i + 1,
                what: "the line".into(),
                limit: mib(MAX_LINE_BYTES),
            });
        }
    }
    Ok(())
}

/// Refuses a whole CSV record longer than [`MAX_RECORD_BYTES`].
pub fn check_record(line: usize, bytes: usize) -> Result<(), ImportError> {
    if bytes > MAX_RECORD_BYTES {
        return Err(ImportError::TooLong {
            line,
            what: "the record".into(),
            limit: mib(MAX_RECORD_BYTES),
        });
    }
    Ok(())
}

/// Refuses a field value longer than [`MAX_FIELD_BYTES`].
pub fn check_field(line: usize, field: &str, value: &str) -> Result<(), ImportError> {
    if value.len() > MAX_FIELD_BYTES {
        return Err(ImportError::TooLong {
            line,
            what: format!("the field «{field}»"),
            limit: mib(MAX_FIELD_BYTES),
        });
    }
    Ok(())
}

/// Refuses JSON nested deeper than [`MAX_JSON_DEPTH`], scanning brackets outside strings, so
/// the parser's recursion is never reached. `first_line` is the line `json` starts on.
pub fn check_json_depth(json: &str, first_line: usize) -> Result<(), ImportError> {
    let (mut depth, mut line, mut column) = (0usize, first_line, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        column += 1;
        if c == '\n' {
            line += 1;
            column = 0;
        }
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                if depth > MAX_JSON_DEPTH {
                    return Err(ImportError::TooLong {
                        line,
                        what: format!("the JSON nesting (column {column})"),
                        limit: format!("{MAX_JSON_DEPTH} levels"),
                    });
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_and_deep_json_are_refused() {
        let long = format!("a\n{}\n", "x".repeat(MAX_LINE_BYTES + 1));
        let err = check_lines(&long).unwrap_err().to_string();
        assert_eq!(err, "line 2: the line is longer than the limit of 1 MiB");
        let deep = "[".repeat(MAX_JSON_DEPTH + 1);
        assert!(check_json_depth(&deep, 1).is_err());
        let ok = "[\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"]";
        assert!(check_json_depth(ok, 1).is_ok());
        assert!(check_field(3, "notes", &"x".repeat(MAX_FIELD_BYTES + 1)).is_err());
    }
}
