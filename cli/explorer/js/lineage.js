// The lineage graph of a certificate as SVG: its inputs on the left, the certificate in the
// middle, the certificates derived from it on the right; each node coloured by status and
// linked to its page.

import { certificateHref, statusClass } from "./common.js";
import { kindText, statusText } from "./i18n.js";

const SVG = "http://www.w3.org/2000/svg";
const BOX_W = 200;
const BOX_H = 56;
const GAP_X = 70;
const GAP_Y = 16;

function svg(tag, attributes = {}, text) {
	const node = document.createElementNS(SVG, tag);
	for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
	if (text !== undefined) node.textContent = text;
	return node;
}

function shorten(text, max) {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A node: a linked box with the name, kind and status. */
function box(ref, x, y, current) {
	const link = svg("a", { href: certificateHref(ref.doid), class: "lineage-node", "data-id": ref.id, "data-status": ref.status });
	const label = `${ref.name} · ${kindText(ref.kind)} · ${statusText(ref.status, ref.statusLabel)} · ${ref.registrationNumber}`;
	link.append(svg("title", {}, label));
	link.setAttribute("aria-label", label);
	link.append(svg("rect", { x, y, width: BOX_W, height: BOX_H, rx: 8, class: `${statusClass(ref.status)}${current ? " current" : ""}` }));
	link.append(svg("text", { x: x + 10, y: y + 22, class: "lineage-name" }, shorten(ref.name, 14)));
	link.append(svg("text", { x: x + 10, y: y + 42, class: "lineage-meta" }, `${kindText(ref.kind)} · ${statusText(ref.status, ref.statusLabel)}`));
	return link;
}

function column(refs, x, height) {
	const total = refs.length * BOX_H + Math.max(0, refs.length - 1) * GAP_Y;
	const top = (height - total) / 2;
	return refs.map((ref, i) => ({ ref, x, y: top + i * (BOX_H + GAP_Y) }));
}

/** The graph of `current` (a reference) with `inputs` and `derived`, as an <svg> element. */
export function lineageGraph(current, inputs, derived) {
	const rows = Math.max(1, inputs.length, derived.length);
	const height = rows * BOX_H + (rows - 1) * GAP_Y + 20;
	const columns = [inputs.length > 0, true, derived.length > 0].filter(Boolean).length;
	const width = columns * BOX_W + (columns - 1) * GAP_X + 20;
	let x = 10;
	const left = inputs.length ? column(inputs, x, height) : [];
	if (inputs.length) x += BOX_W + GAP_X;
	const [middle] = column([current], x, height);
	x += BOX_W + GAP_X;
	const right = derived.length ? column(derived, x, height) : [];

	const graph = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", class: "lineage-graph" });
	const edge = (from, to) =>
		graph.append(svg("path", {
			d: `M${from.x + BOX_W},${from.y + BOX_H / 2} C${from.x + BOX_W + GAP_X / 2},${from.y + BOX_H / 2} ${to.x - GAP_X / 2},${to.y + BOX_H / 2} ${to.x},${to.y + BOX_H / 2}`,
			class: "lineage-edge",
			"marker-end": "url(#arrow)",
		}));
	const defs = svg("defs");
	const marker = svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto" });
	marker.append(svg("path", { d: "M0,0 L10,5 L0,10 z", class: "lineage-arrow" }));
	defs.append(marker);
	graph.append(defs);
	for (const node of left) edge(node, middle);
	for (const node of right) edge(middle, node);
	for (const node of left) graph.append(box(node.ref, node.x, node.y, false));
	graph.append(box(middle.ref, middle.x, middle.y, true));
	for (const node of right) graph.append(box(node.ref, node.x, node.y, false));
	return graph;
}
