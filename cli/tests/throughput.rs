//! Hash throughput of `doid hash` (BLAKE3) on a 1 GiB file, end to end (process start, reading
//! from the page cache, hashing). Ignored by default: run it with
//!
//! `cargo test --release -p doid-cli --test throughput -- --ignored --nocapture`
//!
//! The file is created under the system temp directory and deleted afterwards.

mod common;

use common::{code, run, stderr, stdout};
use std::{io::Write, time::Instant};

const GIB: u64 = 1 << 30;

#[test]
#[ignore = "writes a 1 GiB file; run explicitly to measure"]
fn blake3_hash_of_one_gib() {
	let dir = tempfile::tempdir().unwrap();
	let path = dir.path().join("one-gib.bin");
	{
		let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
		let block: Vec<u8> =
			(0..(1u32 << 20)).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
		for _ in 0..(GIB >> 20) {
			f.write_all(&block).unwrap();
		}
		f.flush().unwrap();
	}
	// One warm-up run so that the file is in the page cache for every measured run.
	let out = run(["hash", path.to_str().unwrap()]);
	assert_eq!(code(&out), 0, "{}", stderr(&out));
	let digest = stdout(&out);
	let mut best = f64::MAX;
	let mut all = Vec::new();
	for algo in ["blake3", "blake3", "blake3", "sha256", "sm3", "blake2b"] {
		let start = Instant::now();
		let out = run(["hash", path.to_str().unwrap(), "--algo", algo]);
		let secs = start.elapsed().as_secs_f64();
		assert_eq!(code(&out), 0, "{}", stderr(&out));
		if algo == "blake3" {
			assert_eq!(stdout(&out), digest);
			best = best.min(secs);
		}
		all.push(format!("{algo}: {:.2} GiB/s ({secs:.2} s)", 1.0 / secs));
	}
	println!("1 GiB, `doid hash`, end to end: {}", all.join(", "));
	println!("BLAKE3 best of 3: {:.2} GiB/s", 1.0 / best);
	drop(dir);
}
