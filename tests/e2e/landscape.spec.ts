import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';

// The landscape's own study files, read as written (TOWER is shared from the Blincyto dataset).
const own = readdirSync('data/landscape/studies').map(
	(f) =>
		JSON.parse(readFileSync(`data/landscape/studies/${f}`, 'utf8')) as {
			id: string;
			name: string;
			design: string;
			arms: { n?: number }[];
		}
);
const tower = JSON.parse(readFileSync('data/blincyto/studies/02-tower.json', 'utf8'));
const studies = [tower, ...own];
const randomised = studies.filter((s) => s.design === 'randomised');
const singleArm = studies.filter((s) => s.design === 'single-arm');

test('the header switches to the landscape dataset and back', async ({ page }) => {
	await page.goto('/');
	await page
		.getByTestId('dataset-switch')
		.getByRole('link', { name: 'Treatment landscape' })
		.click();
	await expect(page).toHaveURL(/\/landscape\/?$/);
	await expect(page.getByTestId('dataset-version')).toContainText(
		'Relapsed/refractory B-ALL in the EU'
	);
	await page.getByTestId('dataset-switch').getByRole('link', { name: 'Single medicine' }).click();
	await expect(page.getByTestId('dataset-version')).toContainText('Blincyto');
});

test('the network diagram has one edge per randomised trial and lone nodes for single-arm trials', async ({
	browser
}) => {
	// Without JavaScript: the diagram is in the prerendered HTML.
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/landscape/');
	const edges = page.locator('[data-testid="network"] g.edge');
	await expect(edges).toHaveCount(randomised.length);
	for (const study of randomised) {
		const n = study.arms.reduce((sum: number, a: { n: number }) => sum + a.n, 0);
		await expect(page.locator(`g.edge[data-study-id="${study.id}"]`)).toHaveAttribute(
			'data-n',
			String(n)
		);
		await expect(page.locator(`g.edge[data-study-id="${study.id}"]`)).toContainText(`n = ${n}`);
	}
	for (const study of singleArm) {
		const node = page.locator(`g.node[data-isolated="true"][data-study-ids~="${study.id}"]`);
		await expect(node).toHaveCount(1);
		await expect(node).toContainText(study.name);
	}
	// Both randomised trials meet at one shared comparator node.
	const shared = page.locator('g.node[data-treatment-id="chemotherapy-investigators-choice"]');
	await expect(shared).toHaveAttribute('data-study-ids', /tower/);
	await expect(shared).toHaveAttribute('data-study-ids', /ino-vate/);
	// Response definitions are labelled groups, never mixed.
	await expect(page.getByTestId('response-group').first()).toContainText('Definition:');
	await context.close();
});

test('the Bucher page shows its inputs, CI levels, result and transitivity table', async ({
	page
}) => {
	await page.goto('/landscape/indirect/');
	const inputs = page.getByTestId('inputs');
	await expect(inputs.locator('tr[data-result-id="ino-vate-os-hr-final"]')).toContainText('97.5 %');
	await expect(inputs.locator('tr[data-result-id="ino-vate-os-hr-primary"]')).toContainText(
		'97.5 %'
	);
	await expect(inputs.locator('tr[data-result-id="tower-os-hr-kantarjian"]').first()).toContainText(
		'95 %'
	);
	// 0.71/0.75, SEs from 95 % and 97.5 % intervals: 0.95 (0.66 to 1.35)
	await expect(page.getByTestId('main-result')).toContainText('0.95 (95 % CI 0.66 to 1.35)');
	await expect(
		page.getByTestId('sensitivity').locator('tr[data-analysis="primary"]')
	).toContainText('0.92');
	await expect(page.getByTestId('caveat')).toContainText('Exploratory');
	const table = page.getByTestId('transitivity');
	await expect(table.locator('tbody tr')).toHaveCount(2);
	await expect(table.locator('tr[data-study-id="tower"]')).toContainText('4.0 months');
	await expect(table.locator('tr[data-study-id="ino-vate"]')).toContainText('6.2 months');
	// Differences are marked with a sign, not by colour alone.
	await expect(table.locator('td[data-differs="true"]').first()).toContainText('≠');
	await expect(page.getByTestId('unanchored')).toContainText('ELIANA');
	await expect(page.getByTestId('unanchored')).toContainText('ZUMA-3');
	await expect(page.getByTestId('published')).toContainText('Proskorovsky 2019');
	await expect(page.getByTestId('published')).toContainText('Song 2019');
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations).toEqual([]);
});

test('the CSV of inputs and result parses', async ({ page, request }) => {
	await page.goto('/landscape/indirect/');
	const href = await page.getByTestId('download-csv').getAttribute('href');
	const text = (await (await request.get(href!)).text()).replace(/^\uFEFF/, '');
	const lines = text.trim().split(/\r?\n/);
	const header = lines[0].split(',');
	expect(header).toContain('ci_level');
	const rows = lines
		.slice(1)
		.map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '')));
	const main = rows.find((r) => r[1] === 'final' && r[4].startsWith('result'))!;
	expect(Number(main[header.indexOf('estimate')])).toBeCloseTo(0.71 / 0.75, 5);
	const ino = rows.find((r) => r[6] === 'ino-vate-os-hr-final')!;
	expect(ino[header.indexOf('ci_level')]).toBe('0.975');
});

test('the Dutch landscape pages are in Dutch and pass axe', async ({ page }) => {
	await page.goto('/nl/landscape/');
	await expect(page.locator('h1')).toContainText('Behandellandschap');
	let axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations).toEqual([]);
	await page.goto('/nl/landscape/indirect/');
	await expect(page.locator('h1')).toHaveText('Verankerde indirecte vergelijking');
	await expect(page.getByTestId('transitivity')).toContainText('verschilt');
	axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations).toEqual([]);
});
