//! `doid explorer`: serves the public web pages — the notice board (登记公示), verification
//! (登记查验) and certificate pages (登记凭证) — embedded in this binary, for one node.
//!
//! The pages are static (HTML, CSS, JavaScript modules and a vendored BLAKE3 implementation,
//! all in `cli/explorer/`); the browser talks to the node's JSON-RPC over a WebSocket whose
//! address the pages read from `/config.json`. Nothing is loaded from anywhere else: the
//! Content-Security-Policy allows only this server and the node.

use crate::error::{CliError, CliResult};
use serde_json::json;
use std::io::Write;
use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

/// A file served by the explorer.
struct Asset {
	/// URL path without the leading `/`.
	path: &'static str,
	content_type: &'static str,
	body: &'static [u8],
}

/// A file ready to serve, with its entity tag.
struct File {
	path: String,
	content_type: &'static str,
	body: Vec<u8>,
	/// A hash and the length of the body.
	etag: String,
}

impl File {
	fn new(path: &str, content_type: &'static str, body: Vec<u8>) -> File {
		let mut hasher = std::hash::DefaultHasher::new();
		std::hash::Hash::hash(&body, &mut hasher);
		let etag = format!("\"{:016x}-{}\"", std::hash::Hasher::finish(&hasher), body.len());
		File { path: path.into(), content_type, body, etag }
	}
}

/// `layout.html` with the page's title, script, name, current navigation link and body.
fn render_page(name: &str, title: &str, script: &str, body: &str) -> String {
	let mut html = LAYOUT
		.replace("{{title}}", title)
		.replace("{{script}}", script)
		.replace("{{page}}", name)
		.replace("{{body}}", body);
	for other in ["notices", "verify", "certificate"] {
		let current = if other == name { "aria-current=\"page\"" } else { "" };
		html = html.replace(&format!("{{{{current-{other}}}}}"), current);
	}
	html
}

macro_rules! asset {
	($path:literal, $type:expr) => {
		Asset {
			path: $path,
			content_type: $type,
			body: include_bytes!(concat!("../explorer/", $path)),
		}
	};
}

const HTML: &str = "text/html; charset=utf-8";
const JS: &str = "text/javascript; charset=utf-8";

/// The pages: `(path, name, title, script, body)`; each is `layout.html` around its body.
const PAGES: &[(&str, &str, &str, &str, &str)] = &[
	(
		"index.html",
		"notices",
		"登记公示 · DOID",
		"notices.js",
		include_str!("../explorer/pages/index.html"),
	),
	(
		"verify.html",
		"verify",
		"登记查验 · DOID",
		"verify.js",
		include_str!("../explorer/pages/verify.html"),
	),
	(
		"certificate.html",
		"certificate",
		"登记凭证 · DOID",
		"certificate.js",
		include_str!("../explorer/pages/certificate.html"),
	),
];

/// The frame of every page.
const LAYOUT: &str = include_str!("../explorer/layout.html");

/// Every other file.
const ASSETS: &[Asset] = &[
	asset!("app.css", "text/css; charset=utf-8"),
	asset!("favicon.svg", "image/svg+xml"),
	asset!("js/rpc.js", JS),
	asset!("js/i18n.js", JS),
	asset!("js/ids.js", JS),
	asset!("js/common.js", JS),
	asset!("js/notices.js", JS),
	asset!("js/verify.js", JS),
	asset!("js/certificate.js", JS),
	asset!("js/lineage.js", JS),
	asset!("vendor/noble-hashes/blake3.js", JS),
	asset!("vendor/noble-hashes/blake2.js", JS),
	asset!("vendor/noble-hashes/_blake.js", JS),
	asset!("vendor/noble-hashes/_md.js", JS),
	asset!("vendor/noble-hashes/_u64.js", JS),
	asset!("vendor/noble-hashes/utils.js", JS),
	asset!("vendor/noble-hashes/LICENSE", "text/plain; charset=utf-8"),
];

/// Requests served at once (one thread each); more wait in the listener's queue.
const WORKERS: usize = 8;

/// What the server answers to one request.
#[derive(Debug, PartialEq, Eq)]
struct Answer {
	status: u16,
	content_type: &'static str,
	etag: Option<String>,
	body: Vec<u8>,
}

/// The explorer's fixed settings.
struct Site {
	/// `/config.json`: the node's WebSocket address for the pages.
	config: Vec<u8>,
	/// The Content-Security-Policy of every answer.
	policy: String,
	/// The pages and assets.
	files: Vec<File>,
}

impl Site {
	fn new(node_ws: &str) -> Site {
		let node_http = crate::rpc::http_url(node_ws);
		Site {
			config: json!({ "node": node_ws, "version": env!("CARGO_PKG_VERSION") })
				.to_string()
				.into_bytes(),
			policy: format!(
				"default-src 'self'; connect-src 'self' {node_ws} {node_http}; img-src 'self' \
				 data: blob:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri \
				 'none'; form-action 'self'; frame-ancestors 'none'"
			),
			files: PAGES
				.iter()
				.map(|(path, name, title, script, body)| {
					File::new(path, HTML, render_page(name, title, script, body).into_bytes())
				})
				.chain(ASSETS.iter().map(|a| File::new(a.path, a.content_type, a.body.to_vec())))
				.collect(),
		}
	}

	/// The answer to `method path` (`if_none_match`: the request's `If-None-Match`).
	fn answer(&self, method: &Method, url: &str, if_none_match: Option<&str>) -> Answer {
		let text = |status, body: &str| Answer {
			status,
			content_type: "text/plain; charset=utf-8",
			etag: None,
			body: body.as_bytes().to_vec(),
		};
		if !matches!(method, Method::Get | Method::Head) {
			return text(405, "405 method not allowed: the explorer serves GET and HEAD only\n");
		}
		let path = url.split(['?', '#']).next().unwrap_or("/");
		let path = match path.trim_start_matches('/') {
			"" => "index.html",
			p => p,
		};
		if path == "config.json" {
			return Answer {
				status: 200,
				content_type: "application/json",
				etag: None,
				body: self.config.clone(),
			};
		}
		let Some(file) = self.files.iter().find(|f| f.path == path) else {
			return text(
				404,
				"404 not found: try / (notices), /verify.html or /certificate.html\n",
			);
		};
		let fresh =
			if_none_match.is_some_and(|tags| tags.split(',').any(|t| t.trim() == file.etag));
		Answer {
			status: if fresh { 304 } else { 200 },
			content_type: file.content_type,
			etag: Some(file.etag.clone()),
			body: if fresh { Vec::new() } else { file.body.clone() },
		}
	}

	fn respond(&self, request: Request) {
		let if_none_match = request
			.headers()
			.iter()
			.find(|h| h.field.equiv("If-None-Match"))
			.map(|h| h.value.as_str().to_owned());
		let answer = self.answer(request.method(), request.url(), if_none_match.as_deref());
		let is_head = *request.method() == Method::Head;
		let mut headers = vec![
			header("Content-Type", answer.content_type),
			header("Cache-Control", "no-cache"),
			header("Content-Security-Policy", &self.policy),
			header("X-Content-Type-Options", "nosniff"),
			header("Referrer-Policy", "no-referrer"),
		];
		if let Some(tag) = &answer.etag {
			headers.push(header("ETag", tag));
		}
		let length = answer.body.len();
		let body = if is_head { Vec::new() } else { answer.body };
		let response = Response::new(
			StatusCode(answer.status),
			headers,
			std::io::Cursor::new(body),
			Some(length),
			None,
		);
		// A client that went away is not the server's problem.
		let _ = request.respond(response);
	}
}

fn header(name: &str, value: &str) -> Header {
	Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

/// Serve the pages on `listen` for the node at `node` until the process is stopped.
pub fn serve(node: &str, listen: &str) -> CliResult<String> {
	let node_ws = crate::anchor::ws_url(node);
	if !(node_ws.starts_with("ws://") || node_ws.starts_with("wss://")) {
		return Err(CliError::usage(format!(
			"--node {node:?}: expected the node's http://, https://, ws:// or wss:// address"
		)));
	}
	let server = Server::http(listen)
		.map_err(|e| CliError::usage(format!("cannot listen on {listen}: {e}")))?;
	let site = std::sync::Arc::new(Site::new(&node_ws));
	let address = server.server_addr().to_ip().map(|a| a.to_string()).unwrap_or_default();
	println!("explorer: serving http://{address}/ for the node at {node_ws}");
	let _ = std::io::stdout().flush();
	let server = std::sync::Arc::new(server);
	let workers: Vec<_> = (0..WORKERS)
		.map(|_| {
			let (server, site) = (server.clone(), site.clone());
			std::thread::spawn(move || {
				for request in server.incoming_requests() {
					site.respond(request);
				}
			})
		})
		.collect();
	for worker in workers {
		let _ = worker.join();
	}
	Ok(String::new())
}

#[cfg(test)]
mod tests {
	use super::*;

	fn site() -> Site {
		Site::new("ws://127.0.0.1:9944")
	}

	#[test]
	fn pages_assets_and_config_are_served() {
		let site = site();
		let index = site.answer(&Method::Get, "/", None);
		assert_eq!(index.status, 200);
		assert_eq!(index.content_type, HTML);
		assert!(String::from_utf8_lossy(&index.body).contains("<html"));
		assert_eq!(site.answer(&Method::Get, "/index.html?registry=2", None), index);
		for asset in ASSETS {
			let a = site.answer(&Method::Get, &format!("/{}", asset.path), None);
			assert_eq!((a.status, a.body.len()), (200, asset.body.len()), "{}", asset.path);
		}
		// Every page is the layout around its body, with its own script and current link.
		for (path, name, title, script, _) in PAGES {
			let page = String::from_utf8(site.answer(&Method::Get, &format!("/{path}"), None).body)
				.unwrap();
			assert!(page.starts_with("<!doctype html>"), "{path}: standards mode");
			assert!(page.contains(&format!("<title>{title}</title>")), "{path}");
			assert!(page.contains(&format!("src=\"js/{script}\"")), "{path}");
			assert!(page.contains(&format!("data-page=\"{name}\"")), "{path}");
			assert_eq!(page.matches("aria-current=\"page\"").count(), 1, "{path}");
			assert!(!page.contains("{{"), "{path}: every placeholder filled");
		}
		let config = site.answer(&Method::Get, "/config.json", None);
		let value: serde_json::Value = serde_json::from_slice(&config.body).unwrap();
		assert_eq!(value["node"], "ws://127.0.0.1:9944");
		assert!(site
			.policy
			.contains("connect-src 'self' ws://127.0.0.1:9944 http://127.0.0.1:9944"));
	}

	#[test]
	fn unknown_paths_and_methods_are_refused() {
		let site = site();
		assert_eq!(site.answer(&Method::Get, "/../Cargo.toml", None).status, 404);
		assert_eq!(site.answer(&Method::Get, "/js/", None).status, 404);
		assert_eq!(site.answer(&Method::Post, "/", None).status, 405);
		assert_eq!(site.answer(&Method::Head, "/verify.html", None).status, 200);
	}

	#[test]
	fn a_matching_etag_gets_not_modified() {
		let site = site();
		let first = site.answer(&Method::Get, "/app.css", None);
		let tag = first.etag.clone().unwrap();
		let again = site.answer(&Method::Get, "/app.css", Some(&format!("\"x\", {tag}")));
		assert_eq!((again.status, again.body.len()), (304, 0));
		assert_eq!(site.answer(&Method::Get, "/app.css", Some("\"other\"")).status, 200);
	}
}
