//! Streaming file digests with the chain's four algorithms, with a progress display on stderr.
//!
//! The hashing itself is `doid_verifier::digest_reader` (the verifier's hasher, built with its
//! `rayon` feature so that BLAKE3 spreads each chunk over the cores); files are read in
//! [`BUFFER_LEN`] chunks, so memory use does not depend on the file size.

use crate::error::{read_error, CliError};
use doid_primitives::{Digest, DigestAlgorithm};
use doid_verifier::digest_reader;
use std::{
	fs::File,
	io::{IsTerminal, Write},
	path::Path,
	time::{Duration, Instant},
};

/// Read buffer: 1 MiB (large enough for BLAKE3's SIMD and multi-threading to pay off).
pub const BUFFER_LEN: usize = 1 << 20;

/// Files above this size get a progress display (when stderr is a terminal).
pub const PROGRESS_THRESHOLD: u64 = 64 << 20;

/// The `--algo` values.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Algo {
	/// BLAKE3 (default; the fastest).
	#[default]
	Blake3,
	/// SHA-256 (FIPS 180-4).
	Sha256,
	/// SM3 (GB/T 32905-2016).
	Sm3,
	/// BLAKE2b with 256-bit output (Substrate's `blake2_256`); text name `blake2b256`.
	#[value(alias = "blake2b256")]
	Blake2b,
}

impl From<Algo> for DigestAlgorithm {
	fn from(a: Algo) -> Self {
		match a {
			Algo::Blake3 => DigestAlgorithm::Blake3,
			Algo::Sha256 => DigestAlgorithm::Sha256,
			Algo::Sm3 => DigestAlgorithm::Sm3,
			Algo::Blake2b => DigestAlgorithm::Blake2b256,
		}
	}
}

/// A progress line on stderr, redrawn at most ten times a second.
pub struct Progress {
	label: String,
	total: u64,
	start: Instant,
	last: Option<Instant>,
}

impl Progress {
	/// A progress display for hashing `total` bytes of `label`, or `None` when the file is small
	/// or stderr is not a terminal.
	pub fn for_file(label: &str, total: u64) -> Option<Progress> {
		(total > PROGRESS_THRESHOLD && std::io::stderr().is_terminal()).then(|| Progress {
			label: label.to_string(),
			total,
			start: Instant::now(),
			last: None,
		})
	}

	/// Shows `done` bytes hashed.
	pub fn update(&mut self, done: u64) {
		let now = Instant::now();
		if self.last.is_some_and(|t| now.duration_since(t) < Duration::from_millis(100))
			&& done < self.total
		{
			return;
		}
		self.last = Some(now);
		let percent = done.saturating_mul(100).checked_div(self.total).unwrap_or(100);
		let secs = now.duration_since(self.start).as_secs_f64().max(1e-3);
		let rate = done as f64 / secs;
		let eta = if rate > 0.0 { (self.total.saturating_sub(done)) as f64 / rate } else { 0.0 };
		let mut err = std::io::stderr().lock();
		let _ = write!(
			err,
			"\rhashing {}: {percent:>3}% ({} of {}, {}/s, {:.0} s left)   ",
			self.label,
			human_bytes(done),
			human_bytes(self.total),
			human_bytes(rate as u64),
			eta
		);
		let _ = err.flush();
	}

	/// Clears the progress line.
	pub fn finish(self) {
		let mut err = std::io::stderr().lock();
		let _ = write!(err, "\r{:width$}\r", "", width = self.label.len() + 80);
		let _ = err.flush();
	}
}

/// `1.5 GiB`, `300.0 MiB`, `12 B`.
pub fn human_bytes(n: u64) -> String {
	const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
	let mut value = n as f64;
	let mut unit = 0;
	while value >= 1024.0 && unit + 1 < UNITS.len() {
		value /= 1024.0;
		unit += 1;
	}
	if unit == 0 {
		format!("{n} B")
	} else {
		format!("{value:.1} {}", UNITS[unit])
	}
}

/// The digest of a file (or of standard input for `-`) and its size in bytes, streaming, with a
/// progress display for large files when stderr is a terminal.
pub fn digest_file(path: &Path, algorithm: DigestAlgorithm) -> Result<(Digest, u64), CliError> {
	if path.as_os_str() == "-" {
		let mut size = 0;
		let value = digest_reader(algorithm, std::io::stdin().lock(), BUFFER_LEN, |n| size = n)
			.map_err(|e| CliError::usage(format!("cannot read standard input: {e}")))?;
		return Ok((Digest::new(algorithm, value), size));
	}
	let file = File::open(path).map_err(|e| read_error(path, &e))?;
	let meta = file.metadata().map_err(|e| read_error(path, &e))?;
	if meta.is_dir() {
		return Err(CliError::usage(format!(
			"{} is a directory, not a file (give the files to hash)",
			path.display()
		)));
	}
	let mut progress = Progress::for_file(&path.display().to_string(), meta.len());
	let mut size = 0;
	let result = digest_reader(algorithm, file, BUFFER_LEN, |n| {
		size = n;
		if let Some(p) = progress.as_mut() {
			p.update(n);
		}
	});
	if let Some(p) = progress {
		p.finish();
	}
	let value = result.map_err(|e| read_error(path, &e))?;
	Ok((Digest::new(algorithm, value), size))
}

#[cfg(test)]
mod tests {
	use super::*;
	use std::io::Read;

	fn one_shot(algorithm: DigestAlgorithm, bytes: &[u8]) -> String {
		hex::encode(doid_verifier::file_digest(algorithm, bytes))
	}

	fn text(algorithm: DigestAlgorithm, bytes: &[u8]) -> String {
		Digest::new(algorithm, digest_reader(algorithm, bytes, BUFFER_LEN, |_| {}).unwrap())
			.to_string()
	}

	/// GB/T 32905-2016 appendix A, examples 1 and 2.
	#[test]
	fn sm3_gbt_32905_appendix_a() {
		assert_eq!(
			one_shot(DigestAlgorithm::Sm3, b"abc"),
			"66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
		);
		assert_eq!(
			one_shot(DigestAlgorithm::Sm3, "abcd".repeat(16).as_bytes()),
			"debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"
		);
		assert_eq!(
			text(DigestAlgorithm::Sm3, b"abc"),
			"sm3:66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
		);
	}

	/// FIPS 180-2 appendix B.1 and B.2.
	#[test]
	fn sha256_fips_180_2() {
		assert_eq!(
			one_shot(DigestAlgorithm::Sha256, b"abc"),
			"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
		);
		assert_eq!(
			one_shot(
				DigestAlgorithm::Sha256,
				b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
			),
			"248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
		);
		assert_eq!(
			text(DigestAlgorithm::Sha256, b""),
			"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
		);
	}

	/// BLAKE2b (RFC 7693) with a 32-byte output length parameter, unkeyed: the known answer for
	/// "abc" and for the empty input (Substrate's `blake2_256`).
	#[test]
	fn blake2b256_known_answers() {
		assert_eq!(
			one_shot(DigestAlgorithm::Blake2b256, b"abc"),
			"bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"
		);
		assert_eq!(
			text(DigestAlgorithm::Blake2b256, b""),
			"blake2b256:0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"
		);
	}

	/// The official BLAKE3 test vectors (BLAKE3-team/BLAKE3 `test_vectors/test_vectors.json`,
	/// `hash` mode, first 32 bytes of the extended output): input bytes 0, 1, ..., 250 repeating.
	#[test]
	fn blake3_official_vectors() {
		const CASES: [(usize, &str); 9] = [
			(0, "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262"),
			(1, "2d3adedff11b61f14c886e35afa036736dcd87a74d27b5c1510225d0f592e213"),
			(64, "4eed7141ea4a5cd4b788606bd23f46e212af9cacebacdc7d1f4c6dc7f2511b98"),
			(65, "de1e5fa0be70df6d2be8fffd0e99ceaa8eb6e8c93a63f2d8d1c30ecb6b263dee"),
			(1023, "10108970eeda3eb932baac1428c7a2163b0e924c9a9e25b35bba72b28f70bd11"),
			(1024, "42214739f095a406f3fc83deb889744ac00df831c10daa55189b5d121c855af7"),
			(1025, "d00278ae47eb27b34faecf67b4fe263f82d5412916c1ffd97c8cb7fb814b8444"),
			(8192, "aae792484c8efe4f19e2ca7d371d8c467ffb10748d8a5a1ae579948f718a2a63"),
			(31744, "62b6960e1a44bcc1eb1a611a8d6235b6b4b78f32e7abc4fb4c6cdcce94895c47"),
		];
		for (len, expected) in CASES {
			let input: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
			assert_eq!(one_shot(DigestAlgorithm::Blake3, &input), expected, "length {len}");
			assert_eq!(
				text(DigestAlgorithm::Blake3, &input),
				format!("blake3:{expected}"),
				"length {len}"
			);
		}
	}

	/// A reader that hands out at most `step` bytes per read (like a pipe).
	struct Trickle<'a> {
		data: &'a [u8],
		step: usize,
	}

	impl Read for Trickle<'_> {
		fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
			let n = self.step.min(buf.len()).min(self.data.len());
			buf[..n].copy_from_slice(&self.data[..n]);
			self.data = &self.data[n..];
			Ok(n)
		}
	}

	#[test]
	fn streaming_equals_one_shot_around_buffer_boundaries() {
		let big: Vec<u8> =
			(0..3 * BUFFER_LEN + 100).map(|i| (i.wrapping_mul(31) >> 3) as u8).collect();
		let sizes = [
			0,
			1,
			(128 << 10) - 1,
			128 << 10,
			BUFFER_LEN - 1,
			BUFFER_LEN,
			BUFFER_LEN + 1,
			2 * BUFFER_LEN,
			2 * BUFFER_LEN + 7,
			3 * BUFFER_LEN + 100,
		];
		for algorithm in DigestAlgorithm::ALL {
			for &size in &sizes {
				let data = &big[..size];
				let expected = doid_verifier::file_digest(algorithm, data);
				let mut calls = 0;
				let mut last = 0;
				let streamed = digest_reader(algorithm, data, BUFFER_LEN, |n| {
					calls += 1;
					last = n;
				})
				.unwrap();
				assert_eq!(streamed, expected, "{algorithm} size {size}");
				assert_eq!(last, size as u64, "{algorithm} size {size}");
				assert_eq!(calls, size.div_ceil(BUFFER_LEN), "{algorithm} size {size}");
				// Small buffers, and a reader with short reads.
				assert_eq!(digest_reader(algorithm, data, 64 << 10, |_| {}).unwrap(), expected);
				let trickle = Trickle { data, step: 100_003 };
				assert_eq!(
					digest_reader(algorithm, trickle, BUFFER_LEN, |_| {}).unwrap(),
					expected
				);
			}
		}
	}

	#[test]
	fn algo_names_are_the_chains() {
		assert_eq!(DigestAlgorithm::from(Algo::Blake2b).name(), "blake2b256");
		assert_eq!(DigestAlgorithm::from(Algo::Blake3).name(), "blake3");
		assert_eq!(DigestAlgorithm::from(Algo::Sha256).name(), "sha256");
		assert_eq!(DigestAlgorithm::from(Algo::Sm3).name(), "sm3");
		assert_eq!(human_bytes(12), "12 B");
		assert_eq!(human_bytes(3 << 29), "1.5 GiB");
	}
}
