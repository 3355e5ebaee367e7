// The certificate page (登记凭证): every field, the status with its Chinese label, validity and
// renewal window, version history, licences and the lineage graph. `?id=` takes a DOID, a
// registration number or the numeric id.

import {
	certificateHref,
	el,
	errorText,
	formatDate,
	keepFresh,
	showMessage,
	startPage,
	statusClass,
} from "./common.js";
import { checkCertificateId } from "./ids.js";
import { kindText, lang, statusText, t, valueText } from "./i18n.js";
import { lineageGraph } from "./lineage.js";

const form = document.getElementById("cert-form");
const input = document.getElementById("cert-id");
const hint = document.getElementById("cert-hint");
const article = document.getElementById("certificate");

const RIGHTS = [
	[1, "持有权", "holding right"],
	[2, "加工使用权", "processing and use right"],
	[4, "经营权", "product operation right"],
];

let shown = null; // { record, verification }

function rights(bits) {
	const names = RIGHTS.filter(([bit]) => bits & bit).map(([, zh, en]) => (lang() === "zh" ? zh : en));
	return names.join(lang() === "zh" ? "、" : ", ") || "—";
}

function field(key, value, attributes = {}) {
	return [el("dt", { text: t(key) }), el("dd", attributes, value ?? "—")];
}

function render() {
	if (!shown) return;
	const { record: c, verification: v } = shown;
	document.title = `${c.name} · DOID`;
	document.getElementById("cert-name").textContent = c.name;
	const status = document.getElementById("cert-status");
	status.className = statusClass(v.status);
	status.textContent = statusText(v.status, v.statusLabel);
	status.dataset.status = v.status;
	const lineage = document.getElementById("cert-lineage");
	lineage.className = v.lineageOk ? "good" : "bad";
	lineage.textContent = v.lineageOk ? t("verify.lineageOk") : t("verify.lineageBroken");
	document.getElementById("cert-validity").textContent =
		`${t("cert.validity")}: ${formatDate(c.issuedOn)} – ${formatDate(c.expiresOn)}` +
		(c.renewalOpens ? ` · ${t("cert.renewal", { d: formatDate(c.renewalOpens) })}` : "");

	document.getElementById("cert-fields").replaceChildren(
		...field("f.doid", c.doid, { class: "mono", id: "field-doid" }),
		...field("f.number", c.registrationNumber, { class: "mono", id: "field-number" }),
		...field("f.registry", `${c.registryName || ""} (#${c.registry})`),
		...field("f.holder", v.holderOid ?? t("subject", { n: c.holder }), { class: "mono" }),
		...field("f.kind", kindText(c.kind)),
		...field("f.industry", c.industry),
		...field("f.scenario", c.scenario),
		...field("f.source", c.source),
		...field("f.format", c.format),
		...field("f.structure", c.structure),
		...field("f.scale", c.scale),
		...field("f.update", valueText(c.updateFrequency)),
		...field("f.trainable", c.trainable ? t("yes") : t("no")),
		...field("f.rights", rights(c.rights)),
		...field("f.acquisition", valueText(c.acquisition)),
		...field("f.content", c.contentDigest, { class: "mono digest" }),
		...field("f.materials", el("ul", {}, c.materials.map((m) => el("li", {}, `${valueText(m.kind)}: `, el("span", { class: "mono digest", text: m.digest }))))),
		...field("f.application", `#${c.application}`),
		...field("f.issued", formatDate(c.issuedOn)),
		...field("f.expires", formatDate(c.expiresOn)),
		...field("f.version", c.version, { id: "field-version" }),
	);

	const self = {
		id: c.id,
		doid: c.doid,
		registrationNumber: c.registrationNumber,
		kind: c.kind,
		status: v.status,
		statusLabel: v.statusLabel,
		name: c.name,
	};
	const graph = document.getElementById("lineage");
	const { inputs, derived } = c.lineage;
	graph.replaceChildren(
		inputs.length || derived.length ? lineageGraph(self, inputs, derived) : el("p", { class: "hint", text: t("cert.noLineage") }),
	);
	graph.dataset.inputs = inputs.length;
	graph.dataset.derived = derived.length;

	document.querySelector("#history tbody").replaceChildren(
		...c.history.map((h) =>
			el("tr", { "data-version": h.version },
				el("td", { "data-label": t("h.version"), text: h.version }),
				el("td", { "data-label": t("h.change"), text: valueText(h.change), title: h.detail }),
				el("td", { "data-label": t("h.status") }, el("span", { class: statusClass(h.status), text: statusText(h.status, h.statusLabel) })),
				el("td", { "data-label": t("h.date"), class: "nowrap", text: formatDate(h.on) }),
				el("td", { "data-label": t("h.block"), text: h.block }),
				el("td", { "data-label": t("h.by"), class: h.by.length > 20 ? "mono" : "", text: h.by.length > 20 ? h.by : valueText(h.by) }),
				el("td", { "data-label": t("h.digest"), class: "mono digest", text: h.digest ?? "—" }),
			),
		),
	);
	document.getElementById("licences").replaceChildren(
		c.licences.length
			? el("ul", {}, c.licences.map((l) => el("li", { text: `${t("l.grantee")}: ${t("subject", { n: l.grantee })} · ${t("l.until")} ${formatDate(l.until)}` })))
			: el("p", { text: t("cert.noLicences") }),
	);
	article.hidden = false;
}

async function load(node, id) {
	try {
		const [record, verification] = await Promise.all([
			node.call("doid_certificate", [id]),
			node.call("doid_verify", [id]),
		]);
		shown = { record, verification };
		showMessage(hint, null);
		render();
	} catch (error) {
		// A lost connection keeps the last rendering; anything else is shown.
		if (!shown || error.code !== 0) showMessage(hint, errorText(error, id));
	}
	document.body.dataset.loaded = "true";
}

const id = new URLSearchParams(location.search).get("id");
form.addEventListener("submit", (event) => {
	event.preventDefault();
	const check = checkCertificateId(input.value);
	input.setAttribute("aria-invalid", check.ok ? "false" : "true");
	if (!check.ok) {
		showMessage(hint, t(check.key, check.values));
		return;
	}
	location.href = certificateHref(check.value);
});

startPage().then((node) => {
	document.addEventListener("langchange", render);
	if (!id) {
		document.body.dataset.loaded = "true";
		return;
	}
	input.value = id;
	const check = checkCertificateId(id);
	if (!check.ok) {
		showMessage(hint, t(check.key, check.values));
		document.body.dataset.loaded = "true";
		return;
	}
	keepFresh(node, () => load(node, check.value));
});
