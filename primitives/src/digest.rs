//! Content digests tagged with their algorithm.
//!
//! No hash function is implemented here: callers compute the 32-byte value
//! with the algorithm of their choice and store it together with the
//! algorithm tag. The text form is `algorithm:hex`, e.g.
//! `blake3:af1349b9…` (64 lower-case hex digits).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Length of a digest value in bytes.
pub const DIGEST_LEN: usize = 32;

/// A 256-bit digest algorithm.
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
	PartialOrd,
	Ord,
	Hash,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum DigestAlgorithm {
	/// BLAKE2b with 256-bit output (Substrate's default hash), text name
	/// `blake2b256`.
	Blake2b256,
	/// SHA-256 (FIPS 180-4), text name `sha256`.
	Sha256,
	/// BLAKE3 with 256-bit output, text name `blake3`.
	Blake3,
	/// SM3 (GB/T 32905-2016), text name `sm3`.
	Sm3,
}

impl DigestAlgorithm {
	/// All algorithms.
	pub const ALL: [DigestAlgorithm; 4] = [Self::Blake2b256, Self::Sha256, Self::Blake3, Self::Sm3];

	/// The lower-case text name used in `algorithm:hex`.
	pub const fn name(self) -> &'static str {
		match self {
			Self::Blake2b256 => "blake2b256",
			Self::Sha256 => "sha256",
			Self::Blake3 => "blake3",
			Self::Sm3 => "sm3",
		}
	}

	/// The algorithm with this text name (exact, lower case).
	pub fn from_name(name: &[u8]) -> Result<DigestAlgorithm, DigestError> {
		Self::ALL
			.iter()
			.copied()
			.find(|a| a.name().as_bytes() == name)
			.ok_or(DigestError::UnknownAlgorithm)
	}
}

impl core::fmt::Display for DigestAlgorithm {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(self.name())
	}
}

/// Error of parsing a digest from text.
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
pub enum DigestError {
	/// There is no `:` between algorithm name and hex value.
	MissingSeparator,
	/// The algorithm name is not one of `blake2b256`, `sha256`, `blake3`,
	/// `sm3`.
	UnknownAlgorithm,
	/// The hex value does not have exactly 64 digits.
	WrongLength,
	/// The byte at this 0-based position of the hex value is not a hex digit.
	InvalidHexCharacter {
		/// 0-based index within the hex part (saturated at 255).
		position: u8,
	},
}

impl core::fmt::Display for DigestError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::MissingSeparator => f.write_str("expected algorithm:hex"),
			Self::UnknownAlgorithm => f.write_str("unknown digest algorithm"),
			Self::WrongLength => f.write_str("digest must have 64 hex digits"),
			Self::InvalidHexCharacter { position } => {
				write!(f, "invalid hex character at position {}", position)
			}
		}
	}
}

/// A 32-byte digest together with the algorithm that produced it.
///
/// Serde uses the text form `algorithm:hex`.
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
	PartialOrd,
	Ord,
	Hash,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(try_from = "alloc::string::String", into = "alloc::string::String")]
pub struct Digest {
	/// The algorithm.
	pub algorithm: DigestAlgorithm,
	/// The digest value.
	pub value: [u8; DIGEST_LEN],
}

/// Value of a hex digit (either case).
fn hex_value(c: u8) -> Option<u8> {
	match c {
		b'0'..=b'9' => Some(c - b'0'),
		b'a'..=b'f' => Some(c - b'a' + 10),
		b'A'..=b'F' => Some(c - b'A' + 10),
		_ => None,
	}
}

/// Lower-case hex digits.
const HEX: &[u8; 16] = b"0123456789abcdef";

/// Decodes exactly 64 hex digits (either case) into 32 bytes.
pub fn decode_hex32(hex: &[u8]) -> Result<[u8; DIGEST_LEN], DigestError> {
	if let Some(i) = hex.iter().position(|&c| hex_value(c).is_none()) {
		return Err(DigestError::InvalidHexCharacter { position: crate::checksum::position(i) });
	}
	if hex.len() != 2 * DIGEST_LEN {
		return Err(DigestError::WrongLength);
	}
	let mut out = [0u8; DIGEST_LEN];
	for (o, pair) in out.iter_mut().zip(hex.chunks_exact(2)) {
		let hi = pair.first().copied().and_then(hex_value).unwrap_or(0);
		let lo = pair.get(1).copied().and_then(hex_value).unwrap_or(0);
		*o = (hi << 4) | lo;
	}
	Ok(out)
}

impl Digest {
	/// Creates a digest.
	pub const fn new(algorithm: DigestAlgorithm, value: [u8; DIGEST_LEN]) -> Digest {
		Digest { algorithm, value }
	}

	/// Whether the value is all zeros (never a real digest; refused wherever a digest is given).
	pub fn is_zero(&self) -> bool {
		self.value == [0u8; DIGEST_LEN]
	}

	/// A synthetic SM3-tagged digest, distinct for every `(tag, seed)`: 32 bytes of `tag` whose
	/// first four are `seed` (little endian). For benchmarks, mocks and sample data only.
	pub fn synthetic(tag: u8, seed: u32) -> Digest {
		let mut value = [tag; DIGEST_LEN];
		value[..4].copy_from_slice(&seed.to_le_bytes());
		Digest { algorithm: DigestAlgorithm::Sm3, value }
	}

	/// Parses the text form `algorithm:hex` (64 hex digits, either case).
	pub fn parse(s: &[u8]) -> Result<Digest, DigestError> {
		let sep = s.iter().position(|&c| c == b':').ok_or(DigestError::MissingSeparator)?;
		let (name, rest) = s.split_at(sep);
		let algorithm = DigestAlgorithm::from_name(name)?;
		let value = decode_hex32(rest.get(1..).unwrap_or(&[]))?;
		Ok(Digest { algorithm, value })
	}

	/// Parses the text form `algorithm:hex`, e.g. `"blake3:abcd…"`.
	pub fn from_hex(s: &str) -> Result<Digest, DigestError> {
		Self::parse(s.as_bytes())
	}

	/// The 64 lower-case hex digits of the value.
	pub fn value_hex(&self) -> [u8; 2 * DIGEST_LEN] {
		let mut out = [0u8; 2 * DIGEST_LEN];
		for (pair, &b) in out.chunks_exact_mut(2).zip(self.value.iter()) {
			if let [hi, lo] = pair {
				*hi = HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0');
				*lo = HEX.get(usize::from(b & 0x0f)).copied().unwrap_or(b'0');
			}
		}
		out
	}

	/// The text form `algorithm:hex` (lower-case hex).
	pub fn to_hex(&self) -> alloc::string::String {
		alloc::format!("{}", self)
	}
}

impl core::fmt::Display for Digest {
	/// Formats as `algorithm:hex`.
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(self.algorithm.name())?;
		f.write_str(":")?;
		let hex = self.value_hex();
		f.write_str(core::str::from_utf8(&hex).unwrap_or(""))
	}
}

impl core::str::FromStr for Digest {
	type Err = DigestError;
	fn from_str(s: &str) -> Result<Self, Self::Err> {
		Digest::from_hex(s)
	}
}

impl TryFrom<alloc::string::String> for Digest {
	type Error = DigestError;
	fn try_from(s: alloc::string::String) -> Result<Self, Self::Error> {
		Digest::from_hex(&s)
	}
}

impl From<Digest> for alloc::string::String {
	fn from(d: Digest) -> Self {
		d.to_hex()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	const ABC_SHA256: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	#[test]
	fn round_trip_all_algorithms() {
		for a in DigestAlgorithm::ALL {
			let mut v = [0u8; 32];
			for (i, b) in v.iter_mut().enumerate() {
				*b = (i as u8).wrapping_mul(37).wrapping_add(a as u8);
			}
			let d = Digest::new(a, v);
			let text = d.to_hex();
			assert!(text.starts_with(a.name()));
			assert_eq!(Digest::from_hex(&text), Ok(d));
			assert_eq!(text.parse::<Digest>(), Ok(d));
			assert_eq!(DigestAlgorithm::from_name(a.name().as_bytes()), Ok(a));
		}
	}

	#[test]
	fn known_value() {
		let d = Digest::from_hex(&alloc::format!("sha256:{}", ABC_SHA256)).unwrap();
		assert_eq!(d.algorithm, DigestAlgorithm::Sha256);
		assert_eq!(d.value[0], 0xba);
		assert_eq!(d.value[31], 0xad);
		assert_eq!(d.to_hex(), alloc::format!("sha256:{}", ABC_SHA256));
		let upper = alloc::format!("sha256:{}", ABC_SHA256.to_uppercase());
		assert_eq!(Digest::from_hex(&upper), Ok(d));
		assert_eq!(&d.value_hex()[..], ABC_SHA256.as_bytes());
	}

	#[test]
	fn errors() {
		use DigestError::*;
		assert_eq!(Digest::from_hex(""), Err(MissingSeparator));
		assert_eq!(Digest::from_hex(ABC_SHA256), Err(MissingSeparator));
		assert_eq!(Digest::from_hex(&alloc::format!("md5:{}", ABC_SHA256)), Err(UnknownAlgorithm));
		assert_eq!(
			Digest::from_hex(&alloc::format!("SHA256:{}", ABC_SHA256)),
			Err(UnknownAlgorithm)
		);
		assert_eq!(Digest::from_hex(&alloc::format!(":{}", ABC_SHA256)), Err(UnknownAlgorithm));
		assert_eq!(Digest::from_hex("blake3:"), Err(WrongLength));
		assert_eq!(Digest::from_hex("blake3:abcd"), Err(WrongLength));
		assert_eq!(Digest::from_hex(&alloc::format!("blake3:{}00", ABC_SHA256)), Err(WrongLength));
		assert_eq!(
			Digest::from_hex(&alloc::format!("blake3:{}g", &ABC_SHA256[..63])),
			Err(InvalidHexCharacter { position: 63 })
		);
		assert_eq!(
			Digest::from_hex(&alloc::format!("blake3: {}", &ABC_SHA256[..63])),
			Err(InvalidHexCharacter { position: 0 })
		);
		assert_eq!(
			Digest::from_hex(&alloc::format!("blake3:{}:", &ABC_SHA256[..63])),
			Err(InvalidHexCharacter { position: 63 })
		);
		assert_eq!(Digest::parse(&[0xff, b':', 0xff]), Err(UnknownAlgorithm));
	}

	#[test]
	fn scale_codec() {
		let d = Digest::new(DigestAlgorithm::Sm3, [7u8; 32]);
		let enc = d.encode();
		assert_eq!(enc.len(), 33);
		assert_eq!(enc[0], 3);
		assert_eq!(Digest::decode(&mut &enc[..]), Ok(d));
		assert_eq!(Digest::max_encoded_len(), 33);
		let mut bad = enc.clone();
		bad[0] = 4;
		assert!(Digest::decode(&mut &bad[..]).is_err());
	}

	#[cfg(feature = "std")]
	#[test]
	fn serde_text_form() {
		use serde::de::{value::Error, Deserialize, IntoDeserializer};
		let text = alloc::format!("blake2b256:{}", ABC_SHA256);
		let d = Digest::deserialize(IntoDeserializer::<Error>::into_deserializer(text.as_str()))
			.unwrap();
		assert_eq!(d.algorithm, DigestAlgorithm::Blake2b256);
		assert_eq!(alloc::string::String::from(d), text);
		let a = DigestAlgorithm::deserialize(IntoDeserializer::<Error>::into_deserializer("sm3"));
		assert_eq!(a, Ok(DigestAlgorithm::Sm3));
	}
}
