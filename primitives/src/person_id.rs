//! Resident identity number (公民身份号码, GB 11643-1999).
//!
//! 18 characters: a six-digit address code (positions 1-6), the birth date
//! `YYYYMMDD` (positions 7-14), a three-digit sequence code (positions 15-17,
//! odd for men, even for women) and an ISO 7064 MOD 11-2 check character
//! (`0-9` or `X`).
//!
//! This type is meant for client-side validation only: the chain never sees
//! plain identity numbers.

use crate::checksum::{mod11_2_check_char, position};
use crate::date::Date;
use codec::{Decode, DecodeWithMemTracking, Encode, Input, MaxEncodedLen};
use scale_info::TypeInfo;

/// Length of a resident identity number.
pub const RESIDENT_ID_LEN: usize = 18;

/// Earliest accepted birth year.
pub const MIN_BIRTH_YEAR: u16 = 1800;

/// Error of [`ResidentIdNumber::parse`].
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
pub enum ResidentIdError {
	/// The number is not exactly 18 characters long.
	WrongLength,
	/// The character at this 0-based position is not allowed there (positions
	/// 0-16 must be digits, position 17 a digit or `X`/`x`).
	InvalidCharacter {
		/// 0-based byte index of the offending character.
		position: u8,
	},
	/// The address code (positions 1-6) starts with `0`.
	InvalidAddressCode,
	/// Positions 7-14 are not a real calendar date with year ≥ 1800.
	InvalidBirthDate,
	/// The check character does not match the first 17 digits.
	CheckCharacterMismatch {
		/// The check character computed from the first 17 digits (ASCII).
		expected: u8,
		/// The check character found (ASCII, upper-cased).
		found: u8,
	},
}

impl core::fmt::Display for ResidentIdError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::WrongLength => f.write_str("resident identity number must have 18 characters"),
			Self::InvalidCharacter { position } => {
				write!(f, "invalid character at position {}", position)
			}
			Self::InvalidAddressCode => f.write_str("invalid address code"),
			Self::InvalidBirthDate => f.write_str("invalid birth date"),
			Self::CheckCharacterMismatch { expected, found } => write!(
				f,
				"check character mismatch: expected '{}', found '{}'",
				char::from(*expected),
				char::from(*found)
			),
		}
	}
}

/// A validated 18-character resident identity number (check character
/// normalized to upper-case `X`).
///
/// SCALE-encoded as its 18 ASCII bytes, decoding re-validates.
#[derive(
	Encode,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Hash,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(try_from = "alloc::string::String", into = "alloc::string::String")]
pub struct ResidentIdNumber([u8; RESIDENT_ID_LEN]);

/// Decimal value of ASCII digits (caller guarantees digits).
fn digits_value(s: &[u8]) -> u32 {
	s.iter()
		.fold(0u32, |acc, &c| acc.wrapping_mul(10).wrapping_add(u32::from(c.wrapping_sub(b'0'))))
}

impl ResidentIdNumber {
	/// Parses and validates an 18-character resident identity number.
	///
	/// A lower-case `x` check character is accepted and normalized to `X`.
	/// Checks, in order: length, characters, address code, birth date, check
	/// character.
	pub fn parse(s: &[u8]) -> Result<ResidentIdNumber, ResidentIdError> {
		let mut id: [u8; RESIDENT_ID_LEN] =
			s.try_into().map_err(|_| ResidentIdError::WrongLength)?;
		if id[17] == b'x' {
			id[17] = b'X';
		}
		if let Some(i) = id[..17].iter().position(|c| !c.is_ascii_digit()) {
			return Err(ResidentIdError::InvalidCharacter { position: position(i) });
		}
		if !(id[17].is_ascii_digit() || id[17] == b'X') {
			return Err(ResidentIdError::InvalidCharacter { position: 17 });
		}
		if id[0] == b'0' {
			return Err(ResidentIdError::InvalidAddressCode);
		}
		let birth = Date::from_yyyymmdd(digits_value(&id[6..14]))
			.map_err(|_| ResidentIdError::InvalidBirthDate)?;
		if birth.year() < MIN_BIRTH_YEAR {
			return Err(ResidentIdError::InvalidBirthDate);
		}
		let expected = mod11_2_check_char(&id[..17]).map_err(|_| ResidentIdError::WrongLength)?;
		if expected != id[17] {
			return Err(ResidentIdError::CheckCharacterMismatch { expected, found: id[17] });
		}
		Ok(ResidentIdNumber(id))
	}

	/// The number as a string slice.
	pub fn as_str(&self) -> &str {
		core::str::from_utf8(&self.0).unwrap_or("")
	}

	/// The number as 18 ASCII bytes.
	pub fn as_bytes(&self) -> &[u8; RESIDENT_ID_LEN] {
		&self.0
	}

	/// The six-digit address code (GB/T 2260 division of first registration).
	pub fn address_code(&self) -> &[u8] {
		&self.0[..6]
	}

	/// The birth date.
	pub fn birth_date(&self) -> Date {
		Date::from_yyyymmdd(digits_value(&self.0[6..14])).unwrap_or(Date::UNIX_EPOCH)
	}

	/// The three-digit sequence code (positions 15-17).
	pub fn sequence(&self) -> u16 {
		digits_value(&self.0[14..17]) as u16
	}

	/// Whether the holder is registered as male (odd sequence code).
	pub fn is_male(&self) -> bool {
		self.sequence() % 2 == 1
	}

	/// The check character (`0-9` or `X`).
	pub fn check_char(&self) -> u8 {
		self.0[17]
	}
}

impl core::fmt::Debug for ResidentIdNumber {
	/// Masks the middle of the number to avoid leaking it into logs.
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		let s = self.as_str();
		write!(
			f,
			"ResidentIdNumber({}**********{})",
			s.get(..4).unwrap_or(""),
			s.get(14..).unwrap_or("")
		)
	}
}

impl core::fmt::Display for ResidentIdNumber {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(self.as_str())
	}
}

impl core::str::FromStr for ResidentIdNumber {
	type Err = ResidentIdError;
	fn from_str(s: &str) -> Result<Self, Self::Err> {
		ResidentIdNumber::parse(s.as_bytes())
	}
}

impl TryFrom<alloc::string::String> for ResidentIdNumber {
	type Error = ResidentIdError;
	fn try_from(s: alloc::string::String) -> Result<Self, Self::Error> {
		ResidentIdNumber::parse(s.as_bytes())
	}
}

impl From<ResidentIdNumber> for alloc::string::String {
	fn from(r: ResidentIdNumber) -> Self {
		alloc::string::String::from(r.as_str())
	}
}

impl Decode for ResidentIdNumber {
	fn decode<I: Input>(input: &mut I) -> Result<Self, codec::Error> {
		let raw = <[u8; RESIDENT_ID_LEN]>::decode(input)?;
		let id = ResidentIdNumber::parse(&raw)
			.map_err(|_| codec::Error::from("invalid resident identity number"))?;
		// Only the canonical (upper-case `X`) form is a valid encoding.
		if id.0 != raw {
			return Err(codec::Error::from("non-canonical resident identity number"));
		}
		Ok(id)
	}
}

impl DecodeWithMemTracking for ResidentIdNumber {}

#[cfg(test)]
mod tests {
	use super::*;

	const VALID: [&[u8]; 2] = [b"11010519491231002X", b"440524188001010014"];

	#[test]
	fn examples_validate() {
		let a = ResidentIdNumber::parse(b"11010519491231002X").unwrap();
		assert_eq!(a.address_code(), b"110105");
		assert_eq!(a.birth_date(), Date::new(1949, 12, 31).unwrap());
		assert_eq!(a.sequence(), 2);
		assert!(!a.is_male());
		assert_eq!(a.check_char(), b'X');
		let b = ResidentIdNumber::parse(b"440524188001010014").unwrap();
		assert_eq!(b.birth_date(), Date::new(1880, 1, 1).unwrap());
		assert_eq!(b.sequence(), 1);
		assert!(b.is_male());
		assert_eq!(b.as_str(), "440524188001010014");
	}

	#[test]
	fn lowercase_x_is_normalized() {
		let a = ResidentIdNumber::parse(b"11010519491231002x").unwrap();
		assert_eq!(a.as_bytes(), b"11010519491231002X");
		// But not accepted as a SCALE encoding.
		assert!(ResidentIdNumber::decode(&mut &b"11010519491231002x"[..]).is_err());
	}

	#[test]
	fn every_single_digit_substitution_is_rejected() {
		for v in VALID {
			for i in 0..RESIDENT_ID_LEN {
				let mut alternatives: alloc::vec::Vec<u8> = (b'0'..=b'9').collect();
				if i == 17 {
					alternatives.push(b'X');
				}
				for c in alternatives {
					if c == v[i] {
						continue;
					}
					let mut t = [0u8; RESIDENT_ID_LEN];
					t.copy_from_slice(v);
					t[i] = c;
					assert!(ResidentIdNumber::parse(&t).is_err(), "{:?}", core::str::from_utf8(&t));
				}
			}
		}
	}

	#[test]
	fn adjacent_transpositions_are_rejected() {
		for v in VALID {
			for i in 0..RESIDENT_ID_LEN - 1 {
				if v[i] == v[i + 1] {
					continue;
				}
				let mut t = [0u8; RESIDENT_ID_LEN];
				t.copy_from_slice(v);
				t.swap(i, i + 1);
				assert!(ResidentIdNumber::parse(&t).is_err());
			}
		}
	}

	#[test]
	fn specific_errors() {
		assert_eq!(ResidentIdNumber::parse(b""), Err(ResidentIdError::WrongLength));
		assert_eq!(
			ResidentIdNumber::parse(b"11010519491231002"),
			Err(ResidentIdError::WrongLength)
		);
		assert_eq!(
			ResidentIdNumber::parse(b"11010519491231002XX"),
			Err(ResidentIdError::WrongLength)
		);
		assert_eq!(
			ResidentIdNumber::parse(b"1101051949123100XX"),
			Err(ResidentIdError::InvalidCharacter { position: 16 })
		);
		assert_eq!(
			ResidentIdNumber::parse(b"11010519491231002Y"),
			Err(ResidentIdError::InvalidCharacter { position: 17 })
		);
		assert_eq!(
			ResidentIdNumber::parse(b"01010519491231002X"),
			Err(ResidentIdError::InvalidAddressCode)
		);
		assert_eq!(
			ResidentIdNumber::parse(b"110105194902300020"),
			Err(ResidentIdError::InvalidBirthDate)
		);
		assert_eq!(
			ResidentIdNumber::parse(b"110105194913010020"),
			Err(ResidentIdError::InvalidBirthDate)
		);
		assert_eq!(
			ResidentIdNumber::parse(b"110105179912310020"),
			Err(ResidentIdError::InvalidBirthDate)
		);
		assert_eq!(
			ResidentIdNumber::parse(b"110105194912310021"),
			Err(ResidentIdError::CheckCharacterMismatch { expected: b'X', found: b'1' })
		);
	}

	#[test]
	fn leap_day_births() {
		let mut t = *b"11010520000229001?";
		t[17] = mod11_2_check_char(&t[..17]).unwrap();
		assert!(ResidentIdNumber::parse(&t).is_ok());
		let mut t = *b"11010519000229001?";
		t[17] = mod11_2_check_char(&t[..17]).unwrap();
		assert_eq!(ResidentIdNumber::parse(&t), Err(ResidentIdError::InvalidBirthDate));
	}

	#[test]
	fn scale_round_trip_and_debug_masking() {
		let a = ResidentIdNumber::parse(b"11010519491231002X").unwrap();
		let enc = a.encode();
		assert_eq!(ResidentIdNumber::decode(&mut &enc[..]), Ok(a));
		assert!(ResidentIdNumber::decode(&mut &b"110105194912310021"[..]).is_err());
		assert_eq!(alloc::format!("{:?}", a), "ResidentIdNumber(1101**********002X)");
		assert_eq!(alloc::format!("{}", a), "11010519491231002X");
	}
}
