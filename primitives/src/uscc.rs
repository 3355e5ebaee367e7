//! Unified social credit code (统一社会信用代码, GB 32100-2015).
//!
//! Layout of the 18 characters (1-based positions as in the standard):
//!
//! | positions | meaning |
//! |-----------|---------|
//! | 1 | registration management authority code (登记管理部门码) |
//! | 2 | organization category code (机构类别码) |
//! | 3-8 | administrative division code (登记管理机关行政区划码, GB/T 2260) |
//! | 9-17 | organization code (主体标识码, GB 11714) |
//! | 18 | check character (MOD 31) |
//!
//! All characters come from `0123456789ABCDEFGHJKLMNPQRTUWXY` (no `I`, `O`,
//! `Z`, `S`, `V`), upper case only.

use crate::checksum::{position, uscc_mod31_check_char, uscc_value};
use codec::{Decode, DecodeWithMemTracking, Encode, Input, MaxEncodedLen};
use scale_info::TypeInfo;

/// Length of a unified social credit code.
pub const USCC_LEN: usize = 18;

/// Registration management authority codes allowed by GB 32100-2015 table 1:
/// `1` 机构编制, `2` 外交, `3` 司法行政, `4` 文化, `5` 民政, `6` 旅游,
/// `7` 宗教, `8` 工会, `9` 工商 (市场监管), `A` 中央军委改革和编制办公室,
/// `N` 农业, `Y` 其他.
pub const USCC_REGISTRATION_AUTHORITIES: &[u8; 12] = b"123456789ANY";

/// Error of [`Uscc::parse`].
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
pub enum UsccError {
	/// The code is not exactly 18 characters long.
	WrongLength,
	/// The character at this 0-based position is not in the 31-character
	/// alphabet (lower case, `I`, `O`, `Z`, `S`, `V`, non-alphanumerics).
	InvalidCharacter {
		/// 0-based byte index of the offending character.
		position: u8,
	},
	/// The first character is not a registration management authority code of
	/// GB 32100-2015 (`1-9`, `A`, `N`, `Y`).
	InvalidRegistrationAuthority,
	/// Positions 3-8 (administrative division code) are not six ASCII digits.
	InvalidDivisionCode,
	/// The check character does not match the first 17 characters.
	CheckCharacterMismatch {
		/// The check character computed from the first 17 characters (ASCII).
		expected: u8,
		/// The check character found in the code (ASCII).
		found: u8,
	},
}

impl core::fmt::Display for UsccError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::WrongLength => f.write_str("unified social credit code must have 18 characters"),
			Self::InvalidCharacter { position } => {
				write!(f, "invalid character at position {}", position)
			}
			Self::InvalidRegistrationAuthority => {
				f.write_str("invalid registration management authority code")
			}
			Self::InvalidDivisionCode => f.write_str("invalid administrative division code"),
			Self::CheckCharacterMismatch { expected, found } => write!(
				f,
				"check character mismatch: expected '{}', found '{}'",
				char::from(*expected),
				char::from(*found)
			),
		}
	}
}

/// A validated unified social credit code (ASCII, upper case).
///
/// SCALE-encoded as its 18 ASCII bytes; decoding re-validates. Serde (with
/// `std`) uses the plain string.
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
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(try_from = "alloc::string::String", into = "alloc::string::String")]
pub struct Uscc([u8; USCC_LEN]);

impl Uscc {
	/// Parses and validates a unified social credit code.
	///
	/// Checks, in order: length, alphabet, registration authority code,
	/// division code digits, check character.
	pub fn parse(s: &[u8]) -> Result<Uscc, UsccError> {
		let code: [u8; USCC_LEN] = s.try_into().map_err(|_| UsccError::WrongLength)?;
		if let Some(i) = code.iter().position(|&c| uscc_value(c).is_none()) {
			return Err(UsccError::InvalidCharacter { position: position(i) });
		}
		if !USCC_REGISTRATION_AUTHORITIES.contains(&code[0]) {
			return Err(UsccError::InvalidRegistrationAuthority);
		}
		if !code[2..8].iter().all(u8::is_ascii_digit) {
			return Err(UsccError::InvalidDivisionCode);
		}
		let expected = uscc_mod31_check_char(&code[..17])
			.map_err(|_| UsccError::InvalidCharacter { position: 0 })?;
		let found = code[17];
		if expected != found {
			return Err(UsccError::CheckCharacterMismatch { expected, found });
		}
		Ok(Uscc(code))
	}

	/// A valid code unique per `index` below 10⁹ (`91110000`, nine digits of `index`, check
	/// character), for tests, benchmarks and sample data; higher indices wrap.
	pub fn synthetic(index: u32) -> Uscc {
		let mut code = *b"911100000000000000";
		let mut rest = index;
		for slot in code[8..17].iter_mut().rev() {
			*slot = b'0' + (rest % 10) as u8;
			rest /= 10;
		}
		// Digits always have a check character; the fallback is never taken.
		code[17] = uscc_mod31_check_char(&code[..17]).unwrap_or(b'0');
		Uscc(code)
	}

	/// The code as a string slice.
	pub fn as_str(&self) -> &str {
		core::str::from_utf8(&self.0).unwrap_or("")
	}

	/// The code as 18 ASCII bytes.
	pub fn as_bytes(&self) -> &[u8; USCC_LEN] {
		&self.0
	}

	/// Registration management authority code (position 1).
	pub fn registration_authority(&self) -> u8 {
		self.0[0]
	}

	/// Organization category code (position 2).
	pub fn organization_category(&self) -> u8 {
		self.0[1]
	}

	/// Administrative division code (positions 3-8, six digits).
	pub fn division_code(&self) -> &[u8] {
		&self.0[2..8]
	}

	/// Organization code (positions 9-17).
	pub fn organization_code(&self) -> &[u8] {
		&self.0[8..17]
	}

	/// Check character (position 18).
	pub fn check_char(&self) -> u8 {
		self.0[17]
	}
}

impl core::fmt::Debug for Uscc {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		write!(f, "Uscc({})", self.as_str())
	}
}

impl core::fmt::Display for Uscc {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(self.as_str())
	}
}

impl core::str::FromStr for Uscc {
	type Err = UsccError;
	fn from_str(s: &str) -> Result<Self, Self::Err> {
		Uscc::parse(s.as_bytes())
	}
}

impl TryFrom<alloc::string::String> for Uscc {
	type Error = UsccError;
	fn try_from(s: alloc::string::String) -> Result<Self, Self::Error> {
		Uscc::parse(s.as_bytes())
	}
}

impl From<Uscc> for alloc::string::String {
	fn from(u: Uscc) -> Self {
		alloc::string::String::from(u.as_str())
	}
}

impl Decode for Uscc {
	fn decode<I: Input>(input: &mut I) -> Result<Self, codec::Error> {
		let raw = <[u8; USCC_LEN]>::decode(input)?;
		Uscc::parse(&raw).map_err(|_| codec::Error::from("invalid unified social credit code"))
	}
}

impl DecodeWithMemTracking for Uscc {}

#[cfg(test)]
mod synthetic_tests {
	use super::*;

	#[test]
	fn synthetic_codes_are_valid_and_distinct() {
		for index in [0, 1, 7, 500, 9_101, 999_999_999] {
			let code = Uscc::synthetic(index);
			assert_eq!(Uscc::parse(code.as_bytes()), Ok(code));
		}
		assert_ne!(Uscc::synthetic(1), Uscc::synthetic(2));
		assert_eq!(&Uscc::synthetic(42).as_bytes()[8..17], b"000000042");
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::checksum::USCC_ALPHABET;

	const VALID: [&[u8]; 3] = [
		b"91350100M000100Y43", // published example
		b"914403001922038216", // Huawei Technologies Co., Ltd.
		b"91440300708461136T", // Shenzhen Tencent Computer Systems Co., Ltd.
	];

	#[test]
	fn published_codes_validate() {
		for v in VALID {
			let u = Uscc::parse(v).unwrap();
			assert_eq!(u.as_str().as_bytes(), v);
		}
		let t = Uscc::parse(b"91440300708461136T").unwrap();
		assert_eq!(t.registration_authority(), b'9');
		assert_eq!(t.organization_category(), b'1');
		assert_eq!(t.division_code(), b"440300");
		assert_eq!(t.organization_code(), b"708461136");
		assert_eq!(t.check_char(), b'T');
	}

	#[test]
	fn every_single_substitution_is_rejected() {
		for v in VALID {
			for i in 0..USCC_LEN {
				for &c in USCC_ALPHABET.iter() {
					if c == v[i] {
						continue;
					}
					let mut t = [0u8; USCC_LEN];
					t.copy_from_slice(v);
					t[i] = c;
					assert!(Uscc::parse(&t).is_err(), "{:?}", core::str::from_utf8(&t));
				}
			}
		}
	}

	#[test]
	fn every_single_substitution_of_check_relevant_part_is_checksum_error() {
		// Substitutions in the organization code (positions 9-17) cannot be
		// caught by format rules: they must be caught by the check character.
		for v in VALID {
			for i in 8..17 {
				for &c in USCC_ALPHABET.iter() {
					if c == v[i] {
						continue;
					}
					let mut t = [0u8; USCC_LEN];
					t.copy_from_slice(v);
					t[i] = c;
					assert!(matches!(
						Uscc::parse(&t),
						Err(UsccError::CheckCharacterMismatch { .. })
					));
				}
			}
		}
	}

	#[test]
	fn adjacent_transpositions_are_rejected() {
		// Consecutive weights 3^i mod 31 all differ (and differ from the check
		// character's weight 1), and 31 is prime, so MOD 31 detects every
		// transposition of two different adjacent characters.
		for v in VALID {
			for i in 0..USCC_LEN - 1 {
				if v[i] == v[i + 1] {
					continue;
				}
				let mut t = [0u8; USCC_LEN];
				t.copy_from_slice(v);
				t.swap(i, i + 1);
				assert!(Uscc::parse(&t).is_err(), "{:?}", core::str::from_utf8(&t));
			}
		}
		// Also on pseudo-random valid codes.
		let mut x: u64 = 0xdead_beef_cafe_f00d;
		let mut next = || {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			x
		};
		for _ in 0..500 {
			let mut t = [b'0'; USCC_LEN];
			t[0] = b'9';
			t[1] = b'1';
			for c in t[2..8].iter_mut() {
				*c = b'0' + (next() % 10) as u8;
			}
			for c in t[8..17].iter_mut() {
				*c = USCC_ALPHABET[(next() % 31) as usize];
			}
			t[17] = uscc_mod31_check_char(&t[..17]).unwrap();
			assert!(Uscc::parse(&t).is_ok());
			for i in 0..USCC_LEN - 1 {
				if t[i] != t[i + 1] {
					let mut s = t;
					s.swap(i, i + 1);
					assert!(Uscc::parse(&s).is_err());
				}
			}
		}
	}

	#[test]
	fn specific_errors() {
		assert_eq!(Uscc::parse(b""), Err(UsccError::WrongLength));
		assert_eq!(Uscc::parse(b"91440300708461136"), Err(UsccError::WrongLength));
		assert_eq!(Uscc::parse(b"91440300708461136TT"), Err(UsccError::WrongLength));
		assert_eq!(
			Uscc::parse(b"91440300708461136t"),
			Err(UsccError::InvalidCharacter { position: 17 })
		);
		assert_eq!(
			Uscc::parse(b"91350100m000100Y43"),
			Err(UsccError::InvalidCharacter { position: 8 })
		);
		for (i, bad) in [b'I', b'O', b'Z', b'S', b'V'].into_iter().enumerate() {
			let mut t = *b"91440300708461136T";
			t[9 + i] = bad;
			assert_eq!(Uscc::parse(&t), Err(UsccError::InvalidCharacter { position: 9 + i as u8 }));
		}
		assert_eq!(
			Uscc::parse(b"91440300 08461136T"),
			Err(UsccError::InvalidCharacter { position: 8 })
		);
		assert_eq!(Uscc::parse("914403007084611é6T".as_bytes()), Err(UsccError::WrongLength));
		assert_eq!(
			Uscc::parse(b"B1440300708461136T"),
			Err(UsccError::InvalidRegistrationAuthority)
		);
		assert_eq!(
			Uscc::parse(b"0144030070846113HT"),
			Err(UsccError::InvalidRegistrationAuthority)
		);
		assert_eq!(Uscc::parse(b"9144A300708461136T"), Err(UsccError::InvalidDivisionCode));
		assert_eq!(
			Uscc::parse(b"91440300708461136U"),
			Err(UsccError::CheckCharacterMismatch { expected: b'T', found: b'U' })
		);
	}

	#[test]
	fn all_authorities_accepted() {
		for &a in USCC_REGISTRATION_AUTHORITIES.iter() {
			let mut t = *b"91440300708461136T";
			t[0] = a;
			t[17] = uscc_mod31_check_char(&t[..17]).unwrap();
			assert!(Uscc::parse(&t).is_ok());
		}
	}

	#[test]
	fn scale_codec_round_trip_and_validation() {
		let u = Uscc::parse(b"914403001922038216").unwrap();
		let enc = u.encode();
		assert_eq!(enc, b"914403001922038216".to_vec());
		assert_eq!(Uscc::decode(&mut &enc[..]), Ok(u));
		assert!(Uscc::decode(&mut &b"914403001922038217"[..]).is_err());
		assert!(Uscc::decode(&mut &b"9144"[..]).is_err());
		assert_eq!(Uscc::max_encoded_len(), 18);
	}

	#[test]
	fn string_conversions() {
		let u: Uscc = "91350100M000100Y43".parse().unwrap();
		assert_eq!(alloc::format!("{}", u), "91350100M000100Y43");
		assert_eq!(alloc::format!("{:?}", u), "Uscc(91350100M000100Y43)");
		assert_eq!(alloc::string::String::from(u), "91350100M000100Y43");
		assert!(Uscc::try_from(alloc::string::String::from("x")).is_err());
	}
}
