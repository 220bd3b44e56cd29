/**
 * Exports as a user gets them: real downloads from the chart's Export menu, read back
 * with real parsers (jsdom's XML parser, PNG chunks, pdftotext/pdfinfo, exceljs, jszip),
 * and the presentation deck across reloads. Nothing is mocked.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { JSDOM } from 'jsdom';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TIDY_COLUMNS } from '../../src/lib/charts/spec';
import { readPngInfo } from '../../src/lib/export/png-chunks';
import { allResultsOf, readDataset } from './support/dataset';

const dataset = readDataset();
/** The page and chart the export tests drive. */
const CHART_PAGE = '/';
const CHART_ID = 'response-forest';
const OUT = '/tmp/export-e2e';
mkdirSync(OUT, { recursive: true });

function chart(page: Page): Locator {
	return page.locator(`figure[data-chart-id="${CHART_ID}"]`).first();
}

async function openChart(page: Page): Promise<Locator> {
	await page.goto(CHART_PAGE);
	const figure = chart(page);
	await figure.hover();
	await expect(figure.getByRole('button', { name: /^Export / })).toBeVisible();
	return figure;
}

async function menuItem(figure: Locator, format: string): Promise<Locator> {
	await figure.hover();
	const button = figure.getByRole('button', { name: /^Export / });
	if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
	return figure.locator(`[role="menuitem"][data-format="${format}"]`);
}

/** Runs one export and returns the saved file's path and name. */
async function download(page: Page, figure: Locator, format: string) {
	const item = await menuItem(figure, format);
	const [file] = await Promise.all([page.waitForEvent('download'), item.click()]);
	const path = join(OUT, file.suggestedFilename());
	await file.saveAs(path);
	await expect(figure.getByTestId('export-status')).toContainText(file.suggestedFilename());
	return { path, name: file.suggestedFilename() };
}

/** What the page shows: plot size, title, footer, marks and table rows. */
async function shown(figure: Locator) {
	const plot = figure.locator('.plot');
	const size = await plot.evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight }));
	const svg = figure.locator('svg.layercake-layout-svg').first();
	return {
		...size,
		// The title may wrap over several lines; the subtitle shares the group.
		title: (await svg.locator('g.title .title-line').allTextContents()).join(' ').trim(),
		footer: (await svg.locator('g.footer').textContent()) ?? '',
		marks: await svg.locator('[data-key]').count(),
		tableRows: await tableRowCount(figure)
	};
}

/** Rows of the chart's data table; in the browser it is built when opened, so open it to count. */
async function tableRowCount(figure: Locator) {
	const table = figure.locator('[data-testid="chart-table"]');
	const open = await table.evaluate((el) => (el as HTMLDetailsElement).open);
	if (!open) await table.locator('summary').click();
	await expect(table.locator('tbody tr').first()).toBeVisible();
	const rows = await table.locator('tbody tr').count();
	if (!open) await table.locator('summary').click();
	return rows;
}

const versionSlug = dataset.version.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const medicineSlug = dataset.shortTitle.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const stem = `${medicineSlug}-${CHART_ID}-${versionSlug}`;

test.describe('chart exports', () => {
	test('SVG is standalone: parses, full size with the padding in the viewBox, real colours, fonts named, marks and footer inside', async ({
		page
	}) => {
		const figure = await openChart(page);
		const view = await shown(figure);
		const { path, name } = await download(page, figure, 'svg');
		expect(name).toBe(`${stem}.svg`);
		const text = readFileSync(path, 'utf8');
		const doc = new JSDOM(text, { contentType: 'image/svg+xml' }).window.document;
		expect(doc.querySelector('parsererror')).toBeNull();
		const root = doc.documentElement;
		expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
		expect(Number(root.getAttribute('width'))).toBe(view.width);
		expect(Number(root.getAttribute('height'))).toBe(view.height);
		const [x, y, w, h] = root.getAttribute('viewBox')!.split(' ').map(Number);
		expect(x).toBeLessThan(0);
		expect(y).toBeLessThan(0);
		expect([w, h]).toEqual([view.width, view.height]);
		expect(doc.querySelector('#title')?.textContent?.replace(/\s+/g, ' ')).toContain(view.title);
		expect(doc.querySelector('#footer')?.textContent).toContain(dataset.version);
		expect(doc.querySelectorAll('[data-key]')).toHaveLength(view.marks);
		expect(view.marks).toBeGreaterThan(0);
		expect(text).not.toContain('var(');
		expect(text).not.toMatch(/\sstyle=/);
		for (const t of doc.querySelectorAll('text'))
			expect(t.getAttribute('font-family')).toBeTruthy();
		expect(doc.querySelector('#background')?.getAttribute('fill')).toBe('#ffffff');
	});

	for (const scale of [1, 2, 4]) {
		test(`PNG ${scale}× is ${scale} times the chart's size and says 300 dpi`, async ({ page }) => {
			const figure = await openChart(page);
			const view = await shown(figure);
			const { path, name } = await download(page, figure, `png${scale}`);
			expect(name).toBe(`${stem}-${scale}x.png`);
			const info = readPngInfo(new Uint8Array(readFileSync(path)));
			expect(info.width).toBe(view.width * scale);
			expect(info.height).toBe(view.height * scale);
			expect(info.pxPerMetre).toEqual({ x: 11811, y: 11811 });
			expect(info.dpi).toBe(300);
		});
	}

	test('PDF is one vector page the size of the chart, with the title and sources as text', async ({
		page
	}) => {
		const figure = await openChart(page);
		const view = await shown(figure);
		const { path } = await download(page, figure, 'pdf');
		const info = execFileSync('pdfinfo', [path]).toString();
		expect(info).toMatch(/Pages:\s+1\n/);
		const [, pw, ph] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
		expect(Number(pw)).toBeCloseTo(view.width * 0.75, 0);
		expect(Number(ph)).toBeCloseTo(view.height * 0.75, 0);
		expect(info.match(/^Title:\s+(.*)$/m)?.[1]).toBe(view.title);
		const text = execFileSync('pdftotext', [path, '-']).toString().replace(/\s+/g, ' ');
		expect(text).toContain(view.title);
		expect(text).toContain('EMA overview');
		expect(text).toContain(dataset.version);
		// Vector: the page has no image at all.
		expect(execFileSync('pdfimages', ['-list', path]).toString().trim().split('\n')).toHaveLength(
			2
		);
		execFileSync('pdftoppm', ['-png', '-r', '72', '-singlefile', path, join(OUT, 'chart-pdf')]);
	});

	test('CSV and XLSX hold exactly the rows the chart shows, typed, with sources and version', async ({
		page
	}) => {
		const figure = await openChart(page);
		const view = await shown(figure);
		const csv = readFileSync((await download(page, figure, 'csv')).path, 'utf8');
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const lines = csv.slice(1).split('\r\n').filter(Boolean);
		expect(lines[0]).toBe(TIDY_COLUMNS.map((c) => c.header).join(','));
		expect(lines).toHaveLength(view.tableRows + 1);

		const book = new ExcelJS.Workbook();
		await book.xlsx.readFile((await download(page, figure, 'xlsx')).path);
		const data = book.getWorksheet('Data')!;
		expect(data.rowCount).toBe(view.tableRows + 1);
		expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(data.autoFilter).toBeTruthy();
		const col = (key: string) => TIDY_COLUMNS.findIndex((c) => c.key === key) + 1;
		const results = dataset.studies.flatMap((s) => allResultsOf(s).map((r) => ({ s, r })));
		for (let i = 2; i <= data.rowCount; i++) {
			const row = data.getRow(i);
			const value = row.getCell(col('value'));
			expect(value.type, `row ${i} value is a number`).toBe(ExcelJS.ValueType.Number);
			const events = row.getCell(col('events')).value;
			const total = row.getCell(col('total')).value;
			if (events !== null) {
				expect(typeof events).toBe('number');
				expect(typeof total).toBe('number');
				// The counts are the dataset's own.
				expect(
					results.some(({ r }) => r.events === events && r.total === total),
					`row ${i}: ${events}/${total} is in the dataset`
				).toBe(true);
			}
			const study = String(row.getCell(col('study')).value);
			expect(study.startsWith("'")).toBe(false);
		}
		const sources = book.getWorksheet('Sources')!;
		expect(sources.rowCount).toBeGreaterThan(1);
		let linked = 0;
		sources.eachRow((row, n) => {
			if (n === 1) return;
			expect(String(row.getCell(3).value ?? '')).not.toBe('');
			if (row.getCell(5).value || row.getCell(6).value || row.getCell(7).value) linked++;
		});
		expect(linked).toBeGreaterThan(0);
		const about = new Map<string, unknown>();
		book
			.getWorksheet('About')!
			.eachRow((r) => about.set(String(r.getCell(1).value), r.getCell(2).value));
		expect(about.get('dataset_version')).toBe(dataset.version);
		expect(about.get('chart')).toBe(view.title);
	});

	test('PPTX has the slide, a 4× image and notes with every figure; progress shows while it works', async ({
		page
	}) => {
		const figure = await openChart(page);
		const view = await shown(figure);
		// A slow machine: the 4× rendering then takes well over the 300 ms threshold.
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
		const item = await menuItem(figure, 'pptx');
		const [file] = await Promise.all([
			page.waitForEvent('download'),
			item.click(),
			expect(figure.getByTestId('export-progress')).toContainText('Preparing PowerPoint slide')
		]);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
		await expect(figure.getByTestId('export-progress')).toBeHidden();
		const path = join(OUT, file.suggestedFilename());
		await file.saveAs(path);
		const zip = await JSZip.loadAsync(readFileSync(path));
		// The forest is taller than a slide: it comes as several (see slides.spec.ts).
		const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
		expect(slides.length).toBeGreaterThan(1);
		const slide = await zip.file('ppt/slides/slide1.xml')!.async('string');
		expect(slide).toContain(view.title);
		expect(slide).toContain(`Dataset ${dataset.version}`);
		const media = Object.keys(zip.files).filter((f) => /^ppt\/media\/.*\.png$/.test(f));
		expect(media).toHaveLength(slides.length);
		// Drawn at slide size (880 px) and rasterised at 4×.
		const image = readPngInfo(await zip.file(media[0])!.async('uint8array'));
		expect(image.width % 4).toBe(0);
		expect(image.width).toBeGreaterThanOrEqual(800 * 4);
		expect(image.dpi).toBe(300);
		const notes = await zip.file('ppt/notesSlides/notesSlide1.xml')!.async('string');
		const bullets = notes.match(/• /g) ?? [];
		expect(bullets).toHaveLength(view.tableRows);
		expect(notes).toContain('95% CI');
		expect(notes).toContain('Source: ');
	});

	test('Copy image puts a 2× PNG on the clipboard', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		const figure = await openChart(page);
		const view = await shown(figure);
		await (await menuItem(figure, 'copy')).click();
		await expect(figure.getByTestId('export-status')).toHaveText('Image copied to the clipboard');
		const bytes = await page.evaluate(async () => {
			const [item] = await navigator.clipboard.read();
			const blob = await item.getType('image/png');
			return [...new Uint8Array(await blob.arrayBuffer())];
		});
		const info = readPngInfo(new Uint8Array(bytes));
		expect(info.width).toBe(view.width * 2);
	});

	test('the menu works from the keyboard and passes axe', async ({ page }) => {
		const figure = await openChart(page);
		await figure.hover();
		const button = figure.getByRole('button', { name: /^Export / });
		await button.focus();
		await page.keyboard.press('Enter');
		const menu = figure.getByRole('menu');
		await expect(menu).toBeVisible();
		const items = menu.getByRole('menuitem');
		await expect(items.first()).toBeFocused();
		await page.keyboard.press('ArrowDown');
		await expect(items.nth(1)).toBeFocused();
		await page.keyboard.press('End');
		await expect(items.last()).toBeFocused();
		await page.keyboard.press('ArrowDown');
		await expect(items.first()).toBeFocused();
		expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
		await page.keyboard.press('Escape');
		await expect(menu).toBeHidden();
		await expect(button).toBeFocused();
		await page.keyboard.press(' ');
		await expect(menu).toBeVisible();
		await expect(items.first()).toBeFocused();
		await page.keyboard.press('Tab');
		await expect(menu).toBeHidden();
	});

	test('exports from the dark theme come out in the light palette', async ({ page }) => {
		await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
		const figure = await openChart(page);
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
		const { path } = await download(page, figure, 'svg');
		const text = readFileSync(path, 'utf8');
		expect(text).toMatch(/id="background"[^>]*fill="#ffffff"|fill="#ffffff"[^>]*id="background"/);
		// The page itself stays dark.
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	});
});

test('a study named like a formula reaches CSV and XLSX as text, never as a formula', async ({
	page
}) => {
	// An imported dataset (the synthetic example) whose first study has a hostile name.
	const hostile = '=HYPERLINK("http://x")';
	const synthetic = JSON.parse(
		readFileSync(join(import.meta.dirname, '..', 'fixtures', 'synthetic-dataset.json'), 'utf8')
	);
	synthetic.studies[0].name = hostile;
	await page.goto('/data');
	await expect(page.getByTestId('dataset-switcher')).toBeVisible();
	await page.getByTestId('dataset-file').setInputFiles({
		name: 'hostile.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(synthetic))
	});
	await expect(page.getByTestId('import-preview')).toBeVisible();
	await page.getByTestId('import-activate').click();
	await expect(page.getByTestId('import-activated')).toBeVisible();

	await page.goto(CHART_PAGE);
	const figure = chart(page);
	await expect(figure.locator('g.footer')).toContainText(synthetic.version);
	const col = TIDY_COLUMNS.findIndex((c) => c.key === 'study');

	const csv = readFileSync((await download(page, figure, 'csv')).path, 'utf8');
	// The study is the first column, so each data line starts with it.
	expect(col).toBe(0);
	const lines = csv.slice(1).split('\r\n').slice(1);
	expect(lines.filter((l) => l.startsWith(`"'=HYPERLINK(""http://x"")",`)).length).toBeGreaterThan(
		0
	);
	expect(lines.filter((l) => /^"?[=+\-@]/.test(l))).toEqual([]);

	const book = new ExcelJS.Workbook();
	await book.xlsx.readFile((await download(page, figure, 'xlsx')).path);
	const cells: ExcelJS.Cell[] = [];
	book.getWorksheet('Data')!.eachRow((row, n) => {
		if (n > 1) cells.push(row.getCell(col + 1));
	});
	const named = cells.filter((c) => String(c.value).includes('HYPERLINK'));
	expect(named.length).toBeGreaterThan(0);
	for (const cell of named) {
		expect(cell.type).toBe(ExcelJS.ValueType.String);
		expect(cell.value).toBe(`'${hostile}`);
	}
	book
		.getWorksheet('Data')!
		.eachRow((row) =>
			row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula))
		);
});

test.describe('presentation', () => {
	test('/present without slides explains how to add charts, with and without JavaScript', async ({
		page,
		browser
	}) => {
		await page.goto('/present');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Presentation');
		await expect(page.getByTestId('deck-empty')).toContainText('Add to presentation');
		await expect(page.getByRole('link', { name: 'Present' })).toHaveAttribute(
			'aria-current',
			'page'
		);
		expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
		const noJs = await browser.newContext({ javaScriptEnabled: false });
		const plain = await noJs.newPage();
		await plain.goto('/nl/present');
		await expect(plain.getByTestId('deck-empty')).toContainText('Toevoegen aan presentatie');
		await noJs.close();
	});

	test('a deck survives a reload, plays with the keyboard and exports one slide per chart', async ({
		page
	}) => {
		// Two views of the forest plot: the default and sorted by value.
		for (const url of [CHART_PAGE, `${CHART_PAGE}?sort=value`]) {
			await page.goto(url);
			const figure = chart(page);
			await (await menuItem(figure, 'deck')).click();
			await expect(figure.getByTestId('export-status')).toContainText('Added to the presentation');
		}
		await page.goto('/present');
		await expect(page.getByTestId('deck-slide')).toHaveCount(2);
		await page.reload();
		const slides = page.getByTestId('deck-slide');
		await expect(slides).toHaveCount(2);
		await expect(slides.nth(1).locator('a')).toHaveAttribute('href', /sort=value/);
		// Each slide draws its chart.
		await expect(page.locator('[data-testid="deck-slide"] figure[data-chart-id]')).toHaveCount(2);

		const [file] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('deck-pptx').click()
		]);
		expect(file.suggestedFilename()).toBe(`${medicineSlug}-presentation-${versionSlug}.pptx`);
		const path = join(OUT, file.suggestedFilename());
		await file.saveAs(path);
		const zip = await JSZip.loadAsync(readFileSync(path));
		// Each forest is cut into several slides, each with its notes.
		const deckSlides = Object.keys(zip.files).filter((f) =>
			/^ppt\/slides\/slide\d+\.xml$/.test(f)
		).length;
		expect(deckSlides).toBeGreaterThan(2);
		expect(deckSlides % 2).toBe(0);
		expect(
			Object.keys(zip.files).filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f))
		).toHaveLength(deckSlides);

		await page.getByTestId('deck-start').click();
		const show = page.getByTestId('slideshow');
		await expect(show).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'projector');
		const counter = page.getByTestId('slide-counter');
		await expect(counter).toHaveText('Slide 1 of 2');
		await expect(show.locator('figure[data-chart-id] svg').first()).toBeVisible();
		await page.keyboard.press('ArrowRight');
		await expect(counter).toHaveText('Slide 2 of 2');
		await page.keyboard.press('ArrowRight');
		await expect(counter).toHaveText('Slide 2 of 2');
		await page.keyboard.press('Home');
		await expect(counter).toHaveText('Slide 1 of 2');
		await page.keyboard.press(' ');
		await expect(counter).toHaveText('Slide 2 of 2');
		await page.keyboard.press('ArrowLeft');
		await expect(counter).toHaveText('Slide 1 of 2');
		await page.keyboard.press('End');
		await expect(counter).toHaveText('Slide 2 of 2');
		// The slide show is modal: Tab never reaches the page behind it (after the last
		// control the browser's own UI takes focus, so the document has none).
		expect(await page.evaluate(() => document.querySelector('dialog')?.matches(':modal'))).toBe(
			true
		);
		for (let i = 0; i < 7; i++) {
			await page.keyboard.press('Tab');
			const outside = await page.evaluate(() => {
				const el = document.activeElement;
				return !!el && el !== document.body && !el.closest('dialog');
			});
			expect(outside).toBe(false);
		}
		await expect(counter).toHaveText('Slide 2 of 2');
		await page.screenshot({ path: join(OUT, 'slideshow.png') });
		if (await page.evaluate(() => !!document.fullscreenElement)) {
			await page.evaluate(() => document.exitFullscreen());
		} else {
			await page.keyboard.press('Escape');
		}
		await expect(show).toBeHidden();
		await expect(page.locator('html')).not.toHaveAttribute('data-theme', 'projector');

		// Reorder and remove, then reload.
		await page.getByRole('button', { name: /^Move slide 2 up/ }).click();
		await expect(slides.nth(0).locator('a')).toHaveAttribute('href', /sort=value/);
		await page.getByRole('button', { name: /^Remove slide 2/ }).click();
		await page.reload();
		await expect(slides).toHaveCount(1);
		await expect(slides.nth(0).locator('a')).toHaveAttribute('href', /sort=value/);
	});

	test('a study chart goes on a slide too, drawn from the registry', async ({ page }) => {
		const study = dataset.studies.find((s) => s.design === 'randomised')!;
		const id = `two-arm-${study.id}`;
		await page.goto(CHART_PAGE);
		const figure = page.locator(`figure[data-chart-id="${id}"]`);
		await figure.hover();
		await figure.getByRole('button', { name: /^Export / }).click();
		await figure.locator('[role="menuitem"][data-format="deck"]').click();
		await expect(figure.getByTestId('export-status')).toContainText('slide 1');
		await figure.getByRole('link', { name: 'Open the presentation' }).click();
		await expect(page).toHaveURL(/\/present\/$/);
		await expect(
			page.locator(`[data-testid="deck-slide"] figure[data-chart-id="${id}"] svg`).first()
		).toBeVisible();
		await expect(page.getByTestId('slide-unknown')).toHaveCount(0);
	});
});
