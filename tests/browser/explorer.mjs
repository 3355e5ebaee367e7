// Browser test of the explorer's pages in headless Chromium (Debian's `chromium`, driven by
// playwright-core). Run by tests/tests/e2e/explorer.rs, which starts a seeded node and
// `doid explorer`, and passes what the chain says the pages must show:
//
//   node explorer.mjs <expectations.json>
//
// expectations: { url, out, notices, number, corrupted, file, blake3, sha256, anchored,
//                 product: { doid, statusLabel, inputs }, restart }
// With `restart`, after the checks it prints `phase: stop-node` and waits for a line on stdin
// (the node was stopped), checks the page says so, prints `phase: start-node`, waits for a
// line (the node is back) and checks the page reconnects and renders fresh data by itself.
// Prints progress, then one JSON summary line: { ok, firstLoadMs: {...}, ... }.

import { chromium } from "playwright-core";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createInterface } from "node:readline";
import { join } from "node:path";

const expect = JSON.parse(readFileSync(process.argv[2], "utf8"));
mkdirSync(expect.out, { recursive: true });
const lines = createInterface({ input: process.stdin });
const nextLine = () => new Promise((resolve) => lines.once("line", resolve));

function check(condition, message) {
	if (!condition) throw new Error(`check failed: ${message}`);
	console.log(`ok: ${message}`);
}

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	args: [
		"--no-sandbox",
		"--disable-gpu",
		"--disable-quic",
		"--no-first-run",
		"--disable-background-networking",
		"--disable-component-update",
		"--disable-sync",
	],
});
const summary = { ok: false, firstLoadMs: {} };

/** `measure: N`: each page N times, each in a fresh browser context (empty cache, new
 * connection), from navigation until its data is rendered; prints median and max. */
async function measure(rounds) {
	const pages = {
		notices: "/",
		verify: `/verify.html?id=${encodeURIComponent(expect.number)}`,
		certificate: `/certificate.html?id=${encodeURIComponent(expect.product.doid)}`,
	};
	const figures = {};
	for (const [name, path] of Object.entries(pages)) {
		const times = [];
		for (let i = 0; i < rounds; i++) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			await page.goto(expect.url + path, { waitUntil: "domcontentloaded" });
			await page.waitForFunction(() => document.body.dataset.loaded === "true", null, { timeout: 30000 });
			times.push(await page.evaluate(() => performance.now()));
			await context.close();
		}
		times.sort((a, b) => a - b);
		figures[name] = { medianMs: Math.round(times[Math.floor(times.length / 2)]), maxMs: Math.round(times[times.length - 1]) };
		console.log(`${name}: ${JSON.stringify(figures[name])}`);
	}
	return figures;
}

/** The page checks (see the header). */
async function runChecks() {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
	const page = await context.newPage();
	const errors = [];
	page.on("pageerror", (e) => errors.push(String(e)));
	page.on("console", (m) => {
		if (m.type() === "error" && !m.text().includes("WebSocket")) errors.push(m.text());
	});
	// Every JSON-RPC request the pages send, to prove that malformed input sends none.
	const sent = [];
	page.on("websocket", (ws) => ws.on("framesent", (frame) => sent.push(String(frame.payload))));

	// Requests not answered yet, named in the error if a navigation times out.
	const pending = new Set();
	page.on("request", (r) => pending.add(r.url()));
	page.on("requestfinished", (r) => pending.delete(r.url()));
	page.on("requestfailed", (r) => pending.delete(r.url()));

	/** Opens `path` on a fresh load and returns the ms from navigation until the data shows. */
	async function firstLoad(name, path) {
		try {
			await page.goto(expect.url + path, { waitUntil: "domcontentloaded" });
		} catch (e) {
			throw new Error(`${e.message}\nrequests still pending: ${[...pending].join(", ") || "none"}`);
		}
		await page.waitForFunction(() => document.body.dataset.loaded === "true", null, { timeout: 30000 });
		const ms = await page.evaluate(() => performance.now());
		summary.firstLoadMs[name] = Math.round(ms);
		return ms;
	}
	const shot = (name) => page.screenshot({ path: join(expect.out, `${name}.png`), fullPage: true });

	// ---- Notice board -----------------------------------------------------------------------
	await firstLoad("notices", "/");
	const count = await page.getAttribute("#notice-count", "data-count");
	check(Number(count) === expect.notices, `notice count ${count} = doid_notices (${expect.notices})`);
	const rows = await page.locator("#notices tbody tr[data-application]").count();
	check(rows === expect.notices, `${rows} notice rows`);
	const left = await page.locator("#notices tbody td.left").first().textContent();
	check(/工作日|今日截止/.test(left), `working days left shown in Chinese ("${left}")`);
	check((await page.textContent("h1")) === "登记公示", "Chinese by default");
	await shot("notices");
	await page.setViewportSize({ width: 390, height: 844 });
	await shot("notices-phone");
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	check(overflow <= 0, `no horizontal scrolling at phone width (overflow ${overflow}px)`);
	await page.setViewportSize({ width: 1280, height: 900 });

	// ---- Verification by registration number ------------------------------------------------
	await firstLoad("verify", "/verify.html");
	await page.fill("#lookup-id", expect.number);
	await page.click("#lookup-form button[type=submit]");
	await page.waitForSelector("#verification");
	check((await page.getAttribute("#verification", "data-number")) === expect.number, `${expect.number} verifies`);
	check((await page.getAttribute("#verification", "data-status")) === "Active", "its status is Active");
	await shot("verify-number");

	// A corrupted check character is flagged before any request.
	const before = sent.length;
	await page.fill("#lookup-id", expect.corrupted);
	const hint = await page.locator("#lookup-hint").textContent();
	check(await page.locator("#lookup-hint").isVisible(), `corrupted number flagged: "${hint}"`);
	check(hint.includes(expect.number.slice(-1)), "the message names the right check character");
	await page.click("#lookup-form button[type=submit]");
	await page.waitForTimeout(300);
	check(sent.slice(before).every((f) => !f.includes(expect.corrupted)), "no request carried the corrupted number");
	check((await page.locator("#verification").count()) === 0, "no verification shown for it");
	await shot("verify-corrupted");

	// A malformed digest and other malformed input: a message, no request.
	const beforeDigest = sent.length;
	await page.fill("#digest-input", "blake3:xyz");
	await page.click("#digest-form button[type=submit]");
	check(await page.locator("#digest-hint").isVisible(), "malformed digest flagged");
	for (const bad of ["2.999..1", "BJSZD2026", "<script>", "12a"]) {
		await page.fill("#lookup-id", bad);
		await page.click("#lookup-form button[type=submit]");
		check(await page.locator("#lookup-hint").isVisible(), `"${bad}" flagged`);
	}
	await page.waitForTimeout(300);
	check(sent.length === beforeDigest, "no request sent for any malformed input");

	// ---- A dropped file ---------------------------------------------------------------------
	await page.setInputFiles("#file-input", expect.file);
	await page.waitForSelector(`#evidence-result [data-digest="${expect.sha256}"]`, { timeout: 30000 });
	const digests = await page.$$eval("#evidence-result [data-digest]", (cards) => cards.map((c) => c.dataset.digest));
	check(digests.includes(expect.blake3), `page BLAKE3 = CLI's ${expect.blake3}`);
	check(digests.includes(expect.sha256), `page SHA-256 = CLI's ${expect.sha256}`);
	const found = page.locator(`#evidence-result .found[data-digest="${expect.blake3}"]`);
	check((await found.locator("li.anchor").count()) >= 1, "the anchored digest shows its anchor");
	check((await found.locator(".cosign").count()) >= 1, "and its co-signature");
	const [download] = await Promise.all([page.waitForEvent("download"), found.locator("button.bundle").click()]);
	const bundlePath = join(expect.out, download.suggestedFilename());
	await download.saveAs(bundlePath);
	const bundle = readFileSync(bundlePath, "utf8");
	check(bundle.includes(expect.blake3.split(":")[1]) || bundle.includes(expect.blake3), "the downloaded bundle is for that digest");
	JSON.parse(bundle);
	summary.bundle = bundlePath;
	await shot("verify-file");

	// ---- Certificate page -------------------------------------------------------------------
	await firstLoad("certificate", `/certificate.html?id=${encodeURIComponent(expect.product.doid)}`);
	await page.waitForSelector("#certificate:not([hidden])");
	const status = (await page.textContent("#cert-status")).trim();
	check(status === expect.product.statusLabel, `status label ${status}`);
	check((await page.textContent("#field-doid")) === expect.product.doid, "DOID field");
	const inputs = await page.locator("#lineage [data-id]").count();
	check(inputs === expect.product.inputs + 1, `lineage graph: ${expect.product.inputs} inputs and the certificate`);
	check((await page.locator("#history tbody tr").count()) >= 1, "version history shown");
	await shot("certificate");
	await page.click("#lang-toggle");
	check((await page.textContent("h2")) === "Registered information", "English toggle");
	check((await page.textContent("#cert-status")).trim() === "Active", "English status");
	await shot("certificate-en");
	await page.click("#lang-toggle");
	// Following an input in the graph opens that certificate.
	await page.locator("#lineage a[data-id]:not(:has(rect.current))").first().click();
	await page.waitForFunction(() => document.body.dataset.loaded === "true");
	await page.waitForSelector("#certificate:not([hidden])");
	check((await page.locator("#lineage [data-id]").count()) >= 2, "an input's page shows its derived product");

	// A corrupted number in the certificate page's address: flagged, never sent.
	const beforeCert = sent.length;
	await page.goto(`${expect.url}/certificate.html?id=${expect.corrupted}`);
	await page.waitForFunction(() => document.body.dataset.loaded === "true");
	check(await page.locator("#cert-hint").isVisible(), "certificate page flags a corrupted number");
	check(sent.slice(beforeCert).every((f) => !f.includes(expect.corrupted)), "and sends no request with it");

	// ---- The node goes away and comes back ----------------------------------------------------
	if (expect.restart) {
		await page.goto(`${expect.url}/`);
		await page.waitForFunction(() => document.body.dataset.loaded === "true");
		console.log("phase: stop-node");
		await nextLine();
		await page.waitForSelector('#connection[data-state="disconnected"]', { timeout: 30000 });
		const gone = (await page.textContent("#connection")).trim();
		check(/连接已断开|Connection to the node lost/.test(gone), `the page says the node is gone ("${gone}")`);
		await shot("notices-disconnected");
		console.log("phase: start-node");
		await nextLine();
		await page.waitForSelector('#connection[data-state="connected"]', { timeout: 60000 });
		await page.waitForFunction(() => !document.getElementById("notices-message") || document.getElementById("notices-message").hidden, null, { timeout: 30000 });
		const again = await page.getAttribute("#notice-count", "data-count");
		check(Number(again) === expect.notices, "reconnected by itself and the notices are shown again");
	}
	check(errors.length === 0, `no script errors (${errors.join(" | ")})`);
}

try {
	if (expect.measure) summary.freshLoads = await measure(expect.measure);
	else await runChecks();
	summary.ok = true;
} catch (e) {
	console.log(String(e.stack || e));
	summary.error = String(e.message || e);
} finally {
	await browser.close();
	writeFileSync(join(expect.out, "summary.json"), JSON.stringify(summary, null, 2));
	console.log(JSON.stringify(summary));
	lines.close();
}
