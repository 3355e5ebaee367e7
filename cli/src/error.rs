//! Errors of the commands and their exit codes.
//!
//! Exit codes: 0 success (valid, found), 1 invalid or not found (the answer is "no"), 2 usage,
//! input or connection error (no answer could be given).

use std::{fmt, path::Path, process::ExitCode};

/// Exit code of an answer "no": invalid proof or bundle, unknown digest or identifier.
pub const EXIT_INVALID: u8 = 1;
/// Exit code of a usage, input, file or connection error.
pub const EXIT_USAGE: u8 = 2;

/// Why a command did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CliError {
	/// The answer is negative: not found, invalid, not provable (exit 1).
	Negative(String),
	/// The command could not be carried out: bad input, unreadable file, no node (exit 2).
	Usage(String),
}

impl CliError {
	/// A negative answer (exit 1).
	pub fn negative(message: impl Into<String>) -> Self {
		CliError::Negative(message.into())
	}

	/// A usage, input or connection error (exit 2).
	pub fn usage(message: impl Into<String>) -> Self {
		CliError::Usage(message.into())
	}

	/// The process exit code.
	pub fn exit_code(&self) -> ExitCode {
		ExitCode::from(match self {
			CliError::Negative(_) => EXIT_INVALID,
			CliError::Usage(_) => EXIT_USAGE,
		})
	}

	/// The message.
	pub fn message(&self) -> &str {
		match self {
			CliError::Negative(m) | CliError::Usage(m) => m,
		}
	}
}

impl fmt::Display for CliError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(self.message())
	}
}

/// The error of a file that cannot be read, saying which file and what to do.
pub fn read_error(path: &Path, e: &std::io::Error) -> CliError {
	let hint = match e.kind() {
		std::io::ErrorKind::NotFound => " (check the path)",
		std::io::ErrorKind::PermissionDenied => " (check the file's permissions)",
		_ => "",
	};
	CliError::usage(format!("cannot read {}: {e}{hint}", path.display()))
}

/// The error of a file that cannot be written.
pub fn write_error(path: &Path, e: &std::io::Error) -> CliError {
	CliError::usage(format!("cannot write {}: {e}", path.display()))
}

/// Reads a whole file, with a [`read_error`] on failure.
pub fn read_file(path: &Path) -> Result<Vec<u8>, CliError> {
	std::fs::read(path).map_err(|e| read_error(path, &e))
}

/// Result of a command: the text to print on success.
pub type CliResult<T = ()> = Result<T, CliError>;
