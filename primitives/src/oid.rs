//! Bounded dotted object identifiers (e.g. `2.999.1.7.42`).
//!
//! Rules enforced by [`Oid::parse`]:
//!
//! * at most [`MAX_OID_LEN`] bytes,
//! * at least two arcs separated by `.`, no empty arcs,
//! * every arc is decimal ASCII without leading zeros (except `0` itself)
//!   and fits a `u64`,
//! * the first arc is `0`, `1` or `2`; under `0` and `1` the second arc is
//!   at most 39 (ITU-T X.660).
//!
//! The chain allocates identifiers under a root: subjects at
//! `{root}.1.{registry}.{serial}` and certificates at
//! `{root}.2.{registry}.{kind}.{serial}`.

use codec::{Compact, CompactLen, Decode, DecodeWithMemTracking, Encode, Input, MaxEncodedLen};
use scale_info::{build::Fields, Path, Type, TypeInfo};

/// Maximum length of an OID in bytes.
pub const MAX_OID_LEN: usize = 64;

/// Development / example OID root (`2.999`, the X.660 example arc).
pub const DEV_OID_ROOT: &[u8] = b"2.999";

/// Arc under the root that holds subjects.
pub const SUBJECT_ARC: u64 = 1;
/// Arc under the root that holds certificates.
pub const CERTIFICATE_ARC: u64 = 2;

/// Error of [`Oid::parse`] and the OID builders.
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
pub enum OidError {
	/// The input is empty.
	Empty,
	/// The OID would be longer than [`MAX_OID_LEN`] bytes.
	TooLong,
	/// The OID has fewer than two arcs.
	TooFewArcs,
	/// An arc is empty (leading, trailing or doubled `.`).
	EmptyArc,
	/// The byte at this 0-based position is neither a digit nor `.`.
	InvalidCharacter {
		/// 0-based byte index of the offending character.
		position: u8,
	},
	/// An arc other than `0` starts with `0`.
	LeadingZero,
	/// The first arc is not 0, 1 or 2.
	FirstArcOutOfRange,
	/// The second arc is above 39 although the first arc is 0 or 1.
	SecondArcOutOfRange,
	/// An arc does not fit in a `u64`.
	ArcOverflow,
}

impl core::fmt::Display for OidError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::Empty => f.write_str("empty OID"),
			Self::TooLong => write!(f, "OID longer than {} bytes", MAX_OID_LEN),
			Self::TooFewArcs => f.write_str("OID needs at least two arcs"),
			Self::EmptyArc => f.write_str("empty OID arc"),
			Self::InvalidCharacter { position } => {
				write!(f, "invalid character at position {}", position)
			}
			Self::LeadingZero => f.write_str("OID arc with leading zero"),
			Self::FirstArcOutOfRange => f.write_str("first OID arc must be 0, 1 or 2"),
			Self::SecondArcOutOfRange => {
				f.write_str("second OID arc must be at most 39 under 0 and 1")
			}
			Self::ArcOverflow => f.write_str("OID arc does not fit in 64 bits"),
		}
	}
}

/// A validated dotted OID of at most [`MAX_OID_LEN`] ASCII bytes.
///
/// SCALE-encoded like a `Vec<u8>` of its ASCII text (compact length, then
/// bytes); decoding re-validates. Serde uses the dotted string.
#[derive(
	Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "alloc::string::String", into = "alloc::string::String")]
pub struct Oid {
	len: u8,
	bytes: [u8; MAX_OID_LEN],
}

/// Parses one arc (already known to be non-empty).
fn parse_arc(arc: &[u8]) -> Result<u64, OidError> {
	if arc.len() > 1 && arc.first() == Some(&b'0') {
		return Err(OidError::LeadingZero);
	}
	arc.iter().try_fold(0u64, |acc, &c| {
		acc.checked_mul(10)
			.and_then(|v| v.checked_add(u64::from(c.wrapping_sub(b'0'))))
			.ok_or(OidError::ArcOverflow)
	})
}

/// Fixed-capacity writer used by the builders.
struct Writer {
	len: usize,
	bytes: [u8; MAX_OID_LEN],
}

impl Writer {
	fn push(&mut self, b: u8) -> Result<(), OidError> {
		let slot = self.bytes.get_mut(self.len).ok_or(OidError::TooLong)?;
		*slot = b;
		self.len += 1;
		Ok(())
	}

	fn push_slice(&mut self, s: &[u8]) -> Result<(), OidError> {
		s.iter().try_for_each(|&b| self.push(b))
	}

	fn push_arc(&mut self, mut v: u64) -> Result<(), OidError> {
		let mut digits = [0u8; 20];
		let mut n = 0;
		loop {
			if let Some(d) = digits.get_mut(n) {
				*d = b'0' + (v % 10) as u8;
			}
			n += 1;
			v /= 10;
			if v == 0 {
				break;
			}
		}
		self.push(b'.')?;
		digits.iter().take(n).rev().try_for_each(|&d| self.push(d))
	}
}

impl Oid {
	/// Parses and validates a dotted OID.
	pub fn parse(s: &[u8]) -> Result<Oid, OidError> {
		if s.is_empty() {
			return Err(OidError::Empty);
		}
		if s.len() > MAX_OID_LEN {
			return Err(OidError::TooLong);
		}
		if let Some(i) = s.iter().position(|&c| c != b'.' && !c.is_ascii_digit()) {
			return Err(OidError::InvalidCharacter { position: crate::checksum::position(i) });
		}
		let mut count = 0usize;
		let mut first = 0u64;
		for arc in s.split(|&c| c == b'.') {
			if arc.is_empty() {
				return Err(OidError::EmptyArc);
			}
			let v = parse_arc(arc)?;
			match count {
				0 if v > 2 => return Err(OidError::FirstArcOutOfRange),
				0 => first = v,
				1 if first < 2 && v > 39 => return Err(OidError::SecondArcOutOfRange),
				_ => {}
			}
			count += 1;
		}
		if count < 2 {
			return Err(OidError::TooFewArcs);
		}
		let mut bytes = [0u8; MAX_OID_LEN];
		bytes.get_mut(..s.len()).ok_or(OidError::TooLong)?.copy_from_slice(s);
		Ok(Oid { len: s.len() as u8, bytes })
	}

	/// The development root [`DEV_OID_ROOT`] (`2.999`).
	pub fn dev_root() -> Oid {
		let mut bytes = [0u8; MAX_OID_LEN];
		bytes[..5].copy_from_slice(b"2.999");
		Oid { len: 5, bytes }
	}

	/// Appends arcs to `root`.
	fn extend(root: &Oid, arcs: &[u64]) -> Result<Oid, OidError> {
		let mut w = Writer { len: 0, bytes: [0u8; MAX_OID_LEN] };
		w.push_slice(root.as_bytes())?;
		arcs.iter().try_for_each(|&a| w.push_arc(a))?;
		Oid::parse(w.bytes.get(..w.len).ok_or(OidError::TooLong)?)
	}

	/// Appends one arc to this OID.
	pub fn child(&self, arc: u64) -> Result<Oid, OidError> {
		Self::extend(self, &[arc])
	}

	/// The OID of a subject: `{root}.1.{registry_arc}.{serial}`.
	pub fn subject(root: &Oid, registry_arc: u32, serial: u64) -> Result<Oid, OidError> {
		Self::extend(root, &[SUBJECT_ARC, u64::from(registry_arc), serial])
	}

	/// The OID of a certificate: `{root}.2.{registry_arc}.{kind_arc}.{serial}`.
	pub fn certificate(
		root: &Oid,
		registry_arc: u32,
		kind_arc: u8,
		serial: u64,
	) -> Result<Oid, OidError> {
		Self::extend(root, &[CERTIFICATE_ARC, u64::from(registry_arc), u64::from(kind_arc), serial])
	}

	/// The dotted text as bytes.
	pub fn as_bytes(&self) -> &[u8] {
		self.bytes.get(..usize::from(self.len)).unwrap_or(&[])
	}

	/// The dotted text.
	pub fn as_str(&self) -> &str {
		core::str::from_utf8(self.as_bytes()).unwrap_or("")
	}

	/// Length in bytes.
	pub fn len(&self) -> usize {
		usize::from(self.len)
	}

	/// Always `false`: a valid OID has at least two arcs.
	pub fn is_empty(&self) -> bool {
		self.len == 0
	}

	/// Iterator over the arcs.
	pub fn arcs(&self) -> impl Iterator<Item = u64> + '_ {
		self.as_bytes().split(|&c| c == b'.').map(|a| parse_arc(a).unwrap_or(0))
	}

	/// Number of arcs.
	pub fn arc_count(&self) -> usize {
		self.as_bytes().iter().filter(|&&c| c == b'.').count() + 1
	}

	/// Whether `self` lies strictly below `root` (`root` is a proper prefix
	/// of `self` on arc boundaries). An OID is not under itself.
	pub fn is_under(&self, root: &Oid) -> bool {
		let me = self.as_bytes();
		let r = root.as_bytes();
		me.len() > r.len() && me.starts_with(r) && me.get(r.len()) == Some(&b'.')
	}

	/// Whether `self` equals `root` or lies below it.
	pub fn is_equal_or_under(&self, root: &Oid) -> bool {
		self == root || self.is_under(root)
	}
}

impl core::fmt::Debug for Oid {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		write!(f, "Oid({})", self.as_str())
	}
}

impl core::fmt::Display for Oid {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(self.as_str())
	}
}

impl core::str::FromStr for Oid {
	type Err = OidError;
	fn from_str(s: &str) -> Result<Self, Self::Err> {
		Oid::parse(s.as_bytes())
	}
}

impl TryFrom<alloc::string::String> for Oid {
	type Error = OidError;
	fn try_from(s: alloc::string::String) -> Result<Self, Self::Error> {
		Oid::parse(s.as_bytes())
	}
}

impl From<Oid> for alloc::string::String {
	fn from(o: Oid) -> Self {
		alloc::string::String::from(o.as_str())
	}
}

impl Encode for Oid {
	fn size_hint(&self) -> usize {
		self.as_bytes().size_hint()
	}

	fn encode_to<T: codec::Output + ?Sized>(&self, dest: &mut T) {
		self.as_bytes().encode_to(dest)
	}
}

impl codec::EncodeLike for Oid {}

impl Decode for Oid {
	fn decode<I: Input>(input: &mut I) -> Result<Self, codec::Error> {
		let len = <Compact<u32>>::decode(input)?.0 as usize;
		if len > MAX_OID_LEN {
			return Err(codec::Error::from("OID too long"));
		}
		let mut bytes = [0u8; MAX_OID_LEN];
		input.read(bytes.get_mut(..len).ok_or_else(|| codec::Error::from("OID too long"))?)?;
		Oid::parse(bytes.get(..len).unwrap_or(&[])).map_err(|_| codec::Error::from("invalid OID"))
	}
}

impl DecodeWithMemTracking for Oid {}

impl MaxEncodedLen for Oid {
	fn max_encoded_len() -> usize {
		Compact::<u32>::compact_len(&(MAX_OID_LEN as u32)) + MAX_OID_LEN
	}
}

impl TypeInfo for Oid {
	type Identity = Self;

	fn type_info() -> Type {
		Type::builder()
			.path(Path::new("Oid", module_path!()))
			.docs(&["A dotted object identifier, ASCII text of at most 64 bytes."])
			.composite(
				Fields::unnamed().field(|f| f.ty::<alloc::vec::Vec<u8>>().type_name("Vec<u8>")),
			)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use alloc::vec::Vec;

	fn oid(s: &str) -> Oid {
		Oid::parse(s.as_bytes()).unwrap()
	}

	#[test]
	fn valid_oids() {
		for s in [
			"2.999",
			"0.0",
			"1.39",
			"2.40",
			"2.25.329800735698586629295641978511506172918",
			"1.2.840.113549.1.1.11",
			"2.999.18446744073709551615",
			"0.9.2342.19200300.100.1.1",
		] {
			if s.len() > MAX_OID_LEN {
				continue;
			}
			let r = Oid::parse(s.as_bytes());
			if s.starts_with("2.25.") {
				// 39-digit UUID arc does not fit u64.
				assert_eq!(r, Err(OidError::ArcOverflow));
			} else {
				assert_eq!(r.unwrap().as_str(), s);
			}
		}
	}

	#[test]
	fn invalid_oids() {
		use OidError::*;
		let cases: &[(&[u8], OidError)] = &[
			(b"", Empty),
			(b"2", TooFewArcs),
			(b"0", TooFewArcs),
			(b".2.999", EmptyArc),
			(b"2.999.", EmptyArc),
			(b"2..999", EmptyArc),
			(b".", EmptyArc),
			(b"2.0999", LeadingZero),
			(b"02.999", LeadingZero),
			(b"2.00", LeadingZero),
			(b"3.1", FirstArcOutOfRange),
			(b"10.1", FirstArcOutOfRange),
			(b"0.40", SecondArcOutOfRange),
			(b"1.40", SecondArcOutOfRange),
			(b"2.999.18446744073709551616", ArcOverflow),
			(b"2.99999999999999999999999", ArcOverflow),
			(b"2.999.a", InvalidCharacter { position: 6 }),
			(b"2 .999", InvalidCharacter { position: 1 }),
			(b"2.-1", InvalidCharacter { position: 2 }),
		];
		for (s, e) in cases {
			assert_eq!(Oid::parse(s), Err(*e), "{:?}", core::str::from_utf8(s));
		}
		let long = [b'1'; 65];
		assert_eq!(Oid::parse(&long), Err(TooLong));
		let mut exactly: Vec<u8> = b"2.".to_vec();
		exactly.extend(core::iter::repeat_n(b'1', MAX_OID_LEN - 2));
		// 62 ones overflow u64 but length is fine.
		assert_eq!(Oid::parse(&exactly), Err(ArcOverflow));
		let mut ok: Vec<u8> = b"2".to_vec();
		while ok.len() + 2 <= MAX_OID_LEN {
			ok.extend_from_slice(b".7");
		}
		assert_eq!(ok.len(), 63);
		assert!(Oid::parse(&ok).is_ok());
		ok.push(b'7');
		assert_eq!(ok.len(), 64);
		assert!(Oid::parse(&ok).is_ok());
		ok.push(b'7');
		assert_eq!(Oid::parse(&ok), Err(TooLong));
	}

	#[test]
	fn builders() {
		let root = Oid::dev_root();
		assert_eq!(root, oid("2.999"));
		assert_eq!(root.as_bytes(), DEV_OID_ROOT);
		let s = Oid::subject(&root, 7, 42).unwrap();
		assert_eq!(s.as_str(), "2.999.1.7.42");
		let c = Oid::certificate(&root, 7, 3, 0).unwrap();
		assert_eq!(c.as_str(), "2.999.2.7.3.0");
		assert_eq!(root.child(5).unwrap().as_str(), "2.999.5");
		let big = Oid::certificate(&root, u32::MAX, u8::MAX, u64::MAX).unwrap();
		assert_eq!(big.as_str(), "2.999.2.4294967295.255.18446744073709551615");
		assert_eq!(big.arcs().collect::<Vec<_>>(), [2, 999, 2, 4_294_967_295, 255, u64::MAX]);
		let long_root = oid("1.2.156.112233445566.778899001122.334455667788.9900");
		assert_eq!(
			Oid::certificate(&long_root, u32::MAX, u8::MAX, u64::MAX),
			Err(OidError::TooLong)
		);
		assert_eq!(Oid::subject(&long_root, u32::MAX, u64::MAX), Err(OidError::TooLong));
	}

	#[test]
	fn arcs_and_hierarchy() {
		let root = oid("2.999");
		let s = oid("2.999.1.7.42");
		assert_eq!(s.arcs().collect::<Vec<_>>(), [2, 999, 1, 7, 42]);
		assert_eq!(s.arc_count(), 5);
		assert_eq!(s.len(), 12);
		assert!(!s.is_empty());
		assert!(s.is_under(&root));
		assert!(!root.is_under(&root));
		assert!(root.is_equal_or_under(&root));
		assert!(!oid("2.9991.1").is_under(&root));
		assert!(!root.is_under(&s));
		assert!(!oid("2.99").is_under(&root));
	}

	#[test]
	fn scale_codec() {
		let s = oid("2.999.1.7.42");
		let enc = s.encode();
		assert_eq!(enc, b"2.999.1.7.42".to_vec().encode());
		assert_eq!(Oid::decode(&mut &enc[..]), Ok(s));
		assert!(Oid::decode(&mut &b"2..1".to_vec().encode()[..]).is_err());
		assert!(Oid::decode(&mut &[0xffu8; 70].to_vec().encode()[..]).is_err());
		assert!(Oid::decode(&mut &[8u8, b'2'][..]).is_err());
		assert!(Oid::decode(&mut &[0xfeu8, 0xff, 0xff, 0xff][..]).is_err());
		assert_eq!(Oid::max_encoded_len(), 66);
		let max = Oid::parse(&{
			let mut v: Vec<u8> = b"2".to_vec();
			while v.len() + 2 <= MAX_OID_LEN {
				v.extend_from_slice(b".7");
			}
			v.push(b'7');
			v
		})
		.unwrap();
		assert_eq!(max.encode().len(), Oid::max_encoded_len());
	}

	#[test]
	fn type_info_is_composite_of_bytes() {
		let ty = Oid::type_info();
		assert_eq!(ty.path.segments.last().copied(), Some("Oid"));
	}

	#[test]
	fn string_conversions() {
		let s: Oid = "2.999.1".parse().unwrap();
		assert_eq!(alloc::format!("{}", s), "2.999.1");
		assert_eq!(alloc::format!("{:?}", s), "Oid(2.999.1)");
		assert_eq!(alloc::string::String::from(s), "2.999.1");
	}
}
