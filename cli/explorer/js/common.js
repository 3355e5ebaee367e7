// What every page shares: the node connection with its status line, the language toggle, DOM
// helpers and formatting of the node's values.

import { connect, RpcError, CONNECTION, NOT_FOUND, NOT_YET_PROVABLE } from "./rpc.js";
import { apply, t, toggle } from "./i18n.js";

/** `el("td", { class: "x" }, child, "text")`: an element with attributes and children. */
export function el(tag, attributes = {}, ...children) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value === undefined || value === null || value === false) continue;
		if (name === "text") node.textContent = value;
		else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
		else node.setAttribute(name, value === true ? "" : value);
	}
	for (const child of children.flat()) {
		if (child === undefined || child === null) continue;
		node.append(child instanceof Node ? child : document.createTextNode(String(child)));
	}
	return node;
}

/** `20260302` → `2026-03-02`. */
export function formatDate(yyyymmdd) {
	if (yyyymmdd === null || yyyymmdd === undefined) return "—";
	const s = String(yyyymmdd);
	return s.length === 8 ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}` : s;
}

/** A block time (ms since the epoch) in Beijing time, `YYYY-MM-DD HH:MM:SS (UTC+8)`. */
export function formatMoment(ms) {
	const d = new Date(Number(ms) + 8 * 3600 * 1000);
	return `${d.toISOString().slice(0, 19).replace("T", " ")} (UTC+8)`;
}

/** The CSS class of a status badge or graph node. */
export function statusClass(status) {
	const group = {
		Active: "ok",
		ExpiringSoon: "warn",
		Disputed: "dispute",
		Renewing: "pending",
		TransferPending: "pending",
		ChangePending: "pending",
		CancellationPending: "pending",
		Frozen: "frozen",
		Revoked: "bad",
		Invalid: "bad",
		Expired: "ended",
		Cancelled: "ended",
	};
	return `status status-${group[status] || "ended"}`;
}

/** The link to a certificate's page. */
export function certificateHref(reference) {
	return `certificate.html?id=${encodeURIComponent(reference)}`;
}

/** A message for an RPC failure (`what`: the thing looked up). */
export function errorText(error, what) {
	if (!(error instanceof RpcError)) return t("err.node", { message: String(error) });
	if (error.code === CONNECTION) return t("err.offline");
	if (error.code === NOT_FOUND) return t("err.notFound", { what });
	if (error.code === NOT_YET_PROVABLE) return t("err.notProvable");
	return t("err.node", { message: error.message });
}

/** Shows `message` in `box` (a live region) as an error, or clears it with null. */
export function showMessage(box, message, kind = "error") {
	box.replaceChildren();
	box.hidden = !message;
	if (message) {
		box.className = `message message-${kind}`;
		box.textContent = message;
	}
}

/** Wires the header (language toggle, connection status) and connects to the node. */
export async function startPage() {
	apply();
	document.getElementById("lang-toggle").addEventListener("click", toggle);
	const status = document.getElementById("connection");
	let state = "connecting";
	let best = null;
	const render = () => {
		status.dataset.state = state;
		status.textContent =
			t(`conn.${state}`) + (state === "connected" && best !== null ? ` · ${t("conn.block", { n: best })}` : "");
	};
	render();
	document.addEventListener("langchange", render);
	const node = await connect();
	node.on("state", (s) => {
		state = s;
		render();
	});
	node.on("head", (head) => {
		best = head.number;
		render();
	});
	return node;
}

/** Runs `load` now (once connected) and again after every new block or reconnection, never two
 * at once; the latest block wins. */
export function keepFresh(node, load) {
	let running = false;
	let again = false;
	const run = async () => {
		if (running) {
			again = true;
			return;
		}
		running = true;
		try {
			await load();
		} finally {
			running = false;
			if (again) {
				again = false;
				run();
			}
		}
	};
	node.on("head", run);
	node.connected().then(run);
}
