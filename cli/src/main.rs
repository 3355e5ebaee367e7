//! `doid`: the DOID chain command-line client.
//!
//! Offline: identifier checks (`check`), file digests (`hash`), Merkle batches (`batch`,
//! `batch-verify`) and proof-bundle verification (`verify-bundle`, needs nothing but the bundle
//! and the chain's trust root). Online, over the node's JSON-RPC: evidence lookups and proof
//! bundles, certificates, subjects, applications, public notices and working days; anchoring
//! digests with a signed extrinsic (`anchor`, `anchor-batch`).
//!
//! Human output by default, `--json` for scripts. Exit codes: 0 ok, 1 invalid or not found,
//! 2 usage, input or connection error.

mod anchor;
mod batch;
mod bundle;
mod error;
mod explorer;
mod hashing;
mod rpc;
mod show;

use clap::{Args, Parser, Subcommand};
use doid_primitives::{Date, Digest, Oid, RegistrationNumber, ResidentIdNumber, Uscc};
use error::{write_error, CliError, CliResult};
use hashing::Algo;
use serde_json::{json, Value};
use std::{
	path::{Path, PathBuf},
	process::ExitCode,
};

/// The DOID chain command-line client.
///
/// Exit codes: 0 success; 1 invalid (proof, bundle, certificate not in force) or not found;
/// 2 usage, input, file or connection error.
#[derive(Parser, Debug)]
#[command(name = "doid", version, about, long_about)]
struct Cli {
	/// The node's JSON-RPC address (http://, https://, ws:// or wss://).
	#[arg(long, global = true, env = "DOID_URL", default_value = rpc::DEFAULT_URL)]
	url: String,
	/// Print JSON (the node's answers as they are) instead of a human summary.
	#[arg(long, global = true)]
	json: bool,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
	/// Check an identifier offline, with the chain's own rules.
	#[command(subcommand)]
	Check(Check),
	/// Digest of a file, as the chain writes it: `algorithm:hex` (streaming; `-` reads stdin).
	Hash {
		/// The file.
		file: PathBuf,
		#[arg(long, value_enum, default_value_t)]
		algo: Algo,
	},
	/// Build a Merkle batch of files: writes DIR/root.txt (root and leaf count, to anchor with
	/// `anchor-batch`) and one proof file per input file.
	Batch {
		/// The files, in batch order.
		#[arg(required = true)]
		files: Vec<PathBuf>,
		#[arg(long, value_enum, default_value_t)]
		algo: Algo,
		/// Output directory (created if missing).
		#[arg(short = 'o', long = "out", value_name = "DIR")]
		out: PathBuf,
	},
	/// Check offline that a file is in an anchored Merkle batch (root and count from the chain).
	BatchVerify {
		/// The proof file written by `doid batch`.
		proof: PathBuf,
		/// The file.
		#[arg(long)]
		file: PathBuf,
		/// The anchored batch root, `algorithm:hex`.
		#[arg(long)]
		root: String,
		/// The anchored leaf count.
		#[arg(long)]
		count: u64,
	},
	/// Everything the chain knows about a file or digest: anchors (first anchoring first),
	/// co-signatures, annotations, applications and certificates.
	Lookup {
		/// A file (hashed with --algo) or a digest `algorithm:hex`.
		target: String,
		#[arg(long, value_enum, default_value_t)]
		algo: Algo,
	},
	/// Fetch the proof bundle of a digest's first anchoring (to verify offline with
	/// `verify-bundle`).
	Bundle {
		/// A digest `algorithm:hex`, or a file (hashed with --algo).
		target: String,
		/// Where to write the bundle (JSON).
		#[arg(short = 'o', long = "out", value_name = "OUT.json")]
		out: PathBuf,
		#[arg(long, value_enum, default_value_t)]
		algo: Algo,
	},
	/// Verify a proof bundle offline, against the chain's genesis authorities.
	VerifyBundle(VerifyBundle),
	/// A certificate's record, by DOID (e.g. 2.999.2.1.1.7) or registration number.
	Certificate {
		/// DOID or registration number.
		id: String,
	},
	/// Verify a certificate (status 状态, holder, validity, lineage); exit 1 if not in force.
	Verify {
		/// DOID or registration number.
		id: String,
	},
	/// A subject (主体), by subject OID or unified social credit code.
	Subject {
		/// Subject OID or USCC.
		id: String,
	},
	/// A registration application (登记申请) by number.
	Application {
		/// Application id.
		id: u64,
	},
	/// An objection (异议) with its full history.
	Objection {
		/// Objection id.
		id: u64,
	},
	/// Applications currently in public notice (登记公示).
	Notices {
		/// Only this registry's.
		#[arg(long)]
		registry: Option<u32>,
	},
	/// Working days (工作日) after FROM up to and including TO, by the chain's calendar.
	WorkingDays {
		/// First date, `YYYY-MM-DD` or `YYYYMMDD` (not counted).
		from: String,
		/// Last date (counted).
		to: String,
	},
	/// Anchor a file's digest on chain (`Evidence::anchor`), signed with --suri / DOID_SURI;
	/// waits for finality and prints the anchor id.
	Anchor(AnchorArgs),
	/// Anchor a Merkle batch root (`Evidence::anchor_batch`), signed with --suri / DOID_SURI.
	AnchorBatch(AnchorBatchArgs),
	/// Serve the public web pages (notice board 登记公示, verification 登记查验, certificates)
	/// for a node, until stopped. Open http://LISTEN/ in a browser.
	Explorer {
		/// The node the pages talk to (its JSON-RPC address; default: --url).
		#[arg(long)]
		node: Option<String>,
		/// Address to listen on.
		#[arg(long, default_value = "127.0.0.1:8080")]
		listen: String,
	},
}

#[derive(Args, Debug)]
#[command(group(clap::ArgGroup::new("trust").required(true).args(["chain_spec", "genesis_hash"])))]
struct VerifyBundle {
	/// The bundle (JSON).
	bundle: PathBuf,
	/// The chain's published raw chain spec (genesis hash and authorities are derived from it).
	#[arg(long, value_name = "RAW_SPEC.json", conflicts_with_all = ["genesis_hash", "authorities"])]
	chain_spec: Option<PathBuf>,
	/// The chain's genesis hash, 0x + 64 hex digits (with --authorities).
	#[arg(long, value_name = "0x…", requires = "authorities")]
	genesis_hash: Option<String>,
	/// The genesis GRANDPA authorities: lines `0xKEY [WEIGHT]`, a JSON array, or the hex of the
	/// SCALE `Grandpa::Authorities` value.
	#[arg(long, value_name = "FILE", requires = "genesis_hash")]
	authorities: Option<PathBuf>,
	/// Also check that this file hashes to the bundle's digest.
	#[arg(long)]
	file: Option<PathBuf>,
}

/// The signing key: never echoed.
#[derive(Args, Debug)]
struct Signer {
	/// Secret URI of the sr25519 signing key (mnemonic or 0x seed, with //derivation); prefer
	/// the DOID_SURI environment variable, a command line is visible to other users.
	#[arg(long, env = "DOID_SURI", hide_env_values = true, value_name = "SURI")]
	suri: Option<String>,
	/// Do not sign or submit: print the SCALE call data (hex) for signing elsewhere.
	#[arg(long)]
	print_call: bool,
}

#[derive(Args, Debug)]
struct AnchorArgs {
	/// A file (hashed with --algo) or a digest `algorithm:hex`.
	target: String,
	/// What the file is.
	#[arg(long, value_enum, default_value_t)]
	kind: anchor::Kind,
	#[arg(long, value_enum, default_value_t)]
	algo: Algo,
	/// DOID of a related certificate.
	#[arg(long, value_name = "DOID")]
	related_doid: Option<String>,
	/// Digest of off-chain metadata (`algorithm:hex`).
	#[arg(long, value_name = "DIGEST")]
	metadata_digest: Option<String>,
	#[command(flatten)]
	signer: Signer,
}

#[derive(Args, Debug)]
struct AnchorBatchArgs {
	/// DIR/root.txt written by `doid batch`, or the root digest `algorithm:hex` (with --count).
	root: String,
	/// Leaf count (read from root.txt when omitted).
	#[arg(long)]
	count: Option<u64>,
	#[arg(long, value_enum, default_value_t)]
	kind: anchor::Kind,
	#[command(flatten)]
	signer: Signer,
}

#[derive(Subcommand, Debug)]
enum Check {
	/// A unified social credit code (GB 32100, 18 characters).
	Uscc { code: String },
	/// A resident identity number (GB 11643; checked locally, never sent anywhere).
	ResidentId { number: String },
	/// A registration number `{PREFIX}{YYYY}{SERIAL}{CHECK}` (ISO 7064 MOD 37-36).
	RegNo { number: String },
	/// A dotted OID such as `2.999.1.1.7`.
	Oid { oid: String },
	/// A date `YYYY-MM-DD` (prints its weekday).
	Date { date: String },
}

fn check(check: &Check) -> Result<String, String> {
	match check {
		Check::Uscc { code } => Uscc::parse(code.as_bytes())
			.map(|u| {
				format!(
					"valid USCC {} (division {})",
					u.as_str(),
					String::from_utf8_lossy(u.division_code())
				)
			})
			.map_err(|e| format!("invalid USCC: {e}")),
		Check::ResidentId { number } => ResidentIdNumber::parse(number.as_bytes())
			.map(|_| "valid resident identity number".to_string())
			.map_err(|e| format!("invalid resident identity number: {e}")),
		Check::RegNo { number } => RegistrationNumber::parse(number.as_bytes())
			.map(|n| {
				format!("valid registration number {n} (year {}, serial {})", n.year(), n.serial())
			})
			.map_err(|e| format!("invalid registration number: {e}")),
		Check::Oid { oid } => Oid::parse(oid.as_bytes())
			.map(|o| format!("valid OID {} ({} arcs)", o.as_str(), o.arc_count()))
			.map_err(|e| format!("invalid OID: {e}")),
		Check::Date { date } => Date::parse_iso(date.as_bytes())
			.map(|d| {
				const NAMES: [&str; 7] =
					["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
				format!("{} is a {}", date, NAMES[d.weekday() as usize % 7])
			})
			.map_err(|e| format!("invalid date (expected YYYY-MM-DD): {e}")),
	}
}

// ---------------------------------------------------------------------------------------------
// Arguments.

/// Parses a digest argument `algorithm:hex`.
fn parse_digest(text: &str, what: &str) -> CliResult<Digest> {
	let digest: Digest = text.trim().parse().map_err(|e| {
		CliError::usage(format!(
			"{what} {text:?} is not a digest: {e} (expected algorithm:hex, e.g. blake3:<64 hex \
			 digits>; algorithms blake2b256, sha256, blake3, sm3)"
		))
	})?;
	if digest.is_zero() {
		return Err(CliError::usage(format!("{what} is all zeros, which is never a real digest")));
	}
	Ok(digest)
}

/// A FILE|DIGEST argument: an existing file is hashed with `algo`, anything else must be a
/// digest.
fn resolve_target(target: &str, algo: Algo) -> CliResult<(Digest, Option<PathBuf>)> {
	let path = Path::new(target);
	if path.is_file() || target == "-" {
		let (digest, _) = hashing::digest_file(path, algo.into())?;
		return Ok((digest, Some(path.to_path_buf())));
	}
	if path.is_dir() {
		return Err(CliError::usage(format!("{target} is a directory, not a file or a digest")));
	}
	if !target.contains(':') {
		return Err(CliError::usage(format!(
			"{target}: no such file, and not a digest (expected an existing file or \
			 algorithm:hex)"
		)));
	}
	parse_digest(target, "argument").map(|d| (d, None))
}

fn is_dotted(text: &str) -> bool {
	text.starts_with(|c: char| c.is_ascii_digit()) && text.contains('.')
}

/// Checks a DOID or registration number offline, with the runtime's own rules.
fn check_certificate_id(id: &str) -> CliResult<String> {
	let id = id.trim();
	let numeric = !id.is_empty() && id.len() <= 19 && id.bytes().all(|b| b.is_ascii_digit());
	let result = if numeric {
		Ok(())
	} else if is_dotted(id) {
		Oid::parse(id.as_bytes()).map(|_| ()).map_err(|e| format!("invalid DOID: {e}"))
	} else {
		RegistrationNumber::parse(id.as_bytes())
			.map(|_| ())
			.map_err(|e| format!("invalid registration number: {e}"))
	};
	result.map(|()| id.to_string()).map_err(|e| {
		CliError::usage(format!(
			"{id:?}: {e} (give a DOID such as 2.999.2.1.1.7, a registration number or a numeric \
			 certificate id)"
		))
	})
}

/// Checks a subject OID or USCC offline.
fn check_subject_id(id: &str) -> CliResult<String> {
	let id = id.trim();
	let result = if is_dotted(id) {
		Oid::parse(id.as_bytes()).map(|_| ()).map_err(|e| format!("invalid OID: {e}"))
	} else {
		Uscc::parse(id.as_bytes()).map(|_| ()).map_err(|e| format!("invalid USCC: {e}"))
	};
	result.map(|()| id.to_string()).map_err(|e| {
		CliError::usage(format!(
			"{id:?}: {e} (give a subject OID or an 18-character unified social credit code)"
		))
	})
}

fn check_date(text: &str) -> CliResult<()> {
	let ok = Date::parse_iso(text.as_bytes()).is_ok()
		|| text.parse::<u32>().ok().is_some_and(|n| Date::from_yyyymmdd(n).is_ok());
	if ok {
		Ok(())
	} else {
		Err(CliError::usage(format!("{text:?} is not a date (expected YYYY-MM-DD or YYYYMMDD)")))
	}
}

// ---------------------------------------------------------------------------------------------
// Commands.

fn pretty(v: &Value) -> String {
	serde_json::to_string_pretty(v).unwrap_or_default() + "\n"
}

/// Calls a `doid_*` method and renders its answer.
fn query(
	cli: &Cli,
	method: &str,
	params: Vec<Value>,
	render: fn(&Value) -> String,
) -> CliResult<String> {
	let rpc = rpc::Rpc::new(&cli.url)?;
	let value = rpc.call(method, params).map_err(|e| e.into_cli(method))?;
	Ok(if cli.json { pretty(&value) } else { render(&value) })
}

fn cmd_hash(cli: &Cli, file: &Path, algo: Algo) -> CliResult<String> {
	let (digest, size) = hashing::digest_file(file, algo.into())?;
	Ok(if cli.json {
		pretty(
			&json!({ "file": file.display().to_string(), "size": size, "digest": digest.to_string() }),
		)
	} else {
		format!("{digest}\n")
	})
}

fn cmd_batch(cli: &Cli, files: &[PathBuf], algo: Algo, out: &Path) -> CliResult<String> {
	let result = batch::batch(files, algo.into(), out)?;
	if cli.json {
		return Ok(pretty(&json!({
			"root": result.root.to_string(),
			"leafCount": result.leaf_count,
			"rootFile": out.join(batch::ROOT_FILE).display().to_string(),
			"leaves": result.entries.iter().enumerate().map(|(i, (f, d, p))| json!({
				"index": i, "file": f.display().to_string(), "digest": d.to_string(),
				"proof": p.display().to_string(),
			})).collect::<Vec<_>>(),
		})));
	}
	let mut text = format!(
		"batch root {} of {} leaves\nwrote {} and {} proof file(s) in {}\n",
		result.root,
		result.leaf_count,
		out.join(batch::ROOT_FILE).display(),
		result.entries.len(),
		out.display()
	);
	for (i, (file, digest, _)) in result.entries.iter().enumerate() {
		text.push_str(&format!("  {i:>4}  {digest}  {}\n", file.display()));
	}
	text.push_str(&format!(
		"anchor the root with: doid anchor-batch {}\n",
		out.join(batch::ROOT_FILE).display()
	));
	Ok(text)
}

fn cmd_batch_verify(
	cli: &Cli,
	proof: &Path,
	file: &Path,
	root: &str,
	count: u64,
) -> CliResult<String> {
	let root = parse_digest(root, "--root")?;
	match batch::batch_verify(proof, file, &root, count)? {
		Ok(index) => Ok(if cli.json {
			pretty(
				&json!({ "valid": true, "leafIndex": index, "root": root.to_string(), "leafCount": count }),
			)
		} else {
			format!(
				"VALID: {} is leaf {index} of the batch with root {root} ({count} leaves)\n",
				file.display()
			)
		}),
		Err(reason) => {
			if cli.json {
				print!("{}", pretty(&json!({ "valid": false, "reason": reason })));
			}
			Err(CliError::negative(format!("INVALID: {reason}")))
		}
	}
}

fn cmd_lookup(cli: &Cli, target: &str, algo: Algo) -> CliResult<String> {
	let (digest, file) = resolve_target(target, algo)?;
	if let Some(f) = &file {
		if !cli.json {
			eprintln!("{} has digest {digest}", f.display());
		}
	}
	let rpc = rpc::Rpc::new(&cli.url)?;
	let value =
		rpc.call("doid_evidence", vec![json!(digest.to_string())]).map_err(|e| match e {
			rpc::RpcError::Call { code: rpc::NOT_FOUND, .. } => CliError::negative(format!(
				"not found: the chain knows nothing of {digest}{} (never anchored, nor used in an \
			 application or certificate)",
				file.as_ref().map(|f| format!(" ({})", f.display())).unwrap_or_default()
			)),
			other => other.into_cli("doid_evidence"),
		})?;
	Ok(if cli.json { pretty(&value) } else { show::evidence(&value) })
}

fn cmd_bundle(cli: &Cli, target: &str, out: &Path, algo: Algo) -> CliResult<String> {
	let (digest, _) = resolve_target(target, algo)?;
	let rpc = rpc::Rpc::new(&cli.url)?;
	let value =
		rpc.call("doid_evidenceBundle", vec![json!(digest.to_string())]).map_err(|e| match e {
			rpc::RpcError::Call { code: rpc::NOT_FOUND, message } => CliError::negative(format!(
				"not found: {message} (anchor it first, or wait until its block is finalized)"
			)),
			rpc::RpcError::Call { code: rpc::RUNTIME_ERROR, message } => CliError::usage(format!(
				"the node cannot build the bundle yet: {message}. On a young chain or right after \
				 the anchoring this is temporary: retry in a minute."
			)),
			other => other.into_cli("doid_evidenceBundle"),
		})?;
	let text = pretty(&value);
	// Check the shape before writing (a node of another version could send another format).
	let parsed: doid_verifier::Bundle = serde_json::from_str(&text).map_err(|e| {
		CliError::usage(format!("the node's answer is not a proof bundle of format version 1: {e}"))
	})?;
	std::fs::write(out, &text).map_err(|e| write_error(out, &e))?;
	Ok(if cli.json {
		pretty(&json!({
			"file": out.display().to_string(), "digest": digest.to_string(),
			"anchorId": parsed.anchor_id, "bytes": text.len(),
		}))
	} else {
		format!(
			"wrote {} ({} bytes): proof bundle of {digest}, first anchored as anchor {}, with {} \
			 authority-set change(s)\nverify it offline with: doid verify-bundle {} --chain-spec \
			 RAW_SPEC.json [--file FILE]\n",
			out.display(),
			text.len(),
			parsed.anchor_id,
			parsed.authority_set_changes.len(),
			out.display()
		)
	})
}

fn cmd_verify_bundle(cli: &Cli, args: &VerifyBundle) -> CliResult<String> {
	let json = bundle::read_bundle(&args.bundle)?;
	let root = bundle::trust_root(
		args.chain_spec.as_deref(),
		args.genesis_hash.as_deref(),
		args.authorities.as_deref(),
	)?;
	match bundle::verify(&json, &root, args.file.as_deref())? {
		bundle::Outcome::Valid(v) => Ok(if cli.json {
			pretty(&bundle::report_json(&v, &root.genesis_hash, args.file.as_deref()))
		} else {
			bundle::report(&v, &root.genesis_hash, args.file.as_deref())
		}),
		bundle::Outcome::Invalid(e) => {
			if cli.json {
				print!(
					"{}",
					pretty(&json!({
						"valid": false,
						"reason": e.to_string(),
						"digest": bundle::bundle_digest(&json).map(|d| d.to_string()),
					}))
				);
			}
			Err(CliError::negative(format!("INVALID: {e}")))
		}
	}
}

fn cmd_verify(cli: &Cli, id: &str) -> CliResult<String> {
	let id = check_certificate_id(id)?;
	let rpc = rpc::Rpc::new(&cli.url)?;
	let value = rpc.call("doid_verify", vec![json!(id)]).map_err(|e| e.into_cli("doid_verify"))?;
	let text = if cli.json { pretty(&value) } else { show::verification(&value) };
	if show::verification_ok(&value) {
		Ok(text)
	} else {
		print!("{text}");
		Err(CliError::negative(format!(
			"certificate {id} is not in force ({}{})",
			value["status"].as_str().unwrap_or("unknown status"),
			if value["lineageOk"].as_bool() == Some(false) { ", lineage broken" } else { "" }
		)))
	}
}

fn signer_key(signer: &Signer) -> CliResult<subxt_signer::sr25519::Keypair> {
	let suri = signer.suri.as_deref().filter(|s| !s.trim().is_empty()).ok_or_else(|| {
		CliError::usage(
			"no signing key: set DOID_SURI (preferred) or give --suri with the secret URI of an \
			 account of a verified subject",
		)
	})?;
	anchor::keypair(suri)
}

fn anchored_report(cli: &Cli, a: &anchor::Anchored) -> String {
	if cli.json {
		return pretty(&json!({
			"anchor": a.anchor, "digest": a.digest.to_string(), "subject": a.subject,
			"sequence": a.sequence, "leafCount": a.leaf_count, "block": a.block,
			"blockHash": format!("0x{}", hex::encode(a.block_hash)),
			"extrinsicHash": format!("0x{}", hex::encode(a.extrinsic_hash)),
		}));
	}
	let first = if a.sequence == 0 {
		"its first anchoring".to_string()
	} else {
		format!(
			"anchored before: this is anchoring #{} (the first one stays the proof)",
			a.sequence
		)
	};
	format!(
		"anchored {} as anchor {} ({first}) by subject {}{}\nfinalized in block {} (0x{})\nproof \
		 bundle: doid bundle {} -o bundle.json (once a GRANDPA justification covers the block)\n",
		a.digest,
		a.anchor,
		a.subject,
		a.leaf_count.map(|n| format!(", batch of {n} leaves")).unwrap_or_default(),
		a.block,
		hex::encode(a.block_hash),
		a.digest
	)
}

fn print_call(
	cli: &Cli,
	pallet_call: &str,
	data: subxt::ext::scale_value::Composite<()>,
) -> CliResult<String> {
	let url = anchor::ws_url(&cli.url);
	let runtime = tokio::runtime::Builder::new_current_thread()
		.enable_all()
		.build()
		.map_err(|e| CliError::usage(format!("cannot start the network runtime: {e}")))?;
	let bytes = runtime.block_on(async {
		let client = subxt::OnlineClient::<subxt::PolkadotConfig>::from_insecure_url(&url)
			.await
			.map_err(|e| {
				rpc::RpcError::Connection(format!("cannot connect to the DOID node at {url}: {e}"))
					.into_cli("")
			})?;
		let at = client
			.at_current_block()
			.await
			.map_err(|e| CliError::usage(format!("cannot read the chain at {url}: {e}")))?;
		let payload = subxt::dynamic::tx("Evidence", pallet_call, data);
		at.transactions()
			.call_data(&payload)
			.map_err(|e| CliError::usage(format!("cannot encode Evidence::{pallet_call}: {e}")))
	})?;
	Ok(if cli.json {
		pretty(
			&json!({ "call": format!("Evidence.{pallet_call}"), "callData": format!("0x{}", hex::encode(&bytes)) }),
		)
	} else {
		format!("Evidence.{pallet_call} call data: 0x{}\n", hex::encode(&bytes))
	})
}

fn cmd_anchor(cli: &Cli, args: &AnchorArgs) -> CliResult<String> {
	let (digest, _) = resolve_target(&args.target, args.algo)?;
	let related = args
		.related_doid
		.as_deref()
		.map(|t| {
			Oid::parse(t.trim().as_bytes())
				.map_err(|e| CliError::usage(format!("--related-doid {t:?}: invalid DOID: {e}")))
		})
		.transpose()?;
	let metadata = args
		.metadata_digest
		.as_deref()
		.map(|t| parse_digest(t, "--metadata-digest"))
		.transpose()?;
	let data = anchor::anchor_call(&digest, args.kind, related.as_ref(), metadata.as_ref());
	if args.signer.print_call {
		return print_call(cli, "anchor", data);
	}
	let key = signer_key(&args.signer)?;
	let anchored = anchor::submit(&cli.url, &key, anchor::Call::Anchor(data))?;
	Ok(anchored_report(cli, &anchored))
}

fn cmd_anchor_batch(cli: &Cli, args: &AnchorBatchArgs) -> CliResult<String> {
	let (root, count) = if Path::new(&args.root).is_file() {
		let text = std::fs::read_to_string(&args.root)
			.map_err(|e| error::read_error(Path::new(&args.root), &e))?;
		let (root, count) = batch::parse_root_file(&text).ok_or_else(|| {
			CliError::usage(format!("{} is not a root.txt written by `doid batch`", args.root))
		})?;
		if args.count.is_some_and(|c| c != count) {
			return Err(CliError::usage(format!(
				"--count differs from the leaf count {count} in {}",
				args.root
			)));
		}
		(root, count)
	} else {
		let root = parse_digest(&args.root, "root")?;
		let count = args.count.ok_or_else(|| {
			CliError::usage("give the batch's leaf count with --count (or give DIR/root.txt)")
		})?;
		(root, count)
	};
	if count == 0 {
		return Err(CliError::usage("a batch has at least one leaf"));
	}
	let data = anchor::anchor_batch_call(&root, count, args.kind);
	if args.signer.print_call {
		return print_call(cli, "anchor_batch", data);
	}
	let key = signer_key(&args.signer)?;
	let anchored = anchor::submit(&cli.url, &key, anchor::Call::Batch(data))?;
	Ok(anchored_report(cli, &anchored))
}

fn run(cli: &Cli) -> CliResult<String> {
	match &cli.command {
		Command::Check(c) => check(c).map(|m| m + "\n").map_err(CliError::negative),
		Command::Hash { file, algo } => cmd_hash(cli, file, *algo),
		Command::Batch { files, algo, out } => cmd_batch(cli, files, *algo, out),
		Command::BatchVerify { proof, file, root, count } => {
			cmd_batch_verify(cli, proof, file, root, *count)
		}
		Command::Lookup { target, algo } => cmd_lookup(cli, target, *algo),
		Command::Bundle { target, out, algo } => cmd_bundle(cli, target, out, *algo),
		Command::VerifyBundle(args) => cmd_verify_bundle(cli, args),
		Command::Explorer { node, listen } => {
			explorer::serve(node.as_deref().unwrap_or(&cli.url), listen)
		}
		Command::Certificate { id } => {
			let id = check_certificate_id(id)?;
			query(cli, "doid_certificate", vec![json!(id)], show::certificate)
		}
		Command::Verify { id } => cmd_verify(cli, id),
		Command::Subject { id } => {
			let id = check_subject_id(id)?;
			query(cli, "doid_subject", vec![json!(id)], show::subject)
		}
		Command::Application { id } => {
			query(cli, "doid_application", vec![json!(id)], show::application)
		}
		Command::Objection { id } => query(cli, "doid_objection", vec![json!(id)], show::objection),
		Command::Notices { registry } => {
			let params = registry.map(|r| vec![json!(r)]).unwrap_or_default();
			query(cli, "doid_notices", params, show::notices)
		}
		Command::WorkingDays { from, to } => {
			check_date(from)?;
			check_date(to)?;
			query(cli, "doid_workingDays", vec![json!(from), json!(to)], show::working_days)
		}
		Command::Anchor(args) => cmd_anchor(cli, args),
		Command::AnchorBatch(args) => cmd_anchor_batch(cli, args),
	}
}

fn main() -> ExitCode {
	let cli = Cli::parse();
	match run(&cli) {
		Ok(text) => {
			print!("{text}");
			ExitCode::SUCCESS
		}
		Err(e) => {
			eprintln!("{}", e.message());
			e.exit_code()
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use clap::CommandFactory;

	#[test]
	fn cli_definition_is_consistent() {
		Cli::command().debug_assert();
	}

	#[test]
	fn checks_accept_valid_and_reject_corrupted_identifiers() {
		assert!(check(&Check::Uscc { code: "914403001922038216".into() }).is_ok());
		let err = check(&Check::Uscc { code: "914403001922038217".into() }).unwrap_err();
		assert!(err.starts_with("invalid USCC"), "{err}");
		assert!(check(&Check::Oid { oid: "2.999.1.1.7".into() }).is_ok());
		assert!(check(&Check::Oid { oid: "2.999..1".into() }).is_err());
		assert!(check(&Check::Date { date: "2026-02-14".into() }).unwrap().ends_with("Saturday"));
		assert!(check(&Check::Date { date: "2025-02-29".into() }).is_err());
	}

	#[test]
	fn identifier_prechecks_follow_the_runtime() {
		assert_eq!(check_certificate_id(" 2.999.2.1.1.7 ").unwrap(), "2.999.2.1.1.7");
		assert!(matches!(check_certificate_id("2.999..7"), Err(CliError::Usage(_))));
		assert!(matches!(check_certificate_id("hello"), Err(CliError::Usage(_))));
		assert_eq!(check_certificate_id("12").unwrap(), "12");
		assert!(matches!(check_certificate_id("12345678901234567890"), Err(CliError::Usage(_))));
		assert!(check_subject_id("914403001922038216").is_ok());
		assert!(check_subject_id("914403001922038217").is_err());
		assert!(check_subject_id("2.999.1.1.3").is_ok());
		assert!(check_date("2026-02-14").is_ok());
		assert!(check_date("20260214").is_ok());
		assert!(check_date("2026-02-30").is_err());
	}

	#[test]
	fn digest_arguments() {
		let d = "blake3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262";
		assert_eq!(resolve_target(d, Algo::Blake3).unwrap().0.to_string(), d);
		let zero = format!("sha256:{}", "0".repeat(64));
		assert!(resolve_target(&zero, Algo::Blake3).is_err());
		let e = resolve_target("/no/such/file", Algo::Blake3).unwrap_err();
		assert!(e.message().contains("no such file"), "{e}");
		let e = resolve_target("md5:00", Algo::Blake3).unwrap_err();
		assert!(e.message().contains("unknown digest algorithm"), "{e}");
	}
}
