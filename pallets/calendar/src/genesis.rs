//! Serde forms of the genesis configuration that work without `std`.
//!
//! The genesis config is (de)serialized inside the wasm runtime too (`GenesisBuilder`), but
//! `doid-primitives` implements serde for [`Date`] and [`DayKind`] only with `std`. These
//! adapters give the same JSON in both builds: dates as `"YYYY-MM-DD"` (the number `YYYYMMDD` is
//! accepted too), kinds as `"Working"`, `"Holiday"` or `"Normal"`, and the days as
//! `[["2026-02-14", "Working"], …]`.

use alloc::vec::Vec;
use core::fmt;
use doid_primitives::{Date, DayKind};
use serde::{
	de::{Error, Visitor},
	Deserialize, Deserializer, Serialize, Serializer,
};

/// A date in its JSON form.
struct IsoDate(Date);

impl Serialize for IsoDate {
	fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
		let bytes = self.0.to_iso_bytes();
		let text = core::str::from_utf8(&bytes).map_err(serde::ser::Error::custom)?;
		serializer.serialize_str(text)
	}
}

struct DateVisitor;

impl<'de> Visitor<'de> for DateVisitor {
	type Value = IsoDate;

	fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
		f.write_str("a date \"YYYY-MM-DD\" or the number YYYYMMDD")
	}

	fn visit_str<E: Error>(self, v: &str) -> Result<IsoDate, E> {
		Date::parse_iso(v.as_bytes()).map(IsoDate).map_err(E::custom)
	}

	fn visit_u64<E: Error>(self, v: u64) -> Result<IsoDate, E> {
		let n = u32::try_from(v).map_err(|_| E::custom("invalid YYYYMMDD date"))?;
		Date::from_yyyymmdd(n).map(IsoDate).map_err(E::custom)
	}

	fn visit_i64<E: Error>(self, v: i64) -> Result<IsoDate, E> {
		let n = u64::try_from(v).map_err(|_| E::custom("invalid YYYYMMDD date"))?;
		self.visit_u64(n)
	}
}

impl<'de> Deserialize<'de> for IsoDate {
	fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
		deserializer.deserialize_any(DateVisitor)
	}
}

/// A day kind in its JSON form.
struct Kind(DayKind);

impl Serialize for Kind {
	fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
		serializer.serialize_str(match self.0 {
			DayKind::Working => "Working",
			DayKind::Holiday => "Holiday",
			DayKind::Normal => "Normal",
		})
	}
}

struct KindVisitor;

impl<'de> Visitor<'de> for KindVisitor {
	type Value = Kind;

	fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
		f.write_str("\"Working\", \"Holiday\" or \"Normal\"")
	}

	fn visit_str<E: Error>(self, v: &str) -> Result<Kind, E> {
		match v {
			"Working" => Ok(Kind(DayKind::Working)),
			"Holiday" => Ok(Kind(DayKind::Holiday)),
			"Normal" => Ok(Kind(DayKind::Normal)),
			other => Err(E::unknown_variant(other, &["Working", "Holiday", "Normal"])),
		}
	}
}

impl<'de> Deserialize<'de> for Kind {
	fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
		deserializer.deserialize_str(KindVisitor)
	}
}

/// `Option<Date>` as `"YYYY-MM-DD"` or `null`.
pub mod optional_date {
	use super::*;

	/// Serialize.
	pub fn serialize<S: Serializer>(date: &Option<Date>, serializer: S) -> Result<S::Ok, S::Error> {
		date.map(IsoDate).serialize(serializer)
	}

	/// Deserialize.
	pub fn deserialize<'de, D: Deserializer<'de>>(
		deserializer: D,
	) -> Result<Option<Date>, D::Error> {
		Ok(Option::<IsoDate>::deserialize(deserializer)?.map(|d| d.0))
	}
}

/// `Vec<(Date, DayKind)>` as `[["YYYY-MM-DD", "Kind"], …]`.
pub mod days {
	use super::*;

	/// Serialize.
	pub fn serialize<S: Serializer>(
		days: &[(Date, DayKind)],
		serializer: S,
	) -> Result<S::Ok, S::Error> {
		serializer.collect_seq(days.iter().map(|(d, k)| (IsoDate(*d), Kind(*k))))
	}

	/// Deserialize.
	pub fn deserialize<'de, D: Deserializer<'de>>(
		deserializer: D,
	) -> Result<Vec<(Date, DayKind)>, D::Error> {
		Ok(Vec::<(IsoDate, Kind)>::deserialize(deserializer)?
			.into_iter()
			.map(|(d, k)| (d.0, k.0))
			.collect())
	}
}
