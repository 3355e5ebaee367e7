// The notice board (登记公示): applications in public notice, per registry, refreshed on every
// new block.

import { el, errorText, formatDate, keepFresh, showMessage, startPage } from "./common.js";
import { kindText, t } from "./i18n.js";

const table = document.querySelector("#notices tbody");
const count = document.getElementById("notice-count");
const filter = document.getElementById("registry-filter");
const message = document.getElementById("notices-message");

let notices = null;
const registries = new Set();

function daysLeft(n) {
	if (n === null || n === undefined) return "—";
	return n === 0 ? t("notices.lastDay") : t("notices.daysLeft", { n });
}

function row(n) {
	return el(
		"tr",
		{ "data-application": n.application },
		el("td", { "data-label": t("notices.col.application"), text: `#${n.application}` }),
		el("td", { "data-label": t("notices.col.name"), class: "name", text: n.name }),
		el("td", { "data-label": t("notices.col.kind"), text: kindText(n.kind) }),
		el("td", { "data-label": t("notices.col.registry"), text: `#${n.registry}` }),
		el("td", { "data-label": t("notices.col.applicant"), class: "mono", text: n.applicantOid ?? `#${n.applicant}` }),
		el("td", { "data-label": t("notices.col.start"), class: "nowrap", text: formatDate(n.noticeStart) }),
		el("td", { "data-label": t("notices.col.end"), class: "nowrap", text: formatDate(n.lastDay) }),
		el("td", { "data-label": t("notices.col.left"), class: "left", text: daysLeft(n.workingDaysLeft) }),
	);
}

function updateFilter() {
	for (const registry of [...registries].sort((a, b) => a - b)) {
		if (!filter.querySelector(`option[value="${registry}"]`)) {
			filter.append(el("option", { value: registry, text: `#${registry}` }));
		}
	}
}

function render() {
	if (notices === null) return;
	const chosen = filter.value;
	const shown = notices
		.filter((n) => chosen === "" || String(n.registry) === chosen)
		.sort((a, b) => a.lastDay - b.lastDay || a.application - b.application);
	table.replaceChildren(...shown.map(row));
	if (shown.length === 0) {
		table.append(el("tr", {}, el("td", { colspan: 8, class: "empty", text: t("notices.empty") })));
	}
	count.dataset.count = shown.length;
	count.textContent = t("notices.count", { n: shown.length });
}

async function load(node) {
	try {
		notices = await node.call("doid_notices", []);
		for (const n of notices) registries.add(n.registry);
		updateFilter();
		showMessage(message, null);
		render();
		document.body.dataset.loaded = "true";
	} catch (error) {
		// Keep what is shown; say why it may be stale.
		showMessage(message, errorText(error, "doid_notices"));
	}
}

const params = new URLSearchParams(location.search);
startPage().then((node) => {
	if (params.get("registry")) {
		registries.add(Number(params.get("registry")));
		updateFilter();
		filter.value = params.get("registry");
	}
	filter.addEventListener("change", render);
	document.addEventListener("langchange", render);
	keepFresh(node, () => load(node));
});
