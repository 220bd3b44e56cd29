import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { syntheticDataset } from '../../src/lib/evidence/synthetic';

/**
 * Issue #19, defect 7: a dataset of thousands of studies imported on /data froze the
 * overview, its filters and /sources for seconds (6,000 studies: 206,000 elements on
 * /sources). Now long lists are paged, the page in the URL, and the charts take a page of
 * studies: the page holds about as much as with a few hundred studies, whatever the size.
 */

// About 2,000 studies and 8,000 results (seeded: the same dataset every run).
const big = syntheticDataset({ results: 8000, resultsPerStudy: 4, seed: 19 });
const CARDS_PER_PAGE = 12;
const SOURCES_PER_PAGE = 25;
const groups = big.indications.map((indication) => ({
	indication,
	studies: big.studies.filter((s) => s.indicationIds.includes(indication.id))
}));
const first = groups[0];

/**
 * Elements on the page. Before paging, the overview of this dataset had tens of thousands
 * (every figure in the forest plot and the evidence map), /sources about 90,000.
 */
const elements = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length);

async function importBig(page: Page) {
	await page.goto('/data');
	await expect(page.getByTestId('dataset-switcher')).toBeVisible();
	await page.getByTestId('dataset-file').setInputFiles({
		name: 'large.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(big))
	});
	await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 60_000 });
	await page.getByTestId('import-activate').click();
	await expect(page.getByTestId('import-activated')).toBeVisible({ timeout: 60_000 });
}

const cardIds = (page: Page, indicationId: string) =>
	page
		.locator(`section.indication[data-indication-id="${indicationId}"] article[data-study-id]`)
		.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-study-id')));

test('a dataset of 2,000 studies: the overview, its filters and /sources are paged', async ({
	page
}) => {
	test.setTimeout(240_000);
	expect(big.studies.length).toBeGreaterThan(1900);
	expect(first.studies.length).toBeGreaterThan(60);
	await importBig(page);

	await test.step('the overview shows a page of cards per indication, with a pager', async () => {
		await page.goto('/');
		// The prerendered Blincyto cards come first; wait for the restored import's.
		await expect(page.locator('article[data-study-id^="syn-"]').first()).toBeVisible({
			timeout: 60_000
		});
		await expect(page.locator('[data-testid="filter-bar"] input').first()).toBeEnabled();
		for (const group of groups)
			expect(await cardIds(page, group.indication.id)).toEqual(
				group.studies.slice(0, CARDS_PER_PAGE).map((s) => s.id)
			);
		const pager = page
			.locator(`section.indication[data-indication-id="${first.indication.id}"]`)
			.getByTestId('cards-pager');
		await expect(pager).toContainText(`1–12 of ${first.studies.length.toLocaleString('en')}`);
		// The charts take a page of studies, and say so.
		await expect(page.getByTestId('charts-paged')).toContainText(
			`With ${big.studies.length} studies`
		);
		await expect(page.locator('section[aria-label^="Charts of "]')).toHaveCount(6);
		expect(await elements(page)).toBeLessThan(15_000);

		// Next page, by keyboard: the page is in the URL, and focus stays on the button.
		const next = pager.getByTestId('pager-next');
		await next.focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(new RegExp(`[?&]page=${first.indication.id}:2$`));
		expect(await cardIds(page, first.indication.id)).toEqual(
			first.studies.slice(CARDS_PER_PAGE, 2 * CARDS_PER_PAGE).map((s) => s.id)
		);
		await expect(pager).toContainText(`13–24 of ${first.studies.length.toLocaleString('en')}`);
		await expect(next).toBeFocused();
		// A shared link opens the same page.
		await page.reload();
		await expect(page.locator('article[data-study-id^="syn-"]').first()).toBeVisible({
			timeout: 60_000
		});
		await expect
			.poll(() => cardIds(page, first.indication.id))
			.toEqual(first.studies.slice(CARDS_PER_PAGE, 2 * CARDS_PER_PAGE).map((s) => s.id));
		// Previous is the way back; at the first page it stays focusable but does nothing.
		const previous = pager.getByTestId('pager-previous');
		await previous.click();
		await expect(page).toHaveURL(/\/$/);
		await expect(previous).toHaveAttribute('aria-disabled', 'true');

		const axe = await new AxeBuilder({ page })
			.include('section.indication')
			.include('[data-testid="charts-pager"]')
			.analyze();
		expect(axe.violations).toEqual([]);
	});

	await test.step('a filter narrows the pages', async () => {
		const randomised = groups.map((g) => ({
			...g,
			studies: g.studies.filter((s) => s.design === 'randomised')
		}));
		await page.locator('fieldset[data-dimension="design"] input[value="randomised"]').check();
		await expect(page).toHaveURL(/design=randomised/);
		for (const group of randomised)
			await expect
				.poll(() => cardIds(page, group.indication.id))
				.toEqual(group.studies.slice(0, CARDS_PER_PAGE).map((s) => s.id));
		expect(await elements(page)).toBeLessThan(15_000);
	});

	await test.step('/sources shows a page of sources, each with a page of its studies', async () => {
		await page.goto('/sources');
		const items = page.locator('ol.sources > li');
		await expect(page.locator('ol.sources > li[data-source-id^="syn-"]').first()).toBeVisible({
			timeout: 60_000
		});
		const ids = () => items.evaluateAll((li) => li.map((l) => l.getAttribute('data-source-id')));
		expect(await ids()).toEqual(big.sources.slice(0, SOURCES_PER_PAGE).map((s) => s.id));
		const pager = page.getByTestId('sources-pager');
		await expect(pager).toContainText(`1–25 of ${big.sources.length.toLocaleString('en')}`);
		// The agency's source has figures from every study: 12 studies at a time.
		const agency = page.locator('li[data-source-id="syn-agency"]');
		await expect(agency.locator('ul.by-study > li')).toHaveCount(12);
		await expect(agency.getByTestId('source-studies-pager')).toBeVisible();
		expect(await elements(page)).toBeLessThan(5_000);

		await pager.getByTestId('pager-next').click();
		await expect(page).toHaveURL(/[?&]page=sources:2$/);
		await expect
			.poll(ids)
			.toEqual(big.sources.slice(SOURCES_PER_PAGE, 2 * SOURCES_PER_PAGE).map((s) => s.id));

		const axe = await new AxeBuilder({ page }).include('main').analyze();
		expect(axe.violations).toEqual([]);

		// A link to a source on another page (as a study page makes) goes to its page.
		const far = big.sources[3 * SOURCES_PER_PAGE + 4];
		await page.goto(`/sources#source-${far.id}`);
		await expect(page.locator(`li[data-source-id="${far.id}"]`)).toBeVisible({ timeout: 60_000 });
		await expect(page).toHaveURL(/[?&]page=sources:4/);
	});
});
