// Verification (登记查验): a certificate by DOID or registration number, or a file by its digest
// (hashed in the browser: SHA-256 with WebCrypto, BLAKE3 with the bundled @noble/hashes) with
// its anchors, co-signatures, applications and certificates, and its offline proof bundle.

import { blake3 } from "../vendor/noble-hashes/blake3.js";
import {
	certificateHref,
	el,
	errorText,
	formatDate,
	formatMoment,
	showMessage,
	startPage,
	statusClass,
} from "./common.js";
import { checkCertificateId, checkDigest } from "./ids.js";
import { kindText, statusText, t, valueText } from "./i18n.js";
import { NOT_FOUND } from "./rpc.js";

const idForm = document.getElementById("lookup-form");
const idInput = document.getElementById("lookup-id");
const idHint = document.getElementById("lookup-hint");
const verifyResult = document.getElementById("verify-result");
const digestForm = document.getElementById("digest-form");
const digestInput = document.getElementById("digest-input");
const digestHint = document.getElementById("digest-hint");
const dropZone = document.getElementById("drop-zone");
const fileInput = document.getElementById("file-input");
const fileStatus = document.getElementById("file-status");
const evidenceResult = document.getElementById("evidence-result");

let node = null;
let rerender = () => {};

/** Shows the check's message under the field, or clears it; true when valid. */
function flag(check, hint, input) {
	showMessage(hint, check.ok ? null : t(check.key, check.values));
	input.setAttribute("aria-invalid", check.ok ? "false" : "true");
	return check.ok;
}

// ---- Certificates -------------------------------------------------------------------------

function verification(v) {
	const inForce = ["Active", "ExpiringSoon"].includes(v.status);
	return el(
		"div",
		{ class: "card", id: "verification", "data-status": v.status, "data-number": v.registrationNumber },
		el("p", { class: "verdict" }, el("span", { class: statusClass(v.status), text: statusText(v.status, v.statusLabel) }), " ",
			el("strong", { text: inForce ? t("verify.inForce") : t("verify.notInForce") })),
		el("dl", { class: "fields" },
			el("dt", { text: t("f.number") }), el("dd", { class: "mono", text: v.registrationNumber }),
			el("dt", { text: t("f.doid") }), el("dd", { class: "mono", text: v.doid }),
			el("dt", { text: t("f.kind") }), el("dd", { text: kindText(v.kind) }),
			el("dt", { text: t("f.holder") }), el("dd", { class: "mono", text: v.holderOid ?? t("subject", { n: v.holder }) }),
			el("dt", { text: t("cert.validity") }), el("dd", { text: `${formatDate(v.issuedOn)} – ${formatDate(v.expiresOn)}` }),
			el("dt", { text: t("f.version") }), el("dd", { text: v.version }),
			el("dt", { text: t("f.lineage") }), el("dd", { class: v.lineageOk ? "good" : "bad",
				text: v.lineageOk ? t("verify.lineageOk") : t("verify.lineageBroken") }),
		),
		el("p", {}, el("a", { href: certificateHref(v.doid), text: t("verify.open") })),
	);
}

async function verifyId(text) {
	const check = checkCertificateId(text);
	if (!flag(check, idHint, idInput)) {
		verifyResult.replaceChildren();
		return;
	}
	try {
		const v = await node.call("doid_verify", [check.value]);
		rerender = () => verifyResult.replaceChildren(verification(v));
		rerender();
	} catch (error) {
		verifyResult.replaceChildren(el("p", { class: "message message-error", role: "alert", text: errorText(error, check.value) }));
	}
}

// ---- Files and digests --------------------------------------------------------------------

/** SHA-256 and BLAKE3 digests of `file`, in `algorithm:hex` form, reporting progress. */
async function hashFile(file) {
	const hasher = blake3.create();
	const reader = file.stream().getReader();
	let done = 0;
	for (;;) {
		const { value, done: finished } = await reader.read();
		if (finished) break;
		hasher.update(value);
		done += value.length;
		showMessage(fileStatus, t("verify.hashing", { p: file.size ? Math.floor((100 * done) / file.size) : 100 }), "info");
	}
	const sha = new Uint8Array(await crypto.subtle.digest("SHA-256", await file.arrayBuffer()));
	const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
	return [`blake3:${hex(hasher.digest())}`, `sha256:${hex(sha)}`];
}

function anchorItem(a) {
	return el("li", { class: "anchor", "data-anchor": a.id },
		el("strong", { text: a.sequence === 0 ? t("verify.firstAnchor") : `#${a.sequence}` }), " ",
		`${formatMoment(a.momentMs)} · ${t("block", { n: a.block })} · ${valueText(a.kind)} · `,
		el("span", { class: "mono", text: a.account }),
		a.relatedDoid ? [" · ", el("a", { href: certificateHref(a.relatedDoid), class: "mono", text: a.relatedDoid })] : null,
		a.cosignatures.length
			? el("div", { class: "cosign", text: `${t("verify.cosigned")}: ${a.cosignatures.map((c) => `${t("subject", { n: c.subject })} (${valueText(c.role)}, ${t("block", { n: c.block })})`).join("; ")}` })
			: null,
		a.annotations.length
			? el("div", { text: `${t("verify.annotations")}: ${a.annotations.map((n) => `${valueText(n.kind)} ${formatDate(n.date)}`).join("; ")}` })
			: null,
	);
}

function certificateLinks(ids) {
	return el("ul", {}, ids.map((id) => el("li", {}, el("a", { href: certificateHref(String(id)), text: `#${id}` }))));
}

async function downloadBundle(digest, button, note) {
	button.disabled = true;
	try {
		const bundle = await node.call("doid_evidenceBundle", [digest]);
		const name = `doid-proof-${digest.replace(":", "-").slice(0, 24)}.json`;
		const url = URL.createObjectURL(new Blob([JSON.stringify(bundle, null, 2)], { type: "application/json" }));
		const link = el("a", { href: url, download: name });
		document.body.append(link);
		link.click();
		link.remove();
		setTimeout(() => URL.revokeObjectURL(url), 10000);
		showMessage(note, t("verify.bundleSaved", { name }), "info");
	} catch (error) {
		showMessage(note, errorText(error, digest));
	} finally {
		button.disabled = false;
	}
}

function evidenceCard(digest, e) {
	const note = el("p", { class: "message", role: "status", hidden: true });
	const button = el("button", { type: "button", class: "bundle", text: t("verify.bundle") });
	button.addEventListener("click", () => downloadBundle(digest, button, note));
	return el("div", { class: "card found", "data-digest": digest },
		el("h3", { class: "mono digest", text: digest }),
		e.anchors.length ? [el("h4", { text: `${t("verify.anchors")} (${e.anchorCount})` }), el("ul", {}, e.anchors.map(anchorItem)), button, note] : null,
		e.applications.length ? [el("h4", { text: t("verify.applications") }),
			el("ul", {}, e.applications.map((a) => el("li", { text: `#${a.application} (${valueText(a.role)})` })))] : null,
		e.certificatesByContent.length ? [el("h4", { text: t("verify.certsByContent") }), certificateLinks(e.certificatesByContent)] : null,
		e.certificatesByMaterial.length ? [el("h4", { text: t("verify.certsByMaterial") }), certificateLinks(e.certificatesByMaterial)] : null,
	);
}

/** Looks up each digest and shows what the chain knows of it. */
async function lookupDigests(digests) {
	const cards = [];
	for (const digest of digests) {
		try {
			cards.push(evidenceCard(digest, await node.call("doid_evidence", [digest])));
		} catch (error) {
			const text = error.code === NOT_FOUND ? t("verify.notFoundDigest") : errorText(error, digest);
			cards.push(el("div", { class: "card missing", "data-digest": digest },
				el("h3", { class: "mono digest", text: digest }), el("p", { text })));
		}
	}
	evidenceResult.replaceChildren(...cards);
}

async function onFile(file) {
	if (!file) return;
	evidenceResult.replaceChildren();
	const digests = await hashFile(file);
	showMessage(fileStatus, `${file.name} (${file.size} B)`, "info");
	rerender = () => lookupDigests(digests);
	await lookupDigests(digests);
}

// ---- Wiring -------------------------------------------------------------------------------

idInput.addEventListener("input", () => {
	const text = idInput.value;
	// Flag a wrong check character as soon as the number is complete; stay quiet while typing.
	const check = checkCertificateId(text);
	if (check.ok || check.key === "err.check" || check.key === "err.badChar") flag(check, idHint, idInput);
	else showMessage(idHint, null);
});
idForm.addEventListener("submit", (event) => {
	event.preventDefault();
	verifyId(idInput.value);
});
digestForm.addEventListener("submit", (event) => {
	event.preventDefault();
	const check = checkDigest(digestInput.value);
	if (flag(check, digestHint, digestInput)) {
		rerender = () => lookupDigests([check.value]);
		lookupDigests([check.value]);
	}
});
dropZone.addEventListener("click", (event) => {
	if (event.target !== fileInput) fileInput.click();
});
dropZone.addEventListener("keydown", (event) => {
	if (event.key === "Enter" || event.key === " ") {
		event.preventDefault();
		fileInput.click();
	}
});
dropZone.addEventListener("dragover", (event) => {
	event.preventDefault();
	dropZone.classList.add("over");
});
dropZone.addEventListener("dragleave", () => dropZone.classList.remove("over"));
dropZone.addEventListener("drop", (event) => {
	event.preventDefault();
	dropZone.classList.remove("over");
	onFile(event.dataTransfer.files[0]);
});
fileInput.addEventListener("change", () => onFile(fileInput.files[0]));

startPage().then((n) => {
	node = n;
	document.addEventListener("langchange", () => rerender());
	const id = new URLSearchParams(location.search).get("id");
	if (id) {
		idInput.value = id;
		node.connected()
			.then(() => verifyId(id))
			.finally(() => {
				document.body.dataset.loaded = "true";
			});
	} else {
		document.body.dataset.loaded = "true";
	}
});
