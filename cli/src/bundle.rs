//! `doid verify-bundle`: offline verification of a proof bundle, and the trust root it needs
//! (genesis hash and genesis GRANDPA authorities).

use crate::{
	error::{read_error, read_file, CliError},
	hashing, show,
};
use codec::DecodeAll;
use doid_primitives::Digest;
use doid_verifier::{BundleError, Verified};
use serde_json::{json, Value};
use std::path::Path;

/// The chain's identity the verifier trusts.
pub struct TrustRoot {
	/// Genesis block hash.
	pub genesis_hash: [u8; 32],
	/// Genesis GRANDPA authorities (ed25519 key, weight).
	pub authorities: Vec<([u8; 32], u64)>,
}

/// `0x` + 64 hex digits.
pub fn parse_hash32(text: &str) -> Result<[u8; 32], String> {
	let digits = text.trim();
	let digits = digits.strip_prefix("0x").unwrap_or(digits);
	let bytes = hex::decode(digits).map_err(|e| format!("{text:?} is not hex: {e}"))?;
	<[u8; 32]>::try_from(bytes.as_slice())
		.map_err(|_| format!("{text:?} is not 32 bytes (0x followed by 64 hex digits)"))
}

/// Parses a genesis authorities file. Accepted forms:
///
/// - one authority per line, `KEY [WEIGHT]` (weight 1 if omitted), `#` starts a comment; KEY is
///   the ed25519 public key as `0x` + 64 hex digits;
/// - a JSON array of `["0x…", weight]` pairs, of `{"key": "0x…", "weight": n}` objects, or of
///   plain `"0x…"` keys (weight 1);
/// - the `0x` hex of the SCALE-encoded `Grandpa::Authorities` storage value
///   (`Vec<([u8; 32], u64)>`, e.g. from `state_getStorage` at the genesis block).
pub fn parse_authorities(text: &str) -> Result<Vec<([u8; 32], u64)>, String> {
	let trimmed = text.trim();
	if trimmed.starts_with('[') {
		let items: Vec<Value> =
			serde_json::from_str(trimmed).map_err(|e| format!("not a JSON array: {e}"))?;
		return items
			.iter()
			.enumerate()
			.map(|(i, item)| {
				let (key, weight) = match item {
					Value::String(k) => (k.as_str(), Some(1)),
					Value::Array(pair) => (
						pair.first().and_then(Value::as_str).unwrap_or_default(),
						pair.get(1).map_or(Some(1), Value::as_u64),
					),
					Value::Object(o) => (
						o.get("key").and_then(Value::as_str).unwrap_or_default(),
						o.get("weight").map_or(Some(1), Value::as_u64),
					),
					_ => ("", None),
				};
				let weight =
					weight.ok_or_else(|| format!("entry {i}: weight is not a whole number"))?;
				Ok((parse_hash32(key).map_err(|e| format!("entry {i}: {e}"))?, weight))
			})
			.collect();
	}
	let lines: Vec<&str> = trimmed
		.lines()
		.map(|l| l.split('#').next().unwrap_or_default().trim())
		.filter(|l| !l.is_empty())
		.collect();
	if let [single] = lines.as_slice() {
		let digits = single.strip_prefix("0x").unwrap_or(single);
		if digits.len() > 64 && !single.contains(char::is_whitespace) {
			let bytes = hex::decode(digits).map_err(|e| format!("not hex: {e}"))?;
			return Vec::<([u8; 32], u64)>::decode_all(&mut &bytes[..])
				.map_err(|e| format!("not a SCALE-encoded list of (ed25519 key, weight): {e}"));
		}
	}
	lines
		.iter()
		.enumerate()
		.map(|(i, line)| {
			let mut parts = line.split_whitespace();
			let key = parts.next().unwrap_or_default();
			let weight = match parts.next() {
				Some(w) => w
					.parse::<u64>()
					.map_err(|_| format!("line {}: weight {w:?} is not a whole number", i + 1))?,
				None => 1,
			};
			if parts.next().is_some() {
				return Err(format!("line {}: expected `KEY [WEIGHT]`", i + 1));
			}
			Ok((parse_hash32(key).map_err(|e| format!("line {}: {e}", i + 1))?, weight))
		})
		.collect()
}

/// The trust root from `--chain-spec`, or from `--genesis-hash` and `--authorities`.
pub fn trust_root(
	chain_spec: Option<&Path>,
	genesis_hash: Option<&str>,
	authorities: Option<&Path>,
) -> Result<TrustRoot, CliError> {
	if let Some(spec) = chain_spec {
		let json = read_file(spec)?;
		let info = doid_verifier::genesis_from_raw_chain_spec(&json).map_err(|e| {
			CliError::usage(format!(
				"{}: {e} (give the chain's published *raw* chain spec, e.g. \
				 chain-specs/doid-production.raw.json)",
				spec.display()
			))
		})?;
		return Ok(TrustRoot { genesis_hash: info.genesis_hash, authorities: info.authorities });
	}
	let (Some(hash), Some(file)) = (genesis_hash, authorities) else {
		return Err(CliError::usage(
			"the verifier needs the chain's trust root: give --chain-spec RAW_SPEC.json, or both \
			 --genesis-hash 0x… and --authorities FILE",
		));
	};
	let genesis_hash =
		parse_hash32(hash).map_err(|e| CliError::usage(format!("--genesis-hash: {e}")))?;
	let text = String::from_utf8(read_file(file)?).map_err(|_| {
		CliError::usage(format!("{}: the authorities file is not UTF-8 text", file.display()))
	})?;
	let authorities = parse_authorities(&text)
		.map_err(|e| CliError::usage(format!("{}: {e}", file.display())))?;
	if authorities.is_empty() {
		return Err(CliError::usage(format!("{}: no authority listed", file.display())));
	}
	Ok(TrustRoot { genesis_hash, authorities })
}

/// The outcome of verifying a bundle.
pub enum Outcome {
	/// The bundle verifies (and the file, if given, matches).
	Valid(Box<Verified>),
	/// It does not; the verifier's reason.
	Invalid(BundleError),
}

/// Verifies `bundle_json`, then (streaming, whatever its size) the file against its digest.
pub fn verify(
	bundle_json: &[u8],
	root: &TrustRoot,
	file: Option<&Path>,
) -> Result<Outcome, CliError> {
	let mut verified =
		match doid_verifier::verify_bundle(bundle_json, root.genesis_hash, &root.authorities, None)
		{
			Ok(v) => v,
			Err(e) => return Ok(Outcome::Invalid(e)),
		};
	if let Some(path) = file {
		let (actual, _) = hashing::digest_file(path, verified.digest.algorithm)?;
		if actual != verified.digest {
			return Ok(Outcome::Invalid(BundleError::FileMismatch {
				expected: verified.digest,
				actual,
			}));
		}
		verified.file_checked = true;
	}
	Ok(Outcome::Valid(Box::new(verified)))
}

fn kind_name(v: &Verified) -> String {
	format!("{:?}", v.record.kind)
}

/// The human report of a valid bundle.
pub fn report(v: &Verified, genesis_hash: &[u8; 32], file: Option<&Path>) -> String {
	let kind = kind_name(v);
	let mut lines = vec![
		"VALID: the proof bundle verifies against the chain's genesis authorities.".to_string(),
		format!("  chain:             genesis 0x{}", hex::encode(genesis_hash)),
		format!("  digest:            {}", v.digest),
		format!(
			"  first anchoring:   anchor {} in block {}, chain date {}, time {}",
			v.anchor_id,
			v.record.block,
			show::date(&json!(v.date.to_yyyymmdd())),
			show::time_utc8(v.moment_ms)
		),
		format!(
			"  submitter:         subject {} (account {}, 0x{})",
			v.record.subject,
			subxt::utils::AccountId32(v.record.account),
			hex::encode(v.record.account)
		),
		format!(
			"  kind:              {kind}{}",
			show::evidence_kind_zh(&kind).map(|z| format!(" ({z})")).unwrap_or_default()
		),
	];
	if let Some(doid) = &v.record.related_doid {
		lines.push(format!("  related DOID:      {}", doid.as_str()));
	}
	if let Some(n) = v.record.leaf_count {
		lines.push(format!("  Merkle batch root of {n} leaves"));
	}
	for c in &v.record.cosignatures {
		let role = format!("{:?}", c.role);
		lines.push(format!(
			"  co-signed by:      subject {} as {role}{} in block {}",
			c.subject,
			show::role_zh(&role).map(|z| format!(" ({z})")).unwrap_or_default(),
			c.block
		));
	}
	for a in &v.record.annotations {
		lines.push(format!(
			"  annotated:         {:?} in block {} (reason {})",
			a.kind, a.block, a.reason_digest
		));
	}
	lines.push(format!(
		"  proven in block:   {} (0x{})",
		v.block_number,
		hex::encode(v.block_hash)
	));
	lines.push(format!(
		"  finalized block:   {} (0x{}) by GRANDPA authority set {}",
		v.finalized_number,
		hex::encode(v.finalized_hash),
		v.set_id
	));
	lines.push(match (v.file_checked, file) {
		(true, Some(f)) => format!("  file checked:      {} hashes to the digest", f.display()),
		_ => "  file checked:      no (give --file to check the document itself)".to_string(),
	});
	let mut text = lines.join("\n");
	text.push('\n');
	text
}

/// The JSON report of a valid bundle.
pub fn report_json(v: &Verified, genesis_hash: &[u8; 32], file: Option<&Path>) -> Value {
	json!({
		"valid": true,
		"genesisHash": format!("0x{}", hex::encode(genesis_hash)),
		"digest": v.digest.to_string(),
		"anchorId": v.anchor_id,
		"anchorBlock": v.record.block,
		"date": v.date.to_yyyymmdd(),
		"momentMs": v.moment_ms,
		"time": show::time_utc8(v.moment_ms),
		"subject": v.record.subject,
		"account": subxt::utils::AccountId32(v.record.account).to_string(),
		"accountHex": format!("0x{}", hex::encode(v.record.account)),
		"kind": kind_name(v),
		"relatedDoid": v.record.related_doid.as_ref().map(|o| o.as_str().to_string()),
		"leafCount": v.record.leaf_count,
		"cosignatures": v.record.cosignatures.iter().map(|c| json!({
			"subject": c.subject, "role": format!("{:?}", c.role), "block": c.block,
		})).collect::<Vec<_>>(),
		"annotations": v.record.annotations.iter().map(|a| json!({
			"kind": format!("{:?}", a.kind), "reasonDigest": a.reason_digest.to_string(),
			"block": a.block, "date": a.date.to_yyyymmdd(),
		})).collect::<Vec<_>>(),
		"block": v.block_number,
		"blockHash": format!("0x{}", hex::encode(v.block_hash)),
		"finalizedBlock": v.finalized_number,
		"finalizedHash": format!("0x{}", hex::encode(v.finalized_hash)),
		"setId": v.set_id,
		"fileChecked": v.file_checked,
		"file": file.filter(|_| v.file_checked).map(|f| f.display().to_string()),
	})
}

/// Reads a bundle file (a missing file is a usage error, exit 2).
pub fn read_bundle(path: &Path) -> Result<Vec<u8>, CliError> {
	std::fs::read(path).map_err(|e| read_error(path, &e))
}

/// The digest a bundle is about, read without verifying (for messages).
pub fn bundle_digest(json: &[u8]) -> Option<Digest> {
	serde_json::from_slice::<Value>(json).ok()?["digest"].as_str()?.parse().ok()
}

#[cfg(test)]
mod tests {
	use super::*;

	const K1: &str = "0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee";
	const K2: &str = "0xd17c2d7823ebf260fd138f2d7e27d114c0145d968b5ff5006125f2414fadae69";

	#[test]
	fn authorities_in_every_form() {
		let k1 = parse_hash32(K1).unwrap();
		let k2 = parse_hash32(K2).unwrap();
		let expected = vec![(k1, 1), (k2, 3)];
		assert_eq!(
			parse_authorities(&format!("# set 0\n{K1}\n{K2} 3 # heavy\n")).unwrap(),
			expected
		);
		assert_eq!(
			parse_authorities(&format!("[[\"{K1}\", 1], [\"{K2}\", 3]]")).unwrap(),
			expected
		);
		assert_eq!(
			parse_authorities(&format!(
				"[{{\"key\": \"{K1}\"}}, {{\"key\": \"{K2}\", \"weight\": 3}}]"
			))
			.unwrap(),
			expected
		);
		let scale = format!("0x{}", hex::encode(codec::Encode::encode(&expected)));
		assert_eq!(parse_authorities(&scale).unwrap(), expected);
		assert!(parse_authorities("0x1234").unwrap_err().contains("line 1"));
		assert!(parse_authorities(&format!("{K1} x")).unwrap_err().contains("weight"));
		assert!(parse_authorities(&format!("[\"{K1}\", 7]")).is_err());
	}
}
