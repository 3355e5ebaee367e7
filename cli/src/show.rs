//! Human-readable summaries of the JSON answers of the `doid_*` RPC methods
//! (`node/src/doid_rpc.rs`), with the Chinese labels users know.

use doid_primitives::{date_of_timestamp, CertificateStatus, ElementKind};
use serde_json::Value;
use std::fmt::Write as _;

/// `YYYYMMDD` (a JSON number) as `YYYY-MM-DD`; `—` when absent.
pub fn date(v: &Value) -> String {
	match v.as_u64() {
		Some(n) => format!("{:04}-{:02}-{:02}", n / 10_000, n / 100 % 100, n % 100),
		None => "—".to_string(),
	}
}

/// A Unix time in ms as `YYYY-MM-DD HH:MM:SS UTC+8` (China Standard Time).
pub fn time_utc8(ms: u64) -> String {
	let day = date_of_timestamp(ms, 480);
	let secs_of_day = (ms / 1000 + 8 * 3600) % 86_400;
	format!(
		"{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC+8",
		day.year(),
		day.month(),
		day.day(),
		secs_of_day / 3600,
		secs_of_day / 60 % 60,
		secs_of_day % 60
	)
}

fn s(v: &Value) -> String {
	match v {
		Value::String(s) => s.clone(),
		Value::Null => "—".to_string(),
		other => other.to_string(),
	}
}

fn list(v: &Value) -> String {
	match v.as_array() {
		Some(items) if !items.is_empty() => items.iter().map(s).collect::<Vec<_>>().join(", "),
		_ => "none".to_string(),
	}
}

/// `English (中文)` when a Chinese label is known.
fn labelled(name: &str, zh: Option<&str>) -> String {
	match zh {
		Some(zh) if !zh.is_empty() => format!("{name} ({zh})"),
		_ => name.to_string(),
	}
}

/// Chinese name of an evidence kind.
pub fn evidence_kind_zh(kind: &str) -> Option<&'static str> {
	Some(match kind {
		"Contract" => "合同",
		"TransactionLog" => "交易日志",
		"Material" => "登记材料",
		"ReviewReport" => "审核/评估报告",
		"Ruling" => "裁决",
		"Other" => "其他",
		_ => return None,
	})
}

/// Chinese name of a subject role.
pub fn role_zh(role: &str) -> Option<&'static str> {
	Some(match role {
		"DataSupplier" => "数据供方",
		"DataBuyer" => "数据需求方",
		"DataMerchant" => "数据商",
		"Intermediary" => "数据中介",
		"ServiceAgency" => "第三方专业服务机构",
		"Arbitrator" => "仲裁机构",
		"Notary" => "公证机构",
		"Court" => "人民法院",
		_ => return None,
	})
}

fn subject_status_zh(status: &str) -> Option<&'static str> {
	Some(match status {
		"Pending" => "待核验",
		"Verified" => "已核验",
		"Rejected" => "核验未通过",
		"Suspended" => "已暂停",
		"Deregistered" => "已注销",
		_ => return None,
	})
}

fn annotation_zh(kind: &str) -> Option<&'static str> {
	Some(match kind {
		"Superseded" => "已被新文件取代",
		"Withdrawn" => "已撤回",
		_ => return None,
	})
}

fn material_zh(kind: &str) -> Option<&'static str> {
	Some(match kind {
		"SourceProof" => "来源合法性证明",
		"Sample" => "样例数据",
		"CommitmentLetter" => "承诺书",
		"Notarisation" => "存证公证情况",
		"ReviewReport" => "审查/评估报告",
		"ComplianceReport" => "质量/合规评估",
		"ServiceDescription" => "数据服务说明",
		"Other" => "其他",
		_ => return None,
	})
}

fn digest_use_zh(role: &str) -> Option<&'static str> {
	Some(match role {
		"Content" => "内容摘要",
		"Material" => "登记材料",
		"ServiceDescription" => "数据服务说明",
		"ReviewReport" => "复审报告",
		"CorrectionReason" => "补正理由",
		"RefusalReason" => "不予登记理由",
		"Decision" => "异议裁决",
		_ => return None,
	})
}

fn element_kind(v: &Value) -> String {
	let name = s(v);
	let zh = serde_json::from_value::<ElementKind>(v.clone()).ok().map(ElementKind::name_zh);
	labelled(&name, zh)
}

fn certificate_status(v: &Value) -> String {
	let name = s(v);
	let zh =
		serde_json::from_value::<CertificateStatus>(v.clone()).ok().map(CertificateStatus::name_zh);
	labelled(&name, zh)
}

fn materials(out: &mut String, v: &Value) {
	let items = v.as_array().map(Vec::as_slice).unwrap_or_default();
	if items.is_empty() {
		let _ = writeln!(out, "  materials:       none");
	}
	for (i, m) in items.iter().enumerate() {
		let kind = s(&m["kind"]);
		let _ = writeln!(
			out,
			"  {:<16} {} {}",
			if i == 0 { "materials:" } else { "" },
			labelled(&kind, material_zh(&kind)),
			s(&m["digest"])
		);
	}
}

/// `doid certificate`.
pub fn certificate(c: &Value) -> String {
	let mut out = String::new();
	let _ = writeln!(out, "Certificate {} — DOID {}", s(&c["id"]), s(&c["doid"]));
	let _ = writeln!(out, "  registration no: {}", s(&c["registrationNumber"]));
	let _ = writeln!(out, "  name:            {}", s(&c["name"]));
	let _ = writeln!(out, "  kind:            {}", element_kind(&c["kind"]));
	let _ = writeln!(out, "  status:          {}", certificate_status(&c["storedStatus"]));
	let _ = writeln!(out, "  holder:          subject {}", s(&c["holder"]));
	let _ = writeln!(out, "  registry:        {}", s(&c["registry"]));
	let _ =
		writeln!(out, "  valid:           {} to {}", date(&c["issuedOn"]), date(&c["expiresOn"]));
	let _ = writeln!(out, "  version:         {}", s(&c["version"]));
	let _ = writeln!(out, "  content digest:  {}", s(&c["contentDigest"]));
	materials(&mut out, &c["materials"]);
	let _ = writeln!(out, "  inputs:          {}", list(&c["inputs"]));
	let _ = writeln!(
		out,
		"  details:         industry {}, scenario {}, source {}, format {}, structure {}, scale \
		 {}, updated {}, trainable {}, acquisition {}",
		s(&c["industry"]),
		s(&c["scenario"]),
		s(&c["source"]),
		s(&c["format"]),
		s(&c["structure"]),
		s(&c["scale"]),
		s(&c["updateFrequency"]),
		s(&c["trainable"]),
		s(&c["acquisition"])
	);
	let _ = writeln!(out, "  application:     {}", s(&c["application"]));
	out
}

/// Whether a verification says the certificate is in force with an intact lineage.
pub fn verification_ok(v: &Value) -> bool {
	let final_state = matches!(
		v["status"].as_str(),
		Some("Revoked" | "Expired" | "Cancelled" | "Invalid") | None
	);
	!final_state && v["lineageOk"].as_bool() == Some(true)
}

/// `doid verify`.
pub fn verification(v: &Value) -> String {
	let mut out = String::new();
	let verdict = if verification_ok(v) {
		"IN FORCE"
	} else if v["lineageOk"].as_bool() == Some(false) {
		"NOT VALID (lineage broken)"
	} else {
		"NOT IN FORCE"
	};
	let _ = writeln!(out, "{verdict}: DOID {} ({})", s(&v["doid"]), s(&v["registrationNumber"]));
	let status = s(&v["status"]);
	let label = v["statusLabel"].as_str();
	let _ = writeln!(out, "  status:          {}", labelled(&status, label));
	let _ = writeln!(out, "  kind:            {}", element_kind(&v["kind"]));
	let holder = match v["holderOid"].as_str() {
		Some(oid) => format!("subject {} (OID {oid})", s(&v["holder"])),
		None => format!("subject {}", s(&v["holder"])),
	};
	let _ = writeln!(out, "  holder:          {holder}");
	let _ =
		writeln!(out, "  valid:           {} to {}", date(&v["issuedOn"]), date(&v["expiresOn"]));
	let _ = writeln!(out, "  version:         {}", s(&v["version"]));
	let _ = writeln!(out, "  content digest:  {}", s(&v["contentDigest"]));
	let lineage = if v["lineageOk"].as_bool() == Some(true) { "intact" } else { "BROKEN" };
	let _ = writeln!(
		out,
		"  lineage:         {lineage} (depth {}, ancestors {})",
		s(&v["lineageDepth"]),
		list(&v["ancestors"])
	);
	let _ =
		writeln!(out, "  registry:        {} (certificate id {})", s(&v["registry"]), s(&v["id"]));
	out
}

/// `doid subject`.
pub fn subject(v: &Value) -> String {
	let mut out = String::new();
	let _ = writeln!(out, "Subject {} — OID {}", s(&v["id"]), s(&v["oid"]));
	let identity = &v["identity"];
	match identity["type"].as_str() {
		Some("Organisation") => {
			let _ = writeln!(out, "  type:            organisation (法人/组织)");
			let _ = writeln!(out, "  name:            {}", s(&identity["name"]));
			let _ = writeln!(out, "  USCC:            {}", s(&identity["uscc"]));
		}
		Some("Individual") => {
			let _ =
				writeln!(out, "  type:            individual (自然人; identity kept off chain)");
			let _ = writeln!(out, "  id commitment:   {}", s(&identity["idCommitment"]));
			let _ = writeln!(out, "  name commitment: {}", s(&identity["nameCommitment"]));
		}
		_ => {
			let _ = writeln!(out, "  identity:        {identity}");
		}
	}
	let status = s(&v["status"]);
	let _ = writeln!(out, "  status:          {}", labelled(&status, subject_status_zh(&status)));
	let roles = v["roles"]
		.as_array()
		.map(|r| {
			r.iter()
				.map(|role| {
					let name = s(role);
					labelled(&name, role_zh(&name))
				})
				.collect::<Vec<_>>()
				.join(", ")
		})
		.filter(|r| !r.is_empty())
		.unwrap_or_else(|| "none".into());
	let _ = writeln!(out, "  roles:           {roles}");
	let _ = writeln!(out, "  registry:        {}", s(&v["registry"]));
	let _ = writeln!(out, "  main account:    {}", s(&v["mainAccount"]));
	out
}

/// `doid application`.
pub fn application(a: &Value) -> String {
	let mut out = String::new();
	let _ = writeln!(out, "Application {} — {}", s(&a["id"]), s(&a["name"]));
	let status = s(&a["status"]);
	let mut status_line = labelled(&status, a["statusLabel"].as_str());
	if let Some(c) = a["certificate"].as_u64() {
		let _ = write!(status_line, ", certificate {c}");
	}
	let _ = writeln!(out, "  status:          {status_line}");
	let _ = writeln!(out, "  kind:            {}", element_kind(&a["kind"]));
	let _ = writeln!(out, "  applicant:       subject {}", s(&a["applicant"]));
	let _ = writeln!(out, "  registry:        {}", s(&a["registry"]));
	let _ = writeln!(out, "  submitted on:    {}", date(&a["submittedOn"]));
	let _ = writeln!(out, "  acceptance due:  {}", date(&a["acceptanceDue"]));
	if !a["correctionLastDay"].is_null() {
		let _ = writeln!(out, "  correction by:   {}", date(&a["correctionLastDay"]));
	}
	if !a["reviewer"].is_null() {
		let _ = writeln!(out, "  reviewer:        subject {}", s(&a["reviewer"]));
	}
	if !a["noticeStart"].is_null() {
		let remaining = match a["noticeRemaining"].as_u64() {
			Some(n) => format!(", {n} working days left"),
			None => String::new(),
		};
		let _ = writeln!(
			out,
			"  notice (公示):   {} to {}{remaining}",
			date(&a["noticeStart"]),
			date(&a["noticeLastDay"])
		);
	}
	let _ = writeln!(out, "  content digest:  {}", s(&a["contentDigest"]));
	materials(&mut out, &a["materials"]);
	let _ = writeln!(out, "  inputs:          {}", list(&a["inputs"]));
	if !a["reportDigest"].is_null() {
		let _ = writeln!(out, "  review report:   {}", s(&a["reportDigest"]));
	}
	if !a["reasonDigest"].is_null() {
		let _ = writeln!(out, "  reasons:         {}", s(&a["reasonDigest"]));
	}
	out
}

/// `doid notices`.
pub fn notices(v: &Value) -> String {
	let items = v.as_array().map(Vec::as_slice).unwrap_or_default();
	if items.is_empty() {
		return "No application is in public notice (公示).\n".to_string();
	}
	let mut out = format!("{} application(s) in public notice (公示):\n", items.len());
	let _ = writeln!(
		out,
		"  {:>11}  {:>8}  {:>9}  {:<11}  {:<24}  name",
		"application", "registry", "applicant", "last day", "kind"
	);
	for n in items {
		let _ = writeln!(
			out,
			"  {:>11}  {:>8}  {:>9}  {:<11}  {:<24}  {}",
			s(&n["application"]),
			s(&n["registry"]),
			s(&n["applicant"]),
			date(&n["lastDay"]),
			element_kind(&n["kind"]),
			s(&n["name"])
		);
	}
	out
}

fn objection_status_zh(status: &str) -> Option<&'static str> {
	let word = status.split([' ', '(', '{']).next().unwrap_or_default();
	Some(match word {
		"Filed" => "已提出",
		"Accepted" => "已受理",
		"Arbitration" => "仲裁中",
		"Inadmissible" => "不予受理",
		"Withdrawn" => "已撤回",
		"Moot" => "已终结",
		"Decided" if status.contains("Upheld") => "已裁决 (异议成立)",
		"Decided" if status.contains("Dismissed") => "已裁决 (异议不成立)",
		"Decided" => "已裁决",
		_ => return None,
	})
}

/// `doid objection`.
pub fn objection(o: &Value) -> String {
	let mut out = String::new();
	let target = &o["target"];
	let _ = writeln!(
		out,
		"Objection {} (异议) against {} {}",
		s(&o["id"]),
		s(&target["kind"]).to_lowercase(),
		s(&target["id"])
	);
	let status = s(&o["status"]);
	let _ = writeln!(out, "  status:          {}", labelled(&status, objection_status_zh(&status)));
	let _ = writeln!(out, "  objector:        subject {}", s(&o["objector"]));
	let _ = writeln!(out, "  respondent:      subject {}", s(&o["respondent"]));
	let _ = writeln!(out, "  registry:        {}", s(&o["registry"]));
	let _ = writeln!(out, "  bond:            {} (paid by {})", s(&o["bond"]), s(&o["payer"]));
	let _ = writeln!(out, "  filed on:        {}", date(&o["filedOn"]));
	if !o["acceptedOn"].is_null() {
		let _ = writeln!(out, "  accepted on:     {}", date(&o["acceptedOn"]));
	}
	if !o["responseLastDay"].is_null() {
		let _ = writeln!(out, "  response by:     {}", date(&o["responseLastDay"]));
	}
	if !o["arbitrationLastDay"].is_null() {
		let _ = writeln!(out, "  arbitration by:  {}", date(&o["arbitrationLastDay"]));
	}
	let _ = writeln!(out, "  grounds:         {}", s(&o["groundsDigest"]));
	let _ = writeln!(out, "  evidence:        {}", list(&o["evidence"]));
	if !o["responseDigest"].is_null() {
		let _ = writeln!(out, "  response:        {}", s(&o["responseDigest"]));
	}
	let _ = writeln!(out, "  panel:           {}", list(&o["panel"]));
	for b in o["ballots"].as_array().map(Vec::as_slice).unwrap_or_default() {
		let _ = writeln!(
			out,
			"  ballot:          arbitrator {} voted {} (opinion {})",
			s(&b["arbitrator"]),
			s(&b["vote"]),
			s(&b["opinionDigest"])
		);
	}
	let history = o["history"].as_array().map(Vec::as_slice).unwrap_or_default();
	if !history.is_empty() {
		let _ = writeln!(out, "  history:");
	}
	for h in history {
		let who = match (h["subject"].as_u64(), h["account"].as_str()) {
			(Some(subject), _) => format!(" by subject {subject}"),
			(None, Some(account)) => format!(" by {account}"),
			(None, None) => String::new(),
		};
		let digest = match h["digest"].as_str() {
			Some(d) => format!(" ({d})"),
			None => String::new(),
		};
		let _ = writeln!(
			out,
			"    {} block {}: {}{who}{digest}",
			date(&h["date"]),
			s(&h["block"]),
			s(&h["action"])
		);
	}
	out
}

/// `doid working-days`.
pub fn working_days(v: &Value) -> String {
	format!(
		"{} working days (工作日) after {} up to and including {}\n",
		s(&v["workingDays"]),
		date(&v["from"]),
		date(&v["to"])
	)
}

fn anchor_lines(out: &mut String, a: &Value, indent: &str) {
	let kind = s(&a["kind"]);
	let _ = writeln!(
		out,
		"{indent}block {}, chain date {}, time {}",
		s(&a["block"]),
		date(&a["date"]),
		a["momentMs"].as_u64().map(time_utc8).unwrap_or_else(|| "—".into())
	);
	let _ = writeln!(
		out,
		"{indent}submitter: subject {} (account {})",
		s(&a["subject"]),
		s(&a["account"])
	);
	let _ = writeln!(out, "{indent}kind: {}", labelled(&kind, evidence_kind_zh(&kind)));
	if !a["relatedDoid"].is_null() {
		let _ = writeln!(out, "{indent}related DOID: {}", s(&a["relatedDoid"]));
	}
	if !a["metadataDigest"].is_null() {
		let _ = writeln!(out, "{indent}metadata digest: {}", s(&a["metadataDigest"]));
	}
	if !a["leafCount"].is_null() {
		let _ = writeln!(out, "{indent}Merkle batch root of {} leaves", s(&a["leafCount"]));
	}
	let cosignatures = a["cosignatures"].as_array().map(Vec::as_slice).unwrap_or_default();
	if cosignatures.is_empty() {
		let _ = writeln!(out, "{indent}co-signatures: none");
	}
	for c in cosignatures {
		let role = s(&c["role"]);
		let _ = writeln!(
			out,
			"{indent}co-signed by subject {} as {} in block {}",
			s(&c["subject"]),
			labelled(&role, role_zh(&role)),
			s(&c["block"])
		);
	}
	for n in a["annotations"].as_array().map(Vec::as_slice).unwrap_or_default() {
		let kind = s(&n["kind"]);
		let _ = writeln!(
			out,
			"{indent}annotated {} in block {} on {} (reason {})",
			labelled(&kind, annotation_zh(&kind)),
			s(&n["block"]),
			date(&n["date"]),
			s(&n["reasonDigest"])
		);
	}
}

/// `doid lookup`.
pub fn evidence(v: &Value) -> String {
	let mut out = String::new();
	let anchors = v["anchors"].as_array().map(Vec::as_slice).unwrap_or_default();
	let count = v["anchorCount"].as_u64().unwrap_or(anchors.len() as u64);
	let _ = writeln!(out, "Digest {}: anchored {count} time(s)", s(&v["digest"]));
	if let Some((first, later)) = anchors.split_first() {
		let _ = writeln!(out, "First anchoring (首次存证): anchor {}", s(&first["id"]));
		anchor_lines(&mut out, first, "  ");
		for a in later {
			let _ = writeln!(out, "Later anchoring #{}: anchor {}", s(&a["sequence"]), s(&a["id"]));
			anchor_lines(&mut out, a, "  ");
		}
		if (anchors.len() as u64) < count {
			let _ = writeln!(
				out,
				"  ({} more anchorings not listed; use --json for the raw answer)",
				count - anchors.len() as u64
			);
		}
	}
	for app in v["applications"].as_array().map(Vec::as_slice).unwrap_or_default() {
		let role = s(&app["role"]);
		let _ = writeln!(
			out,
			"In application {} as {}",
			s(&app["application"]),
			labelled(&role, digest_use_zh(&role))
		);
	}
	let by_content = v["certificatesByContent"].as_array().map(Vec::len).unwrap_or(0);
	if by_content > 0 {
		let _ = writeln!(
			out,
			"Content digest of certificate(s): {}",
			list(&v["certificatesByContent"])
		);
	}
	let by_material = v["certificatesByMaterial"].as_array().map(Vec::len).unwrap_or(0);
	if by_material > 0 {
		let _ = writeln!(out, "Material of certificate(s): {}", list(&v["certificatesByMaterial"]));
	}
	out
}

#[cfg(test)]
mod tests {
	use super::*;
	use serde_json::json;

	#[test]
	fn dates_and_times() {
		assert_eq!(date(&json!(20260214)), "2026-02-14");
		assert_eq!(date(&Value::Null), "—");
		// 2026-02-13T16:26:40Z is 2026-02-14 00:26:40 in UTC+8.
		assert_eq!(time_utc8(1_771_000_000_000), "2026-02-14 00:26:40 UTC+8");
	}

	#[test]
	fn labels() {
		assert_eq!(certificate_status(&json!("Active")), "Active (已发行)");
		assert_eq!(certificate_status(&json!("Unknown")), "Unknown");
		assert_eq!(element_kind(&json!("DataProduct")), "DataProduct (数据产品)");
	}

	#[test]
	fn evidence_summary_names_first_anchoring_cosignatures_and_annotations() {
		let v = json!({
			"digest": "blake3:00",
			"anchorCount": 2,
			"anchors": [
				{"id": 5, "kind": "Contract", "subject": 3, "account": "5Abc", "relatedDoid": null,
				 "metadataDigest": null, "leafCount": null, "sequence": 0, "block": 4,
				 "momentMs": 1_771_000_000_000u64, "date": 20260214,
				 "cosignatures": [{"subject": 9, "role": "Notary", "block": 5}],
				 "annotations": [{"kind": "Withdrawn", "reasonDigest": "sm3:11", "block": 9,
								  "date": 20260215}]},
				{"id": 7, "kind": "Other", "subject": 4, "account": "5Def", "sequence": 1,
				 "block": 8, "momentMs": 1_771_000_030_000u64, "date": 20260214,
				 "cosignatures": [], "annotations": []}
			],
			"applications": [{"application": 2, "role": "Content"}],
			"certificatesByContent": [1],
			"certificatesByMaterial": []
		});
		let text = evidence(&v);
		for needle in [
			"anchored 2 time(s)",
			"First anchoring (首次存证): anchor 5",
			"block 4, chain date 2026-02-14, time 2026-02-14 00:26:40 UTC+8",
			"subject 3",
			"Contract (合同)",
			"co-signed by subject 9 as Notary (公证机构) in block 5",
			"annotated Withdrawn (已撤回) in block 9 on 2026-02-15",
			"Later anchoring #1: anchor 7",
			"In application 2 as Content (内容摘要)",
			"Content digest of certificate(s): 1",
		] {
			assert!(text.contains(needle), "{needle:?} missing in:\n{text}");
		}
	}

	#[test]
	fn objection_summary() {
		let o = json!({
			"id": 3, "target": {"kind": "Application", "id": 7}, "registry": 2, "objector": 4,
			"respondent": 1, "payer": "5Abc", "bond": "100", "groundsDigest": "sm3:aa",
			"evidence": ["sm3:bb"], "status": "Decided { outcome: Upheld, by: Panel }",
			"filedOn": 20260214, "acceptedOn": 20260215, "responseLastDay": null,
			"responseDigest": null, "panel": [8, 9, 10], "arbitrationLastDay": null,
			"ballots": [{"arbitrator": 8, "vote": "Upheld", "opinionDigest": "sm3:cc"}],
			"history": [{"action": "Filed", "account": "5Abc", "subject": 4, "date": 20260214,
						 "block": 30, "digest": "sm3:aa"}]
		});
		let text = objection(&o);
		for needle in [
			"Objection 3 (异议) against application 7",
			"Decided { outcome: Upheld, by: Panel } (已裁决 (异议成立))",
			"panel:           8, 9, 10",
			"arbitrator 8 voted Upheld",
			"2026-02-14 block 30: Filed by subject 4 (sm3:aa)",
		] {
			assert!(text.contains(needle), "{needle:?} missing in:\n{text}");
		}
	}

	#[test]
	fn verification_verdicts() {
		let ok = json!({"status": "Active", "lineageOk": true});
		assert!(verification_ok(&ok));
		assert!(verification(&ok).starts_with("IN FORCE"));
		assert!(verification_ok(&json!({"status": "ExpiringSoon", "lineageOk": true})));
		assert!(!verification_ok(&json!({"status": "Revoked", "lineageOk": true})));
		assert!(!verification_ok(&json!({"status": "Active", "lineageOk": false})));
	}
}
