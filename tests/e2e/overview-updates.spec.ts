import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { syntheticDataset } from '../../src/lib/evidence/synthetic';
import { readDataset } from './support/dataset';

/**
 * How the overview updates: filters and other URL state change by shallow routing (no
 * navigation, no data request), what stays keeps its DOM, and a large imported dataset shows
 * the first cards of each indication with a "show all" that lives in the URL.
 */
const dataset = readDataset();
const randomised = dataset.studies.filter((s) => s.design === 'randomised');
const singleArm = dataset.studies.filter((s) => s.design === 'single-arm');

/**
 * SvelteKit's navigation counter in the history entry: a navigation (goto, a followed link)
 * moves it on, a shallow update (pushState/replaceState) keeps it.
 */
const navigationIndex = (page: Page) =>
	page.evaluate(() => (history.state as Record<string, unknown>)?.['sveltekit:navigation']);

/** Requests a SvelteKit navigation would make (the layout's server data). */
function watchDataRequests(page: Page): string[] {
	const seen: string[] = [];
	page.on('request', (request) => {
		if (/__data\.json/.test(request.url())) seen.push(request.url());
	});
	return seen;
}

async function ready(page: Page, path = '/') {
	await page.goto(path);
	await expect(page.locator('[data-testid="filter-bar"] input').first()).toBeEnabled();
}

/** Marks an element so that a later check can tell whether it is still the same node. */
async function mark(page: Page, selector: string, name: string) {
	await page
		.locator(selector)
		.first()
		.evaluate((el, n) => ((el as unknown as Record<string, boolean>)[n] = true), name);
}
const stillMarked = (page: Page, selector: string, name: string) =>
	page
		.locator(selector)
		.first()
		.evaluate((el, n) => (el as unknown as Record<string, boolean>)[n] === true, name);

test('a filter change updates in place: no navigation, and cards and charts that stay keep their DOM', async ({
	page
}) => {
	expect(randomised.length).toBeGreaterThan(0);
	expect(singleArm.length).toBeGreaterThan(0);
	const requests = watchDataRequests(page);
	await ready(page);
	const navigation = await navigationIndex(page);
	expect(navigation).toBeDefined();
	const card = `main article[data-study-id="${randomised[0].id}"]`;
	const chart = `figure[data-chart-id="two-arm-${randomised[0].id}"]`;
	// The prerendered charts are replaced once by live ones when the reader first reaches for
	// them (ChartIsland); from then on a filter change must keep their nodes.
	for (const island of await page.locator('[data-chart-island]').all()) {
		await island.hover();
		await expect(island).toHaveAttribute('data-live', 'true');
	}
	await mark(page, card, 'kept');
	await mark(page, chart, 'kept');
	await mark(page, 'figure[data-chart-id="response-forest"]', 'kept');

	// Randomised only: the randomised study's card and charts stay the same nodes.
	await page.locator('fieldset[data-dimension="design"] input[value="randomised"]').check();
	await expect(page).toHaveURL(/\?design=randomised$/);
	await expect(page.locator(`main article[data-study-id="${singleArm[0].id}"]`)).toHaveCount(0);
	expect(await stillMarked(page, card, 'kept')).toBe(true);
	expect(await stillMarked(page, chart, 'kept')).toBe(true);
	expect(await stillMarked(page, 'figure[data-chart-id="response-forest"]', 'kept')).toBe(true);

	// Single-arm only: the randomised study's charts are hidden (not shown, not focusable,
	// not in the accessibility tree), and come back as the same nodes.
	await page.locator('fieldset[data-dimension="design"] input[value="randomised"]').uncheck();
	await page.locator('fieldset[data-dimension="design"] input[value="single-arm"]').check();
	await expect(page).toHaveURL(/\?design=single-arm$/);
	await expect(page.locator(chart)).toBeHidden();
	const region = page.getByRole('region', { name: `Charts of ${randomised[0].name}` });
	await expect(region).toHaveCount(0);
	await page.goBack();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.locator(chart)).toBeVisible();
	await expect(region).toHaveCount(1);
	expect(await stillMarked(page, chart, 'kept')).toBe(true);
	await page.goBack();
	await expect(page).toHaveURL(/\?design=randomised$/);
	await expect(page.locator(`main article[data-study-id="${singleArm[0].id}"]`)).toHaveCount(0);
	await page.goForward();
	await page.goForward();
	await expect(page).toHaveURL(/\?design=single-arm$/);
	await expect(page.locator(chart)).toBeHidden();

	expect(await navigationIndex(page)).toBe(navigation);
	expect(requests).toEqual([]);
});

test('compare links and filter chips update the URL without a navigation; back and forward walk through them', async ({
	page
}) => {
	const requests = watchDataRequests(page);
	await ready(page);
	const navigation = await navigationIndex(page);
	expect(navigation).toBeDefined();
	const [a, b] = dataset.studies;
	await page.locator(`article[data-study-id="${a.id}"] [data-testid="compare-toggle"]`).click();
	await expect(page).toHaveURL(new RegExp(`\\?compare=${a.id}$`));
	await page.locator(`article[data-study-id="${b.id}"] [data-testid="compare-toggle"]`).click();
	await expect(page).toHaveURL(new RegExp(`\\?compare=${a.id},${b.id}$`));
	await expect(page.getByTestId('compare-tray')).toContainText(b.name);

	await page.locator('fieldset[data-dimension="design"] input[value="randomised"]').check();
	await expect(page).toHaveURL(/design=randomised/);
	// The chip removes the filter, other state stays.
	await page.locator('.chips a').first().click();
	await expect(page).toHaveURL(new RegExp(`\\?compare=${a.id},${b.id}$`));

	await page.goBack(); // the filter again
	await expect(page).toHaveURL(/design=randomised/);
	await expect(
		page.locator('fieldset[data-dimension="design"] input[value="randomised"]')
	).toBeChecked();
	await page.goBack(); // two studies picked, no filter
	await page.goBack(); // one study picked
	await expect(page).toHaveURL(new RegExp(`\\?compare=${a.id}$`));
	await expect(page.getByTestId('compare-tray')).not.toContainText(b.name);

	// The language switch carries the live query.
	const nl = page.locator('a[hreflang="nl"]');
	await expect(nl).toHaveAttribute('href', new RegExp(`/nl/?\\?compare=${a.id}$`));
	expect(await navigationIndex(page)).toBe(navigation);
	expect(requests).toEqual([]);
});

test.describe('a large imported dataset', () => {
	// 83 studies, 13 or 14 per indication (6 indications), 16 of them randomised.
	const big = syntheticDataset({ results: 500, resultsPerStudy: 6, seed: 8 });
	const LIMIT = 12;
	const perIndication = big.indications.map((indication) => ({
		indication,
		studies: big.studies.filter((s) => s.indicationIds.includes(indication.id))
	}));
	const long = perIndication.find((g) => g.studies.length > LIMIT)!;

	async function importBig(page: Page) {
		await page.goto('/data');
		await expect(page.getByTestId('dataset-switcher')).toBeVisible();
		await page.getByTestId('dataset-file').setInputFiles({
			name: 'big.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify(big))
		});
		await expect(page.getByTestId('import-preview')).toBeVisible();
		await page.getByTestId('import-activate').click();
		await expect(page.getByTestId('import-activated')).toBeVisible();
	}

	test('shows the first cards per indication, "show all" opens the list and is in the URL', async ({
		page
	}) => {
		test.slow();
		expect(long).toBeDefined();
		await importBig(page);
		await ready(page);
		const section = page.locator(`section.indication[data-indication-id="${long.indication.id}"]`);
		await expect(section.locator('article[data-study-id]')).toHaveCount(LIMIT);
		// The first ones, in dataset order.
		const shown = await section
			.locator('article[data-study-id]')
			.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-study-id')));
		expect(shown).toEqual(long.studies.slice(0, LIMIT).map((s) => s.id));
		// No indication puts more than the limit on the page.
		for (const group of perIndication)
			await expect(
				page.locator(
					`section.indication[data-indication-id="${group.indication.id}"] article[data-study-id]`
				)
			).toHaveCount(Math.min(LIMIT, group.studies.length));

		const more = section.getByTestId('cards-more');
		await expect(more).toContainText(`${LIMIT} of ${long.studies.length} studies shown`);
		const button = more.getByRole('button', { name: `Show all ${long.studies.length} studies` });
		await expect(button).toHaveAttribute('aria-expanded', 'false');
		await button.click();
		await expect(section.locator('article[data-study-id]')).toHaveCount(long.studies.length);
		await expect(page).toHaveURL(new RegExp(`[?&]all=${long.indication.id}$`));
		const less = more.getByRole('button', { name: `Show only the first ${LIMIT}` });
		await expect(less).toHaveAttribute('aria-expanded', 'true');
		await expect(less).toBeFocused();

		// A shared link opens the same view.
		await page.reload();
		await expect(section.locator('article[data-study-id]')).toHaveCount(long.studies.length);

		// Charts of randomised studies are limited too.
		const trials = big.studies.filter((s) => s.design === 'randomised');
		expect(trials.length).toBeGreaterThan(6);
		await expect(page.locator('section[aria-label^="Charts of "]')).toHaveCount(6);
		await expect(page.getByTestId('charts-more')).toContainText(`6 of ${trials.length}`);

		await less.click();
		await expect(section.locator('article[data-study-id]')).toHaveCount(LIMIT);
		await expect(page).toHaveURL(/\/$/);
	});

	test('the limited overview has no axe violations', async ({ page }) => {
		test.slow();
		await importBig(page);
		await ready(page);
		await expect(page.getByTestId('cards-more').first()).toBeVisible();
		const results = await new AxeBuilder({ page }).include('section.indication').analyze();
		expect(results.violations).toEqual([]);
	});
});
