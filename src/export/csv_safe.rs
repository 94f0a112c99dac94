//! CSV writing shared by the CSV and ACLED exporters: formula-injection neutralisation and a
//! UTF-8 BOM so spreadsheet programs read Arabic correctly.

use super::ExportError;
use std::borrow::Cow;

/// Characters that make a spreadsheet treat a cell as a formula (or a DDE command).
const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// Prefixes an apostrophe to a cell a spreadsheet would evaluate (`=HYPERLINK(…)`, `@SUM`,
/// `+cmd|…`), so a hostile source title cannot run anything when the export is opened. Plain
/// numbers (`-6.84`) are left alone: they are not formulas and coordinates must round-trip.
pub fn neutralize(cell: &str) -> Cow<'_, str> {
    let risky = cell.starts_with(FORMULA_STARTS) && cell.trim().parse::<f64>().is_err();
    if risky {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Writes rows as CSV (comma, quoted as needed), every cell neutralised, with a UTF-8 BOM.
pub fn write_rows(header: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>, ExportError> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let enc = |e: csv::Error| ExportError::Encode(e.to_string());
        w.write_record(header).map_err(enc)?;
        for row in rows {
            w.write_record(row.iter().map(|c| neutralize(c).into_owned()))
                .map_err(enc)?;
        }
        w.flush().map_err(|e| ExportError::Encode(e.to_string()))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_numbers_are_not() {
        assert_eq!(neutralize("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralize("+1+1"), "'+1+1");
        assert_eq!(neutralize("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralize("-2+3"), "'-2+3");
        assert_eq!(neutralize("\tx"), "'\tx");
        assert_eq!(neutralize("\rx"), "'\rx");
        assert_eq!(neutralize("-6.84"), "-6.84");
        assert_eq!(neutralize("المغرب"), "المغرب");
        assert_eq!(neutralize("a=b"), "a=b");
    }
}
