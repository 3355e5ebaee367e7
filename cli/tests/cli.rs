//! The `doid` binary end to end: `hash`, `batch` / `batch-verify`, argument errors, and the
//! network commands against a closed loopback port (no node needed).

mod common;

use common::{closed_url, code, doid, run, stderr, stdout};
use std::{io::Write, path::Path, process::Stdio};

fn write(dir: &Path, name: &str, content: &[u8]) -> std::path::PathBuf {
	let path = dir.join(name);
	std::fs::write(&path, content).unwrap();
	path
}

// ---------------------------------------------------------------------------------------------
// hash

#[test]
fn hash_prints_the_chains_text_form_for_each_algorithm() {
	let dir = tempfile::tempdir().unwrap();
	let abc = write(dir.path(), "abc.txt", b"abc");
	let cases = [
		(None, "blake3:6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85"),
		(Some("blake3"), "blake3:6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85"),
		(Some("sha256"), "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
		(Some("sm3"), "sm3:66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"),
		(
			Some("blake2b"),
			"blake2b256:bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319",
		),
		(
			Some("blake2b256"),
			"blake2b256:bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319",
		),
	];
	for (algo, expected) in cases {
		let mut args = vec!["hash".to_string(), abc.display().to_string()];
		if let Some(a) = algo {
			args.extend(["--algo".to_string(), a.to_string()]);
		}
		let out = run(&args);
		assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
		assert_eq!(stdout(&out), format!("{expected}\n"), "{args:?}");
		assert!(stderr(&out).is_empty(), "{args:?}: {}", stderr(&out));
	}
}

#[test]
fn hash_json_stdin_and_a_multi_megabyte_file() {
	let dir = tempfile::tempdir().unwrap();
	// 3 MiB + 5 bytes: several read buffers, checked against the verifier's one-shot digest.
	let data: Vec<u8> = (0..(3 << 20) + 5).map(|i: u32| (i.wrapping_mul(7) >> 2) as u8).collect();
	let big = write(dir.path(), "big.bin", &data);
	for algorithm in doid_primitives::DigestAlgorithm::ALL {
		let expected =
			doid_primitives::Digest::new(algorithm, doid_verifier::file_digest(algorithm, &data));
		let algo = if algorithm.name() == "blake2b256" { "blake2b" } else { algorithm.name() };
		let out = run(["--json", "hash", big.to_str().unwrap(), "--algo", algo]);
		assert_eq!(code(&out), 0, "{}", stderr(&out));
		let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
		assert_eq!(v["digest"], expected.to_string());
		assert_eq!(v["size"], data.len() as u64);

		let mut child = doid()
			.args(["hash", "-", "--algo", algo])
			.stdin(Stdio::piped())
			.stdout(Stdio::piped())
			.spawn()
			.unwrap();
		child.stdin.take().unwrap().write_all(&data).unwrap();
		let out = child.wait_with_output().unwrap();
		assert_eq!(stdout(&out), format!("{expected}\n"));
	}
}

#[test]
fn hash_errors_exit_2_with_a_message() {
	let dir = tempfile::tempdir().unwrap();
	let missing = dir.path().join("missing.pdf");
	let out = run(["hash", missing.to_str().unwrap()]);
	assert_eq!(code(&out), 2);
	assert!(stdout(&out).is_empty());
	assert!(stderr(&out).contains("cannot read"), "{}", stderr(&out));
	assert!(stderr(&out).contains("missing.pdf"), "{}", stderr(&out));

	let out = run(["hash", dir.path().to_str().unwrap()]);
	assert_eq!(code(&out), 2);
	assert!(stderr(&out).contains("is a directory"), "{}", stderr(&out));

	let file = write(dir.path(), "a", b"a");
	let out = run(["hash", file.to_str().unwrap(), "--algo", "md5"]);
	assert_eq!(code(&out), 2);
	assert!(stderr(&out).contains("md5"), "{}", stderr(&out));

	let out = run(["hash"]);
	assert_eq!(code(&out), 2);
}

// ---------------------------------------------------------------------------------------------
// batch and batch-verify

fn root_file(dir: &Path) -> (String, String) {
	let text = std::fs::read_to_string(dir.join("root.txt")).unwrap();
	let mut lines = text.lines();
	let root = lines.next().unwrap().to_string();
	let count = lines.next().unwrap().strip_prefix("leaf_count ").unwrap().to_string();
	(root, count)
}

fn proofs(dir: &Path) -> Vec<std::path::PathBuf> {
	let mut p: Vec<_> = std::fs::read_dir(dir)
		.unwrap()
		.map(|e| e.unwrap().path())
		.filter(|p| p.to_string_lossy().ends_with(".proof.json"))
		.collect();
	p.sort();
	p
}

#[test]
fn batch_and_batch_verify_round_trip_and_tampering() {
	for algo in ["blake3", "sha256", "sm3", "blake2b"] {
		let dir = tempfile::tempdir().unwrap();
		let files: Vec<_> = (0..5)
			.map(|i| write(dir.path(), &format!("doc{i}.txt"), format!("document {i}").as_bytes()))
			.collect();
		let out_dir = dir.path().join("batch");
		let mut args = vec!["batch".to_string()];
		args.extend(files.iter().map(|f| f.display().to_string()));
		args.extend(["--algo".into(), algo.into(), "-o".into(), out_dir.display().to_string()]);
		let out = run(&args);
		assert_eq!(code(&out), 0, "{}", stderr(&out));
		let (root, count) = root_file(&out_dir);
		assert_eq!(count, "5");
		assert!(stdout(&out).contains(&root), "{}", stdout(&out));

		// The root is the doid-merkle root of the files' digests.
		let algorithm = doid_primitives::DigestAlgorithm::ALL
			.into_iter()
			.find(|a| a.name().starts_with(algo))
			.unwrap();
		assert!(root.starts_with(&format!("{}:", algorithm.name())), "{root}");
		let leaves: Vec<[u8; 32]> = files
			.iter()
			.map(|f| doid_verifier::file_digest(algorithm, &std::fs::read(f).unwrap()))
			.collect();
		let merkle = doid_merkle::Algorithm::ALL[algorithm as usize];
		let expected = doid_merkle::root(merkle, &leaves).unwrap();
		assert_eq!(root, format!("{}:{}", algorithm.name(), hex::encode(expected)));

		let proof_files = proofs(&out_dir);
		assert_eq!(proof_files.len(), 5);
		for (i, (proof, file)) in proof_files.iter().zip(&files).enumerate() {
			let out = run([
				"batch-verify",
				proof.to_str().unwrap(),
				"--file",
				file.to_str().unwrap(),
				"--root",
				&root,
				"--count",
				"5",
			]);
			assert_eq!(code(&out), 0, "{algo} leaf {i}: {}", stderr(&out));
			assert!(stdout(&out).starts_with("VALID"), "{}", stdout(&out));
			assert!(stdout(&out).contains(&format!("leaf {i} ")), "{}", stdout(&out));
		}

		// Another file's proof, a tampered file, a wrong count, a wrong root: all INVALID.
		let verify = |proof: &Path, file: &Path, root: &str, count: &str| {
			run([
				"batch-verify",
				proof.to_str().unwrap(),
				"--file",
				file.to_str().unwrap(),
				"--root",
				root,
				"--count",
				count,
			])
		};
		let out = verify(&proof_files[1], &files[2], &root, "5");
		assert_eq!(code(&out), 1, "{}", stdout(&out));
		assert!(stderr(&out).starts_with("INVALID"), "{}", stderr(&out));

		std::fs::write(&files[3], b"document 3, altered").unwrap();
		let out = verify(&proof_files[3], &files[3], &root, "5");
		assert_eq!(code(&out), 1);
		assert!(stderr(&out).contains("INVALID"), "{}", stderr(&out));
		assert!(stderr(&out).contains("changed"), "{}", stderr(&out));

		let out = verify(&proof_files[0], &files[0], &root, "6");
		assert_eq!(code(&out), 1);
		assert!(stderr(&out).contains("leaf count"), "{}", stderr(&out));

		let mut other = root.clone();
		let last = other.pop().unwrap();
		other.push(if last == '0' { '1' } else { '0' });
		let out = verify(&proof_files[0], &files[0], &other, "5");
		assert_eq!(code(&out), 1);
		assert!(stderr(&out).contains("root"), "{}", stderr(&out));
	}
}

#[test]
fn batch_verify_json_and_usage_errors() {
	let dir = tempfile::tempdir().unwrap();
	let a = write(dir.path(), "a.txt", b"a");
	let b = write(dir.path(), "b.txt", b"b");
	let out_dir = dir.path().join("out");
	let out =
		run(["--json", "batch", a.to_str().unwrap(), b.to_str().unwrap(), "-o"]).status.code();
	assert_eq!(out, Some(2), "-o needs a value");
	let out = run([
		"--json",
		"batch",
		a.to_str().unwrap(),
		b.to_str().unwrap(),
		"-o",
		out_dir.to_str().unwrap(),
	]);
	assert_eq!(code(&out), 0, "{}", stderr(&out));
	let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
	let root = v["root"].as_str().unwrap().to_string();
	assert_eq!(v["leafCount"], 2);
	let proof = v["leaves"][1]["proof"].as_str().unwrap().to_string();

	let out = run([
		"--json",
		"batch-verify",
		&proof,
		"--file",
		b.to_str().unwrap(),
		"--root",
		&root,
		"--count",
		"2",
	]);
	assert_eq!(code(&out), 0, "{}", stderr(&out));
	let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
	assert_eq!(v["valid"], true);
	assert_eq!(v["leafIndex"], 1);

	let out = run([
		"--json",
		"batch-verify",
		&proof,
		"--file",
		a.to_str().unwrap(),
		"--root",
		&root,
		"--count",
		"2",
	]);
	assert_eq!(code(&out), 1);
	let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
	assert_eq!(v["valid"], false);

	// Usage errors: a malformed root, a missing proof file, a root of another algorithm.
	let out = run([
		"batch-verify",
		&proof,
		"--file",
		b.to_str().unwrap(),
		"--root",
		"blake3:xyz",
		"--count",
		"2",
	]);
	assert_eq!(code(&out), 2);
	assert!(stderr(&out).contains("not a digest"), "{}", stderr(&out));
	let missing = dir.path().join("nope.proof.json");
	let out = run([
		"batch-verify",
		missing.to_str().unwrap(),
		"--file",
		b.to_str().unwrap(),
		"--root",
		&root,
		"--count",
		"2",
	]);
	assert_eq!(code(&out), 2);
	assert!(stderr(&out).contains("nope.proof.json"), "{}", stderr(&out));
	let sha_root = format!("sha256:{}", &root["blake3:".len()..]);
	let out = run([
		"batch-verify",
		&proof,
		"--file",
		b.to_str().unwrap(),
		"--root",
		&sha_root,
		"--count",
		"2",
	]);
	assert_eq!(code(&out), 1);
	assert!(stderr(&out).contains("sha256"), "{}", stderr(&out));
}

// ---------------------------------------------------------------------------------------------
// Network commands without a node.

#[test]
fn network_commands_report_a_closed_port_with_exit_2() {
	let url = closed_url();
	let dir = tempfile::tempdir().unwrap();
	let file = write(dir.path(), "contract.pdf", b"contract");
	let digest = "sm3:66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";
	let bundle_out = dir.path().join("bundle.json");
	let cases: Vec<Vec<&str>> = vec![
		vec!["lookup", file.to_str().unwrap()],
		vec!["lookup", digest],
		vec!["bundle", digest, "-o", bundle_out.to_str().unwrap()],
		vec!["certificate", "2.999.2.1.1.7"],
		vec!["verify", "2.999.2.1.1.7"],
		vec!["subject", "914403001922038216"],
		vec!["application", "5"],
		vec!["objection", "1"],
		vec!["notices"],
		vec!["notices", "--registry", "1"],
		vec!["working-days", "2026-02-01", "20260214"],
	];
	for args in cases {
		let out = doid().arg("--url").arg(&url).args(&args).output().unwrap();
		assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
		assert!(stdout(&out).is_empty() || args[0] == "lookup", "{args:?}");
		let err = stderr(&out);
		assert!(err.contains("cannot connect to the DOID node at"), "{args:?}: {err}");
		assert!(err.contains(&url), "{args:?}: {err}");
		assert!(err.contains("--url"), "{args:?}: {err}");
	}
	assert!(!bundle_out.exists());

	// DOID_URL is read too.
	let out = doid().env("DOID_URL", &url).args(["notices"]).output().unwrap();
	assert_eq!(code(&out), 2);
	assert!(stderr(&out).contains(&url), "{}", stderr(&out));

	// anchor: the SURI is checked first, then the node is contacted; the SURI is never echoed.
	let secret = "//VerySecretTestSeed";
	let out = doid()
		.env("DOID_SURI", secret)
		.args(["--url", &url, "anchor", file.to_str().unwrap(), "--kind", "contract"])
		.output()
		.unwrap();
	assert_eq!(code(&out), 2, "{}", stderr(&out));
	assert!(stderr(&out).contains("cannot connect"), "{}", stderr(&out));
	assert!(!stderr(&out).contains("VerySecret") && !stdout(&out).contains("VerySecret"));
	let out = run(["--url", &url, "anchor", file.to_str().unwrap(), "--suri", secret]);
	assert_eq!(code(&out), 2);
	assert!(!stderr(&out).contains("VerySecret"), "{}", stderr(&out));
	let out = run(["--url", &url, "anchor-batch", digest, "--count", "3", "--suri", secret]);
	assert_eq!(code(&out), 2);
	assert!(stderr(&out).contains("cannot connect"), "{}", stderr(&out));
	let out = run(["--url", &url, "anchor", digest, "--print-call"]);
	assert_eq!(code(&out), 2);
	assert!(stderr(&out).contains("cannot connect"), "{}", stderr(&out));
}

#[test]
fn network_commands_check_their_arguments_before_connecting() {
	let url = closed_url();
	let cases: Vec<(Vec<&str>, &str)> = vec![
		(vec!["certificate", "2.999..7"], "invalid DOID"),
		(vec!["verify", "NOTANUMBER"], "invalid registration number"),
		(vec!["subject", "914403001922038217"], "invalid USCC"),
		(vec!["working-days", "2026-02-30", "2026-03-01"], "not a date"),
		(vec!["lookup", "blake3:1234"], "not a digest"),
		(vec!["lookup", "/no/such/file.pdf"], "no such file"),
		(vec!["anchor", "sha256:00"], "not a digest"),
		(
			vec![
				"anchor-batch",
				"blake3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
			],
			"--count",
		),
		(
			vec![
				"anchor",
				"blake3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
				"--related-doid",
				"2.999.x",
			],
			"invalid DOID",
		),
		(
			vec![
				"anchor",
				"blake3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
			],
			"no signing key",
		),
		(
			vec![
				"anchor",
				"blake3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
				"--suri",
				"these words are not a mnemonic phrase at all",
			],
			"not usable",
		),
	];
	for (args, needle) in cases {
		let out = doid().arg("--url").arg(&url).args(&args).output().unwrap();
		assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
		let err = stderr(&out);
		assert!(err.contains(needle), "{args:?}: {err}");
		assert!(!err.contains("cannot connect"), "{args:?} connected first: {err}");
		assert!(!err.contains("mnemonic phrase at all"), "SURI echoed: {err}");
	}
	// clap's own usage errors: exit 2.
	for args in [
		vec!["application", "five"],
		vec!["notices", "--registry", "x"],
		vec!["anchor", "x", "--kind", "poem"],
		vec!["working-days", "2026-02-01"],
		vec!["frobnicate"],
		vec![],
	] {
		let out = run(&args);
		assert_eq!(code(&out), 2, "{args:?}");
	}
	let out = run(["--help"]);
	assert_eq!(code(&out), 0);
	for command in ["hash", "batch", "lookup", "verify-bundle", "anchor", "working-days"] {
		assert!(stdout(&out).contains(command), "{command}");
	}
}

#[test]
fn check_subcommand_exit_codes() {
	let out = run(["check", "oid", "2.999.1.1.7"]);
	assert_eq!(code(&out), 0);
	assert!(stdout(&out).contains("valid OID"));
	let out = run(["check", "uscc", "914403001922038217"]);
	assert_eq!(code(&out), 1);
	assert!(stderr(&out).contains("invalid USCC"));
}
