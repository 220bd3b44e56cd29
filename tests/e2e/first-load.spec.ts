/**
 * What the overview loads up front. The intervals and effects of the embedded dataset are
 * computed at build time, so the statistics module (and its special functions) loads only
 * when something needs computing in the browser: here, pooling. Sizes are the bench's job.
 */
import { expect, test, type Page } from '@playwright/test';

/** A string only the statistics engine (src/lib/evidence/interval-engine.ts) holds; minifiers keep string literals. */
const ENGINE_MARKER = 'Fisher exact test, two-sided';

/** Starts recording every script the page loads; call the result for their texts. */
function recordScripts(page: Page) {
	const texts: Promise<string>[] = [];
	page.on('response', (response) => {
		if (response.request().resourceType() === 'script') texts.push(response.text());
	});
	return () => Promise.all(texts);
}

test('the overview shows its intervals without the statistics module, and pooling loads it', async ({
	page
}) => {
	const warnings: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
	});
	const scripts = recordScripts(page);
	await page.goto('/');
	await expect(page.getByTestId('theme-switch')).toBeVisible();
	await page.waitForLoadState('networkidle');

	const loaded = await scripts();
	expect(loaded.length).toBeGreaterThan(5);
	expect(loaded.filter((text) => text.includes(ENGINE_MARKER))).toHaveLength(0);
	// Every interval the page drew was precomputed (the light module warns when one was not).
	expect(warnings.filter((w) => w.includes('not precomputed'))).toEqual([]);
	const forest = page.locator('figure[data-chart-id="response-forest"]');
	await expect(forest.locator('svg g.mark').first()).toBeVisible();

	// Pooling is computed in the browser: the engine loads, then the pooled row appears.
	const boxes = forest.locator('input[name="pool"]');
	await boxes.nth(0).check();
	await boxes.nth(1).check();
	await expect(forest.locator('g.mark.pooled')).toHaveCount(1);
	expect((await scripts()).some((text) => text.includes(ENGINE_MARKER))).toBe(true);
});
