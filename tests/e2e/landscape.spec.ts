import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

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
const indications = (
	JSON.parse(readFileSync('data/landscape/dataset.json', 'utf8')) as {
		indications: { id: string }[];
	}
).indications;
const [itc] = JSON.parse(readFileSync('data/landscape/indirect-comparisons.json', 'utf8')) as {
	id: string;
}[];
const OUT = '/tmp/landscape-e2e';
mkdirSync(OUT, { recursive: true });

/** Runs one export from the Export menu inside `scope` and returns the saved file's path. */
async function download(page: Page, scope: Locator, format: string): Promise<string> {
	await scope.hover();
	const button = scope.getByRole('button', { name: /^Export / }).first();
	if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
	const item = scope.locator(`[role="menuitem"][data-format="${format}"]`).first();
	const [file] = await Promise.all([page.waitForEvent('download'), item.click()]);
	const path = join(OUT, file.suggestedFilename());
	await file.saveAs(path);
	return path;
}

function csvRows(path: string): string[][] {
	const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
	return text
		.trim()
		.split(/\r\n/)
		.map((l) =>
			l
				.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
				.map((c) => c.replace(/,$/, ''))
				.slice(0, -1)
		);
}

async function slideText(path: string): Promise<string> {
	const zip = await JSZip.loadAsync(readFileSync(path));
	const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
	expect(slides.length).toBe(1);
	const notes = Object.keys(zip.files).filter((n) => /^ppt\/notesSlides\/.*\.xml$/.test(n));
	const parts = [...slides, ...notes].map((n) => zip.file(n)!.async('string'));
	return (await Promise.all(parts)).join(' ');
}
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

test.describe('the landscape study and indication pages', () => {
	for (const locale of ['', '/nl']) {
		for (const study of singleArm.concat(own.filter((s) => s.design === 'randomised'))) {
			test(`${locale || '/en'}: ${study.name} under /landscape/studies/`, async ({ page }) => {
				await page.goto(`${locale}/landscape/studies/${study.id}/`);
				await expect(page.locator('h1')).toHaveText(study.name);
				await expect(page.getByTestId('dataset-version')).toContainText(
					'Relapsed/refractory B-ALL'
				);
				// Its links stay in the landscape dataset.
				const hrefs = await page
					.locator('main a[href*="/indications/"], main a[href*="/studies/"]')
					.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
				for (const href of hrefs) expect(href).toMatch(/\/landscape\//);
			});
		}
	}
	for (const indication of indications)
		test(`indication ${indication.id} under /landscape/indications/`, async ({ page }) => {
			const response = await page.goto(`/landscape/indications/${indication.id}/`);
			expect(response?.status()).toBe(200);
			await expect(page.getByTestId('dataset-version')).toContainText('Relapsed/refractory B-ALL');
		});

	test('the overview links every study to its landscape page', async ({ page }) => {
		await page.goto('/landscape/');
		const hrefs = await page
			.getByTestId('study-link')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(hrefs.length).toBeGreaterThan(0);
		for (const href of hrefs) expect(href).toMatch(/^\/landscape\/studies\/[a-z0-9-]+\/$/);
		await page.getByTestId('study-link').filter({ hasText: 'ZUMA-3' }).first().click();
		await expect(page).toHaveURL(/\/landscape\/studies\/zuma-3\/$/);
		await expect(page.locator('h1')).toHaveText('ZUMA-3');
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations).toEqual([]);
	});
});

test.describe('landscape exports parse', () => {
	test('the network chart: SVG, CSV, XLSX, PPTX and PDF', async ({ page }) => {
		await page.goto('/landscape/');
		const figure = page.locator('figure[data-chart-id="evidence-network"]');
		await figure.hover();
		await expect(figure.getByRole('button', { name: /^Export / })).toBeVisible();

		const svg = readFileSync(await download(page, figure, 'svg'), 'utf8');
		expect(svg).toContain('Network of trials');
		expect(svg).toContain('Exploratory');
		expect(svg.match(/<g [^>]*class="edge/g)).toHaveLength(randomised.length);

		const rows = csvRows(await download(page, figure, 'csv'));
		const header = rows[0];
		expect(header).toEqual(expect.arrayContaining(['total', 'source', 'locator', 'text', 'quote']));
		const towerRow = rows.find((r) => r[0] === 'TOWER')!;
		expect(towerRow[header.indexOf('total')]).toBe('405');
		expect(towerRow[header.indexOf('text')]).toContain('271 + 134 = 405');

		const book = new ExcelJS.Workbook();
		await book.xlsx.readFile(await download(page, figure, 'xlsx'));
		const data = book.getWorksheet('Data')!;
		expect(data.rowCount).toBe(rows.length);
		const totalCol = header.indexOf('total') + 1;
		expect(data.getRow(2).getCell(totalCol).type).toBe(ExcelJS.ValueType.Number);

		const slides = await slideText(await download(page, figure, 'pptx'));
		expect(slides).toContain('Network of trials');
		expect(slides).toContain('TOWER');

		const pdf = execFileSync('pdftotext', [await download(page, figure, 'pdf'), '-'])
			.toString()
			.replace(/\s+/g, ' ');
		expect(pdf).toContain('Network of trials');
		expect(pdf).toContain('Exploratory');
	});

	test('the Bucher chart and the transitivity table: SVG, PDF, CSV, XLSX, PPTX', async ({
		page
	}) => {
		await page.goto('/landscape/indirect/');
		const chart = page.locator(`figure[data-chart-id="bucher-${itc.id}"]`);
		await chart.hover();
		await expect(chart.getByRole('button', { name: /^Export / })).toBeVisible();
		// Inputs at their printed level; the computed results marked as such.
		await expect(chart.locator('[data-kind="input"][data-level="0.975"]')).toHaveCount(2);
		await expect(chart.locator('[data-kind="result"]')).toHaveCount(2);
		const svg = readFileSync(await download(page, chart, 'svg'), 'utf8');
		expect(svg).toContain('97.5 % CI as printed');
		expect(svg).not.toContain('…');
		const pdf = execFileSync('pdftotext', [await download(page, chart, 'pdf'), '-'])
			.toString()
			.replace(/\s+/g, ' ');
		expect(pdf).toContain('Exploratory');
		const rows = csvRows(await download(page, chart, 'csv'));
		const h = rows[0];
		const result = rows.find((r) => r[h.indexOf('basis')] === 'computed')!;
		expect(Number(result[h.indexOf('value')])).toBeCloseTo(0.71 / 0.75, 3);
		expect(result[h.indexOf('text')]).toMatch(/^ln 0\.71 − ln 0\.75/);

		const table = page.locator(`[data-table-id="transitivity-${itc.id}"]`);
		const trows = csvRows(await download(page, table, 'csv'));
		const th = trows[0];
		expect(th).toEqual(expect.arrayContaining(['source', 'locator', 'text', 'quote']));
		const tower = trows.filter((r) => r[0] === 'TOWER');
		expect(tower.some((r) => r[th.indexOf('text')].includes('4.0 months'))).toBe(true);
		const book = new ExcelJS.Workbook();
		await book.xlsx.readFile(await download(page, table, 'xlsx'));
		expect(book.getWorksheet('Data')!.rowCount).toBe(trows.length);
		const slides = await slideText(await download(page, table, 'pptx'));
		expect(slides).toContain('Transitivity');
		const tsvg = readFileSync(await download(page, table, 'svg'), 'utf8');
		expect(tsvg).toContain('≠');
		expect(tsvg).not.toContain('…');

		const published = page.locator(`[data-table-id="published-${itc.id}"]`);
		const prows = csvRows(await download(page, published, 'csv'));
		expect(prows.map((r) => r.join(' ')).join(' ')).toContain('Funding');
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations).toEqual([]);
	});
});

test.describe('the header on landscape pages', () => {
	/** The sections the header's main navigation lists, as label → address. */
	async function sections(page: Page, name: string) {
		const links = page.getByRole('navigation', { name }).getByRole('link');
		return Object.fromEntries(
			await links.evaluateAll((as) =>
				as.map((a) => [a.textContent!.trim(), a.getAttribute('href')])
			)
		) as Record<string, string>;
	}
	const current = (page: Page, name: string) =>
		page.getByRole('navigation', { name }).locator('a[aria-current="page"]');

	test("Sources leads to the landscape's sources, and the navigation stays in the landscape", async ({
		page
	}) => {
		await page.goto('/');
		expect(await sections(page, 'Main')).toMatchObject({ Overview: '/', Sources: '/sources/' });

		await page.goto('/landscape/');
		expect(await sections(page, 'Main')).toEqual({
			Overview: '/landscape/',
			'Indirect comparison': '/landscape/indirect/',
			Sources: '/landscape/sources/',
			Methods: '/methods/',
			Digitise: '/digitise/',
			Data: '/data/'
		});
		await expect(current(page, 'Main')).toHaveText('Overview');

		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Sources' })
			.click();
		await expect(page).toHaveURL(/\/landscape\/sources\/$/);
		await expect(page.getByTestId('dataset-version')).toContainText(
			'Relapsed/refractory B-ALL in the EU'
		);
		// INO-VATE's registry record and publication: sources of the landscape, not of Blincyto.
		await expect(page.locator('li[data-source-id="ctgov-ino-vate"]')).toContainText(
			'ClinicalTrials.gov NCT01564784'
		);
		await expect(page.locator('li[data-source-id="kantarjian-2016"]')).toContainText(
			'Kantarjian 2016'
		);
		await expect(current(page, 'Main')).toHaveText('Sources');

		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Indirect comparison' })
			.click();
		await expect(page).toHaveURL(/\/landscape\/indirect\/$/);
		await expect(current(page, 'Main')).toHaveText('Indirect comparison');

		// A study page of the landscape: no section is its own page, and none is marked.
		await page.goto('/landscape/studies/ino-vate/');
		await expect(current(page, 'Main')).toHaveCount(0);
		expect((await sections(page, 'Main')).Sources).toBe('/landscape/sources/');
		// /compare shows Blincyto only: the landscape's study and indication pages do not offer it.
		await expect(page.locator('main a[href*="/compare"]')).toHaveCount(0);
		await page.goto(`/landscape/indications/${indications[0].id}/`);
		await expect(page.locator('main a[href*="/compare"]')).toHaveCount(0);
	});

	test('in Dutch, the landscape navigation keeps /nl', async ({ page }) => {
		await page.goto('/nl/landscape/');
		expect(await sections(page, 'Hoofdmenu')).toEqual({
			Overzicht: '/nl/landscape/',
			'Indirecte vergelijking': '/nl/landscape/indirect/',
			Bronnen: '/nl/landscape/sources/',
			Methoden: '/nl/methods/',
			Digitaliseren: '/nl/digitise/',
			Gegevens: '/nl/data/'
		});
		await expect(current(page, 'Hoofdmenu')).toHaveText('Overzicht');
		await page
			.getByRole('navigation', { name: 'Hoofdmenu' })
			.getByRole('link', { name: 'Bronnen' })
			.click();
		await expect(page).toHaveURL(/\/nl\/landscape\/sources\/$/);
		await expect(page.locator('li[data-source-id="ctgov-ino-vate"]')).toBeVisible();
		await expect(current(page, 'Hoofdmenu')).toHaveText('Bronnen');
		const axe = await new AxeBuilder({ page }).include('header.site-header').analyze();
		expect(axe.violations).toEqual([]);
	});

	test('the header search finds INO-VATE in the landscape and opens its landscape page', async ({
		page
	}) => {
		await page.goto('/landscape/sources/');
		await expect(page.locator('[data-testid="search-box"][data-ready]')).toHaveCount(1);
		// Without JavaScript the form goes to the landscape's own search page.
		await expect(page.getByTestId('search-box')).toHaveAttribute('action', '/landscape/search/');
		const box = page.getByRole('combobox', { name: 'Search studies and indications' });
		await box.fill('INO-VATE');
		await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('INO-VATE');
		await box.press('ArrowDown');
		await box.press('Enter');
		await expect(page).toHaveURL(/\/landscape\/studies\/ino-vate\/$/);
		await expect(page.locator('h1')).toHaveText('INO-VATE ALL');

		// Submitted without choosing a hit: the landscape's search page, its hits under /landscape.
		await box.fill('INO-VATE');
		await box.press('Enter');
		await expect(page).toHaveURL(/\/landscape\/search\/\?q=INO-VATE$/);
		const hit = page.getByTestId('search-results').locator('li[data-id="ino-vate"] a');
		await expect(hit).toHaveAttribute('href', '/landscape/studies/ino-vate/');
		const axe = await new AxeBuilder({ page }).include('header.site-header').analyze();
		expect(axe.violations).toEqual([]);
	});
});
