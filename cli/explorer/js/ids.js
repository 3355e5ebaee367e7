// Offline checks of what a user types, with the chain's own rules (doid-primitives), so that a
// malformed or mistyped identifier is flagged before any request is sent.
// Each check returns { ok: true, value } or { ok: false, key, values } (an i18n message).

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** ISO 7064 hybrid MOD 37,36 check character of `body` (`0-9A-Z`), or null. */
export function mod37_36CheckChar(body) {
	let p = 36;
	for (const c of body) {
		const v = ALPHABET.indexOf(c);
		if (v < 0) return null;
		let s = (p + v) % 36;
		if (s === 0) s = 36;
		p = (s * 2) % 37;
	}
	return ALPHABET[(37 - p) % 36];
}

const fail = (key, values = {}) => ({ ok: false, key, values });

/** A registration number `{PREFIX}{YYYY}{8-digit serial}{check}`; lower case is accepted. */
export function checkRegistrationNumber(text) {
	const s = text.trim().toUpperCase();
	for (let i = 0; i < s.length; i++) {
		if (!ALPHABET.includes(s[i])) return fail("err.badChar", { pos: i + 1, c: s[i] });
	}
	if (s.length < 15 || s.length > 21) return fail("err.length", { n: s.length });
	const body = s.slice(0, -1);
	const prefix = body.slice(0, body.length - 12);
	const year = Number(body.slice(prefix.length, prefix.length + 4));
	const serial = body.slice(prefix.length + 4);
	if (!/^[A-Z]{2,8}$/.test(prefix)) return fail("err.prefix");
	if (!/^\d{4}$/.test(body.slice(prefix.length, prefix.length + 4)) || year < 2000 || year > 2999) {
		return fail("err.year");
	}
	if (!/^\d{8}$/.test(serial)) return fail("err.length", { n: s.length });
	const expected = mod37_36CheckChar(body);
	const found = s[s.length - 1];
	if (expected !== found) return fail("err.check", { expected, found });
	return { ok: true, value: s };
}

/** A dotted OID (as `Oid::parse`: digits and dots, no empty arc, no leading zero, first arc
 * 0–2, at most 64 characters, at least two arcs). */
export function checkOid(text) {
	const s = text.trim();
	if (s.length > 64) return fail("err.oid", { why: "> 64" });
	if (!/^[0-9.]+$/.test(s)) return fail("err.oid", { why: "0-9 ." });
	const arcs = s.split(".");
	if (arcs.length < 2) return fail("err.oid", { why: "arcs < 2" });
	if (arcs.some((a) => a === "")) return fail("err.oid", { why: ".." });
	if (arcs.some((a) => a.length > 1 && a[0] === "0")) return fail("err.oid", { why: "0…" });
	if (Number(arcs[0]) > 2) return fail("err.oid", { why: "0|1|2" });
	return { ok: true, value: s };
}

/** A certificate reference: a DOID (dotted), a registration number, or a numeric id. */
export function checkCertificateId(text) {
	const s = text.trim();
	if (s === "") return fail("err.empty");
	if (/^\d+$/.test(s) && s.length <= 19) return { ok: true, value: s };
	if (/^\d/.test(s) && s.includes(".")) return checkOid(s);
	return checkRegistrationNumber(s);
}

const DIGEST = /^(blake2b256|sha256|blake3|sm3):([0-9a-f]{64})$/;

/** A digest `algorithm:hex` (64 hex digits, not all zeros); upper-case hex is accepted. */
export function checkDigest(text) {
	const s = text.trim().toLowerCase();
	const m = DIGEST.exec(s);
	if (!m || /^0+$/.test(m[2])) return fail("err.digest");
	return { ok: true, value: s };
}
