//! `doid verify-bundle` on a real proof bundle built the way `verifier/tests/bundle.rs` builds
//! its fixtures: ed25519 GRANDPA keys, SCALE headers, justifications signed over
//! `localized_payload`, and a state trie (sp-state-machine) whose root is block B's state root.
//! The trust root is given both as a raw chain spec and as genesis hash + authorities file.

mod common;

use codec::{Decode, Encode};
use common::{code, run, stderr, stdout};
use doid_primitives::{Date, Digest, DigestAlgorithm, SubjectRole};
use doid_verifier::{
	anchors_key, digest_anchors_key, file_digest, AnchorRecord, Blob, BlockRef, Bundle,
	Cosignature, EvidenceKind, Finality, Hash32, Header,
};
use ed25519_dalek::{Signer, SigningKey};
use sp_consensus_grandpa::{AuthorityId, AuthoritySignature, GrandpaJustification};
use sp_core::H256;
use sp_runtime::{
	traits::{BlakeTwo256, Header as _},
	DigestItem,
};
use sp_state_machine::{prove_read, InMemoryBackend};
use std::{collections::BTreeMap, path::Path};

/// Block B, whose state holds the records.
const B: u32 = 6;
/// Blocks after genesis.
const LAST: u32 = 9;
/// The first anchoring of the digest.
const ANCHOR: u64 = 5;
/// The GRANDPA round.
const ROUND: u64 = 42;
/// 2026-02-13T16:26:40Z + 4 blocks of 6 s = 2026-02-14 00:27:04 UTC+8.
const MOMENT0: u64 = 1_771_000_000_000;

const FILE: &[u8] = b"Contract No. 2026-0042 between A Data Exchange Co. and B Ltd., signed copy.";

fn keys() -> Vec<SigningKey> {
	(1..=4u8).map(|i| SigningKey::from_bytes(&[i; 32])).collect()
}

fn public(k: &SigningKey) -> [u8; 32] {
	k.verifying_key().to_bytes()
}

fn record(digest: Digest, sequence: u32, block: u32) -> AnchorRecord {
	AnchorRecord {
		digest,
		kind: EvidenceKind::Contract,
		subject: 3,
		account: [0x11; 32],
		related_doid: Some(doid_primitives::Oid::parse(b"2.999.2.1.1.7").unwrap()),
		metadata_digest: None,
		leaf_count: None,
		sequence,
		block,
		moment_ms: MOMENT0 + u64::from(block) * 6_000,
		date: Date::new(2026, 2, 14).unwrap(),
		cosignatures: vec![Cosignature { subject: 9, role: SubjectRole::Notary, block: block + 1 }],
		annotations: vec![],
	}
}

fn header(number: u32, parent: H256, state_root: [u8; 32]) -> Header {
	let mut digest = sp_runtime::generic::Digest::default();
	digest.push(DigestItem::PreRuntime(*b"aura", (1_000_000u64 + u64::from(number)).encode()));
	digest.push(DigestItem::Seal(*b"aura", vec![0xA5; 64]));
	Header::new(number, H256([0xEE; 32]), H256(state_root), parent, digest)
}

fn justification(target: &Header, signers: &[SigningKey]) -> GrandpaJustification<Header> {
	let precommits = signers
		.iter()
		.map(|key| {
			let precommit = finality_grandpa::Precommit {
				target_hash: target.hash(),
				target_number: target.number,
			};
			let payload = sp_consensus_grandpa::localized_payload(
				ROUND,
				0,
				&finality_grandpa::Message::<H256, u32>::Precommit(precommit.clone()),
			);
			let signature = key.sign(&payload).to_bytes();
			finality_grandpa::SignedPrecommit {
				precommit,
				signature: AuthoritySignature::decode(&mut &signature[..]).unwrap(),
				id: AuthorityId::decode(&mut &public(key)[..]).unwrap(),
			}
		})
		.collect();
	GrandpaJustification {
		round: ROUND,
		commit: finality_grandpa::Commit {
			target_hash: target.hash(),
			target_number: target.number,
			precommits,
		},
		votes_ancestries: vec![],
	}
}

/// A raw chain spec whose genesis holds `Grandpa::Authorities` = the four keys, weight 1.
fn chain_spec(keys: &[SigningKey]) -> String {
	let authorities: Vec<([u8; 32], u64)> = keys.iter().map(|k| (public(k), 1)).collect();
	let mut grandpa_key = sp_crypto_hashing::twox_128(b"Grandpa").to_vec();
	grandpa_key.extend_from_slice(&sp_crypto_hashing::twox_128(b"Authorities"));
	serde_json::json!({
		"name": "DOID test",
		"id": "doid_test",
		"genesis": { "raw": {
			"top": {
				format!("0x{}", hex::encode(grandpa_key)): format!("0x{}", hex::encode(authorities.encode())),
				"0x3a636f6465": "0x0061736d01000000",
			},
			"childrenDefault": {}
		}}
	})
	.to_string()
}

/// The bundle (F = B + 2) and the chain spec it verifies against.
struct Fixture {
	keys: Vec<SigningKey>,
	spec: String,
	genesis_hash: [u8; 32],
	digest: Digest,
	bundle: Bundle,
}

impl Fixture {
	fn new() -> Self {
		let keys = keys();
		let spec = chain_spec(&keys);
		let genesis = doid_verifier::genesis_from_raw_chain_spec(spec.as_bytes()).unwrap();
		let digest =
			Digest::new(DigestAlgorithm::Blake3, file_digest(DigestAlgorithm::Blake3, FILE));

		let mut kv = BTreeMap::new();
		for i in 0..50u64 {
			let other = Digest::new(DigestAlgorithm::Sm3, [i as u8 + 1; 32]);
			kv.insert(anchors_key(100 + i), record(other, 0, 2).encode());
			kv.insert(digest_anchors_key(&other, 0), (100 + i).encode());
		}
		kv.insert(anchors_key(ANCHOR), record(digest, 0, 4).encode());
		kv.insert(digest_anchors_key(&digest, 0), ANCHOR.encode());
		kv.insert(b":code".to_vec(), vec![0u8; 512]);
		let backend = InMemoryBackend::<BlakeTwo256>::from((kv, sp_runtime::StateVersion::V1));
		let state_root = backend.root().0;
		let proof = prove_read(backend, &[digest_anchors_key(&digest, 0), anchors_key(ANCHOR)])
			.unwrap()
			.into_iter_nodes()
			.map(Blob)
			.collect();

		let mut headers = vec![header(0, H256::zero(), [0xAB; 32])];
		for n in 1..=LAST {
			let parent = headers.last().unwrap().hash();
			headers.push(header(n, parent, if n == B { state_root } else { [n as u8; 32] }));
		}
		let f = B + 2;
		// Three of four signers: more than two thirds.
		let j = justification(&headers[f as usize], &keys[..3]);
		let bundle = Bundle {
			version: doid_verifier::BUNDLE_VERSION,
			genesis_hash: Hash32(genesis.genesis_hash),
			digest,
			anchor_id: ANCHOR,
			block: BlockRef { header: Blob(headers[B as usize].encode()) },
			storage_proof: proof,
			finality: Finality {
				justification: Blob(j.encode()),
				headers: (B + 1..=f).rev().map(|n| Blob(headers[n as usize].encode())).collect(),
			},
			authority_set_changes: vec![],
		};
		Fixture { keys, spec, genesis_hash: genesis.genesis_hash, digest, bundle }
	}

	/// Writes the bundle, the spec, an authorities file and the evidence file into `dir`.
	fn write(&self, dir: &Path) -> Paths {
		let p = Paths {
			bundle: dir.join("bundle.json"),
			spec: dir.join("spec.raw.json"),
			authorities: dir.join("authorities.txt"),
			file: dir.join("contract.txt"),
		};
		std::fs::write(&p.bundle, self.bundle.to_json()).unwrap();
		std::fs::write(&p.spec, &self.spec).unwrap();
		let lines: String =
			self.keys.iter().map(|k| format!("0x{} 1\n", hex::encode(public(k)))).collect();
		std::fs::write(&p.authorities, format!("# genesis GRANDPA authorities\n{lines}")).unwrap();
		std::fs::write(&p.file, FILE).unwrap();
		p
	}
}

struct Paths {
	bundle: std::path::PathBuf,
	spec: std::path::PathBuf,
	authorities: std::path::PathBuf,
	file: std::path::PathBuf,
}

fn s(p: &Path) -> &str {
	p.to_str().unwrap()
}

#[test]
fn valid_bundle_with_chain_spec_and_file() {
	let fx = Fixture::new();
	let dir = tempfile::tempdir().unwrap();
	let p = fx.write(dir.path());
	let out =
		run(["verify-bundle", s(&p.bundle), "--chain-spec", s(&p.spec), "--file", s(&p.file)]);
	assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
	let text = stdout(&out);
	for needle in [
		"VALID".to_string(),
		format!("digest:            {}", fx.digest),
		// Anchored in block 4: MOMENT0 + 24 s.
		"anchor 5 in block 4, chain date 2026-02-14, time 2026-02-14 00:27:04 UTC+8".to_string(),
		"subject 3".to_string(),
		"Contract (合同)".to_string(),
		"related DOID:      2.999.2.1.1.7".to_string(),
		"co-signed by:      subject 9 as Notary (公证机构) in block 5".to_string(),
		"proven in block:   6".to_string(),
		"finalized block:   8".to_string(),
		"authority set 0".to_string(),
		format!("{} hashes to the digest", p.file.display()),
	] {
		assert!(text.contains(&needle), "{needle:?} missing in:\n{text}");
	}
	assert!(!text.contains("INVALID"));
}

#[test]
fn valid_bundle_with_genesis_hash_and_authorities_json() {
	let fx = Fixture::new();
	let dir = tempfile::tempdir().unwrap();
	let p = fx.write(dir.path());
	let genesis = format!("0x{}", hex::encode(fx.genesis_hash));
	let out = run([
		"--json",
		"verify-bundle",
		s(&p.bundle),
		"--genesis-hash",
		&genesis,
		"--authorities",
		s(&p.authorities),
	]);
	assert_eq!(code(&out), 0, "{}", stderr(&out));
	let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
	assert_eq!(v["valid"], true);
	assert_eq!(v["digest"], fx.digest.to_string());
	assert_eq!(v["anchorId"], ANCHOR);
	assert_eq!(v["anchorBlock"], 4);
	assert_eq!(v["block"], B);
	assert_eq!(v["finalizedBlock"], B + 2);
	assert_eq!(v["setId"], 0);
	assert_eq!(v["subject"], 3);
	assert_eq!(v["date"], 20260214);
	assert_eq!(v["fileChecked"], false);
	assert_eq!(v["time"], "2026-02-14 00:27:04 UTC+8");
	let ss58 = v["account"].as_str().unwrap();
	assert!(ss58.starts_with('5'), "{ss58}");
	assert_eq!(ss58, subxt::utils::AccountId32([0x11; 32]).to_string());
	assert_eq!(v["accountHex"], format!("0x{}", "11".repeat(32)));
	assert_eq!(v["genesisHash"], genesis);
}

#[test]
fn tampered_bundle_or_file_is_invalid_with_exit_1() {
	let fx = Fixture::new();
	let dir = tempfile::tempdir().unwrap();
	let p = fx.write(dir.path());
	let verify = |extra: &[&str]| {
		let mut args = vec!["verify-bundle", s(&p.bundle), "--chain-spec", s(&p.spec)];
		args.extend_from_slice(extra);
		run(args)
	};

	// The file differs from the anchored document.
	std::fs::write(&p.file, b"Contract No. 2026-0042 between A Data Exchange Co. and C Ltd.")
		.unwrap();
	let out = verify(&["--file", s(&p.file)]);
	assert_eq!(code(&out), 1, "{}", stdout(&out));
	assert!(stdout(&out).is_empty());
	let err = stderr(&out);
	assert!(err.starts_with("INVALID: the file's digest is blake3:"), "{err}");

	// A flipped byte in the finality justification: a bad signature.
	let mut bundle = fx.bundle.clone();
	let last = bundle.finality.justification.0.len() - 40;
	bundle.finality.justification.0[last] ^= 0x01;
	std::fs::write(&p.bundle, bundle.to_json()).unwrap();
	let out = verify(&[]);
	assert_eq!(code(&out), 1);
	assert!(stderr(&out).starts_with("INVALID: finality:"), "{}", stderr(&out));

	// Another digest: the storage proof does not hold it.
	let mut bundle = fx.bundle.clone();
	bundle.digest.value[0] ^= 0x80;
	std::fs::write(&p.bundle, bundle.to_json()).unwrap();
	let out = verify(&[]);
	assert_eq!(code(&out), 1);
	assert!(stderr(&out).starts_with("INVALID"), "{}", stderr(&out));

	// Only two of four signatures: not more than two thirds.
	let mut bundle = fx.bundle.clone();
	let mut j =
		GrandpaJustification::<Header>::decode(&mut &bundle.finality.justification.0[..]).unwrap();
	j.commit.precommits.truncate(2);
	bundle.finality.justification = Blob(j.encode());
	std::fs::write(&p.bundle, bundle.to_json()).unwrap();
	let out = run(["--json", "verify-bundle", s(&p.bundle), "--chain-spec", s(&p.spec)]);
	assert_eq!(code(&out), 1);
	let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
	assert_eq!(v["valid"], false);
	assert!(v["reason"].as_str().unwrap().contains("two thirds"), "{v}");
	assert_eq!(v["digest"], fx.digest.to_string());

	// Not JSON at all.
	std::fs::write(&p.bundle, b"{ not a bundle").unwrap();
	let out = verify(&[]);
	assert_eq!(code(&out), 1);
	assert!(stderr(&out).contains("malformed bundle"), "{}", stderr(&out));
}

#[test]
fn another_chain_is_invalid() {
	let fx = Fixture::new();
	let dir = tempfile::tempdir().unwrap();
	let p = fx.write(dir.path());
	// The production chain spec of the repository: another genesis hash.
	let production =
		Path::new(env!("CARGO_MANIFEST_DIR")).join("../chain-specs/doid-production.raw.json");
	let out = run(["verify-bundle", s(&p.bundle), "--chain-spec", s(&production)]);
	assert_eq!(code(&out), 1, "{}", stderr(&out));
	assert!(stderr(&out).contains("bundle is for another chain"), "{}", stderr(&out));

	let out = run([
		"verify-bundle",
		s(&p.bundle),
		"--genesis-hash",
		&format!("0x{}", "42".repeat(32)),
		"--authorities",
		s(&p.authorities),
	]);
	assert_eq!(code(&out), 1);
	assert!(stderr(&out).contains("another chain"), "{}", stderr(&out));
}

#[test]
fn missing_files_and_bad_trust_roots_exit_2() {
	let fx = Fixture::new();
	let dir = tempfile::tempdir().unwrap();
	let p = fx.write(dir.path());
	let missing = dir.path().join("missing-bundle.json");

	let out = run(["verify-bundle", s(&missing), "--chain-spec", s(&p.spec)]);
	assert_eq!(code(&out), 2);
	assert!(stderr(&out).contains("cannot read"), "{}", stderr(&out));
	assert!(stderr(&out).contains("missing-bundle.json"), "{}", stderr(&out));

	let out = run([
		"verify-bundle",
		s(&p.bundle),
		"--chain-spec",
		s(&p.spec),
		"--file",
		s(&dir.path().join("missing.pdf")),
	]);
	assert_eq!(code(&out), 2);
	assert!(stderr(&out).contains("missing.pdf"), "{}", stderr(&out));

	let out = run(["verify-bundle", s(&p.bundle), "--chain-spec", s(&dir.path().join("x.json"))]);
	assert_eq!(code(&out), 2);
	assert!(stderr(&out).contains("x.json"), "{}", stderr(&out));

	// A JSON file that is not a raw chain spec.
	let out = run(["verify-bundle", s(&p.bundle), "--chain-spec", s(&p.bundle)]);
	assert_eq!(code(&out), 2);
	assert!(stderr(&out).contains("raw chain spec"), "{}", stderr(&out));

	let genesis = format!("0x{}", hex::encode(fx.genesis_hash));
	let out = run([
		"verify-bundle",
		s(&p.bundle),
		"--genesis-hash",
		"0x1234",
		"--authorities",
		s(&p.authorities),
	]);
	assert_eq!(code(&out), 2);
	assert!(stderr(&out).contains("--genesis-hash"), "{}", stderr(&out));
	std::fs::write(&p.authorities, "0xnothex 1\n").unwrap();
	let out = run([
		"verify-bundle",
		s(&p.bundle),
		"--genesis-hash",
		&genesis,
		"--authorities",
		s(&p.authorities),
	]);
	assert_eq!(code(&out), 2);
	assert!(stderr(&out).contains("line 1"), "{}", stderr(&out));

	// clap: no trust root, both trust roots, a genesis hash without authorities.
	for args in [
		vec!["verify-bundle", s(&p.bundle)],
		vec!["verify-bundle", s(&p.bundle), "--chain-spec", s(&p.spec), "--genesis-hash", &genesis],
		vec!["verify-bundle", s(&p.bundle), "--genesis-hash", &genesis],
	] {
		let out = run(&args);
		assert_eq!(code(&out), 2, "{args:?}");
	}
}
