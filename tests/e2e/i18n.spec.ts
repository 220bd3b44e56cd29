import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('the Dutch overview speaks Dutch and writes numbers the Dutch way', async ({ page }) => {
	await page.goto('/nl');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(page.getByTestId('disclaimer')).toContainText(
		'Dit dashboard vat gepubliceerd bewijs samen'
	);
	await expect(page.locator('h1')).toContainText('de hoofdstudies');
	const text = await page.locator('main').innerText();
	// ALCANTARA's 35.6% (Martinelli 2021) and MT103-211's 43% in Dutch notation.
	expect(text).toContain('35,6 %');
	expect(text).toContain('43 %');
	expect(text).not.toContain('35.6%');
});

test('switching language keeps the filters of the current view', async ({ page }) => {
	await page.goto('/?age=child');
	await page.waitForLoadState('networkidle');
	await expect(page.locator('fieldset[data-dimension="age"] input[value="child"]')).toBeChecked();
	await page.getByRole('link', { name: 'Nederlands' }).click();
	await expect(page).toHaveURL(/\/nl\/\?age=child$/);
	await page.waitForLoadState('networkidle');
	await expect(page.locator('fieldset[data-dimension="age"] input[value="child"]')).toBeChecked();
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/\?age=child$/);
});

test('the Dutch pages have no accessibility violations', async ({ page }) => {
	for (const path of ['/nl', '/nl/safety', '/nl/timeline']) {
		await page.goto(path);
		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations, path).toEqual([]);
	}
});
