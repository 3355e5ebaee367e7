//! `doid explorer`: serves the public web pages — the notice board (登记公示), verification
//! (登记查验) and certificate pages (登记凭证) — embedded in this binary, for one node.
//!
//! The pages are static (HTML, CSS, JavaScript modules and a vendored BLAKE3 implementation,
//! all in `cli/explorer/`); the browser talks to the node's JSON-RPC over a WebSocket whose
//! address the pages read from `/config.json`. Nothing is loaded from anywhere else: the
//! Content-Security-Policy allows only this server and the node.

use crate::error::{CliError, CliResult};
use http_body_util::Full;
use hyper::{
	body::{Bytes, Incoming},
	header::{HeaderName, HeaderValue},
	server::conn::http1,
	service::service_fn,
	Method, Request, Response, StatusCode,
};
use hyper_util::rt::{TokioIo, TokioTimer};
use serde_json::json;
use std::{convert::Infallible, io::Write, sync::Arc, time::Duration};

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

/// A connection that has not sent a complete request head within this time is closed.
const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(20);

/// Pause after a failed `accept` (e.g. out of file descriptors) before accepting again.
const ACCEPT_RETRY: Duration = Duration::from_millis(100);

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
		if !matches!(*method, Method::GET | Method::HEAD) {
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

	/// The HTTP response to `request`.
	fn respond(&self, request: &Request<Incoming>) -> Response<Full<Bytes>> {
		let if_none_match =
			request.headers().get(hyper::header::IF_NONE_MATCH).and_then(|v| v.to_str().ok());
		let url = request.uri().path_and_query().map_or("/", |p| p.as_str());
		let answer = self.answer(request.method(), url, if_none_match);
		let length = answer.body.len();
		let body = if request.method() == Method::HEAD { Vec::new() } else { answer.body };
		let mut response = Response::new(Full::new(Bytes::from(body)));
		*response.status_mut() = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::OK);
		let headers = response.headers_mut();
		let mut set = |name: HeaderName, value: &str| {
			if let Ok(value) = HeaderValue::from_str(value) {
				headers.insert(name, value);
			}
		};
		use hyper::header as h;
		set(h::CONTENT_TYPE, answer.content_type);
		set(h::CACHE_CONTROL, "no-cache");
		set(h::CONTENT_SECURITY_POLICY, &self.policy);
		set(h::X_CONTENT_TYPE_OPTIONS, "nosniff");
		set(h::REFERRER_POLICY, "no-referrer");
		set(h::CONTENT_LENGTH, &length.to_string());
		if let Some(tag) = &answer.etag {
			set(h::ETAG, tag);
		}
		response
	}
}

/// Serve the pages on `listen` for the node at `node` until the process is stopped.
pub fn serve(node: &str, listen: &str) -> CliResult<String> {
	let node_ws = crate::anchor::ws_url(node);
	if !(node_ws.starts_with("ws://") || node_ws.starts_with("wss://")) {
		return Err(CliError::usage(format!(
			"--node {node:?}: expected the node's http://, https://, ws:// or wss:// address"
		)));
	}
	let site = Arc::new(Site::new(&node_ws));
	let runtime = tokio::runtime::Builder::new_multi_thread()
		.worker_threads(2)
		.enable_all()
		.build()
		.map_err(|e| CliError::usage(format!("cannot start the explorer's runtime: {e}")))?;
	runtime.block_on(async move {
		let listener = tokio::net::TcpListener::bind(listen)
			.await
			.map_err(|e| CliError::usage(format!("cannot listen on {listen}: {e}")))?;
		let address = listener.local_addr().map(|a| a.to_string()).unwrap_or_default();
		println!("explorer: serving http://{address}/ for the node at {node_ws}");
		let _ = std::io::stdout().flush();
		accept_forever(listener, site).await
	})
}

/// Serve every connection `listener` accepts, each in its own task.
async fn accept_forever(listener: tokio::net::TcpListener, site: Arc<Site>) -> ! {
	loop {
		// A failed accept (a connection reset before it was accepted, no file descriptor left)
		// concerns one connection: wait a little and go on listening.
		let stream = match listener.accept().await {
			Ok((stream, _)) => stream,
			Err(e) => {
				eprintln!("explorer: accept failed: {e}");
				tokio::time::sleep(ACCEPT_RETRY).await;
				continue;
			}
		};
		let site = site.clone();
		tokio::spawn(async move {
			let service = service_fn(move |request: Request<Incoming>| {
				let response = site.respond(&request);
				async move { Ok::<_, Infallible>(response) }
			});
			// A client that goes away is not the server's problem.
			let _ = http1::Builder::new()
				.timer(TokioTimer::new())
				.header_read_timeout(HEADER_READ_TIMEOUT)
				.serve_connection(TokioIo::new(stream), service)
				.await;
		});
	}
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
		let index = site.answer(&Method::GET, "/", None);
		assert_eq!(index.status, 200);
		assert_eq!(index.content_type, HTML);
		assert!(String::from_utf8_lossy(&index.body).contains("<html"));
		assert_eq!(site.answer(&Method::GET, "/index.html?registry=2", None), index);
		for asset in ASSETS {
			let a = site.answer(&Method::GET, &format!("/{}", asset.path), None);
			assert_eq!((a.status, a.body.len()), (200, asset.body.len()), "{}", asset.path);
		}
		// Every page is the layout around its body, with its own script and current link.
		for (path, name, title, script, _) in PAGES {
			let page = String::from_utf8(site.answer(&Method::GET, &format!("/{path}"), None).body)
				.unwrap();
			assert!(page.starts_with("<!doctype html>"), "{path}: standards mode");
			assert!(page.contains(&format!("<title>{title}</title>")), "{path}");
			assert!(page.contains(&format!("src=\"js/{script}\"")), "{path}");
			assert!(page.contains(&format!("data-page=\"{name}\"")), "{path}");
			assert_eq!(page.matches("aria-current=\"page\"").count(), 1, "{path}");
			assert!(!page.contains("{{"), "{path}: every placeholder filled");
		}
		let config = site.answer(&Method::GET, "/config.json", None);
		let value: serde_json::Value = serde_json::from_slice(&config.body).unwrap();
		assert_eq!(value["node"], "ws://127.0.0.1:9944");
		assert!(site
			.policy
			.contains("connect-src 'self' ws://127.0.0.1:9944 http://127.0.0.1:9944"));
	}

	#[test]
	fn unknown_paths_and_methods_are_refused() {
		let site = site();
		assert_eq!(site.answer(&Method::GET, "/../Cargo.toml", None).status, 404);
		assert_eq!(site.answer(&Method::GET, "/js/", None).status, 404);
		assert_eq!(site.answer(&Method::POST, "/", None).status, 405);
		assert_eq!(site.answer(&Method::HEAD, "/verify.html", None).status, 200);
	}

	#[test]
	fn a_matching_etag_gets_not_modified() {
		let site = site();
		let first = site.answer(&Method::GET, "/app.css", None);
		let tag = first.etag.clone().unwrap();
		let again = site.answer(&Method::GET, "/app.css", Some(&format!("\"x\", {tag}")));
		assert_eq!((again.status, again.body.len()), (304, 0));
		assert_eq!(site.answer(&Method::GET, "/app.css", Some("\"other\"")).status, 200);
	}

	/// Starts the real server on a free loopback port; returns its address.
	fn start_server() -> std::net::SocketAddr {
		let (tx, rx) = std::sync::mpsc::channel();
		std::thread::spawn(move || {
			let runtime = tokio::runtime::Builder::new_multi_thread()
				.worker_threads(2)
				.enable_all()
				.build()
				.unwrap();
			runtime.block_on(async move {
				let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
				tx.send(listener.local_addr().unwrap()).unwrap();
				accept_forever(listener, Arc::new(site())).await
			})
		});
		rx.recv().unwrap()
	}

	/// One request on `stream` (kept alive); returns the status line and the body length.
	fn get(stream: &mut std::net::TcpStream, path: &str) -> (String, usize) {
		use std::io::{BufRead, BufReader, Read};
		write!(stream, "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n").unwrap();
		let mut reader = BufReader::new(stream.try_clone().unwrap());
		let mut status = String::new();
		reader.read_line(&mut status).unwrap();
		let mut length = 0;
		loop {
			let mut line = String::new();
			reader.read_line(&mut line).unwrap();
			if line == "\r\n" {
				break;
			}
			if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
				length = v.trim().parse().unwrap();
			}
		}
		let mut body = vec![0; length];
		reader.read_exact(&mut body).unwrap();
		(status.trim().to_string(), length)
	}

	#[test]
	fn the_server_keeps_answering_after_clients_reset_and_idle() {
		let address = start_server();
		let timeout = Some(Duration::from_secs(10));
		// Clients that connect and go away at once, some with a reset, some idle and half-sent.
		let mut idle = Vec::new();
		for i in 0..200 {
			let stream = std::net::TcpStream::connect(address).unwrap();
			match i % 3 {
				0 => drop(stream),
				1 => {
					let socket = socket2::SockRef::from(&stream);
					socket.set_linger(Some(Duration::ZERO)).unwrap();
					drop(stream);
				}
				_ => {
					let mut stream = stream;
					let _ = stream.write_all(b"GET / HT");
					idle.push(stream);
				}
			}
		}
		// A browser-like client: several requests on one kept-alive connection, and new ones.
		for _ in 0..5 {
			let mut stream = std::net::TcpStream::connect(address).unwrap();
			stream.set_read_timeout(timeout).unwrap();
			let (status, length) = get(&mut stream, "/verify.html");
			assert_eq!(status, "HTTP/1.1 200 OK");
			assert!(length > 1000, "the page's body ({length} bytes)");
			assert_eq!(get(&mut stream, "/js/verify.js").0, "HTTP/1.1 200 OK");
			assert_eq!(get(&mut stream, "/nothing").0, "HTTP/1.1 404 Not Found");
		}
		drop(idle);
	}
}
