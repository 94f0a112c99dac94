//! Turning file bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, and the
//! Windows-1256 Arabic code page that older Arabic spreadsheets and exports still use.

use super::ImportError;
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1256};

/// The encoding a user may choose for an import (`--encoding`); `Auto` detects it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EncodingChoice {
    /// Byte-order mark, then valid UTF-8, else Windows-1256.
    #[default]
    Auto,
    /// UTF-8.
    Utf8,
    /// UTF-16, little-endian.
    Utf16le,
    /// UTF-16, big-endian.
    Utf16be,
    /// Windows-1256 (Arabic).
    Windows1256,
}

impl EncodingChoice {
    /// Every choice, in menu order.
    pub const ALL: &'static [Self] = &[
        Self::Auto,
        Self::Utf8,
        Self::Utf16le,
        Self::Utf16be,
        Self::Windows1256,
    ];

    /// The value given on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Utf8 => "utf-8",
            Self::Utf16le => "utf-16le",
            Self::Utf16be => "utf-16be",
            Self::Windows1256 => "windows-1256",
        }
    }

    /// The encoding to force, or `None` to detect.
    pub fn encoding(self) -> Option<&'static Encoding> {
        match self {
            Self::Auto => None,
            Self::Utf8 => Some(UTF_8),
            Self::Utf16le => Some(UTF_16LE),
            Self::Utf16be => Some(UTF_16BE),
            Self::Windows1256 => Some(WINDOWS_1256),
        }
    }
}

impl std::fmt::Display for EncodingChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for EncodingChoice {
    type Err = String;

    /// Accepts the codes above and the usual spellings (`utf8`, `cp1256`, `arabic`…).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key: String = s
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        Ok(match key.as_str() {
            "auto" => Self::Auto,
            "utf8" => Self::Utf8,
            "utf16" | "utf16le" => Self::Utf16le,
            "utf16be" => Self::Utf16be,
            "windows1256" | "cp1256" | "arabic" => Self::Windows1256,
            _ => {
                return Err(format!(
                    "unknown encoding «{s}» (use auto, utf-8, utf-16le, utf-16be or windows-1256)"
                ));
            }
        })
    }
}

/// Decodes a file's bytes. With `forced`, that encoding is used (a BOM still wins, as it cannot
/// lie); otherwise a BOM decides, then valid UTF-8, then Windows-1256. Binary data is refused
/// rather than turned into a screenful of mojibake records.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<String, ImportError> {
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => (enc, &bytes[bom_len..]),
        None => (forced.unwrap_or_else(|| guess(bytes)), bytes),
    };
    // Text in single-byte encodings and UTF-8 never holds NUL; UTF-16 text does.
    if encoding != UTF_16LE && encoding != UTF_16BE && body.contains(&0) {
        return Err(ImportError::Binary);
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors && encoding == UTF_8 {
        let valid = std::str::from_utf8(body)
            .err()
            .map(|e| e.valid_up_to())
            .unwrap_or(0);
        return Err(ImportError::Encoding(format!(
            "invalid UTF-8 at byte {valid}; choose another encoding (windows-1256?)"
        )));
    }
    if had_errors {
        return Err(ImportError::Encoding(format!(
            "the bytes are not valid {}",
            encoding.name()
        )));
    }
    if looks_binary(&text) {
        return Err(ImportError::Binary);
    }
    Ok(text.into_owned())
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        WINDOWS_1256
    }
}

/// Text files hold few control characters; more than 1 in 100 (other than tab, CR, LF, FF)
/// among the first 64 KiB means the bytes are not text.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(65_536) {
        total += 1;
        if (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}')) || c == '\u{FFFD}' {
            control += 1;
        }
    }
    total > 0 && control * 100 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    const AR: &str = "الدار البيضاء، المغرب";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(AR.as_bytes(), None).unwrap(), AR);
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(AR.as_bytes());
        assert_eq!(decode(&b, None).unwrap(), AR);
    }

    #[test]
    fn utf16_boms() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in AR.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le, None).unwrap(), AR);
        assert_eq!(decode(&be, None).unwrap(), AR);
    }

    #[test]
    fn windows_1256_detected_and_forced() {
        let (bytes, _, _) = WINDOWS_1256.encode(AR);
        assert_eq!(decode(&bytes, None).unwrap(), AR);
        assert_eq!(decode(&bytes, Some(WINDOWS_1256)).unwrap(), AR);
        assert!(matches!(
            decode(&bytes, Some(UTF_8)),
            Err(ImportError::Encoding(_))
        ));
    }

    #[test]
    fn binary_is_refused() {
        let zip = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00";
        assert!(matches!(decode(zip, None), Err(ImportError::Binary)));
        let noise: Vec<u8> = (0..200u8).map(|i| i.wrapping_mul(7) | 1).collect();
        assert!(decode(&noise, None).is_err());
    }

    #[test]
    fn choices_parse() {
        for c in EncodingChoice::ALL {
            assert_eq!(c.code().parse::<EncodingChoice>().unwrap(), *c);
        }
        assert_eq!(
            "CP1256".parse::<EncodingChoice>().unwrap(),
            EncodingChoice::Windows1256
        );
        assert!("latin9".parse::<EncodingChoice>().is_err());
    }
}
