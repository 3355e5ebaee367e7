//! `doid`: the DOID chain command-line client.
//!
//! This first version validates identifiers offline with the same checks the chain runs
//! (`doid check ...`). Chain access (anchoring, lookups, proof bundles, registration steps)
//! comes with the RPC issue.

use clap::{Parser, Subcommand};
use doid_primitives::{Date, Oid, RegistrationNumber, ResidentIdNumber, Uscc};
use std::process::ExitCode;

/// The DOID chain command-line client.
#[derive(Parser, Debug)]
#[command(name = "doid", version, about)]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
	/// Check an identifier offline, with the chain's own rules.
	#[command(subcommand)]
	Check(Check),
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

fn main() -> ExitCode {
	let cli = Cli::parse();
	let result = match &cli.command {
		Command::Check(c) => check(c),
	};
	match result {
		Ok(message) => {
			println!("{message}");
			ExitCode::SUCCESS
		}
		Err(message) => {
			eprintln!("{message}");
			ExitCode::FAILURE
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

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
}
