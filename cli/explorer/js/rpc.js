// The node connection: JSON-RPC 2.0 over one WebSocket, with a new-head subscription, that
// reconnects by itself (with backoff) when the node goes away, and fails pending calls at once
// instead of leaving the page waiting.

/** A JSON-RPC error answer (`code` as the node sends it) or a connection failure (code 0). */
export class RpcError extends Error {
	constructor(code, message) {
		super(message);
		this.code = code;
	}
}

/** The node's error codes (see node/src/doid_rpc.rs). */
export const INVALID_INPUT = -32602;
export const NOT_FOUND = 4004;
export const NOT_YET_PROVABLE = 4009;
export const CONNECTION = 0;

const CALL_TIMEOUT_MS = 20000;
const MAX_BACKOFF_MS = 8000;

export class Node {
	/** @param {string} url the node's ws:// or wss:// address */
	constructor(url) {
		this.url = url;
		this.nextId = 1;
		this.pending = new Map();
		this.listeners = { state: [], head: [] };
		this.state = "connecting";
		this.attempt = 0;
		this.headSubscription = null;
		this.open();
	}

	/** Calls `fn(value)` on every `state` ("connecting" | "connected" | "disconnected") or
	 * `head` ({ number, hash }) event. */
	on(event, fn) {
		this.listeners[event].push(fn);
	}

	emit(event, value) {
		for (const fn of this.listeners[event]) fn(value);
	}

	setState(state) {
		if (this.state !== state) {
			this.state = state;
			this.emit("state", state);
		}
	}

	open() {
		this.setState(this.attempt === 0 ? "connecting" : "disconnected");
		let ws;
		try {
			ws = new WebSocket(this.url);
		} catch (e) {
			this.reconnectLater();
			return;
		}
		this.ws = ws;
		ws.onopen = () => {
			this.attempt = 0;
			this.setState("connected");
			this.subscribeHeads();
		};
		ws.onmessage = (event) => this.receive(event.data);
		ws.onclose = () => {
			this.ws = null;
			this.failPending("the connection to the node was lost");
			this.setState("disconnected");
			this.reconnectLater();
		};
		ws.onerror = () => {}; // `onclose` follows and handles it.
	}

	reconnectLater() {
		const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** this.attempt);
		this.attempt += 1;
		setTimeout(() => this.open(), delay);
	}

	failPending(message) {
		for (const { reject, timer } of this.pending.values()) {
			clearTimeout(timer);
			reject(new RpcError(CONNECTION, message));
		}
		this.pending.clear();
	}

	receive(data) {
		let message;
		try {
			message = JSON.parse(data);
		} catch (e) {
			return;
		}
		if (message.id !== undefined && this.pending.has(message.id)) {
			const { resolve, reject, timer } = this.pending.get(message.id);
			this.pending.delete(message.id);
			clearTimeout(timer);
			if (message.error) reject(new RpcError(message.error.code, message.error.message));
			else resolve(message.result);
			return;
		}
		const params = message.params;
		if (message.method === "chain_newHead" && params && params.result) {
			const header = params.result;
			this.emit("head", { number: parseInt(header.number, 16), parentHash: header.parentHash });
		}
	}

	/** The answer of `method(params)`; rejects with an RpcError (code 0 when not connected). */
	call(method, params = []) {
		return new Promise((resolve, reject) => {
			if (!this.ws || this.ws.readyState !== WebSocket.OPEN) {
				reject(new RpcError(CONNECTION, "not connected to the node"));
				return;
			}
			const id = this.nextId++;
			const timer = setTimeout(() => {
				this.pending.delete(id);
				reject(new RpcError(CONNECTION, `${method}: no answer within ${CALL_TIMEOUT_MS / 1000} s`));
			}, CALL_TIMEOUT_MS);
			this.pending.set(id, { resolve, reject, timer });
			this.ws.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
		});
	}

	/** Resolves once connected (at once if already). */
	connected() {
		if (this.state === "connected") return Promise.resolve();
		return new Promise((resolve) => {
			const check = (state) => {
				if (state === "connected") resolve();
			};
			this.on("state", check);
		});
	}

	subscribeHeads() {
		this.call("chain_subscribeNewHeads", [])
			.then((id) => {
				this.headSubscription = id;
			})
			.catch(() => {});
	}
}

/** Connects to the node named in the explorer's `/config.json`. */
export async function connect() {
	const response = await fetch("/config.json", { cache: "no-store" });
	const config = await response.json();
	return new Node(config.node);
}
