import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { allResultsOf, readDataset } from './support/dataset';

const dataset = readDataset();

test('the overview shows every study with its headline figures, grouped by indication', async ({
	page
}) => {
	await page.goto('/');
	for (const indication of dataset.indications) {
		await expect(page.locator(`section[data-indication-id="${indication.id}"] h2`)).toHaveText(
			indication.label
		);
	}
	for (const study of dataset.studies) {
		const card = page.locator(`article[data-study-id="${study.id}"]`).first();
		await expect(card).toBeVisible();
		const headline = allResultsOf(study).filter((r) => r.headline);
		expect(headline.length, `${study.id} has headline figures`).toBeGreaterThan(0);
		for (const result of headline) {
			await expect(card.locator(`[data-result-id="${result.id}"]`)).toBeVisible();
		}
	}
});

// The seed figures of the EMA overview, as the English UI prints them.
const seedFigures = [
	['43%', '81 of 189'],
	['36%', '16 of 45'],
	['286'],
	['82%', '63%'],
	['70'],
	['33%', '57%'],
	['108'],
	['116'],
	['78%']
];

test('every seed figure of the EMA overview appears with the overview as its source', async ({
	page
}) => {
	await page.goto('/');
	const text = await page.locator('main').innerText();
	for (const figures of seedFigures) {
		for (const figure of figures) expect(text, `seed figure ${figure}`).toContain(figure);
	}
	// Each overview figure carries the Dutch quote in its provenance panel.
	const emaSources = new Set(dataset.sources.filter((s) => s.file).map((s) => s.id));
	const quoted = dataset.studies
		.flatMap(allResultsOf)
		.filter((r) => r.headline && emaSources.has(r.provenance.sourceId));
	expect(quoted.length).toBeGreaterThan(5);
	for (const result of quoted) {
		const figure = page.locator(`article [data-result-id="${result.id}"]`).first();
		await figure.locator('summary').click();
		await expect(figure.getByTestId('provenance-quote')).toContainText(
			result.provenance.quote!.replace(/\s+/g, ' ').slice(0, 40)
		);
		await figure.locator('summary').click();
	}
});

test('every page states the disclaimer and the dataset version', async ({ page }) => {
	for (const path of ['/', '/nl', '/methods', '/nl/methods']) {
		await page.goto(path);
		await expect(page.getByTestId('disclaimer')).toBeVisible();
		await expect(page.getByTestId('dataset-version')).toContainText(dataset.version);
	}
});

test('the overview has no accessibility violations in light and dark', async ({ page }) => {
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.goto('/');
		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations, `${scheme}`).toEqual([]);
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the overview content is in the prerendered HTML', async ({ page }) => {
		await page.goto('/');
		for (const study of dataset.studies) {
			await expect(page.locator(`article[data-study-id="${study.id}"]`).first()).toBeVisible();
		}
		await expect(page.getByTestId('disclaimer')).toBeVisible();
	});
});
