//! Admiralty (NATO) grading: how reliable a source is, how credible a piece of information is.

use super::code_enum::code_enum;

code_enum! {
    /// Source reliability, A (completely reliable) to F (cannot be judged).
    pub enum Reliability: "reliability grade" {
        /// Completely reliable.
        A = "A",
        /// Usually reliable.
        B = "B",
        /// Fairly reliable.
        C = "C",
        /// Not usually reliable.
        D = "D",
        /// Unreliable.
        E = "E",
        /// Reliability cannot be judged.
        F = "F",
    }
}

/// Information credibility, 1 (confirmed by other sources) to 6 (cannot be judged).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct Credibility(u8);

impl Credibility {
    /// Confirmed by other sources.
    pub const CONFIRMED: Self = Self(1);
    /// Cannot be judged.
    pub const UNKNOWN: Self = Self(6);

    /// A grade from 1 to 6.
    pub fn new(value: u8) -> Result<Self, super::ValidationError> {
        if (1..=6).contains(&value) {
            Ok(Self(value))
        } else {
            Err(super::ValidationError::Credibility(i64::from(value)))
        }
    }

    /// The grade as a number 1–6.
    pub fn value(self) -> u8 {
        self.0
    }

    /// Every grade, best first.
    pub fn all() -> impl Iterator<Item = Self> {
        (1..=6).map(Self)
    }
}

impl<'de> serde::Deserialize<'de> for Credibility {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = i64::deserialize(d)?;
        u8::try_from(v)
            .ok()
            .and_then(|v| Self::new(v).ok())
            .ok_or_else(|| serde::de::Error::custom(super::ValidationError::Credibility(v)))
    }
}

impl std::fmt::Display for Credibility {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credibility_is_one_to_six() {
        assert!(Credibility::new(0).is_err());
        assert!(Credibility::new(7).is_err());
        assert_eq!(Credibility::new(3).unwrap().value(), 3);
        assert!(serde_json::from_str::<Credibility>("9").is_err());
        assert_eq!(
            serde_json::from_str::<Credibility>("2").unwrap(),
            Credibility::new(2).unwrap()
        );
    }

    #[test]
    fn reliability_orders_best_first() {
        assert!(Reliability::A < Reliability::F);
        assert_eq!("B".parse::<Reliability>().unwrap(), Reliability::B);
        assert!("b".parse::<Reliability>().is_err());
    }
}
