//! `doid anchor` and `doid anchor-batch`: signed `Evidence::anchor` / `Evidence::anchor_batch`
//! extrinsics, built with subxt from the node's own metadata (dynamic calls, no generated code),
//! signed with an sr25519 key from a secret URI, and followed until their block is finalized.
//!
//! The secret URI comes only from `--suri` or `DOID_SURI` and is never printed, not even in
//! error messages.

use crate::error::CliError;
use codec::Decode;
use doid_primitives::{Digest, Oid};
use std::str::FromStr;
use subxt::{
	dynamic::Value, ext::scale_value::Composite, transactions::TransactionStatus, OnlineClient,
	PolkadotConfig,
};
use subxt_signer::{sr25519::Keypair, SecretUri};

/// What an anchored digest is the digest of (`--kind`).
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Kind {
	/// A contract (合同).
	Contract,
	/// A transaction or trading log (交易日志).
	TransactionLog,
	/// A registration material (登记材料).
	Material,
	/// A review or evaluation report (审核/评估报告).
	ReviewReport,
	/// A ruling or arbitration decision (裁决).
	Ruling,
	/// Anything else (其他).
	#[default]
	Other,
}

impl Kind {
	/// The variant name in the runtime's `EvidenceKind`.
	pub fn variant(self) -> &'static str {
		match self {
			Kind::Contract => "Contract",
			Kind::TransactionLog => "TransactionLog",
			Kind::Material => "Material",
			Kind::ReviewReport => "ReviewReport",
			Kind::Ruling => "Ruling",
			Kind::Other => "Other",
		}
	}
}

/// `http://` → `ws://`, `https://` → `wss://` (subxt talks over WebSocket; a Substrate node
/// serves both on its RPC port).
pub fn ws_url(url: &str) -> String {
	let url = url.trim();
	if let Some(rest) = url.strip_prefix("http://") {
		format!("ws://{rest}")
	} else if let Some(rest) = url.strip_prefix("https://") {
		format!("wss://{rest}")
	} else if url.contains("://") {
		url.to_string()
	} else {
		format!("ws://{url}")
	}
}

/// The sr25519 key of a secret URI (mnemonic, `0x` seed, `//Alice`, with derivation paths and
/// `///password`). Error messages never contain the URI.
pub fn keypair(suri: &str) -> Result<Keypair, CliError> {
	let uri = SecretUri::from_str(suri.trim()).map_err(|_| {
		CliError::usage(
			"the secret URI (--suri / DOID_SURI) is not valid: expected a mnemonic phrase or a 0x \
			 seed, optionally followed by //derivation paths and ///password",
		)
	})?;
	Keypair::from_uri(&uri).map_err(|e| {
		let why = match e {
			subxt_signer::sr25519::Error::InvalidSeed => "the seed has the wrong length",
			subxt_signer::sr25519::Error::Phrase(_) => "the mnemonic phrase is not valid BIP-39",
			subxt_signer::sr25519::Error::Hex(_) => "the seed is not valid hex",
			_ => "the key cannot be derived",
		};
		CliError::usage(format!("the secret URI (--suri / DOID_SURI) is not usable: {why}"))
	})
}

/// The runtime's `Digest { algorithm, value }`.
fn digest_value(d: &Digest) -> Value {
	Value::named_composite([
		("algorithm", Value::unnamed_variant(format!("{:?}", d.algorithm), [])),
		("value", Value::from_bytes(d.value)),
	])
}

fn option(v: Option<Value>) -> Value {
	match v {
		Some(v) => Value::unnamed_variant("Some", [v]),
		None => Value::unnamed_variant("None", []),
	}
}

/// The call data of `Evidence::anchor(digest, kind, related_doid, metadata_digest)`.
pub fn anchor_call(
	digest: &Digest,
	kind: Kind,
	related_doid: Option<&Oid>,
	metadata_digest: Option<&Digest>,
) -> Composite<()> {
	Composite::named([
		("digest".to_string(), digest_value(digest)),
		("kind".to_string(), Value::unnamed_variant(kind.variant(), [])),
		(
			"related_doid".to_string(),
			option(
				related_doid.map(|o| Value::unnamed_composite([Value::from_bytes(o.as_bytes())])),
			),
		),
		("metadata_digest".to_string(), option(metadata_digest.map(digest_value))),
	])
}

/// The call data of `Evidence::anchor_batch(root, leaf_count, kind)`.
pub fn anchor_batch_call(root: &Digest, leaf_count: u64, kind: Kind) -> Composite<()> {
	Composite::named([
		("root".to_string(), digest_value(root)),
		("leaf_count".to_string(), Value::u128(u128::from(leaf_count))),
		("kind".to_string(), Value::unnamed_variant(kind.variant(), [])),
	])
}

/// A finalized anchoring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchored {
	/// The anchor id.
	pub anchor: u64,
	/// The anchored digest (or batch root).
	pub digest: Digest,
	/// The submitting subject.
	pub subject: u64,
	/// 0 for the digest's first anchoring.
	pub sequence: u32,
	/// Leaf count of a batch root.
	pub leaf_count: Option<u64>,
	/// Finalized block number.
	pub block: u64,
	/// Its hash.
	pub block_hash: [u8; 32],
	/// The extrinsic's hash.
	pub extrinsic_hash: [u8; 32],
}

/// Which call to submit.
pub enum Call {
	/// `Evidence::anchor`.
	Anchor(Composite<()>),
	/// `Evidence::anchor_batch`.
	Batch(Composite<()>),
}

/// The error of a node that cannot be reached (exit 2).
pub fn connection_error(url: &str, e: impl std::fmt::Display) -> CliError {
	CliError::usage(format!(
		"cannot connect to the DOID node at {url}: {e}. Is the node running with its RPC server \
		 on that address? Give the node's address with --url or DOID_URL."
	))
}

/// Signs `call` with `signer`, submits it to the node at `url` and waits until its block is
/// finalized; returns the anchoring from the `Evidence.Anchored` / `BatchAnchored` event.
/// Status updates go to stderr.
pub fn submit(url: &str, signer: &Keypair, call: Call) -> Result<Anchored, CliError> {
	let runtime = tokio::runtime::Builder::new_current_thread()
		.enable_all()
		.build()
		.map_err(|e| CliError::usage(format!("cannot start the network runtime: {e}")))?;
	runtime.block_on(submit_async(&ws_url(url), signer, call))
}

async fn submit_async(url: &str, signer: &Keypair, call: Call) -> Result<Anchored, CliError> {
	let client = OnlineClient::<PolkadotConfig>::from_insecure_url(url)
		.await
		.map_err(|e| connection_error(url, e))?;
	let at = client.at_current_block().await.map_err(|e| connection_error(url, e))?;
	let (event_name, payload) = match call {
		Call::Anchor(data) => ("Anchored", subxt::dynamic::tx("Evidence", "anchor", data)),
		Call::Batch(data) => {
			("BatchAnchored", subxt::dynamic::tx("Evidence", "anchor_batch", data))
		}
	};
	let mut transactions = at.transactions();
	let mut progress = transactions
		.sign_and_submit_then_watch_default(&payload, signer)
		.await
		.map_err(|e| CliError::negative(format!("the node did not accept the transaction: {e}")))?;
	let extrinsic_hash: [u8; 32] = progress.extrinsic_hash().into();
	eprintln!("submitted transaction 0x{}; waiting for finalization…", hex::encode(extrinsic_hash));
	let in_block = loop {
		match progress.next().await {
			Some(Ok(TransactionStatus::InBestBlock(b))) => {
				eprintln!("included in block 0x{}", hex::encode(<[u8; 32]>::from(b.block_hash())));
			}
			Some(Ok(TransactionStatus::InFinalizedBlock(b))) => break b,
			Some(Ok(TransactionStatus::Invalid { message })) => {
				return Err(CliError::negative(format!("the transaction is invalid: {message}")))
			}
			Some(Ok(TransactionStatus::Dropped { message })) => {
				return Err(CliError::negative(format!("the transaction was dropped: {message}")))
			}
			Some(Ok(TransactionStatus::Error { message })) => {
				return Err(CliError::negative(format!("the transaction failed: {message}")))
			}
			Some(Ok(_)) => {}
			Some(Err(e)) => {
				return Err(CliError::usage(format!(
					"lost track of the transaction 0x{}: {e}; check later with `doid lookup`",
					hex::encode(extrinsic_hash)
				)))
			}
			None => {
				return Err(CliError::usage(format!(
					"the node stopped reporting on transaction 0x{}; check later with `doid lookup`",
					hex::encode(extrinsic_hash)
				)))
			}
		}
	};
	let block_hash: [u8; 32] = in_block.block_hash().into();
	let events = in_block.wait_for_success().await.map_err(|e| match e {
		subxt::error::TransactionEventsError::ExtrinsicFailed(d) => {
			CliError::negative(format!("the chain refused the anchoring: {d}"))
		}
		other => CliError::usage(format!("cannot read the transaction's events: {other}")),
	})?;
	let block = in_block.at().await.map(|c| c.block_number()).unwrap_or_default();
	for event in events.iter() {
		let event = event
			.map_err(|e| CliError::usage(format!("cannot decode the transaction's events: {e}")))?;
		if event.pallet_name() != "Evidence" || event.event_name() != event_name {
			continue;
		}
		let mut bytes = event.field_bytes();
		let decoded = if event_name == "Anchored" {
			<(u64, Digest, u8, u64, u32)>::decode(&mut bytes).map(
				|(anchor, digest, _, subject, sequence)| (anchor, digest, subject, sequence, None),
			)
		} else {
			<(u64, Digest, u64, u8, u64, u32)>::decode(&mut bytes).map(
				|(anchor, digest, count, _, subject, sequence)| {
					(anchor, digest, subject, sequence, Some(count))
				},
			)
		};
		let (anchor, digest, subject, sequence, leaf_count) = decoded.map_err(|e| {
			CliError::usage(format!("cannot decode the Evidence.{event_name} event: {e}"))
		})?;
		return Ok(Anchored {
			anchor,
			digest,
			subject,
			sequence,
			leaf_count,
			block,
			block_hash,
			extrinsic_hash,
		});
	}
	Err(CliError::usage(format!(
		"the transaction was finalized in block 0x{} but emitted no Evidence.{event_name} event",
		hex::encode(block_hash)
	)))
}

#[cfg(test)]
mod tests {
	use super::*;
	use doid_primitives::DigestAlgorithm;

	#[test]
	fn urls() {
		assert_eq!(ws_url("http://127.0.0.1:9944"), "ws://127.0.0.1:9944");
		assert_eq!(ws_url("https://n.example"), "wss://n.example");
		assert_eq!(ws_url("ws://x:1"), "ws://x:1");
		assert_eq!(ws_url("x:1"), "ws://x:1");
	}

	#[test]
	fn dev_key_and_bad_suri_without_echo() {
		let alice = keypair("//Alice").unwrap();
		// The well-known dev account of //Alice.
		assert_eq!(
			hex::encode(alice.public_key().0),
			"d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d"
		);
		let secret = "bottom drive obey lake curtain smoke basket hold race lonely fit wrong";
		let err = keypair(&format!("{secret} not-a-word")).err().unwrap();
		assert!(!err.message().contains("bottom"), "{err}");
	}

	#[test]
	fn call_data_shape() {
		let d = Digest::new(DigestAlgorithm::Blake3, [1; 32]);
		let oid = Oid::parse(b"2.999.2.1.1.7").unwrap();
		let call = anchor_call(&d, Kind::Contract, Some(&oid), None);
		let text = format!("{call}");
		assert!(text.contains("Blake3"), "{text}");
		assert!(text.contains("Contract"), "{text}");
		assert!(text.contains("None"), "{text}");
		assert_eq!(call.len(), 4);
		assert_eq!(anchor_batch_call(&d, 3, Kind::Other).len(), 3);
	}
}
