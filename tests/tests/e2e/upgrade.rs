//! Runtime upgrade on a running chain (issue 13, item 6): on a dev node, records are written
//! (a verified subject, an application, an anchor); then `Sudo.sudo(System.set_code(..))`
//! installs the same runtime with `spec_version + 1` (the `runtime_version` custom section of
//! the wasm rewritten). After the upgrade the node reports the new version, every record is
//! still readable through the `doid_*` methods (now answered by the new code), the storage
//! versions are unchanged, and new transactions work. (Only the section the node reads is
//! bumped: the code's own `VERSION` constant, which `CheckSpecVersion` signs against, stays at
//! the old spec version, so the harness keeps signing for it.)

use codec::Decode;
use doid_e2e::{flows::*, *};
use doid_primitives::{Digest, DigestAlgorithm, ElementKind, SubjectRole};
use doid_runtime::{RuntimeCall, RuntimeEvent};
use serde_json::json;
use sp_keyring::Sr25519Keyring::{Alice, Eve};

const EVE_USCC: &str = "91110108551385082Q";

/// Reads an unsigned LEB128 number at `*at`, advancing it.
fn leb128(bytes: &[u8], at: &mut usize) -> usize {
	let (mut value, mut shift) = (0usize, 0);
	loop {
		let byte = bytes[*at];
		*at += 1;
		value |= usize::from(byte & 0x7f) << shift;
		if byte & 0x80 == 0 {
			return value;
		}
		shift += 7;
	}
}

/// The offset of `spec_version` inside the wasm's `runtime_version` custom section (SCALE
/// `RuntimeVersion`: spec_name, impl_name, authoring_version, spec_version, ...).
fn spec_version_offset(wasm: &[u8]) -> usize {
	assert_eq!(&wasm[..4], b"\0asm", "a wasm module");
	let mut at = 8;
	while at < wasm.len() {
		let id = wasm[at];
		at += 1;
		let size = leb128(wasm, &mut at);
		let end = at + size;
		if id == 0 {
			let mut p = at;
			let name_len = leb128(wasm, &mut p);
			if &wasm[p..p + name_len] == b"runtime_version" {
				let mut data = &wasm[p + name_len..end];
				let start = data.len();
				String::decode(&mut data).expect("spec_name");
				String::decode(&mut data).expect("impl_name");
				u32::decode(&mut data).expect("authoring_version");
				return p + name_len + (start - data.len());
			}
		}
		at = end;
	}
	panic!("no runtime_version section in the runtime wasm");
}

/// The runtime's wasm with `spec_version` set to `version`, compressed as the node ships it.
fn bumped_runtime(version: u32) -> Vec<u8> {
	let compressed = doid_runtime::WASM_BINARY.expect("the runtime wasm is built");
	let mut wasm = sp_maybe_compressed_blob::decompress(
		compressed,
		sp_maybe_compressed_blob::CODE_BLOB_BOMB_LIMIT,
	)
	.expect("decompress the runtime")
	.into_owned();
	let at = spec_version_offset(&wasm);
	wasm[at..at + 4].copy_from_slice(&version.to_le_bytes());
	sp_maybe_compressed_blob::compress_strongly(
		&wasm,
		sp_maybe_compressed_blob::CODE_BLOB_BOMB_LIMIT,
	)
	.expect("compress the runtime")
}

fn spec_version(rpc: &Rpc) -> u32 {
	let version: serde_json::Value = rpc.call("state_getRuntimeVersion", json!([])).unwrap();
	version["specVersion"].as_u64().expect("specVersion") as u32
}

fn anchor(rpc: &Rpc, seed: u8) -> u64 {
	let digest = Digest { algorithm: DigestAlgorithm::Blake3, value: [seed; 32] };
	let call = RuntimeCall::Evidence(pallet_evidence::Call::anchor {
		digest,
		kind: pallet_evidence::EvidenceKind::Contract,
		related_doid: None,
		metadata_digest: None,
	});
	rpc.submit_and_watch(call, &Eve.pair(), 2 * MINUTE, |e| match e {
		RuntimeEvent::Evidence(pallet_evidence::Event::Anchored { anchor, .. }) => Some(*anchor),
		_ => None,
	})
	.expect("anchored")
}

#[test]
fn set_code_on_a_running_chain_keeps_every_record_readable() {
	let node = Node::start(NodeSpec::validator("dev", "alice"));
	let rpc = node.rpc();
	wait_for(MINUTE, "block 1", || (rpc.best_number().ok()? >= 1).then_some(()));
	let eve_pair = Eve.pair();
	let subjects: Vec<(&sp_core::sr25519::Pair, &str, &[SubjectRole])> =
		vec![(&eve_pair, EVE_USCC, &[SubjectRole::DataSupplier])];
	let eve = verified_subjects_by(&rpc, &Alice.pair(), &subjects)[0];
	let application_id = submit_application(
		&rpc,
		&Eve.pair(),
		application(ElementKind::DataResource, "升级前的数据资源", 1, &[]),
	)
	.expect("application submitted");
	let first_anchor = anchor(&rpc, 0xa1);
	let evidence_digest = format!("blake3:{}", "a1".repeat(32));
	let read_all = || {
		(
			rpc.json("doid_subject", json!([EVE_USCC])).expect("subject"),
			rpc.json("doid_application", json!([application_id])).expect("application"),
			rpc.json("doid_evidence", json!([evidence_digest])).expect("evidence"),
		)
	};
	let before = read_all();
	let old = spec_version(&rpc);

	let code = bumped_runtime(old + 1);
	let set_code = RuntimeCall::Sudo(pallet_sudo::Call::sudo {
		call: Box::new(RuntimeCall::System(frame_system::Call::set_code { code })),
	});
	let outcome = rpc
		.submit_and_watch(set_code, &Alice.pair(), 2 * MINUTE, |e| match e {
			RuntimeEvent::System(frame_system::Event::CodeUpdated { .. }) => Some(Ok(())),
			RuntimeEvent::Sudo(pallet_sudo::Event::Sudid { sudo_result: Err(e) }) => {
				Some(Err(format!("{e:?}")))
			}
			_ => None,
		})
		.expect("the set_code transaction is included");
	outcome.unwrap_or_else(|e| panic!("set_code refused: {e}\n{}", node.log_tail()));
	wait_for(MINUTE, "the node to run the new runtime", || {
		(spec_version(&rpc) == old + 1).then_some(())
	});
	println!("runtime upgraded from spec_version {old} to {}", old + 1);
	// The transaction pool re-validates against the new runtime when it imports the next
	// blocks; a transaction signed at a block its view has not reached yet is refused
	// (`AncientBirthBlock`), so wallets wait for the upgrade to be finalized.
	let upgraded_at = rpc.best_number().unwrap();
	wait_for(MINUTE, "the upgrade block to be finalized", || {
		(rpc.finalized_number().ok()? >= upgraded_at + 1).then_some(())
	});

	// Every record reads the same through the new code, and new transactions work.
	let after = read_all();
	assert_eq!(after, before, "records changed across the upgrade");
	assert_eq!(after.0["id"], eve);
	assert_eq!(after.2["anchors"][0]["id"], first_anchor);
	let second = anchor(&rpc, 0xa2);
	assert_eq!(second, first_anchor + 1);
	println!("subject {eve}, application {application_id} and anchor {first_anchor} readable; anchor {second} written after the upgrade");
}
