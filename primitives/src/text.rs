//! Validation of the bounded UTF-8 text fields stored on-chain.
//!
//! Length bounds are the `BoundedVec`s' (decoding refuses longer input); these
//! functions check the content.

/// Whether `bytes` is a non-empty (after trimming) UTF-8 name without control
/// characters.
pub fn is_valid_name(bytes: &[u8]) -> bool {
	match core::str::from_utf8(bytes) {
		Ok(s) => !s.trim().is_empty() && !s.chars().any(char::is_control),
		Err(_) => false,
	}
}

/// Whether `bytes` is UTF-8 whose only control characters are line feeds and
/// tabs (multi-line descriptions). The empty text is valid.
pub fn is_valid_text(bytes: &[u8]) -> bool {
	match core::str::from_utf8(bytes) {
		Ok(s) => !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
		Err(_) => false,
	}
}

/// Whether `bytes` is a non-empty valid [`is_valid_text`] with some
/// non-whitespace content.
pub fn is_valid_required_text(bytes: &[u8]) -> bool {
	is_valid_text(bytes) && core::str::from_utf8(bytes).is_ok_and(|s| !s.trim().is_empty())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn names() {
		assert!(is_valid_name("贵阳大数据交易所".as_bytes()));
		assert!(is_valid_name(b"ACME Data Co."));
		assert!(!is_valid_name(b""));
		assert!(!is_valid_name(b"   "));
		assert!(!is_valid_name(b"a\nb"));
		assert!(!is_valid_name(&[0xff, 0xfe]));
	}

	#[test]
	fn texts() {
		assert!(is_valid_text(b""));
		assert!(is_valid_text("第一行\n第二行\t表".as_bytes()));
		assert!(!is_valid_text(b"bell\x07"));
		assert!(!is_valid_text(&[0xc3]));
		assert!(is_valid_required_text(b"x"));
		assert!(!is_valid_required_text(b" \n"));
		assert!(!is_valid_required_text(b""));
	}
}
