//! Check character systems.
//!
//! * ISO 7064 hybrid system MOD 37,36 over the alphabet `0-9A-Z`, used for the
//!   chain's registration numbers.
//! * ISO 7064 pure system MOD 11-2 over the digits, used by the resident
//!   identity number (GB 11643-1999), whose check character is `0-9` or `X`.
//! * The MOD 31 weighted check of the unified social credit code
//!   (GB 32100-2015) over the 31-character alphabet
//!   `0123456789ABCDEFGHJKLMNPQRTUWXY`.
//!
//! All functions work on ASCII byte slices and never panic. Character
//! positions reported in errors are 0-based byte indices, saturated at 255.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Alphabet of the ISO 7064 MOD 37,36 system: digits then upper-case letters.
pub const MOD37_36_ALPHABET: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// Alphabet of the unified social credit code (GB 32100-2015): digits and the
/// upper-case letters without `I`, `O`, `Z`, `S` and `V`.
pub const USCC_ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weights of positions 1..=17 of the unified social credit code
/// (`3^(i-1) mod 31`).
pub const USCC_WEIGHTS: [u32; 17] =
	[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// Weights of positions 1..=17 of the resident identity number
/// (`2^(18-i) mod 11`).
pub const MOD11_2_ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/// Error of a check character computation or verification.
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
pub enum ChecksumError {
	/// The input is empty (or, for verification, has no character before the
	/// check character).
	Empty,
	/// The input does not have the length the check system requires.
	WrongLength,
	/// The byte at this 0-based position is not in the system's alphabet.
	InvalidCharacter {
		/// 0-based byte index of the offending character (saturated at 255).
		position: u8,
	},
	/// The check character does not match the data.
	CheckCharacterMismatch {
		/// The check character computed from the data (ASCII).
		expected: u8,
		/// The check character found in the input (ASCII).
		found: u8,
	},
}

impl core::fmt::Display for ChecksumError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::Empty => f.write_str("empty input"),
			Self::WrongLength => f.write_str("wrong length"),
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

/// Saturating conversion of a byte index into an error position.
pub(crate) fn position(index: usize) -> u8 {
	u8::try_from(index).unwrap_or(u8::MAX)
}

/// Splits `s` into data and trailing check character.
fn split_check(s: &[u8]) -> Result<(&[u8], u8), ChecksumError> {
	match s.split_last() {
		Some((&check, data)) if !data.is_empty() => Ok((data, check)),
		_ => Err(ChecksumError::Empty),
	}
}

/// Value of a character in the `0-9A-Z` alphabet (upper case only).
pub(crate) fn mod37_36_value(c: u8) -> Option<u32> {
	match c {
		b'0'..=b'9' => Some(u32::from(c - b'0')),
		b'A'..=b'Z' => Some(u32::from(c - b'A') + 10),
		_ => None,
	}
}

/// Value of a character in the USCC alphabet.
pub(crate) fn uscc_value(c: u8) -> Option<u32> {
	USCC_ALPHABET.iter().position(|&a| a == c).and_then(|p| u32::try_from(p).ok())
}

/// One step of the hybrid MOD 37,36 system: from the carried value `p`
/// (1..=36) and the character value `v` (0..=35) to the next carried value.
fn mod37_36_step(p: u32, v: u32) -> u32 {
	let mut s = (p + v) % 36;
	if s == 0 {
		s = 36;
	}
	(s * 2) % 37
}

/// Carried value after processing all of `data`.
fn mod37_36_state(data: &[u8]) -> Result<u32, ChecksumError> {
	let mut p = 36;
	for (i, &c) in data.iter().enumerate() {
		let v =
			mod37_36_value(c).ok_or(ChecksumError::InvalidCharacter { position: position(i) })?;
		p = mod37_36_step(p, v);
	}
	Ok(p)
}

/// Maps a value 0..=35 to its ASCII character in `0-9A-Z`.
fn mod37_36_char(v: u32) -> u8 {
	MOD37_36_ALPHABET.get(v as usize).copied().unwrap_or(b'0')
}

/// Computes the ISO 7064 hybrid MOD 37,36 check character (in `0-9A-Z`) of
/// `data`, which must be non-empty and consist of `0-9A-Z` only.
pub fn mod37_36_check_char(data: &[u8]) -> Result<u8, ChecksumError> {
	if data.is_empty() {
		return Err(ChecksumError::Empty);
	}
	let p = mod37_36_state(data)?;
	Ok(mod37_36_char((37 - p) % 36))
}

/// Verifies a string whose last character is its ISO 7064 hybrid MOD 37,36
/// check character.
pub fn mod37_36_verify(s: &[u8]) -> Result<(), ChecksumError> {
	let (data, found) = split_check(s)?;
	let expected = mod37_36_check_char(data)?;
	if mod37_36_value(found).is_none() {
		return Err(ChecksumError::InvalidCharacter { position: position(data.len()) });
	}
	if expected != found {
		return Err(ChecksumError::CheckCharacterMismatch { expected, found });
	}
	Ok(())
}

/// Computes the ISO 7064 pure MOD 11-2 check character (`0-9` or `X`) of a
/// non-empty string of ASCII digits.
///
/// For the 17 digits of a resident identity number this is the weighted sum
/// with [`MOD11_2_ID_WEIGHTS`] and check value `(12 - sum mod 11) mod 11`.
pub fn mod11_2_check_char(data: &[u8]) -> Result<u8, ChecksumError> {
	if data.is_empty() {
		return Err(ChecksumError::Empty);
	}
	let mut p: u32 = 0;
	for (i, &c) in data.iter().enumerate() {
		if !c.is_ascii_digit() {
			return Err(ChecksumError::InvalidCharacter { position: position(i) });
		}
		p = ((p + u32::from(c - b'0')) * 2) % 11;
	}
	let check = (12 - p) % 11;
	Ok(if check == 10 { b'X' } else { b'0' + check as u8 })
}

/// Verifies a string of digits whose last character is its ISO 7064
/// MOD 11-2 check character (`0-9` or upper-case `X`).
pub fn mod11_2_verify(s: &[u8]) -> Result<(), ChecksumError> {
	let (data, found) = split_check(s)?;
	let expected = mod11_2_check_char(data)?;
	if !(found.is_ascii_digit() || found == b'X') {
		return Err(ChecksumError::InvalidCharacter { position: position(data.len()) });
	}
	if expected != found {
		return Err(ChecksumError::CheckCharacterMismatch { expected, found });
	}
	Ok(())
}

/// Generic weighted check: returns `sum(value(c_i) * w_i) mod modulus`.
fn weighted_sum(
	data: &[u8],
	weights: &[u32],
	modulus: u32,
	value: fn(u8) -> Option<u32>,
) -> Result<u32, ChecksumError> {
	if data.len() != weights.len() {
		return Err(ChecksumError::WrongLength);
	}
	let mut sum: u32 = 0;
	for (i, (&c, &w)) in data.iter().zip(weights.iter()).enumerate() {
		let v = value(c).ok_or(ChecksumError::InvalidCharacter { position: position(i) })?;
		sum = (sum + v * w) % modulus;
	}
	Ok(sum)
}

/// Computes the GB 32100-2015 check character of the first 17 characters of
/// a unified social credit code: `31 - (sum mod 31)`, where 31 maps to `0`.
pub fn uscc_mod31_check_char(data: &[u8]) -> Result<u8, ChecksumError> {
	let sum = weighted_sum(data, &USCC_WEIGHTS, 31, uscc_value)?;
	let check = (31 - sum) % 31;
	Ok(USCC_ALPHABET.get(check as usize).copied().unwrap_or(b'0'))
}

/// Verifies the check character (18th character) of a unified social credit
/// code.
pub fn uscc_mod31_verify(s: &[u8]) -> Result<(), ChecksumError> {
	if s.len() != 18 {
		return Err(ChecksumError::WrongLength);
	}
	let (data, found) = split_check(s)?;
	let expected = uscc_mod31_check_char(data)?;
	if uscc_value(found).is_none() {
		return Err(ChecksumError::InvalidCharacter { position: 17 });
	}
	if expected != found {
		return Err(ChecksumError::CheckCharacterMismatch { expected, found });
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;
	use alloc::vec::Vec;

	#[test]
	fn uscc_weights_are_powers_of_three() {
		let mut w = 1u32;
		for &x in USCC_WEIGHTS.iter() {
			assert_eq!(x, w);
			w = w * 3 % 31;
		}
	}

	#[test]
	fn id_weights_are_powers_of_two() {
		for (i, &w) in MOD11_2_ID_WEIGHTS.iter().enumerate() {
			assert_eq!(w, (1u32 << (17 - i)) % 11);
		}
	}

	#[test]
	fn mod11_2_matches_weighted_formula() {
		// Pseudo-random 17-digit strings: iterative and weighted forms agree.
		let mut x: u64 = 0x1234_5678_9abc_def1;
		for _ in 0..2000 {
			let mut d = [0u8; 17];
			for c in d.iter_mut() {
				x ^= x << 13;
				x ^= x >> 7;
				x ^= x << 17;
				*c = b'0' + (x % 10) as u8;
			}
			let sum: u32 = d
				.iter()
				.zip(MOD11_2_ID_WEIGHTS.iter())
				.map(|(&c, &w)| u32::from(c - b'0') * w)
				.sum();
			let check = (12 - sum % 11) % 11;
			let expected = if check == 10 { b'X' } else { b'0' + check as u8 };
			assert_eq!(mod11_2_check_char(&d), Ok(expected));
		}
	}

	#[test]
	fn mod11_2_known_values() {
		assert_eq!(mod11_2_check_char(b"11010519491231002"), Ok(b'X'));
		assert_eq!(mod11_2_check_char(b"44052418800101001"), Ok(b'4'));
		assert_eq!(mod11_2_verify(b"11010519491231002X"), Ok(()));
		assert_eq!(
			mod11_2_verify(b"110105194912310021"),
			Err(ChecksumError::CheckCharacterMismatch { expected: b'X', found: b'1' })
		);
		assert_eq!(
			mod11_2_verify(b"11010519491231002x"),
			Err(ChecksumError::InvalidCharacter { position: 17 })
		);
		assert_eq!(
			mod11_2_check_char(b"1101A"),
			Err(ChecksumError::InvalidCharacter { position: 4 })
		);
		assert_eq!(mod11_2_check_char(b""), Err(ChecksumError::Empty));
		assert_eq!(mod11_2_verify(b"X"), Err(ChecksumError::Empty));
	}

	#[test]
	fn iso7064_mod37_36_reference_values() {
		// Worked example value of ISO 7064 hybrid MOD 37,36 as used by GRid /
		// ISAN style identifiers: "A12425GABC1234002" -> "M".
		assert_eq!(mod37_36_check_char(b"A12425GABC1234002"), Ok(b'M'));
		assert_eq!(mod37_36_verify(b"A12425GABC1234002M"), Ok(()));
	}

	#[test]
	fn mod37_36_rejects_lowercase_and_symbols() {
		assert_eq!(
			mod37_36_check_char(b"AB-1"),
			Err(ChecksumError::InvalidCharacter { position: 2 })
		);
		assert_eq!(
			mod37_36_check_char(b"abc"),
			Err(ChecksumError::InvalidCharacter { position: 0 })
		);
		assert_eq!(mod37_36_check_char(b""), Err(ChecksumError::Empty));
		assert_eq!(mod37_36_verify(b"A"), Err(ChecksumError::Empty));
		assert_eq!(mod37_36_verify(b"AB*"), Err(ChecksumError::InvalidCharacter { position: 2 }));
	}

	#[test]
	fn mod37_36_verify_accepts_own_check() {
		let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
		for len in 1..40usize {
			let mut s: Vec<u8> = Vec::new();
			for _ in 0..len {
				x ^= x << 13;
				x ^= x >> 7;
				x ^= x << 17;
				s.push(MOD37_36_ALPHABET[(x % 36) as usize]);
			}
			let c = mod37_36_check_char(&s).unwrap();
			s.push(c);
			assert_eq!(mod37_36_verify(&s), Ok(()));
		}
	}

	#[test]
	fn mod37_36_detects_every_single_substitution() {
		// The step function is injective in the character for every carried
		// value and a bijection of the carried value, so every single
		// substitution at every position changes the final state.
		for p in 1..=36u32 {
			let mut seen = [false; 37];
			for v in 0..36u32 {
				let n = mod37_36_step(p, v) as usize;
				assert!(!seen[n]);
				seen[n] = true;
			}
		}
		for v in 0..36u32 {
			let mut seen = [false; 37];
			for p in 1..=36u32 {
				let n = mod37_36_step(p, v) as usize;
				assert!(n != 0 && !seen[n]);
				seen[n] = true;
			}
		}
		// And concretely on strings:
		let base = b"DOID202600001234";
		let mut s = base.to_vec();
		s.push(mod37_36_check_char(base).unwrap());
		for i in 0..s.len() {
			for &c in MOD37_36_ALPHABET.iter() {
				if c == s[i] {
					continue;
				}
				let mut t = s.clone();
				t[i] = c;
				assert!(mod37_36_verify(&t).is_err());
			}
		}
	}

	#[test]
	fn mod37_36_adjacent_transpositions() {
		// ISO 7064 hybrid systems do NOT detect all adjacent transpositions:
		// for every carried value `p` there is exactly one unordered pair of
		// characters whose values differ by 1 (mod 36) whose transposition is
		// undetected. Every other transposition (36 * 35 * 36 - 72 of the
		// ordered cases) is detected.
		let mut undetected = 0;
		for p in 1..=36u32 {
			for a in 0..36u32 {
				for b in 0..36u32 {
					if a == b {
						continue;
					}
					let ab = mod37_36_step(mod37_36_step(p, a), b);
					let ba = mod37_36_step(mod37_36_step(p, b), a);
					if ab == ba {
						undetected += 1;
						assert!((a + 1) % 36 == b || (b + 1) % 36 == a);
					}
				}
			}
		}
		assert_eq!(undetected, 72);
	}

	#[test]
	fn uscc_check_known_values() {
		assert_eq!(uscc_mod31_check_char(b"91350100M000100Y4"), Ok(b'3'));
		assert_eq!(uscc_mod31_check_char(b"91440300192203821"), Ok(b'6'));
		assert_eq!(uscc_mod31_check_char(b"91440300708461136"), Ok(b'T'));
		assert_eq!(uscc_mod31_verify(b"91440300708461136T"), Ok(()));
		assert_eq!(uscc_mod31_verify(b"91440300708461136"), Err(ChecksumError::WrongLength));
		assert_eq!(
			uscc_mod31_verify(b"91440300708461136I"),
			Err(ChecksumError::InvalidCharacter { position: 17 })
		);
		assert_eq!(
			uscc_mod31_verify(b"91440300708461136U"),
			Err(ChecksumError::CheckCharacterMismatch { expected: b'T', found: b'U' })
		);
		assert_eq!(
			uscc_mod31_check_char(b"9144030070846113O"),
			Err(ChecksumError::InvalidCharacter { position: 16 })
		);
	}

	#[test]
	fn uscc_check_zero_when_sum_is_multiple_of_31() {
		// All zeros: sum 0 -> 31 - 0 = 31 -> '0'.
		assert_eq!(uscc_mod31_check_char(b"00000000000000000"), Ok(b'0'));
	}

	#[test]
	fn position_saturates() {
		assert_eq!(position(3), 3);
		assert_eq!(position(1000), 255);
		let mut long = alloc::vec![b'A'; 300];
		long[299] = b'a';
		assert_eq!(
			mod37_36_check_char(&long),
			Err(ChecksumError::InvalidCharacter { position: 255 })
		);
	}
}
