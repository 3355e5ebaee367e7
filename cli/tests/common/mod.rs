//! Running the built `doid` binary.

#![allow(dead_code)]

use std::process::{Command, Output};

/// The `doid` binary with a clean environment (no DOID_URL / DOID_SURI from the caller).
pub fn doid() -> Command {
	let mut c = Command::new(env!("CARGO_BIN_EXE_doid"));
	c.env_remove("DOID_URL").env_remove("DOID_SURI");
	c
}

/// Runs `doid ARGS` and returns its output.
pub fn run<I, S>(args: I) -> Output
where
	I: IntoIterator<Item = S>,
	S: AsRef<std::ffi::OsStr>,
{
	doid().args(args).output().expect("the doid binary runs")
}

pub fn stdout(o: &Output) -> String {
	String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
	String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn code(o: &Output) -> i32 {
	o.status.code().expect("exited normally")
}

/// A loopback URL on which nothing listens: a port bound and released again.
pub fn closed_url() -> String {
	let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
	let port = listener.local_addr().unwrap().port();
	drop(listener);
	format!("http://127.0.0.1:{port}")
}
