//! Human readable registration numbers: `{PREFIX}{YYYY}{SERIAL}{CHECK}`.
//!
//! * `PREFIX`: 2 to 8 upper-case ASCII letters (e.g. `DOID`),
//! * `YYYY`: the four-digit year, `2000..=2999`,
//! * `SERIAL`: eight decimal digits (zero padded),
//! * `CHECK`: the ISO 7064 hybrid MOD 37,36 check character (`0-9A-Z`)
//!   computed over everything before it.
//!
//! Example: `DOID2026000012347` style strings, 15 to 21 characters long.

use crate::checksum::{mod37_36_check_char, mod37_36_value, position};
use codec::{Decode, DecodeWithMemTracking, Encode, Input, MaxEncodedLen};
use scale_info::TypeInfo;

/// Shortest prefix.
pub const MIN_PREFIX_LEN: usize = 2;
/// Longest prefix.
pub const MAX_PREFIX_LEN: usize = 8;
/// Smallest year.
pub const MIN_REGISTRATION_YEAR: u16 = 2000;
/// Largest year.
pub const MAX_REGISTRATION_YEAR: u16 = 2999;
/// Largest serial (eight digits).
pub const MAX_SERIAL: u32 = 99_999_999;
/// Shortest registration number (2 + 4 + 8 + 1 characters).
pub const MIN_REGISTRATION_NUMBER_LEN: usize = MIN_PREFIX_LEN + 13;
/// Longest registration number (8 + 4 + 8 + 1 characters).
pub const MAX_REGISTRATION_NUMBER_LEN: usize = MAX_PREFIX_LEN + 13;

/// Error of [`RegistrationNumber::parse`] and [`RegistrationNumber::format`].
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
pub enum RegistrationNumberError {
	/// Fewer than 15 characters.
	TooShort,
	/// More than 21 characters.
	TooLong,
	/// The prefix is not 2 to 8 upper-case ASCII letters.
	InvalidPrefix,
	/// The year is not four digits in `2000..=2999`.
	InvalidYear,
	/// The serial is not eight digits (or, when formatting, exceeds
	/// 99 999 999).
	InvalidSerial,
	/// The character at this 0-based position is not in `0-9A-Z`.
	InvalidCharacter {
		/// 0-based byte index of the offending character.
		position: u8,
	},
	/// The check character does not match.
	CheckCharacterMismatch {
		/// The check character computed from the rest (ASCII).
		expected: u8,
		/// The check character found (ASCII).
		found: u8,
	},
}

impl core::fmt::Display for RegistrationNumberError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::TooShort => f.write_str("registration number too short"),
			Self::TooLong => f.write_str("registration number too long"),
			Self::InvalidPrefix => f.write_str("prefix must be 2 to 8 upper-case letters"),
			Self::InvalidYear => f.write_str("year must be 2000..=2999"),
			Self::InvalidSerial => f.write_str("serial must be 8 digits"),
			Self::InvalidCharacter { position } => {
				write!(f, "invalid character at position {}", position)
			}
			Self::CheckCharacterMismatch { expected, found } => write!(
				f,
				"check character mismatch: expected '{}', found '{}'",
				char::from(*expected),
				char::from(*found)
			),
		}
	}
}

/// A validated registration number.
///
/// Stored (and SCALE-encoded) as its components: the prefix zero-padded to
/// 8 bytes, the prefix length, the year and the serial (15 bytes). Decoding
/// re-validates. Serde uses the full string including the check
/// character.
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
pub struct RegistrationNumber {
	prefix: [u8; MAX_PREFIX_LEN],
	prefix_len: u8,
	year: u16,
	serial: u32,
}

/// Writes `value` as `width` zero-padded decimal digits into `out`.
fn write_digits(out: &mut [u8], mut value: u32) {
	for c in out.iter_mut().rev() {
		*c = b'0' + (value % 10) as u8;
		value /= 10;
	}
}

/// Parses ASCII digits; `None` if any byte is not a digit.
fn parse_digits(s: &[u8]) -> Option<u32> {
	s.iter().try_fold(0u32, |acc, &c| {
		if c.is_ascii_digit() {
			acc.checked_mul(10)?.checked_add(u32::from(c - b'0'))
		} else {
			None
		}
	})
}

impl RegistrationNumber {
	/// Builds a registration number from its components.
	pub fn format(
		prefix: &[u8],
		year: u16,
		serial: u32,
	) -> Result<RegistrationNumber, RegistrationNumberError> {
		if !(MIN_PREFIX_LEN..=MAX_PREFIX_LEN).contains(&prefix.len())
			|| !prefix.iter().all(u8::is_ascii_uppercase)
		{
			return Err(RegistrationNumberError::InvalidPrefix);
		}
		if !(MIN_REGISTRATION_YEAR..=MAX_REGISTRATION_YEAR).contains(&year) {
			return Err(RegistrationNumberError::InvalidYear);
		}
		if serial > MAX_SERIAL {
			return Err(RegistrationNumberError::InvalidSerial);
		}
		let mut p = [0u8; MAX_PREFIX_LEN];
		p.get_mut(..prefix.len())
			.ok_or(RegistrationNumberError::InvalidPrefix)?
			.copy_from_slice(prefix);
		Ok(RegistrationNumber { prefix: p, prefix_len: prefix.len() as u8, year, serial })
	}

	/// Parses and validates a registration number.
	///
	/// Checks, in order: length, alphabet (`0-9A-Z`), prefix, year, serial,
	/// check character. The layout is derived from the length: the last 13
	/// characters are year, serial and check character, the rest is the
	/// prefix.
	pub fn parse(s: &[u8]) -> Result<RegistrationNumber, RegistrationNumberError> {
		if s.len() < MIN_REGISTRATION_NUMBER_LEN {
			return Err(RegistrationNumberError::TooShort);
		}
		if s.len() > MAX_REGISTRATION_NUMBER_LEN {
			return Err(RegistrationNumberError::TooLong);
		}
		if let Some(i) = s.iter().position(|&c| mod37_36_value(c).is_none()) {
			return Err(RegistrationNumberError::InvalidCharacter { position: position(i) });
		}
		let (body, found) = match s.split_last() {
			Some((&c, body)) => (body, c),
			None => return Err(RegistrationNumberError::TooShort),
		};
		let prefix_len = body.len().saturating_sub(12);
		let (prefix, rest) = body.split_at(prefix_len);
		let (year, serial) = rest.split_at(4);
		if !prefix.iter().all(u8::is_ascii_uppercase) {
			return Err(RegistrationNumberError::InvalidPrefix);
		}
		let year = parse_digits(year)
			.and_then(|y| u16::try_from(y).ok())
			.filter(|y| (MIN_REGISTRATION_YEAR..=MAX_REGISTRATION_YEAR).contains(y))
			.ok_or(RegistrationNumberError::InvalidYear)?;
		let serial = parse_digits(serial).ok_or(RegistrationNumberError::InvalidSerial)?;
		let number = Self::format(prefix, year, serial)?;
		let expected = number.check_char();
		if expected != found {
			return Err(RegistrationNumberError::CheckCharacterMismatch { expected, found });
		}
		Ok(number)
	}

	/// The prefix letters.
	pub fn prefix(&self) -> &[u8] {
		self.prefix.get(..usize::from(self.prefix_len)).unwrap_or(&[])
	}

	/// The year.
	pub fn year(&self) -> u16 {
		self.year
	}

	/// The serial.
	pub fn serial(&self) -> u32 {
		self.serial
	}

	/// Writes the number without its check character into a buffer and
	/// returns the buffer and the number of bytes used.
	fn body(&self) -> ([u8; MAX_REGISTRATION_NUMBER_LEN], usize) {
		let mut buf = [0u8; MAX_REGISTRATION_NUMBER_LEN];
		let prefix = self.prefix();
		let n = prefix.len();
		if let Some(dst) = buf.get_mut(..n) {
			dst.copy_from_slice(prefix);
		}
		if let Some(dst) = buf.get_mut(n..n + 4) {
			write_digits(dst, u32::from(self.year));
		}
		if let Some(dst) = buf.get_mut(n + 4..n + 12) {
			write_digits(dst, self.serial);
		}
		(buf, n + 12)
	}

	/// The ISO 7064 MOD 37,36 check character.
	pub fn check_char(&self) -> u8 {
		let (buf, len) = self.body();
		buf.get(..len).and_then(|b| mod37_36_check_char(b).ok()).unwrap_or(b'0')
	}

	/// The full ASCII form in a fixed buffer plus its length (15..=21).
	pub fn to_ascii(&self) -> ([u8; MAX_REGISTRATION_NUMBER_LEN], usize) {
		let check = self.check_char();
		let (mut buf, len) = self.body();
		if let Some(c) = buf.get_mut(len) {
			*c = check;
		}
		(buf, len + 1)
	}

	/// The full ASCII form as a vector.
	pub fn to_ascii_vec(&self) -> alloc::vec::Vec<u8> {
		let (buf, len) = self.to_ascii();
		buf.get(..len).unwrap_or(&[]).to_vec()
	}

	/// Whether the stored components satisfy all invariants.
	fn is_valid(&self) -> bool {
		let n = usize::from(self.prefix_len);
		(MIN_PREFIX_LEN..=MAX_PREFIX_LEN).contains(&n)
			&& self.prefix.iter().take(n).all(u8::is_ascii_uppercase)
			&& self.prefix.iter().skip(n).all(|&c| c == 0)
			&& (MIN_REGISTRATION_YEAR..=MAX_REGISTRATION_YEAR).contains(&self.year)
			&& self.serial <= MAX_SERIAL
	}
}

impl core::fmt::Display for RegistrationNumber {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		let (buf, len) = self.to_ascii();
		f.write_str(buf.get(..len).and_then(|b| core::str::from_utf8(b).ok()).unwrap_or(""))
	}
}

impl core::fmt::Debug for RegistrationNumber {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		write!(f, "RegistrationNumber({})", self)
	}
}

impl core::str::FromStr for RegistrationNumber {
	type Err = RegistrationNumberError;
	fn from_str(s: &str) -> Result<Self, Self::Err> {
		RegistrationNumber::parse(s.as_bytes())
	}
}

impl TryFrom<alloc::string::String> for RegistrationNumber {
	type Error = RegistrationNumberError;
	fn try_from(s: alloc::string::String) -> Result<Self, Self::Error> {
		RegistrationNumber::parse(s.as_bytes())
	}
}

impl From<RegistrationNumber> for alloc::string::String {
	fn from(r: RegistrationNumber) -> Self {
		alloc::format!("{}", r)
	}
}

impl Decode for RegistrationNumber {
	fn decode<I: Input>(input: &mut I) -> Result<Self, codec::Error> {
		let number = RegistrationNumber {
			prefix: <[u8; MAX_PREFIX_LEN]>::decode(input)?,
			prefix_len: u8::decode(input)?,
			year: u16::decode(input)?,
			serial: u32::decode(input)?,
		};
		if number.is_valid() {
			Ok(number)
		} else {
			Err(codec::Error::from("invalid registration number"))
		}
	}
}

impl DecodeWithMemTracking for RegistrationNumber {}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::checksum::MOD37_36_ALPHABET;
	use alloc::vec::Vec;

	struct XorShift(u64);
	impl XorShift {
		fn next(&mut self) -> u64 {
			let mut x = self.0;
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			self.0 = x;
			x
		}
		fn below(&mut self, n: u64) -> u64 {
			self.next() % n
		}
	}

	fn random_number(rng: &mut XorShift) -> RegistrationNumber {
		let len = MIN_PREFIX_LEN + rng.below((MAX_PREFIX_LEN - MIN_PREFIX_LEN + 1) as u64) as usize;
		let prefix: Vec<u8> = (0..len).map(|_| b'A' + rng.below(26) as u8).collect();
		let year = MIN_REGISTRATION_YEAR + rng.below(1000) as u16;
		let serial = rng.below(u64::from(MAX_SERIAL) + 1) as u32;
		RegistrationNumber::format(&prefix, year, serial).unwrap()
	}

	#[test]
	fn format_and_display() {
		let r = RegistrationNumber::format(b"DOID", 2026, 1234).unwrap();
		let s = alloc::format!("{}", r);
		assert_eq!(&s[..16], "DOID202600001234");
		assert_eq!(s.len(), 17);
		assert_eq!(s.as_bytes()[16], mod37_36_check_char(b"DOID202600001234").unwrap());
		assert_eq!(r.prefix(), b"DOID");
		assert_eq!(r.year(), 2026);
		assert_eq!(r.serial(), 1234);
		assert_eq!(r.to_ascii_vec(), s.as_bytes());
		assert_eq!(alloc::format!("{:?}", r), alloc::format!("RegistrationNumber({})", s));
	}

	#[test]
	fn format_errors() {
		use RegistrationNumberError::*;
		assert_eq!(RegistrationNumber::format(b"D", 2026, 1), Err(InvalidPrefix));
		assert_eq!(RegistrationNumber::format(b"ABCDEFGHI", 2026, 1), Err(InvalidPrefix));
		assert_eq!(RegistrationNumber::format(b"Doid", 2026, 1), Err(InvalidPrefix));
		assert_eq!(RegistrationNumber::format(b"DO1D", 2026, 1), Err(InvalidPrefix));
		assert_eq!(RegistrationNumber::format(b"DOID", 1999, 1), Err(InvalidYear));
		assert_eq!(RegistrationNumber::format(b"DOID", 3000, 1), Err(InvalidYear));
		assert_eq!(RegistrationNumber::format(b"DOID", 2026, 100_000_000), Err(InvalidSerial));
		assert!(RegistrationNumber::format(b"AB", 2000, 0).is_ok());
		assert!(RegistrationNumber::format(b"ABCDEFGH", 2999, MAX_SERIAL).is_ok());
	}

	#[test]
	fn round_trips() {
		let mut rng = XorShift(0x0123_4567_89ab_cdef);
		for _ in 0..2000 {
			let r = random_number(&mut rng);
			let ascii = r.to_ascii_vec();
			assert!(
				(MIN_REGISTRATION_NUMBER_LEN..=MAX_REGISTRATION_NUMBER_LEN).contains(&ascii.len())
			);
			assert_eq!(RegistrationNumber::parse(&ascii), Ok(r));
			let enc = r.encode();
			assert_eq!(enc.len(), RegistrationNumber::max_encoded_len());
			assert_eq!(RegistrationNumber::decode(&mut &enc[..]), Ok(r));
			let s: alloc::string::String = r.into();
			assert_eq!(s.parse::<RegistrationNumber>(), Ok(r));
		}
	}

	#[test]
	fn parse_errors() {
		use RegistrationNumberError::*;
		let good = RegistrationNumber::format(b"DOID", 2026, 1234).unwrap().to_ascii_vec();
		let check = *good.last().unwrap();
		assert_eq!(RegistrationNumber::parse(b""), Err(TooShort));
		assert_eq!(RegistrationNumber::parse(b"D20260000123"), Err(TooShort));
		assert_eq!(RegistrationNumber::parse(b"ABCDEFGHI2026000012345"), Err(TooLong));
		assert_eq!(
			RegistrationNumber::parse(b"doid202600001234X"),
			Err(InvalidCharacter { position: 0 })
		);
		assert_eq!(
			RegistrationNumber::parse(b"DOID-2026-00001234"),
			Err(InvalidCharacter { position: 4 })
		);
		// Prefix of length 1 followed by a letter in the year field.
		assert_eq!(RegistrationNumber::parse(b"D2026000012345X"), Err(InvalidPrefix));
		assert_eq!(RegistrationNumber::parse(b"DOIDX026000012345"), Err(InvalidYear));
		assert_eq!(RegistrationNumber::parse(b"DOID199900001234X"), Err(InvalidYear));
		assert_eq!(RegistrationNumber::parse(b"DOID30000000123AX"), Err(InvalidYear));
		assert_eq!(RegistrationNumber::parse(b"DOID20260000123AX"), Err(InvalidSerial));
		let mut bad = good.clone();
		let wrong = if check == b'0' { b'1' } else { b'0' };
		*bad.last_mut().unwrap() = wrong;
		assert_eq!(
			RegistrationNumber::parse(&bad),
			Err(CheckCharacterMismatch { expected: check, found: wrong })
		);
	}

	#[test]
	fn ten_thousand_random_single_character_corruptions_are_detected() {
		let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
		let mut count = 0;
		while count < 10_000 {
			let r = random_number(&mut rng);
			let mut s = r.to_ascii_vec();
			let i = rng.below(s.len() as u64) as usize;
			// Any byte: mostly the 0-9A-Z alphabet, sometimes anything.
			let c = if rng.below(4) == 0 {
				rng.below(256) as u8
			} else {
				MOD37_36_ALPHABET[rng.below(36) as usize]
			};
			if c == s[i] {
				continue;
			}
			s[i] = c;
			assert!(RegistrationNumber::parse(&s).is_err(), "{:?}", s);
			count += 1;
		}
	}

	#[test]
	fn all_single_substitutions_detected() {
		for (prefix, year, serial) in
			[(&b"DOID"[..], 2026u16, 1234u32), (b"AB", 2000, 0), (b"ABCDEFGH", 2999, MAX_SERIAL)]
		{
			let s = RegistrationNumber::format(prefix, year, serial).unwrap().to_ascii_vec();
			for i in 0..s.len() {
				for &c in MOD37_36_ALPHABET.iter() {
					if c == s[i] {
						continue;
					}
					let mut t = s.clone();
					t[i] = c;
					assert!(RegistrationNumber::parse(&t).is_err());
				}
			}
		}
	}

	#[test]
	fn adjacent_transpositions() {
		// Hybrid MOD 37,36 misses exactly one class of adjacent transposition:
		// two characters whose values differ by one, at one specific carried
		// value (see `checksum::tests::mod37_36_adjacent_transpositions`).
		// Count what slips through over many random numbers; every miss must
		// be such a pair.
		let mut rng = XorShift(0x6a09_e667_f3bc_c908);
		let mut total = 0u32;
		let mut missed = 0u32;
		for _ in 0..3000 {
			let s = random_number(&mut rng).to_ascii_vec();
			for i in 0..s.len() - 1 {
				if s[i] == s[i + 1] {
					continue;
				}
				let mut t = s.clone();
				t.swap(i, i + 1);
				total += 1;
				if RegistrationNumber::parse(&t).is_ok() {
					missed += 1;
					let a = mod37_36_value(s[i]).unwrap();
					let b = mod37_36_value(s[i + 1]).unwrap();
					assert!((a + 1) % 36 == b || (b + 1) % 36 == a);
				}
			}
		}
		assert!(total > 30_000);
		// Expected miss rate is about 1/36 of the neighbouring-value swaps,
		// i.e. far below 1 %.
		assert!(missed * 100 < total, "missed {} of {}", missed, total);
	}

	#[test]
	fn decode_rejects_invalid_components() {
		let r = RegistrationNumber::format(b"DOID", 2026, 1234).unwrap();
		let good = r.encode();
		let mut bad_len = good.clone();
		bad_len[8] = 9;
		assert!(RegistrationNumber::decode(&mut &bad_len[..]).is_err());
		let mut bad_pad = good.clone();
		bad_pad[6] = b'A';
		assert!(RegistrationNumber::decode(&mut &bad_pad[..]).is_err());
		let bad_year = RegistrationNumber { year: 1999, ..r }.encode();
		assert!(RegistrationNumber::decode(&mut &bad_year[..]).is_err());
		let bad_serial = RegistrationNumber { serial: MAX_SERIAL + 1, ..r }.encode();
		assert!(RegistrationNumber::decode(&mut &bad_serial[..]).is_err());
		assert!(RegistrationNumber::decode(&mut &good[..5]).is_err());
		assert_eq!(RegistrationNumber::max_encoded_len(), 15);
	}
}
