/**
 * The second synthetic example, as a user meets it: downloaded from /data, imported, and browsed.
 * Its own facets become the filters and the evidence map's axes, its open-ended CI reads "NE",
 * and none of the embedded dataset's disease or medicine words appear on its pages.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Words of the embedded dataset's disease and medicine. */
const B_ALL_WORDS = [
	/blinatumomab/i,
	/blincyto/i,
	/\bB-ALL\b/,
	/\bALL\b/,
	/leuka?emia/i,
	/lymphoblastic/i,
	/philadelphia/i,
	/\bPh[+−-]/,
	/\bPh status/i,
	/\bMRD\b/,
	/residual disease/i,
	/\bCD19\b/,
	/\bCAR-T\b/i,
	/\bTKI/,
	/relapsed or refractory/i
];

/**
 * The page's own text (CSS text-transform does not apply to textContent), without the banner
 * that says which dataset is active: it names the embedded dataset on purpose, to switch back.
 */
async function pageText(page: Page): Promise<string> {
	return page.evaluate(() => {
		const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
		main.querySelectorAll('[data-testid="imported-banner"]').forEach((el) => el.remove());
		const header = document.querySelector('header')?.textContent ?? '';
		return `${header}\n${main.textContent}`;
	});
}

async function expectNoBAllWords(page: Page, where: string) {
	const text = await pageText(page);
	for (const word of B_ALL_WORDS) expect(text, `${where}: ${word}`).not.toMatch(word);
}

test('the solid-tumour example: downloaded and imported on /data, its facets, map, open CI and words are its own', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));

	await page.goto('/data');
	await expect(page.getByTestId('dataset-switcher')).toBeVisible();
	const download = page.waitForEvent('download');
	await page.getByTestId('example-solid-tumour').click();
	const file = await (await download).path();
	await page.getByTestId('dataset-file').setInputFiles(file);
	const preview = page.getByTestId('import-preview');
	await expect(preview).toBeVisible();
	await expect(preview.getByTestId('summary-synthetic')).toHaveText('yes');
	await page.getByTestId('import-activate').click();
	await expect(page.getByTestId('import-activated')).toBeVisible();

	// Overview: the dataset's facets are the filters (the stage facet is declared filter: false).
	await page.getByRole('link', { name: 'Go to the overview' }).click();
	await expect(page.getByTestId('imported-banner')).toBeVisible();
	await expect(page.locator('h1')).toContainText('Fictumab');
	const filters = page.getByTestId('filter-bar');
	await expect(filters.locator('legend')).toContainText(['Zeta-score group', 'Line of therapy']);
	await expect(filters.locator('legend', { hasText: 'Stage' })).toHaveCount(0);
	for (const value of [
		'Zeta-high (score ≥ 50 %)',
		'Zeta-low (score 1–49 %)',
		'First line',
		'Second line or later'
	])
		await expect(filters.getByLabel(value)).toBeVisible();
	// "Any Zeta-score" matches every value, so it is not offered as a filter.
	await expect(filters.getByLabel('Any Zeta-score')).toHaveCount(0);

	// A filter works on the dataset's own facet, and is kept in the URL.
	await filters.getByLabel('Second line or later').check();
	await expect(page).toHaveURL(/therapy-line=second-line/);
	await expect(page.locator('article[data-study-id="fic-201"]')).toBeVisible();
	await expect(page.locator('article[data-study-id="fic-301"]')).toHaveCount(0);
	await page.getByTestId('filter-clear').click();
	await expect(page.locator('article[data-study-id="fic-301"]')).toBeVisible();

	// Evidence map: rows are the Zeta-score groups (Imaginib's indication spans two), columns the lines.
	const map = page.locator('section.evidence-map-block');
	await expect(map).toContainText('Line of therapy');
	await expect(map).toContainText('Zeta-score group');
	const mapText = (await map.locator('svg').first().textContent()) ?? '';
	for (const label of ['First line', 'Second line', 'Zeta-high', 'Zeta-low'])
		expect(mapText, label).toContain(label);
	await expectNoBAllWords(page, 'overview');

	// An indication page, reached by its link (rendered in the browser from the imported data).
	await page
		.getByRole('link', { name: /Fictumab, first line, Zeta-high/ })
		.first()
		.click();
	await expect(page).toHaveURL(/\/indications\/fictumab-first-line-zeta-high/);
	await expect(page.locator('main')).toContainText('FIC-301');
	await expectNoBAllWords(page, 'indication page');

	// The study page shows the open upper limit as printed: NE.
	await page.goto('/');
	await expect(page.getByTestId('imported-banner')).toBeVisible();
	await page.locator('article[data-study-id="fic-301"] h3 a').click();
	await expect(page).toHaveURL(/\/studies\/fic-301/);
	await expect(page.locator('h1')).toContainText('FIC-301');
	await expect(page.locator('main')).toContainText(/\d[.,]\d–NE/);
	await expect(page.locator('main')).toContainText('Doublet chemotherapy');
	await expectNoBAllWords(page, 'study page');
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

	expect(errors).toEqual([]);
});
