/**
 * Browser timings with Playwright on Debian Chromium: how long a chart option or
 * filter change takes to reach the screen, on the real overview (Blincyto) and on the
 * bench harness (synthetic datasets), and how long each export takes.
 *
 * Each update is timed three ways, in the page, with performance.now():
 * - frame: the change is made at the start of a frame (in a requestAnimationFrame
 *   callback, where input is handled) and the clock stops in the first task after
 *   that frame was rendered (style, layout, paint) — the main-thread cost of the
 *   update, without waiting for the frame to start;
 * - doubleRaf: from the change (in a task) to the second requestAnimationFrame after
 *   it — the common "painted" measure; it includes waiting for the next frame, so it
 *   can never be below one frame interval (the no-op baseline shows that floor);
 * - dom: from the change until the chart's DOM has changed.
 * Every sample is verified: the chart's mark order (or count) must differ afterwards.
 */
import { chromium } from '@playwright/test';
import { summarise } from './stats.mjs';
import { mainThreadBreakdown } from './trace.mjs';
import { attributeProfile } from './cpu-attribution.mjs';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

/** Installed in the page: one timed change of a <select> or checkbox ('on'/'off'), three ways (see above). */
const IN_PAGE = `
window.__bench = {
	signature(root) {
		const marks = root.querySelectorAll('[data-key]');
		let s = marks.length + ':';
		for (const m of marks) s += m.getAttribute('data-key') + ',';
		// Compact charts (above COMPACT_MARKS) draw their marks as a few paths: their count and shapes.
		for (const layer of root.querySelectorAll('[data-marks]')) {
			s += '|' + layer.getAttribute('data-marks');
			for (const p of layer.querySelectorAll('path')) s += ':' + (p.getAttribute('d') ?? '').length;
		}
		return s;
	},
	frame() { return new Promise((r) => requestAnimationFrame(() => r())); },
	async settle() {
		await this.frame(); await this.frame();
		await new Promise((r) => setTimeout(r, 30));
	},
	change(control, value) {
		if (control.type === 'checkbox') control.checked = value === 'on';
		else control.value = value;
		control.dispatchEvent(new Event('input', { bubbles: true }));
		control.dispatchEvent(new Event('change', { bubbles: true }));
	},
	async sample(selector, value, mode, rootSelector) {
		const select = document.querySelector(selector);
		const root = document.querySelector(rootSelector) ?? document.body;
		if (!select) throw new Error('no control ' + selector);
		await this.settle();
		const before = this.signature(root);
		let mutated = 0;
		const observer = new MutationObserver(() => { if (!mutated) mutated = performance.now(); });
		observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
		const fire = mode !== 'noop';
		let t0 = 0, t1 = 0, async = false;
		if (mode === 'frame') {
			await new Promise((resolve) => requestAnimationFrame(() => {
				t0 = performance.now();
				this.change(select, value);
				// Runs after this frame's style, layout and paint.
				setTimeout(() => { t1 = performance.now(); resolve(); }, 0);
			}));
			if (!mutated) {
				// The update did not make this frame (async work): wait for it, then its frame.
				async = true;
				while (!mutated && performance.now() - t0 < 10000) await new Promise((r) => setTimeout(r, 1));
				await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
				t1 = performance.now();
			}
		} else {
			await new Promise((r) => setTimeout(r, 0));
			t0 = performance.now();
			if (fire) this.change(select, value);
			await this.frame();
			if (fire && !mutated) {
				// Async update (a URL navigation): wait for it, then count the frames from there.
				async = true;
				while (!mutated && performance.now() - t0 < 10000) await new Promise((r) => setTimeout(r, 1));
				await this.frame();
			}
			await this.frame();
			t1 = performance.now();
		}
		observer.disconnect();
		await this.settle();
		const changed = this.signature(root) !== before;
		return { ms: t1 - t0, domMs: mutated ? mutated - t0 : null, async, changed };
	}
};`;

/**
 * Times changes of a select (or checkbox: 'on'/'off') between `values`, after `warmup`: per round, each measure
 * sees every direction (narrow and widen, sort one way and back), then a no-op
 * baseline. Then one traced change splits the main thread into script, style,
 * layout and paint.
 */
async function timeSelect(
	page,
	{
		selector,
		values,
		root,
		samples,
		warmup,
		browser,
		fileOf,
		modes = ['frame', 'doubleRaf'],
		profileRounds = 2
	}
) {
	await page.evaluate(IN_PAGE);
	const initial = await page.$eval(selector, (el) =>
		el.type === 'checkbox' ? (el.checked ? 'on' : 'off') : el.value
	);
	const run = (value, mode) =>
		page.evaluate(
			([s, v, r, m]) => window.__bench.sample(s, v, m, r),
			[selector, value, root, mode]
		);
	for (let w = 0; w < warmup; w++) for (const v of values) await run(v, 'frame');
	const frame = [];
	const doubleRaf = [];
	const noop = [];
	const dom = [];
	let unchanged = 0;
	let asyncCount = 0;
	for (let k = 0; k < samples; k++) {
		for (const [mode, into] of [
			['frame', frame],
			['doubleRaf', doubleRaf]
		].filter(([m]) => modes.includes(m))) {
			for (const v of values) {
				const r = await run(v, mode);
				into.push(r.ms);
				if (mode === 'frame' && r.domMs !== null) dom.push(r.domMs);
				if (!r.changed) unchanged++;
				if (r.async) asyncCount++;
			}
		}
		if (modes.includes('doubleRaf')) noop.push((await run(values[0], 'noop')).ms);
	}
	// One traced change per direction: where the main thread's time goes.
	const traced = [];
	if (browser) {
		for (const v of values) {
			await page.evaluate(() => window.__bench.settle());
			await browser.startTracing(page, {
				categories: [
					'devtools.timeline',
					'disabled-by-default-devtools.timeline',
					'v8.execute',
					'blink'
				]
			});
			const r = await run(v, 'frame');
			const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
			traced.push({ value: v, ms: Math.round(r.ms * 10) / 10, ...mainThreadBreakdown(trace) });
		}
	}
	// A CPU profile over a few changes: which of our files the time goes to.
	let byFile = null;
	if (fileOf && profileRounds > 0) {
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Profiler.enable');
		await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
		await cdp.send('Profiler.start');
		const rounds = profileRounds;
		for (let k = 0; k < rounds; k++) for (const v of values) await run(v, 'frame');
		const { profile } = await cdp.send('Profiler.stop');
		await cdp.detach();
		byFile = attributeProfile(profile, fileOf, rounds * values.length).filter((e) => e.ms >= 0.5);
	}
	// Leave the control as found, so the next measurement starts from the same chart.
	await run(initial, 'frame');
	if (unchanged >= frame.length + doubleRaf.length)
		throw new Error(`changing ${selector} never changed the chart`);
	return {
		control: selector,
		values,
		samples: frame.length,
		frameMs: summarise(frame),
		doubleRafMs: summarise(doubleRaf),
		noopDoubleRafMs: summarise(noop),
		domMs: summarise(dom),
		mainThread: traced,
		/** ms per change by source file (CPU profile; includes the bench's own settling). */
		byFile,
		unverifiedSamples: unchanged,
		asyncSamples: asyncCount
	};
}

async function countMarks(page, root) {
	return page.evaluate((r) => {
		const el = document.querySelector(r);
		if (!el) return 0;
		const compact = [...el.querySelectorAll('[data-marks]')];
		return (
			el.querySelectorAll('[data-key]').length +
			compact.reduce((sum, g) => sum + Number(g.getAttribute('data-marks')), 0)
		);
	}, root);
}

/** The first chart's export menu, if this build has one. */
async function timeExports(page, log) {
	const figure = page.locator('figure[data-chart-id="response-forest"]').first();
	const button = figure.getByRole('button', { name: /^Export / });
	if (!(await button.count())) return { status: 'not measured yet: no export menu in this build' };
	const formats = ['png4', 'pdf', 'pptx'];
	const out = {};
	for (const format of formats) {
		const times = [];
		for (let k = 0; k < 3; k++) {
			if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
			const item = figure.locator(`[role="menuitem"][data-format="${format}"]`);
			if (!(await item.count())) {
				out[format] = { status: `no ${format} item` };
				break;
			}
			const t0 = performance.now();
			const [download] = await Promise.all([
				page.waitForEvent('download', { timeout: 120_000 }),
				item.click()
			]);
			const ms = performance.now() - t0;
			await download.path();
			times.push(ms);
			log(`export ${format}: ${ms.toFixed(0)} ms`);
		}
		if (times.length)
			out[format] = { firstMs: Math.round(times[0]), warm: summarise(times.slice(1)) };
	}
	return { status: 'measured', formats: out };
}

/**
 * @param {{ baseUrl: string, harnessSizes: number[], overviewSizes?: number[], samples: { blincyto: number, harness: number }, log: (s: string) => void, fileOf?: (url: string) => string | null }} options
 */
export async function runBrowserBench({
	baseUrl,
	harnessSizes,
	overviewSizes = [],
	samples,
	log,
	fileOf
}) {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: CHROMIUM_ARGS
	});
	const result = { chromium: browser.version(), viewport: { width: 1280, height: 900 }, pages: [] };
	try {
		const context = await browser.newContext({
			viewport: result.viewport,
			acceptDownloads: true,
			reducedMotion: 'reduce'
		});
		const page = await context.newPage();

		// The real overview with the embedded (Blincyto) dataset.
		await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
		const root = 'figure[data-chart-id="response-forest"]';
		await page.waitForSelector(`${root} [data-key]`);
		await page.waitForTimeout(500); // hydration
		const marks = await countMarks(page, root);
		const blincyto = { page: '/', dataset: 'Blincyto (embedded)', marks, updates: [] };
		// The overview's filter bar (a setting checkbox) if this build has one.
		const filterBox =
			'[data-testid="filter-bar"] [data-dimension="setting"] input[type="checkbox"]';
		if (await page.$(filterBox)) {
			await page.waitForSelector(`${filterBox}:enabled`); // enabled once hydrated
			const value = await page.$eval(filterBox, (el) => el.value);
			blincyto.updates.push({
				kind: 'filter',
				filter: `setting=${value}`,
				...(await timeSelect(page, {
					selector: `${filterBox}[value="${value}"]`,
					values: ['on', 'off'],
					root,
					samples: samples.blincyto,
					warmup: 3,
					browser,
					fileOf
				}))
			});
		} else {
			blincyto.filterNote =
				'no filter bar in this build (branch drilldown not merged): sort change measured instead';
		}
		blincyto.updates.push({
			kind: 'sort',
			...(await timeSelect(page, {
				selector: `${root} select[name="sort"]`,
				values: ['value', 'indication'],
				root,
				samples: samples.blincyto,
				warmup: 3,
				browser,
				fileOf
			}))
		});
		log(
			`browser Blincyto: ${blincyto.updates.map((u) => `${u.kind} frame ${u.frameMs.median.toFixed(1)} ms, double rAF ${u.doubleRafMs.median.toFixed(1)} ms`).join('; ')}`
		);
		await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
		await page.waitForTimeout(500);
		blincyto.exports = await timeExports(page, log);
		result.pages.push(blincyto);

		// The real overview with a synthetic dataset imported through /data (a fresh browser
		// context, so the import does not outlive the measurement).
		for (const n of overviewSizes) {
			const importContext = await browser.newContext({
				viewport: result.viewport,
				reducedMotion: 'reduce'
			});
			const ipage = await importContext.newPage();
			try {
				await ipage.goto(`${baseUrl}/__bench/?n=${n}&mount=0`);
				const json = await ipage.evaluate(() => window.benchDatasetJson());
				await ipage.goto(`${baseUrl}/data`);
				await ipage.getByTestId('dataset-switcher').waitFor({ timeout: 60_000 });
				const t0 = performance.now();
				await ipage.getByTestId('dataset-file').setInputFiles({
					name: `synthetic-${n}.json`,
					mimeType: 'application/json',
					buffer: Buffer.from(json)
				});
				await ipage.getByTestId('import-preview').waitFor({ timeout: 300_000 });
				await ipage.getByTestId('import-activate').click();
				await ipage.getByTestId('import-activated').waitFor({ timeout: 300_000 });
				const importMs = performance.now() - t0;
				const t1 = performance.now();
				await ipage.goto(`${baseUrl}/`);
				// Every mark, or (a dataset of many studies) the marks of the page of studies the
				// overview charts (it says so in its paging note).
				await ipage.waitForFunction(
					([r, count]) => {
						const shown =
							document.querySelectorAll(`${r} [data-key]`).length +
							[...document.querySelectorAll(`${r} [data-marks]`)].reduce(
								(sum, g) => sum + Number(g.getAttribute('data-marks')),
								0
							);
						const paged = document.querySelector('[data-testid="charts-paged"]') !== null;
						return shown >= count || (paged && shown > 0);
					},
					[root, n],
					{ timeout: 600_000, polling: 500 }
				);
				const shownMs = performance.now() - t1;
				const entry = {
					page: '/',
					dataset: `synthetic, ${n} results, imported via /data`,
					results: n,
					imported: true,
					marks: await countMarks(ipage, root),
					elements: await ipage.evaluate(() => document.getElementsByTagName('*').length),
					importMs: Math.round(importMs),
					shownMs: Math.round(shownMs),
					updates: []
				};
				const box = '[data-testid="filter-bar"] [data-dimension="setting"] input[type="checkbox"]';
				await ipage.waitForSelector(`${box}:enabled`);
				const value = await ipage.$eval(box, (el) => el.value);
				const big = n >= 5000;
				entry.updates.push({
					kind: 'filter',
					filter: `setting=${value}`,
					...(await timeSelect(ipage, {
						selector: `${box}[value="${value}"]`,
						values: ['on', 'off'],
						root,
						samples: big ? 1 : 3,
						warmup: big ? 0 : 1,
						modes: big ? ['frame'] : ['frame', 'doubleRaf'],
						profileRounds: 1,
						browser: big ? undefined : browser,
						fileOf
					}))
				});
				log(
					`browser overview, imported n=${n}: shown ${(shownMs / 1000).toFixed(1)} s after navigation (${entry.elements} elements); filter frame ${entry.updates[0].frameMs.median.toFixed(0)} ms`
				);
				result.pages.push(entry);
			} finally {
				await importContext.close();
			}
		}

		// The harness: the same component on synthetic datasets.
		for (const n of harnessSizes) {
			const url = `${baseUrl}/__bench/?n=${n}`;
			const t0 = performance.now();
			await page.goto(url, { waitUntil: 'load' });
			await page.waitForSelector(`${root} [data-key], ${root} [data-marks]`, { timeout: 120_000 });
			const loadMs = performance.now() - t0;
			const mountMs = await page.evaluate(
				() => performance.getEntriesByName('bench:mounted')[0]?.startTime ?? null
			);
			const entry = {
				page: '/__bench/',
				dataset: `synthetic, ${n} results`,
				results: n,
				marks: await countMarks(page, root),
				mountedAtMs: mountMs,
				loadMs: Math.round(loadMs),
				updates: []
			};
			const settings = await page.$$eval('select[name="bench-setting"] option', (o) =>
				o.map((x) => x.value)
			);
			const count = n >= 5000 ? Math.min(3, samples.harness) : samples.harness;
			entry.updates.push({
				kind: 'filter (harness: applyFilters setting, on and off)',
				filter: `setting=${settings[1]}`,
				...(await timeSelect(page, {
					selector: 'select[name="bench-setting"]',
					values: [settings[1], ''],
					root,
					samples: count,
					warmup: 1,
					browser,
					fileOf
				}))
			});
			entry.updates.push({
				kind: 'sort',
				...(await timeSelect(page, {
					selector: `${root} select[name="sort"]`,
					values: ['value', 'indication'],
					root,
					samples: count,
					warmup: 1,
					browser,
					fileOf
				}))
			});
			log(
				`browser n=${n}: ${entry.updates.map((u) => `${u.kind.split(' ')[0]} frame ${u.frameMs.median.toFixed(1)} ms, double rAF ${u.doubleRafMs.median.toFixed(1)} ms`).join('; ')}`
			);
			result.pages.push(entry);
		}
		await context.close();
	} finally {
		await browser.close();
	}
	return result;
}
