//! CSV importer for events, actors or sources, driven by a [`CsvMapping`] (given, or guessed
//! from the headers). Rows become records through [`csv_rows`](super::csv_rows).
//!
//! Fatal (the whole read fails): a malformed record, a record over the size limit, no header,
//! no title/name column, a row with no title/name, an `id` that is not a UUID.
//! Skippable (reported as problems): unrecognised columns, extra cells, unknown codes
//! (kept as `other`/`participant`/`F`), dates, countries, languages and coordinates that do not
//! parse (dropped; an event's unparsed start date is kept in `date_as_written`), duplicates
//! (merged).

use super::csv_mapping::{CsvField, CsvMapping, CsvTable, guess_mapping_for, headers_suggest};
use super::csv_rows::{Row, read_row};
use super::limits::{check_field, check_record};
use super::plan_builder::PlanBuilder;
use super::{ImportError, ImportPlan, Importer};

/// Reads one table of a CSV file.
pub struct CsvImporter {
    table: CsvTable,
    mapping: Option<CsvMapping>,
}

impl CsvImporter {
    /// Guesses the columns from the headers.
    pub fn auto(table: CsvTable) -> Self {
        Self {
            table,
            mapping: None,
        }
    }

    /// Uses a mapping the user chose (or saved earlier).
    pub fn with_mapping(mapping: CsvMapping) -> Self {
        Self {
            table: mapping.table,
            mapping: Some(mapping),
        }
    }
}

/// The most frequent of `,`, `;` and tab in the first line (outside quotes): spreadsheets in
/// French and Arabic locales write `;`.
pub fn detect_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|i| (counts[*i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

fn reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(detect_delimiter(text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes())
}

fn csv_error(e: &csv::Error) -> ImportError {
    let line = e
        .position()
        .map(|p| usize::try_from(p.line()).unwrap_or(usize::MAX))
        .unwrap_or(1);
    ImportError::Syntax {
        line,
        column: 1,
        message: format!("this is not valid CSV: {e}"),
    }
}

/// The header row of a CSV file (BOM removed), for a mapping dialog.
pub fn read_headers(text: &str) -> Result<Vec<String>, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_len = text.find('\n').unwrap_or(text.len());
    check_record(1, first_len)?;
    let mut r = reader(text);
    let headers = r.headers().map_err(|e| csv_error(&e))?;
    Ok(headers.iter().map(|h| h.trim().to_owned()).collect())
}

fn required_field(table: CsvTable) -> (&'static [CsvField], &'static str) {
    match table {
        CsvTable::Events => (
            &[CsvField::Title, CsvField::TitleAr, CsvField::TitleEn],
            "a title column (title, title_ar, title_en, العنوان, titre)",
        ),
        CsvTable::Actors => (
            &[
                CsvField::Title,
                CsvField::NameAr,
                CsvField::NameEn,
                CsvField::NameFr,
                CsvField::Acronym,
            ],
            "a name column (name, name_ar, name_en, name_fr, acronym, الاسم, nom)",
        ),
        CsvTable::Sources => (&[CsvField::Title], "a title column (title, العنوان, titre)"),
    }
}

impl CsvImporter {
    fn columns(
        &self,
        headers: &[String],
        b: &mut PlanBuilder,
    ) -> Result<Vec<Option<CsvField>>, ImportError> {
        let refs: Vec<&str> = headers.iter().map(String::as_str).collect();
        let mapping = match &self.mapping {
            Some(m) => m.clone(),
            None => guess_mapping_for(self.table, &refs),
        };
        if let Some(f) = mapping.duplicated_fields().first() {
            return Err(ImportError::WrongFormat(format!(
                "the mapping gives the field {f:?} to two columns"
            )));
        }
        let columns: Vec<Option<CsvField>> = refs.iter().map(|h| mapping.field_of(h)).collect();
        let (required, what) = required_field(self.table);
        if !columns.iter().flatten().any(|f| required.contains(f)) {
            return Err(ImportError::WrongFormat(format!(
                "this CSV file has no {what}; its columns are: {}",
                refs.join(", ")
            )));
        }
        for (i, (h, f)) in refs.iter().zip(&columns).enumerate() {
            if f.is_none() && !h.trim().is_empty() {
                b.problem_at(1, i + 1, h, "column not recognised: ignored".into());
            }
        }
        Ok(columns)
    }
}

impl Importer for CsvImporter {
    fn name(&self) -> &'static str {
        self.table.format_name()
    }

    fn sniff(&self, head: &str) -> bool {
        let head = head.strip_prefix('\u{feff}').unwrap_or(head);
        let Some(first) = head.lines().next() else {
            return false;
        };
        match read_headers(first) {
            Ok(h) => {
                let refs: Vec<&str> = h.iter().map(String::as_str).collect();
                headers_suggest(self.table, &refs)
            }
            Err(_) => false,
        }
    }

    fn read(&self, text: &str) -> Result<ImportPlan, ImportError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let headers = read_headers(text)?;
        let mut b = PlanBuilder::default();
        let columns = self.columns(&headers, &mut b)?;
        let mut r = reader(text);
        let mut record = csv::StringRecord::new();
        loop {
            match r.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => return Err(csv_error(&e)),
            }
            let line = record
                .position()
                .map(|p| usize::try_from(p.line()).unwrap_or(usize::MAX))
                .unwrap_or(0);
            check_record(line, record.as_slice().len())?;
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            if record.len() > headers.len() {
                b.problem(
                    line,
                    None,
                    format!(
                        "the row has {} cells but the header {}: extra cells ignored",
                        record.len(),
                        headers.len()
                    ),
                );
            }
            let mut cells = Vec::new();
            for (i, (cell, field)) in record.iter().zip(&columns).enumerate() {
                let Some(field) = field else { continue };
                check_field(line, &headers[i], cell)?;
                let cell = cell.trim();
                if !cell.is_empty() {
                    cells.push((i + 1, *field, cell, headers[i].as_str()));
                }
            }
            read_row(self.table, &Row { line, cells }, &mut b)?;
        }
        Ok(b.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters() {
        assert_eq!(detect_delimiter("a;b;c\n1,2;3"), b';');
        assert_eq!(detect_delimiter("a,b\n"), b',');
        assert_eq!(detect_delimiter("a\tb\tc"), b'\t');
        assert_eq!(detect_delimiter("\"a;b\",c"), b',');
    }
}
