//! The `doid_*` JSON-RPC methods: thin wrappers over the runtime's `DoidApi` that return JSON
//! a browser can use directly — strings for OIDs, registration numbers and digests
//! (`algorithm:hex`), `YYYYMMDD` numbers for dates, status names in English with the Chinese
//! label. Every method takes an optional block hash (default: the best block). Malformed input
//! and unknown ids are JSON-RPC errors with a message saying what was wrong.

use std::{
	marker::PhantomData,
	sync::{Arc, Mutex},
};

use doid_primitives::{Date, Digest, Oid};
use doid_runtime::doid_api::{
	AnchorRecord, CertificateDetails, CertificateRef, DoidApi, EvidenceView, LookupError, Notice,
	ObjectionView,
};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObjectOwned, ErrorObject},
};
use schnellru::{ByLength, LruMap};
use serde_json::{json, Value};
use sp_api::{ApiError, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

/// Error code: the input is malformed (bad format or check character).
pub const INVALID_INPUT: i32 = -32602;
/// Error code: no such certificate, subject or application.
pub const NOT_FOUND: i32 = 4004;
/// Error code: the runtime call failed.
pub const RUNTIME_ERROR: i32 = 5000;

/// The `doid_*` methods.
#[rpc(server, namespace = "doid")]
pub trait DoidRpc<BlockHash> {
	/// A certificate's record, by DOID or registration number.
	#[method(name = "certificate")]
	fn certificate(&self, id: String, at: Option<BlockHash>) -> RpcResult<Value>;

	/// Verification of a certificate (status, holder OID, validity, version, `lineageOk`), by
	/// DOID or registration number.
	#[method(name = "verify")]
	fn verify(&self, id: String, at: Option<BlockHash>) -> RpcResult<Value>;

	/// A subject, by subject OID or unified social credit code.
	#[method(name = "subject")]
	fn subject(&self, id: String, at: Option<BlockHash>) -> RpcResult<Value>;

	/// A registration application by id.
	#[method(name = "application")]
	fn application(&self, id: u64, at: Option<BlockHash>) -> RpcResult<Value>;

	/// Applications currently in public notice (登记公示), optionally of one registry.
	#[method(name = "notices")]
	fn notices(&self, registry: Option<u32>, at: Option<BlockHash>) -> RpcResult<Value>;

	/// Everything the chain knows about a digest (`algorithm:hex`): its anchors (first
	/// anchoring first, with block, time, submitter, co-signatures and annotations), the
	/// applications it appears in and the certificates it is the content or a material of.
	#[method(name = "evidence")]
	fn evidence(&self, digest: String, at: Option<BlockHash>) -> RpcResult<Value>;

	/// An objection (异议) by id with its full history: every step with who, when and the digest.
	#[method(name = "objection")]
	fn objection(&self, id: u64, at: Option<BlockHash>) -> RpcResult<Value>;

	/// Working days after `from` up to and including `to` (dates `YYYY-MM-DD` or `YYYYMMDD`).
	#[method(name = "workingDays")]
	fn working_days(&self, from: String, to: String, at: Option<BlockHash>) -> RpcResult<Value>;
}

/// Implementation of [`DoidRpcServer`] over a client whose runtime provides `DoidApi`.
pub struct Doid<C, B: BlockT> {
	client: Arc<C>,
	answers: AnswerCache<B::Hash>,
	_block: PhantomData<B>,
}

impl<C, B: BlockT> Doid<C, B> {
	/// Serve the methods from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Doid { client, answers: AnswerCache::new(ANSWER_CACHE_ENTRIES), _block: PhantomData }
	}
}

/// Answers kept by [`AnswerCache`] (each at most a few KiB: a few MiB in all).
pub const ANSWER_CACHE_ENTRIES: u32 = 4096;
/// Longer references are answered but not cached (valid DOIDs, registration numbers, OIDs and
/// credit codes are far shorter), so that the cache's memory stays bounded.
const MAX_CACHED_REFERENCE: usize = 128;

/// The answers of `doid_certificate`, `doid_verify` and `doid_subject` by (block hash, method,
/// reference), least recently used evicted first. The state at a block hash never changes, so
/// an answer computed once is valid for good; explorers and verification pages ask for the same
/// certificates at the same best block many times. Runtime-call failures are not kept.
struct AnswerCache<H: core::hash::Hash + PartialEq> {
	map: Mutex<LruMap<(H, &'static str, String), RpcResult<Value>, ByLength>>,
}

impl<H: core::hash::Hash + PartialEq + Clone> AnswerCache<H> {
	fn new(entries: u32) -> Self {
		Self { map: Mutex::new(LruMap::new(ByLength::new(entries))) }
	}

	/// The answer of `method` for `reference` at block `at`, from the cache or `compute`.
	fn get_or(
		&self,
		at: &H,
		method: &'static str,
		reference: &str,
		compute: impl FnOnce() -> RpcResult<Value>,
	) -> RpcResult<Value> {
		if reference.len() > MAX_CACHED_REFERENCE {
			return compute();
		}
		let key = (at.clone(), method, reference.to_owned());
		if let Some(answer) = self.map.lock().expect("cache lock").get(&key) {
			return answer.clone();
		}
		let answer = compute();
		let keep = answer.as_ref().err().is_none_or(|e| e.code() != RUNTIME_ERROR);
		if keep {
			self.map.lock().expect("cache lock").insert(key, answer.clone());
		}
		answer
	}
}

fn error(code: i32, message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObject::owned(code, message.into(), None::<()>)
}

fn runtime_error(e: ApiError) -> ErrorObjectOwned {
	error(RUNTIME_ERROR, format!("runtime call failed: {e}"))
}

fn lookup_error(what: &str, text: &str, e: LookupError) -> ErrorObjectOwned {
	match e {
		LookupError::Malformed => error(INVALID_INPUT, format!("{text:?} is not a valid {what}")),
		LookupError::CheckCharacterMismatch => error(
			INVALID_INPUT,
			format!("{text:?}: the check character does not match (mistyped {what}?)"),
		),
	}
}

fn parse_date(text: &str) -> RpcResult<Date> {
	Date::parse_iso(text.as_bytes())
		.or_else(|_| {
			text.parse::<u32>().map_err(|_| ()).and_then(|n| Date::from_yyyymmdd(n).map_err(|_| ()))
		})
		.map_err(|_| {
			error(INVALID_INPUT, format!("{text:?} is not a date (YYYY-MM-DD or YYYYMMDD)"))
		})
}

/// The name of an enum variant without its fields (`Issued(3)` → `Issued`).
fn variant_name(value: &impl std::fmt::Debug) -> String {
	let text = format!("{value:?}");
	text.split(['(', ' ', '{']).next().unwrap_or_default().to_string()
}

fn utf8(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

fn oid(o: &Oid) -> Value {
	Value::from(o.as_str())
}

fn digest(d: &Digest) -> Value {
	Value::from(d.to_hex())
}

fn date(d: Date) -> Value {
	Value::from(d.to_yyyymmdd())
}

/// The JSON of a certificate record.
pub fn certificate_json(id: u64, c: &pallet_certificates::Certificate) -> Value {
	json!({
		"id": id,
		"doid": oid(&c.doid),
		"registrationNumber": c.number.to_string(),
		"registry": c.registry,
		"holder": c.holder,
		"kind": format!("{:?}", c.kind),
		"kindLabel": c.kind.name_zh(),
		"name": utf8(&c.info.name),
		"industry": utf8(&[c.info.industry]),
		"scenario": utf8(&c.info.scenario),
		"source": utf8(&c.info.source),
		"format": utf8(&c.info.format),
		"structure": utf8(&c.info.structure),
		"scale": utf8(&c.info.scale),
		"updateFrequency": format!("{:?}", c.info.update_frequency),
		"trainable": c.info.trainable,
		"rights": c.info.rights.bits(),
		"acquisition": format!("{:?}", c.info.acquisition),
		"contentDigest": digest(&c.content_digest),
		"materials": c.materials.iter().map(|m| json!({
			"kind": format!("{:?}", m.kind),
			"digest": digest(&m.digest),
		})).collect::<Vec<_>>(),
		"inputs": c.inputs.to_vec(),
		"application": c.application,
		"issuedOn": date(c.issued_on),
		"expiresOn": date(c.expires_on),
		"version": c.version,
		"storedStatus": format!("{:?}", c.status),
	})
}

/// The JSON of a verification.
pub fn verification_json(v: &pallet_certificates::Verification) -> Value {
	json!({
		"id": v.id,
		"doid": oid(&v.doid),
		"registrationNumber": v.number.to_string(),
		"registry": v.registry,
		"kind": format!("{:?}", v.kind),
		"holder": v.holder,
		"holderOid": v.holder_oid.as_ref().map(oid),
		"status": if v.expiring_soon { "ExpiringSoon".to_string() } else { format!("{:?}", v.status) },
		"statusLabel": utf8(&v.status_name),
		"contentDigest": digest(&v.content_digest),
		"issuedOn": date(v.issued_on),
		"expiresOn": date(v.expires_on),
		"version": v.version,
		"lineageDepth": v.lineage_depth,
		"ancestors": v.ancestors,
		"lineageOk": v.lineage_ok,
	})
}

/// The JSON of an application record.
pub fn application_json(id: u64, a: &pallet_registration::ApplicationRecord) -> Value {
	let app = &a.application;
	json!({
		"id": id,
		"registry": a.registry,
		"applicant": a.applicant,
		"kind": format!("{:?}", app.kind),
		"name": utf8(&app.info.name),
		"status": variant_name(&a.status),
		"certificate": match a.status {
			pallet_registration::ApplicationStatus::Issued(id) => Some(id),
			_ => None,
		},
		"statusLabel": a.status.name_zh(),
		"contentDigest": digest(&app.content_digest),
		"inputs": app.inputs.to_vec(),
		"materials": app.materials.iter().map(|m| json!({
			"kind": format!("{:?}", m.kind),
			"digest": digest(&m.digest),
		})).collect::<Vec<_>>(),
		"submittedOn": date(a.submitted_on),
		"acceptanceDue": date(a.acceptance_due),
		"correctionLastDay": a.correction_last_day.map(date),
		"reviewer": a.reviewer,
		"noticeStart": a.notice_start.map(date),
		"noticeLastDay": a.notice_last_day.map(date),
		"noticeRemaining": a.notice_remaining,
		"reasonDigest": a.reason_digest.as_ref().map(digest),
		"reportDigest": a.report_digest.as_ref().map(digest),
	})
}

/// The JSON of a subject record (organisations: USCC and name; individuals: commitments only).
pub fn subject_json(id: u64, s: &doid_runtime::doid_api::SubjectInfo) -> Value {
	let identity = match &s.identity {
		pallet_subjects::Identity::Organisation { uscc, name } => json!({
			"type": "Organisation",
			"uscc": uscc.to_string(),
			"name": utf8(name),
		}),
		pallet_subjects::Identity::Individual { id_commitment, name_commitment } => json!({
			"type": "Individual",
			"idCommitment": format!("0x{}", hex::encode(id_commitment)),
			"nameCommitment": format!("0x{}", hex::encode(name_commitment)),
		}),
	};
	json!({
		"id": id,
		"registry": s.registry,
		"identity": identity,
		"status": format!("{:?}", s.status),
		"roles": s.roles.iter().map(|r| format!("{r:?}")).collect::<Vec<_>>(),
		"oid": s.oid.as_ref().map(oid),
		"mainAccount": s.main_account.to_string(),
	})
}

/// The JSON of a notice: `extra` adds what a notice board shows beside it (the applicant's OID,
/// the first day and the working days left).
fn notice_json(n: &Notice, extra: NoticeExtra) -> Value {
	json!({
		"application": n.application,
		"registry": n.registry,
		"applicant": n.applicant,
		"applicantOid": extra.applicant_oid.as_ref().map(oid),
		"kind": format!("{:?}", n.kind),
		"kindLabel": n.kind.name_zh(),
		"name": utf8(&n.name),
		"noticeStart": extra.start.map(date),
		"lastDay": date(n.last_day),
		"workingDaysLeft": extra.working_days_left,
	})
}

/// What `doid_notices` adds to a [`Notice`] from other runtime calls.
struct NoticeExtra {
	applicant_oid: Option<Oid>,
	start: Option<Date>,
	working_days_left: Option<u32>,
}

/// Who made a change in a certificate's history: an account, or the chain itself.
fn actor_json(actor: &pallet_certificates::Actor<doid_runtime::AccountId>) -> Value {
	match actor {
		pallet_certificates::Actor::Account(a) => Value::from(a.to_string()),
		other => Value::from(variant_name(other)),
	}
}

/// The JSON of a certificate's history, derived certificates and licences.
pub fn details_json(d: &CertificateDetails) -> Value {
	json!({
		"history": d.history.iter().map(|(version, h)| json!({
			"version": version,
			"change": variant_name(&h.change),
			"detail": format!("{:?}", h.change),
			"status": format!("{:?}", h.status),
			"statusLabel": h.status.name_zh(),
			"on": date(h.on),
			"block": h.block,
			"by": actor_json(&h.by),
			"digest": h.digest.as_ref().map(digest),
		})).collect::<Vec<_>>(),
		"lineage": {
			"inputs": d.inputs.iter().map(reference_json).collect::<Vec<_>>(),
			"derived": d.derived.iter().map(reference_json).collect::<Vec<_>>(),
		},
		"licences": d.licences.iter().map(|l| json!({
			"grantee": l.grantee,
			"until": date(l.until),
		})).collect::<Vec<_>>(),
		"renewalOpens": d.renewal_opens.map(date),
		"registryName": utf8(&d.registry_name),
	})
}

/// The JSON of a certificate named in another's lineage.
fn reference_json(r: &CertificateRef) -> Value {
	json!({
		"id": r.id,
		"doid": oid(&r.doid),
		"registrationNumber": r.number.to_string(),
		"kind": format!("{:?}", r.kind),
		"kindLabel": r.kind.name_zh(),
		"status": format!("{:?}", r.status),
		"statusLabel": r.status.name_zh(),
		"name": utf8(&r.name),
	})
}

/// The JSON of an anchor record.
pub fn anchor_json(id: u64, a: &AnchorRecord) -> Value {
	json!({
		"id": id,
		"digest": digest(&a.digest),
		"kind": format!("{:?}", a.kind),
		"subject": a.subject,
		"account": a.account.to_string(),
		"relatedDoid": a.related_doid.as_ref().map(oid),
		"metadataDigest": a.metadata_digest.as_ref().map(digest),
		"leafCount": a.leaf_count,
		"sequence": a.sequence,
		"block": a.block,
		"momentMs": a.moment_ms,
		"date": date(a.date),
		"cosignatures": a.cosignatures.iter().map(|c| json!({
			"subject": c.subject,
			"role": format!("{:?}", c.role),
			"block": c.block,
		})).collect::<Vec<_>>(),
		"annotations": a.annotations.iter().map(|n| json!({
			"kind": format!("{:?}", n.kind),
			"reasonDigest": digest(&n.reason_digest),
			"block": n.block,
			"date": date(n.date),
		})).collect::<Vec<_>>(),
	})
}

/// The JSON of an objection and its history.
pub fn objection_json(id: u64, v: &ObjectionView) -> Value {
	let o = &v.objection;
	let (target_kind, target_id) = match o.target {
		pallet_objections::Target::Application(a) => ("Application", a),
		pallet_objections::Target::Certificate(c) => ("Certificate", c),
	};
	json!({
		"id": id,
		"target": { "kind": target_kind, "id": target_id },
		"registry": o.registry,
		"objector": o.objector,
		"respondent": o.respondent,
		"payer": o.payer.to_string(),
		"bond": o.bond.to_string(),
		"groundsDigest": digest(&o.grounds_digest),
		"evidence": o.evidence.iter().map(digest).collect::<Vec<_>>(),
		"status": format!("{:?}", o.status),
		"filedOn": date(o.filed_on),
		"acceptedOn": o.accepted_on.map(date),
		"responseLastDay": o.response_last_day.map(date),
		"responseDigest": o.response_digest.as_ref().map(digest),
		"panel": o.panel.to_vec(),
		"arbitrationLastDay": o.arbitration_last_day.map(date),
		"ballots": o.ballots.iter().map(|b| json!({
			"arbitrator": b.arbitrator,
			"vote": format!("{:?}", b.vote),
			"opinionDigest": digest(&b.opinion_digest),
		})).collect::<Vec<_>>(),
		"history": v.history.iter().map(|h| json!({
			"action": format!("{:?}", h.action),
			"account": h.account.as_ref().map(|a| a.to_string()),
			"subject": h.subject,
			"date": date(h.date),
			"block": h.block,
			"digest": h.digest.as_ref().map(digest),
		})).collect::<Vec<_>>(),
	})
}

/// The JSON of everything known about a digest.
pub fn evidence_json(d: &Digest, v: &EvidenceView) -> Value {
	json!({
		"digest": digest(d),
		"anchorCount": v.anchor_count,
		"anchors": v.anchors.iter().map(|(id, a)| anchor_json(*id, a)).collect::<Vec<_>>(),
		"applications": v.applications.iter().map(|(id, role)| json!({
			"application": id,
			"role": variant_name(role),
		})).collect::<Vec<_>>(),
		"certificatesByContent": v.certificates_by_content,
		"certificatesByMaterial": v.certificates_by_material,
	})
}

impl<C, B> Doid<C, B>
where
	B: BlockT,
	C: ProvideRuntimeApi<B> + HeaderBackend<B> + Send + Sync + 'static,
	C::Api: DoidApi<B>,
{
	fn at(&self, at: Option<B::Hash>) -> B::Hash {
		at.unwrap_or_else(|| self.client.info().best_hash)
	}

	/// The certificate id named by `text` at `at`, or a not-found / invalid-input error.
	fn certificate_id(&self, text: &str, at: B::Hash) -> RpcResult<u64> {
		self.client
			.runtime_api()
			.find_certificate(at, text.trim().as_bytes().to_vec())
			.map_err(runtime_error)?
			.map_err(|e| lookup_error("DOID or registration number", text, e))?
			.ok_or_else(|| error(NOT_FOUND, format!("no certificate {text:?}")))
	}

	/// `doid_certificate` at `at`, uncached.
	fn certificate_at(&self, id: &str, at: B::Hash) -> RpcResult<Value> {
		let cid = self.certificate_id(id, at)?;
		let api = self.client.runtime_api();
		let record = api.certificate(at, cid).map_err(runtime_error)?;
		let details = api.certificate_details(at, cid).map_err(runtime_error)?;
		let mut json = record
			.map(|c| certificate_json(cid, &c))
			.ok_or_else(|| error(NOT_FOUND, format!("no certificate {id:?}")))?;
		if let (Some(details), Value::Object(fields)) = (details, &mut json) {
			if let Value::Object(more) = details_json(&details) {
				fields.extend(more);
			}
		}
		Ok(json)
	}

	/// `doid_verify` at `at`, uncached.
	fn verify_at(&self, id: &str, at: B::Hash) -> RpcResult<Value> {
		let cid = self.certificate_id(id, at)?;
		let verification = self.client.runtime_api().verify(at, cid).map_err(runtime_error)?;
		verification
			.map(|v| verification_json(&v))
			.ok_or_else(|| error(NOT_FOUND, format!("no certificate {id:?}")))
	}

	/// `doid_subject` at `at`, uncached.
	fn subject_at(&self, id: &str, at: B::Hash) -> RpcResult<Value> {
		let api = self.client.runtime_api();
		let sid = api
			.find_subject(at, id.trim().as_bytes().to_vec())
			.map_err(runtime_error)?
			.map_err(|e| lookup_error("subject OID or unified social credit code", id, e))?
			.ok_or_else(|| error(NOT_FOUND, format!("no subject {id:?}")))?;
		api.subject(at, sid)
			.map_err(runtime_error)?
			.map(|s| subject_json(sid, &s))
			.ok_or_else(|| error(NOT_FOUND, format!("no subject {id:?}")))
	}
}

impl<C, B> DoidRpcServer<B::Hash> for Doid<C, B>
where
	B: BlockT,
	C: ProvideRuntimeApi<B> + HeaderBackend<B> + Send + Sync + 'static,
	C::Api: DoidApi<B>,
{
	fn certificate(&self, id: String, at: Option<B::Hash>) -> RpcResult<Value> {
		let at = self.at(at);
		self.answers.get_or(&at, "certificate", &id, || self.certificate_at(&id, at))
	}

	fn verify(&self, id: String, at: Option<B::Hash>) -> RpcResult<Value> {
		let at = self.at(at);
		self.answers.get_or(&at, "verify", &id, || self.verify_at(&id, at))
	}

	fn subject(&self, id: String, at: Option<B::Hash>) -> RpcResult<Value> {
		let at = self.at(at);
		self.answers.get_or(&at, "subject", &id, || self.subject_at(&id, at))
	}

	fn application(&self, id: u64, at: Option<B::Hash>) -> RpcResult<Value> {
		let at = self.at(at);
		self.client
			.runtime_api()
			.application(at, id)
			.map_err(runtime_error)?
			.map(|a| application_json(id, &a))
			.ok_or_else(|| error(NOT_FOUND, format!("no application {id}")))
	}

	fn notices(&self, registry: Option<u32>, at: Option<B::Hash>) -> RpcResult<Value> {
		let at = self.at(at);
		let api = self.client.runtime_api();
		let notices = api.notices(at, registry).map_err(runtime_error)?;
		let today = api.today(at).map_err(runtime_error)?;
		let mut list = Vec::with_capacity(notices.len());
		for n in &notices {
			let extra = NoticeExtra {
				applicant_oid: api
					.subject(at, n.applicant)
					.map_err(runtime_error)?
					.and_then(|s| s.oid),
				start: api
					.application(at, n.application)
					.map_err(runtime_error)?
					.and_then(|a| a.notice_start),
				working_days_left: api
					.working_days_between(at, today, n.last_day)
					.map_err(runtime_error)?,
			};
			list.push(notice_json(n, extra));
		}
		Ok(Value::from(list))
	}

	fn objection(&self, id: u64, at: Option<B::Hash>) -> RpcResult<Value> {
		self.client
			.runtime_api()
			.objection(self.at(at), id)
			.map_err(runtime_error)?
			.map(|v| objection_json(id, &v))
			.ok_or_else(|| error(NOT_FOUND, format!("no objection {id}")))
	}

	fn evidence(&self, text: String, at: Option<B::Hash>) -> RpcResult<Value> {
		let d = Digest::from_hex(text.trim()).map_err(|e| {
			error(INVALID_INPUT, format!("{text:?} is not a digest (algorithm:hex): {e:?}"))
		})?;
		let view = self.client.runtime_api().evidence(self.at(at), d).map_err(runtime_error)?;
		let known = view.anchor_count > 0
			|| !view.applications.is_empty()
			|| !view.certificates_by_content.is_empty()
			|| !view.certificates_by_material.is_empty();
		if !known {
			return Err(error(NOT_FOUND, format!("digest {text:?} is not known to the chain")));
		}
		Ok(evidence_json(&d, &view))
	}

	fn working_days(&self, from: String, to: String, at: Option<B::Hash>) -> RpcResult<Value> {
		let (from_date, to_date) = (parse_date(&from)?, parse_date(&to)?);
		let at = self.at(at);
		let days = self
			.client
			.runtime_api()
			.working_days_between(at, from_date, to_date)
			.map_err(runtime_error)?
			.ok_or_else(|| error(INVALID_INPUT, format!("{from}..{to} spans too many days")))?;
		Ok(json!({ "from": date(from_date), "to": date(to_date), "workingDays": days }))
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use std::cell::Cell;

	fn answer(
		calls: &Cell<u32>,
		result: RpcResult<Value>,
	) -> impl FnOnce() -> RpcResult<Value> + '_ {
		move || {
			calls.set(calls.get() + 1);
			result
		}
	}

	#[test]
	fn answers_and_not_found_are_kept_per_block_and_method() {
		let cache = AnswerCache::<u8>::new(8);
		let calls = Cell::new(0);
		let ok = || Ok(json!({"status": "Valid"}));
		assert_eq!(cache.get_or(&1, "verify", "X", answer(&calls, ok())), ok());
		assert_eq!(cache.get_or(&1, "verify", "X", answer(&calls, Ok(json!(0)))), ok());
		assert_eq!(calls.get(), 1, "second call answered from the cache");
		// Another block, another method or another reference is computed anew.
		cache.get_or(&2, "verify", "X", answer(&calls, ok())).unwrap();
		cache.get_or(&1, "certificate", "X", answer(&calls, ok())).unwrap();
		cache.get_or(&1, "verify", "Y", answer(&calls, ok())).unwrap();
		assert_eq!(calls.get(), 4);
		let missing = || Err(error(NOT_FOUND, "no certificate"));
		let first = cache.get_or(&1, "verify", "Z", answer(&calls, missing()));
		let again = cache.get_or(&1, "verify", "Z", answer(&calls, ok()));
		assert_eq!(first.unwrap_err().code(), NOT_FOUND);
		assert_eq!(again.unwrap_err().code(), NOT_FOUND, "a not-found answer is kept too");
		assert_eq!(calls.get(), 5);
	}

	#[test]
	fn runtime_failures_and_long_references_are_not_kept() {
		let cache = AnswerCache::<u8>::new(8);
		let calls = Cell::new(0);
		let failed = || Err(error(RUNTIME_ERROR, "runtime call failed"));
		cache.get_or(&1, "verify", "X", answer(&calls, failed())).unwrap_err();
		cache.get_or(&1, "verify", "X", answer(&calls, Ok(json!(1)))).unwrap();
		assert_eq!(calls.get(), 2, "a runtime failure is asked again");
		let long = "9".repeat(MAX_CACHED_REFERENCE + 1);
		cache.get_or(&1, "verify", &long, answer(&calls, Ok(json!(1)))).unwrap();
		cache.get_or(&1, "verify", &long, answer(&calls, Ok(json!(1)))).unwrap();
		assert_eq!(calls.get(), 4, "an over-long reference is never kept");
	}

	#[test]
	fn the_least_recently_used_answer_goes_first() {
		let cache = AnswerCache::<u8>::new(2);
		let calls = Cell::new(0);
		for reference in ["A", "B", "A", "C", "A"] {
			cache.get_or(&1, "verify", reference, answer(&calls, Ok(json!(reference)))).unwrap();
		}
		assert_eq!(calls.get(), 3, "A, B and C computed once each");
		cache.get_or(&1, "verify", "B", answer(&calls, Ok(json!("B")))).unwrap();
		assert_eq!(calls.get(), 4, "B was evicted by C");
	}
}
