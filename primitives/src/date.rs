//! Calendar dates in `YYYYMMDD` form and the chain's day arithmetic.
//!
//! [`Date`] is a proleptic Gregorian date between `0001-01-01` and
//! `9999-12-31`, stored as the number `YYYYMMDD` (e.g. `20260214`). Day
//! numbers count days since 1970-01-01 (negative before), computed with
//! Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms.

use codec::{Decode, DecodeWithMemTracking, Encode, Input, MaxEncodedLen};
use scale_info::TypeInfo;

/// Milliseconds in a civil day (86 400 000).
pub const MILLIS_PER_DAY: u64 = 86_400_000;

/// Smallest supported year.
pub const MIN_YEAR: u16 = 1;
/// Largest supported year.
pub const MAX_YEAR: u16 = 9999;
/// Smallest year [`Date::add_days`] may produce.
pub const MIN_ARITHMETIC_YEAR: u16 = 1970;

/// Day number of 0001-01-01.
const MIN_DAY_NUMBER: i64 = -719_162;
/// Day number of 9999-12-31.
const MAX_DAY_NUMBER: i64 = 2_932_896;

/// Error of date construction, parsing or arithmetic.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum DateError {
	/// The year is outside `1..=9999`.
	InvalidYear,
	/// The month is outside `1..=12`.
	InvalidMonth,
	/// The day does not exist in the given month of the given year.
	InvalidDay,
	/// The result of a conversion or of date arithmetic is outside the
	/// supported range.
	OutOfRange,
	/// The text is not of the form `YYYY-MM-DD` with ASCII digits.
	InvalidFormat,
}

impl core::fmt::Display for DateError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(match self {
			Self::InvalidYear => "invalid year",
			Self::InvalidMonth => "invalid month",
			Self::InvalidDay => "invalid day of month",
			Self::OutOfRange => "date out of range",
			Self::InvalidFormat => "invalid date format, expected YYYY-MM-DD",
		})
	}
}

/// A valid proleptic Gregorian date, stored as the number `YYYYMMDD`.
///
/// SCALE-encoded as a `u32` (`20260214`); decoding rejects invalid dates.
/// Serde writes `"2026-02-14"` and reads either that string or
/// the number `20260214`.
#[derive(
	Encode,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Hash,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(try_from = "serde_repr::DateRepr", into = "alloc::string::String")]
pub struct Date(u32);

/// Whether `year` is a Gregorian leap year.
#[allow(clippy::manual_is_multiple_of)]
pub const fn is_leap_year(year: u16) -> bool {
	(year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1..=12) of `year`; 0 for an invalid month.
pub const fn days_in_month(year: u16, month: u8) -> u8 {
	match month {
		1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
		4 | 6 | 9 | 11 => 30,
		2 => {
			if is_leap_year(year) {
				29
			} else {
				28
			}
		}
		_ => 0,
	}
}

/// Howard Hinnant's `days_from_civil`: days since 1970-01-01.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
	let y = if m <= 2 { y - 1 } else { y };
	let era = if y >= 0 { y } else { y - 399 } / 400;
	let yoe = y - era * 400;
	let mp = if m > 2 { m - 3 } else { m + 9 };
	let doy = (153 * mp + 2) / 5 + d - 1;
	let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	era * 146_097 + doe - 719_468
}

/// Howard Hinnant's `civil_from_days`: (year, month, day) of a day number.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
	let z = z + 719_468;
	let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
	let doe = z - era * 146_097;
	let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
	let y = yoe + era * 400;
	let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	let mp = (5 * doy + 2) / 153;
	let d = doy - (153 * mp + 2) / 5 + 1;
	let m = if mp < 10 { mp + 3 } else { mp - 9 };
	(if m <= 2 { y + 1 } else { y }, m, d)
}

impl Date {
	/// 1970-01-01, day number 0.
	pub const UNIX_EPOCH: Date = Date(19_700_101);
	/// The smallest representable date, 0001-01-01.
	pub const MIN: Date = Date(10_101);
	/// The largest representable date, 9999-12-31.
	pub const MAX: Date = Date(99_991_231);

	/// Creates a date, validating year (`1..=9999`), month and day (leap
	/// years included).
	pub fn new(year: u16, month: u8, day: u8) -> Result<Date, DateError> {
		if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
			return Err(DateError::InvalidYear);
		}
		if !(1..=12).contains(&month) {
			return Err(DateError::InvalidMonth);
		}
		if day == 0 || day > days_in_month(year, month) {
			return Err(DateError::InvalidDay);
		}
		Ok(Date(u32::from(year) * 10_000 + u32::from(month) * 100 + u32::from(day)))
	}

	/// Creates a date from the number `YYYYMMDD`, validating it.
	pub fn from_yyyymmdd(value: u32) -> Result<Date, DateError> {
		let year = u16::try_from(value / 10_000).map_err(|_| DateError::InvalidYear)?;
		let month = ((value / 100) % 100) as u8;
		let day = (value % 100) as u8;
		Date::new(year, month, day)
	}

	/// The number `YYYYMMDD`.
	pub const fn to_yyyymmdd(self) -> u32 {
		self.0
	}

	/// The year (`1..=9999`).
	pub const fn year(self) -> u16 {
		(self.0 / 10_000) as u16
	}

	/// The month (`1..=12`).
	pub const fn month(self) -> u8 {
		((self.0 / 100) % 100) as u8
	}

	/// The day of the month (`1..=31`).
	pub const fn day(self) -> u8 {
		(self.0 % 100) as u8
	}

	/// Days since 1970-01-01 (negative for earlier dates).
	pub fn to_day_number(self) -> i32 {
		let n =
			days_from_civil(i64::from(self.year()), i64::from(self.month()), i64::from(self.day()));
		// Always within i32 for years 1..=9999.
		i32::try_from(n).unwrap_or(0)
	}

	/// The date `days` days after 1970-01-01; errors outside
	/// 0001-01-01..=9999-12-31.
	pub fn from_day_number(days: i32) -> Result<Date, DateError> {
		Self::from_day_number_i64(i64::from(days))
	}

	fn from_day_number_i64(days: i64) -> Result<Date, DateError> {
		if !(MIN_DAY_NUMBER..=MAX_DAY_NUMBER).contains(&days) {
			return Err(DateError::OutOfRange);
		}
		let (y, m, d) = civil_from_days(days);
		let y = u16::try_from(y).map_err(|_| DateError::OutOfRange)?;
		let m = u8::try_from(m).map_err(|_| DateError::OutOfRange)?;
		let d = u8::try_from(d).map_err(|_| DateError::OutOfRange)?;
		Date::new(y, m, d)
	}

	/// Day of the week: 0 = Monday, …, 6 = Sunday.
	pub fn weekday(self) -> u8 {
		// 1970-01-01 was a Thursday (3).
		(i64::from(self.to_day_number()) + 3).rem_euclid(7) as u8
	}

	/// The date `days` days later (earlier if negative). The result must lie
	/// in 1970-01-01..=9999-12-31, otherwise [`DateError::OutOfRange`].
	pub fn add_days(self, days: i32) -> Result<Date, DateError> {
		let n = i64::from(self.to_day_number()) + i64::from(days);
		if !(0..=MAX_DAY_NUMBER).contains(&n) {
			return Err(DateError::OutOfRange);
		}
		Self::from_day_number_i64(n)
	}

	/// Adds `days`, saturating at 9999-12-31 (and at 1970-01-01 / `self`
	/// from below).
	fn add_days_saturating(self, days: u64) -> Date {
		let start = i64::from(self.to_day_number());
		let days = i64::try_from(days).unwrap_or(i64::MAX);
		let n = start.saturating_add(days).min(MAX_DAY_NUMBER);
		Self::from_day_number_i64(n).unwrap_or(Date::MAX)
	}

	/// Parses an ISO 8601 calendar date `YYYY-MM-DD`, e.g. `b"2026-02-14"`.
	pub fn parse_iso(s: &[u8]) -> Result<Date, DateError> {
		if s.len() != 10 || s.get(4) != Some(&b'-') || s.get(7) != Some(&b'-') {
			return Err(DateError::InvalidFormat);
		}
		let num = |range: core::ops::Range<usize>| -> Result<u32, DateError> {
			let part = s.get(range).ok_or(DateError::InvalidFormat)?;
			part.iter().try_fold(0u32, |acc, &c| {
				if c.is_ascii_digit() {
					Ok(acc * 10 + u32::from(c - b'0'))
				} else {
					Err(DateError::InvalidFormat)
				}
			})
		};
		let y = num(0..4)?;
		let m = num(5..7)?;
		let d = num(8..10)?;
		Date::new(y as u16, m as u8, d as u8)
	}

	/// Writes the date as `YYYY-MM-DD` into a fixed buffer.
	pub fn to_iso_bytes(self) -> [u8; 10] {
		let (y, m, d) = (self.year(), self.month(), self.day());
		let digit = |v: u32| b'0' + (v % 10) as u8;
		let y = u32::from(y);
		[
			digit(y / 1000),
			digit(y / 100),
			digit(y / 10),
			digit(y),
			b'-',
			digit(u32::from(m) / 10),
			digit(u32::from(m)),
			b'-',
			digit(u32::from(d) / 10),
			digit(u32::from(d)),
		]
	}
}

impl Default for Date {
	/// 1970-01-01.
	fn default() -> Self {
		Date::UNIX_EPOCH
	}
}

impl core::fmt::Display for Date {
	/// Formats as `YYYY-MM-DD`.
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		write!(f, "{:04}-{:02}-{:02}", self.year(), self.month(), self.day())
	}
}

impl TryFrom<u32> for Date {
	type Error = DateError;
	fn try_from(value: u32) -> Result<Self, Self::Error> {
		Date::from_yyyymmdd(value)
	}
}

impl From<Date> for u32 {
	fn from(d: Date) -> u32 {
		d.0
	}
}

impl From<Date> for alloc::string::String {
	fn from(d: Date) -> Self {
		alloc::format!("{}", d)
	}
}

impl Decode for Date {
	fn decode<I: Input>(input: &mut I) -> Result<Self, codec::Error> {
		let raw = u32::decode(input)?;
		Date::from_yyyymmdd(raw).map_err(|_| codec::Error::from("invalid YYYYMMDD date"))
	}
}

impl DecodeWithMemTracking for Date {}

mod serde_repr {
	use super::{Date, DateError};
	use alloc::string::String;

	/// Accepted serde representations of a date.
	#[derive(serde::Deserialize)]
	#[serde(untagged)]
	pub enum DateRepr {
		/// `"YYYY-MM-DD"`.
		Iso(String),
		/// `YYYYMMDD` as a number.
		Number(u32),
	}

	impl TryFrom<DateRepr> for Date {
		type Error = DateError;
		fn try_from(r: DateRepr) -> Result<Self, Self::Error> {
			match r {
				DateRepr::Iso(s) => Date::parse_iso(s.as_bytes()),
				DateRepr::Number(n) => Date::from_yyyymmdd(n),
			}
		}
	}
}

/// The local calendar date of a Unix timestamp in milliseconds at a UTC
/// offset in minutes (e.g. `480` for China Standard Time, UTC+8).
///
/// Saturates at 1970-01-01 (local times before the epoch) and 9999-12-31.
pub fn date_of_timestamp(ms_since_epoch: u64, utc_offset_minutes: i32) -> Date {
	let local = i128::from(ms_since_epoch) + i128::from(utc_offset_minutes) * 60_000;
	let day = local.div_euclid(i128::from(MILLIS_PER_DAY));
	let day = day.clamp(0, i128::from(MAX_DAY_NUMBER));
	Date::from_day_number_i64(i64::try_from(day).unwrap_or(0)).unwrap_or(Date::UNIX_EPOCH)
}

/// The chain's (possibly shortened) calendar date:
/// `start_date + floor((now_ms - first_block_ms) / day_length_ms)` days.
///
/// `now_ms` before `first_block_ms` counts as zero elapsed time; a
/// `day_length_ms` of 0 is treated as [`MILLIS_PER_DAY`]; the result
/// saturates at 9999-12-31.
pub fn chain_date(start_date: Date, first_block_ms: u64, now_ms: u64, day_length_ms: u64) -> Date {
	let day_length = if day_length_ms == 0 { MILLIS_PER_DAY } else { day_length_ms };
	let days = now_ms.saturating_sub(first_block_ms) / day_length;
	start_date.add_days_saturating(days)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn d(y: u16, m: u8, day: u8) -> Date {
		Date::new(y, m, day).unwrap()
	}

	#[test]
	fn known_weekdays() {
		assert_eq!(d(2026, 2, 14).weekday(), 5); // Saturday
		assert_eq!(d(2025, 10, 1).weekday(), 2); // Wednesday
		assert_eq!(d(1970, 1, 1).weekday(), 3); // Thursday
		assert_eq!(d(2000, 1, 1).weekday(), 5); // Saturday
		assert_eq!(d(1949, 10, 1).weekday(), 5); // Saturday
		assert_eq!(d(1, 1, 1).weekday(), 0); // Monday (proleptic)
		assert_eq!(d(9999, 12, 31).weekday(), 4); // Friday
	}

	#[test]
	fn leap_days() {
		assert!(Date::new(2024, 2, 29).is_ok());
		assert_eq!(Date::new(2025, 2, 29), Err(DateError::InvalidDay));
		assert!(Date::new(2000, 2, 29).is_ok());
		assert_eq!(Date::new(1900, 2, 29), Err(DateError::InvalidDay));
		assert_eq!(Date::new(2100, 2, 29), Err(DateError::InvalidDay));
		assert!(is_leap_year(2400));
		assert_eq!(days_in_month(2024, 2), 29);
		assert_eq!(days_in_month(2024, 13), 0);
	}

	#[test]
	fn invalid_components() {
		assert_eq!(Date::new(0, 1, 1), Err(DateError::InvalidYear));
		assert_eq!(Date::new(10_000, 1, 1), Err(DateError::InvalidYear));
		assert_eq!(Date::new(2026, 0, 1), Err(DateError::InvalidMonth));
		assert_eq!(Date::new(2026, 13, 1), Err(DateError::InvalidMonth));
		assert_eq!(Date::new(2026, 1, 0), Err(DateError::InvalidDay));
		assert_eq!(Date::new(2026, 4, 31), Err(DateError::InvalidDay));
		assert_eq!(Date::new(2026, 1, 32), Err(DateError::InvalidDay));
	}

	#[test]
	fn yyyymmdd_round_trip() {
		let x = Date::from_yyyymmdd(20_260_214).unwrap();
		assert_eq!((x.year(), x.month(), x.day()), (2026, 2, 14));
		assert_eq!(x.to_yyyymmdd(), 20_260_214);
		assert_eq!(Date::from_yyyymmdd(20_250_229), Err(DateError::InvalidDay));
		assert_eq!(Date::from_yyyymmdd(20_261_301), Err(DateError::InvalidMonth));
		assert_eq!(Date::from_yyyymmdd(0), Err(DateError::InvalidYear));
		assert_eq!(Date::from_yyyymmdd(u32::MAX), Err(DateError::InvalidYear));
		assert_eq!(Date::try_from(20_240_229u32), Ok(d(2024, 2, 29)));
	}

	#[test]
	fn day_numbers_known() {
		assert_eq!(d(1970, 1, 1).to_day_number(), 0);
		assert_eq!(d(1970, 1, 2).to_day_number(), 1);
		assert_eq!(d(1969, 12, 31).to_day_number(), -1);
		assert_eq!(d(2000, 3, 1).to_day_number(), 11_017);
		assert_eq!(d(2026, 2, 14).to_day_number(), 20_498);
		assert_eq!(d(1, 1, 1).to_day_number(), MIN_DAY_NUMBER as i32);
		assert_eq!(d(9999, 12, 31).to_day_number(), MAX_DAY_NUMBER as i32);
		assert_eq!(Date::from_day_number(MAX_DAY_NUMBER as i32 + 1), Err(DateError::OutOfRange));
		assert_eq!(Date::from_day_number(MIN_DAY_NUMBER as i32 - 1), Err(DateError::OutOfRange));
		assert_eq!(Date::from_day_number(i32::MAX), Err(DateError::OutOfRange));
		assert_eq!(Date::from_day_number(i32::MIN), Err(DateError::OutOfRange));
	}

	#[test]
	fn day_number_round_trip_1970_to_2100() {
		let mut expected = d(1970, 1, 1);
		let end = d(2100, 12, 31).to_day_number();
		let mut prev_weekday = 2;
		for n in 0..=end {
			let x = Date::from_day_number(n).unwrap();
			assert_eq!(x, expected);
			assert_eq!(x.to_day_number(), n);
			assert_eq!(x.weekday(), (prev_weekday + 1) % 7);
			prev_weekday = x.weekday();
			// Independent successor computation.
			let (y, m, dd) = (x.year(), x.month(), x.day());
			expected = if dd < days_in_month(y, m) {
				Date::new(y, m, dd + 1).unwrap()
			} else if m < 12 {
				Date::new(y, m + 1, 1).unwrap()
			} else {
				Date::new(y + 1, 1, 1).unwrap()
			};
		}
	}

	#[test]
	fn day_number_round_trip_full_range_sampled() {
		let mut n = MIN_DAY_NUMBER as i32;
		while n <= MAX_DAY_NUMBER as i32 {
			assert_eq!(Date::from_day_number(n).unwrap().to_day_number(), n);
			n += 97;
		}
	}

	#[test]
	fn add_days_bounds() {
		assert_eq!(d(2026, 2, 14).add_days(1), Ok(d(2026, 2, 15)));
		assert_eq!(d(2024, 2, 28).add_days(1), Ok(d(2024, 2, 29)));
		assert_eq!(d(2025, 2, 28).add_days(1), Ok(d(2025, 3, 1)));
		assert_eq!(d(2026, 1, 1).add_days(-1), Ok(d(2025, 12, 31)));
		assert_eq!(d(2026, 2, 14).add_days(365), Ok(d(2027, 2, 14)));
		assert_eq!(d(1970, 1, 1).add_days(-1), Err(DateError::OutOfRange));
		assert_eq!(d(9999, 12, 31).add_days(1), Err(DateError::OutOfRange));
		assert_eq!(d(2026, 1, 1).add_days(i32::MAX), Err(DateError::OutOfRange));
		assert_eq!(d(2026, 1, 1).add_days(i32::MIN), Err(DateError::OutOfRange));
		assert_eq!(d(1880, 1, 1).add_days(0), Err(DateError::OutOfRange));
	}

	#[test]
	fn parse_iso_works() {
		assert_eq!(Date::parse_iso(b"2026-02-14"), Ok(d(2026, 2, 14)));
		assert_eq!(Date::parse_iso(b"2024-02-29"), Ok(d(2024, 2, 29)));
		assert_eq!(Date::parse_iso(b"2025-02-29"), Err(DateError::InvalidDay));
		assert_eq!(Date::parse_iso(b"2026-2-14"), Err(DateError::InvalidFormat));
		assert_eq!(Date::parse_iso(b"2026/02/14"), Err(DateError::InvalidFormat));
		assert_eq!(Date::parse_iso(b"2026-0a-14"), Err(DateError::InvalidFormat));
		assert_eq!(Date::parse_iso(b"+026-02-14"), Err(DateError::InvalidFormat));
		assert_eq!(Date::parse_iso(b""), Err(DateError::InvalidFormat));
		assert_eq!(Date::parse_iso(b"0000-01-01"), Err(DateError::InvalidYear));
		assert_eq!(d(2026, 2, 14).to_iso_bytes(), *b"2026-02-14");
		assert_eq!(d(7, 3, 9).to_iso_bytes(), *b"0007-03-09");
		assert_eq!(alloc::format!("{}", d(7, 3, 9)), "0007-03-09");
	}

	#[test]
	fn timestamps_in_china() {
		// 2026-02-13T16:00:00Z is 2026-02-14T00:00+08:00.
		let ms = d(2026, 2, 13).to_day_number() as u64 * MILLIS_PER_DAY + 16 * 3_600_000;
		assert_eq!(date_of_timestamp(ms, 480), d(2026, 2, 14));
		assert_eq!(date_of_timestamp(ms - 1, 480), d(2026, 2, 13));
		assert_eq!(date_of_timestamp(ms, 0), d(2026, 2, 13));
		assert_eq!(date_of_timestamp(1_771_084_800_000, 0), d(2026, 2, 14));
		assert_eq!(date_of_timestamp(0, 0), d(1970, 1, 1));
		assert_eq!(date_of_timestamp(0, -60), d(1970, 1, 1)); // saturates
		assert_eq!(date_of_timestamp(u64::MAX, i32::MAX), Date::MAX);
		assert_eq!(date_of_timestamp(0, i32::MIN), Date::UNIX_EPOCH);
	}

	#[test]
	fn chain_date_works() {
		let start = d(2026, 2, 14);
		let first = 1_000_000;
		assert_eq!(chain_date(start, first, first, 600_000), start);
		assert_eq!(chain_date(start, first, first + 599_999, 600_000), start);
		assert_eq!(chain_date(start, first, first + 600_000, 600_000), d(2026, 2, 15));
		assert_eq!(chain_date(start, first, first + 6_000_000, 600_000), d(2026, 2, 24));
		assert_eq!(chain_date(start, first, 0, 600_000), start);
		assert_eq!(chain_date(start, first, first + MILLIS_PER_DAY, 0), d(2026, 2, 15));
		assert_eq!(chain_date(start, 0, u64::MAX, 1), Date::MAX);
		assert_eq!(chain_date(Date::MAX, 0, 5, 1), Date::MAX);
	}

	#[test]
	fn scale_codec() {
		let x = d(2026, 2, 14);
		let enc = x.encode();
		assert_eq!(enc, 20_260_214u32.encode());
		assert_eq!(Date::decode(&mut &enc[..]), Ok(x));
		assert!(Date::decode(&mut &20_250_229u32.encode()[..]).is_err());
		assert!(Date::decode(&mut &[1u8, 2][..]).is_err());
		assert_eq!(Date::max_encoded_len(), 4);
	}

	#[cfg(feature = "std")]
	#[test]
	fn serde_forms() {
		use serde::de::{value::Error, Deserialize, IntoDeserializer};
		let x = d(2026, 2, 14);
		assert_eq!(alloc::string::String::from(x), "2026-02-14");
		let a = Date::deserialize(IntoDeserializer::<Error>::into_deserializer("2026-02-14"));
		let b = Date::deserialize(IntoDeserializer::<Error>::into_deserializer(20_260_214u32));
		assert_eq!(a, Ok(x));
		assert_eq!(b, Ok(x));
		assert!(
			Date::deserialize(IntoDeserializer::<Error>::into_deserializer("2025-02-29")).is_err()
		);
		assert!(
			Date::deserialize(IntoDeserializer::<Error>::into_deserializer(20_250_229u32)).is_err()
		);
	}
}
