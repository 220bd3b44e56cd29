/**
 * The large-dataset case (issue #19, defect 7): a synthetic dataset of 6,000 studies and
 * about 22,000 results, imported through /data as a user would, then the overview, a filter
 * and /sources, each with the longest main-thread task seen (PerformanceObserver 'longtask').
 *
 * Targets: overview interactive < 2 s, filter < 200 ms, /sources < 2 s, no task > 200 ms.
 */
import { chromium } from '@playwright/test';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];

/** Installed before any page script: records long tasks for the page's lifetime. */
function watchLongTasks() {
	const tasks = [];
	window.benchLongTasks = tasks;
	try {
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries())
				tasks.push({ start: entry.startTime, duration: entry.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		// no long-task timing in this browser
	}
}

const longestTask = (page, since = 0) =>
	page.evaluate(
		(from) =>
			Math.round(
				Math.max(0, ...window.benchLongTasks.filter((t) => t.start >= from).map((t) => t.duration))
			),
		since
	);

/** Waits until the main thread has been free of long tasks for `quietMs`. */
async function settled(page, quietMs = 500, timeoutMs = 120_000) {
	await page.waitForFunction(
		(quiet) => {
			const tasks = window.benchLongTasks;
			const last = tasks.length ? tasks[tasks.length - 1] : { start: 0, duration: 0 };
			return performance.now() - (last.start + last.duration) > quiet;
		},
		quietMs,
		{ timeout: timeoutMs, polling: 100 }
	);
	// The moment the last long task ended (or navigation start): when the page became interactive.
	return page.evaluate(() => {
		const tasks = window.benchLongTasks;
		return tasks.length ? tasks[tasks.length - 1].start + tasks[tasks.length - 1].duration : 0;
	});
}

export async function runLargeBench({ baseUrl, studies = 6000, resultsPerStudy = 4, log }) {
	const results = Math.round(studies * resultsPerStudy);
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: CHROMIUM_ARGS
	});
	try {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		await context.addInitScript(watchLongTasks);
		const page = await context.newPage();
		await page.goto(`${baseUrl}/__bench/?n=${results}&perStudy=${resultsPerStudy}&mount=0`);
		const json = await page.evaluate(() => window.benchDatasetJson());
		await page.goto(`${baseUrl}/data`);
		await page.getByTestId('dataset-switcher').waitFor({ timeout: 60_000 });
		const t0 = performance.now();
		await page.getByTestId('dataset-file').setInputFiles({
			name: 'large.json',
			mimeType: 'application/json',
			buffer: Buffer.from(json)
		});
		await page.getByTestId('import-preview').waitFor({ timeout: 300_000 });
		const validateMs = Math.round(performance.now() - t0);
		const validateLongest = await longestTask(page);
		await page.getByTestId('import-activate').click();
		await page.getByTestId('import-activated').waitFor({ timeout: 300_000 });

		// The overview: from navigation to the first study shown, and to the main thread settling.
		await page.goto(`${baseUrl}/`);
		// The embedded dataset renders first; the import is restored from storage after.
		await page.getByTestId('imported-banner').waitFor({ timeout: 300_000 });
		await page.locator('article[data-study-id]').first().waitFor({ timeout: 300_000 });
		// performance.now() counts from the navigation's start.
		const overviewFirstMs = Math.round(await page.evaluate(() => performance.now()));
		const overviewInteractiveMs = Math.round(await settled(page));
		const overviewLongest = await longestTask(page);

		// A filter: the first checkbox of the filter bar's design dimension (e.g. "Randomised").
		const box = page
			.locator('[data-testid="filter-bar"] fieldset.dimension input[type="checkbox"]')
			.first();
		await box.waitFor({ state: 'visible' });
		const before = await page.evaluate(() => performance.now());
		await box.click();
		await page.evaluate(
			() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
		);
		const filterMs = Math.round((await page.evaluate(() => performance.now())) - before);
		const filterLongest = await longestTask(page, before);

		// /sources, loaded afresh.
		await page.goto(`${baseUrl}/sources`);
		await page.getByTestId('imported-banner').waitFor({ timeout: 300_000 });
		await page.locator('ol.sources > li').first().waitFor({ timeout: 300_000 });
		const sourcesInteractiveMs = Math.round(await settled(page));
		const sourcesLongest = await longestTask(page);
		const sourcesElements = await page.evaluate(() => document.getElementsByTagName('*').length);

		const measured = {
			studies,
			results,
			jsonMB: Math.round(json.length / 1e5) / 10,
			validateMs,
			validateLongestTaskMs: validateLongest,
			overviewFirstStudyMs: overviewFirstMs,
			overviewInteractiveMs,
			overviewLongestTaskMs: overviewLongest,
			filterMs,
			filterLongestTaskMs: filterLongest,
			sourcesInteractiveMs,
			sourcesLongestTaskMs: sourcesLongest,
			sourcesElements
		};
		log(`large: ${JSON.stringify(measured)}`);
		return measured;
	} finally {
		await browser.close();
	}
}
