//! Exact numbers read from and written to project files.
//!
//! A project file may write an amount as a TOML integer, float or string; all three load
//! exactly into [`Decimal`]. Floats are read through their shortest round-trip text, so `0.1`
//! in a file is 0.1, not 0.1000000000000000055. Writing prefers the plainest TOML form that
//! reads back to the same value.

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Reads a decimal from an integer, a float or a string.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    deserializer.deserialize_any(DecimalVisitor)
}

/// Writes a decimal as an integer when it is one, as a float when that reads back exactly,
/// and as a string otherwise.
pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    let value = value.normalize();
    if value.scale() == 0
        && let Ok(integer) = i64::try_from(value)
    {
        return serializer.serialize_i64(integer);
    }
    match f64::try_from(value) {
        Ok(float) if Decimal::from_str(&float.to_string()).ok() == Some(value) => {
            serializer.serialize_f64(float)
        }
        _ => serializer.serialize_str(&value.to_string()),
    }
}

/// The same for optional fields.
pub mod option {
    use super::*;

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Decimal>, D::Error> {
        super::deserialize(deserializer).map(Some)
    }

    pub fn serialize<S: Serializer>(value: &Option<Decimal>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => super::serialize(value, serializer),
            None => serializer.serialize_none(),
        }
    }
}

/// A decimal field that can be used inside other serde types (e.g. measurements).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Exact(pub Decimal);

impl<'de> Deserialize<'de> for Exact {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer).map(Exact)
    }
}

impl Serialize for Exact {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize(&self.0, serializer)
    }
}

struct DecimalVisitor;

impl<'de> Visitor<'de> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a number, like 1250 or 1250.50 or \"1250.50\", or a range { low, likely, high }")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Decimal, E> {
        if !value.is_finite() {
            return Err(E::custom("a number must be finite (not inf or nan)"));
        }
        // Rust prints the shortest text that reads back to the same f64: the user's digits.
        Decimal::from_str(&value.to_string()).map_err(|_| E::custom("number out of range"))
    }

    /// A range `{ low, likely, high }` reads as its likely value; the store keeps the range.
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Decimal, A::Error> {
        let mut likely = None;
        while let Some(key) = map.next_key::<String>()? {
            let value: Exact = map.next_value()?;
            match key.as_str() {
                "likely" => likely = Some(value.0),
                "low" | "high" => {}
                other => {
                    return Err(de::Error::custom(format!(
                        "unknown field `{other}` in a range, expected `low`, `likely`, `high`"
                    )));
                }
            }
        }
        likely.ok_or_else(|| de::Error::custom("a range needs `likely` (and `low`, `high`)"))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Decimal, E> {
        let cleaned: String = value.chars().filter(|c| !c.is_whitespace() && *c != '_').collect();
        Decimal::from_str(&cleaned).or_else(|_| Decimal::from_scientific(&cleaned)).map_err(|_| {
            E::custom(format!(
                "`{}` is not a number (write it like \"1250.50\")",
                crate::inert::excerpt(value)
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[derive(Deserialize, Serialize)]
    struct Holder {
        #[serde(with = "super")]
        x: Decimal,
    }

    fn read(text: &str) -> Decimal {
        toml::from_str::<Holder>(text).map(|h| h.x).unwrap_or_default()
    }

    #[test]
    fn floats_load_exactly() {
        assert_eq!(read("x = 0.1"), dec!(0.1));
        assert_eq!(read("x = 1250.505"), dec!(1250.505));
        assert_eq!(read("x = 1e3"), dec!(1000));
    }

    #[test]
    fn integers_and_strings_load_exactly() {
        assert_eq!(read("x = 25000"), dec!(25000));
        assert_eq!(read("x = \"1250.50\""), dec!(1250.50));
        assert_eq!(read("x = \"0.3333333333333333333333333333\""), dec!(0.3333333333333333333333333333));
    }

    #[test]
    fn writing_reads_back_to_the_same_value() {
        for value in [dec!(25000), dec!(0.1), dec!(1250.50), dec!(0.3333333333333333333333333333)] {
            let text = toml::to_string(&Holder { x: value }).unwrap_or_default();
            assert_eq!(read(&text), value, "{text}");
        }
    }

    #[test]
    fn words_are_refused() {
        assert!(toml::from_str::<Holder>("x = \"beaucoup\"").is_err());
        assert!(toml::from_str::<Holder>("x = true").is_err());
    }
}
