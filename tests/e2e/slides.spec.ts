/**
 * Three layouts of one chart: screen, slide and print. The forest plot of the full
 * embedded dataset goes to PowerPoint as several legible slides (nothing under 18 pt, in
 * the text boxes or in the pictures), to PDF and print with every label whole, and no
 * export cuts a label with an ellipsis. Files are read back with real parsers (jszip,
 * jsdom, pdftotext, exceljs); LibreOffice renders the slides when it is installed.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { JSDOM } from 'jsdom';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPngInfo } from '../../src/lib/export/png-chunks';
import { readDataset } from './support/dataset';

// Per port: parallel work trees must not overwrite each other's files.
const OUT = `/tmp/slides-e2e-${process.env.E2E_PORT ?? 'default'}`;
mkdirSync(OUT, { recursive: true });
const EMU_PER_PT = 12700;
const ELLIPSIS = '…';

function forest(page: Page): Locator {
	return page.locator('figure[data-chart-id="response-forest"]').first();
}

async function exportFile(page: Page, figure: Locator, format: string) {
	await figure.hover();
	const button = figure.getByRole('button', { name: /^Export / });
	if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
	const item = figure.locator(`[role="menuitem"][data-format="${format}"]`);
	const [file] = await Promise.all([page.waitForEvent('download'), item.click()]);
	const path = join(OUT, file.suggestedFilename());
	await file.saveAs(path);
	await expect(figure.getByTestId('export-status')).toContainText(file.suggestedFilename());
	return path;
}

const decode = (xml: string) =>
	xml
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

/** The visible text of a slide: every a:t run, in order. */
const slideText = (xml: string) =>
	decode([...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' '));

function hasTool(name: string): boolean {
	try {
		execFileSync('which', [name]);
		return true;
	} catch {
		return false;
	}
}

test.describe('slides, print and whole labels', () => {
	test('the forest PPTX: several 16:9 slides, nothing under 18 pt, legend and axis on each, "(continued)" after the first', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await page.goto('/');
		const figure = forest(page);
		await figure.hover();
		await expect(figure.getByRole('button', { name: /^Export / })).toBeVisible();
		const svg = figure.locator('svg.layercake-layout-svg').first();
		const figures = await svg.locator('[data-key]').count();
		const title = (await svg.locator('g.title .title-line').allTextContents()).join(' ').trim();
		const rowCount = JSON.parse(
			(await svg.locator('[data-slide-bands]').getAttribute('data-slide-bands'))!
		).rows.length as number;
		expect(figures).toBeGreaterThanOrEqual(25);

		const path = await exportFile(page, figure, 'pptx');
		const zip = await JSZip.loadAsync(readFileSync(path));
		const slideFiles = Object.keys(zip.files)
			.filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
			.sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
		// 30-odd rows at slide size do not fit one slide, but one-line rows fill each slide:
		// at most 6 slides for the embedded dataset's forest (33 figures when written).
		expect(slideFiles.length).toBeGreaterThanOrEqual(2);

		let marksOnSlides = 0;
		const rowsPerSlide: number[] = [];
		const seen = new Set<string>();
		for (const [i, file] of slideFiles.entries()) {
			const xml = await zip.file(file)!.async('string');
			const text = slideText(xml);
			// Title, subtitle and footer are editable text boxes on every slide.
			expect(text).toContain(title);
			expect(text.includes('(continued)')).toBe(i > 0);
			expect(text).toMatch(/Sources: /);
			expect(text).toMatch(/Dataset \S+/);
			expect(text).toContain('does not replace the product information');
			expect(text).not.toContain(ELLIPSIS);
			// Every run is at least 18 pt (sz is in hundredths of a point).
			const sizes = [...xml.matchAll(/\ssz="(\d+)"/g)].map((m) => Number(m[1]));
			expect(sizes.length).toBeGreaterThanOrEqual(3);
			for (const sz of sizes) expect(sz).toBeGreaterThanOrEqual(1800);

			// The picture: a PNG blip with the SVG as the svgBlip extension.
			expect(xml).toMatch(
				/<a:blip r:embed="rId\d+"><a:extLst><a:ext uri="\{96DAC541-7B7A-43D3-8B79-37D633B846F1\}"><asvg:svgBlip [^>]*r:embed="rIdChartSvg"\/>/
			);
			const n = file.match(/slide(\d+)\.xml/)![1];
			const rels = await zip.file(`ppt/slides/_rels/slide${n}.xml.rels`)!.async('string');
			const pngTarget = rels.match(/Target="\.\.\/media\/([^"]+\.png)"/)![1];
			const png = readPngInfo(await zip.file(`ppt/media/${pngTarget}`)!.async('uint8array'));
			const markup = await zip.file(`ppt/media/chart-${n}.svg`)!.async('string');
			expect(markup).not.toContain(ELLIPSIS);
			const doc = new JSDOM(markup, { contentType: 'image/svg+xml' }).window.document;
			expect(doc.querySelector('parsererror')).toBeNull();
			const root = doc.documentElement;
			const svgWidth = Number(root.getAttribute('width'));
			expect(png.width).toBe(svgWidth * 4);
			// Points on the slide per px of the picture's SVG, from the picture's extent.
			const cx = Number(xml.match(/<p:pic>[\s\S]*?<a:ext cx="(\d+)"/)![1]);
			const ptPerPx = cx / EMU_PER_PT / svgWidth;
			for (const t of doc.querySelectorAll('text')) {
				const size = Number(
					t.getAttribute('font-size') ?? t.closest('[font-size]')?.getAttribute('font-size')
				);
				expect(size * ptPerPx, `"${t.textContent}" at ${size}px`).toBeGreaterThanOrEqual(18);
			}
			// The legend and the axis are on every slide; rows are never repeated.
			expect(doc.querySelector('#header .legend, #header [class*="legend"]')).not.toBeNull();
			expect(doc.querySelector('#axis .axis')).not.toBeNull();
			// Every slide shows figures, not just headings; all but the last are full (6 or more
			// rows: figures and the group headings among them).
			const figuresHere = doc.querySelectorAll('#rows [data-key]').length;
			expect(figuresHere).toBeGreaterThan(0);
			const rowsHere = figuresHere + doc.querySelectorAll('#rows .group-label text').length;
			if (i < slideFiles.length - 1)
				expect(rowsHere, `rows on slide ${i + 1}`).toBeGreaterThanOrEqual(6);
			rowsPerSlide.push(rowsHere);
			for (const mark of doc.querySelectorAll('#rows [data-key]')) {
				const key = mark.getAttribute('data-key')!;
				expect(seen.has(key), `row ${key} on two slides`).toBe(false);
				seen.add(key);
				marksOnSlides++;
			}
		}
		console.log(
			`forest PPTX: ${slideFiles.length} slides, ${figures} figures, rows per slide ${rowsPerSlide.join(', ')}`
		);
		// Every figure of the chart is on exactly one slide.
		expect(marksOnSlides).toBe(figures);
		expect(slideFiles.length).toBeLessThanOrEqual(6);
		test.info().annotations.push({
			type: 'slides',
			description: `${slideFiles.length} slides for ${figures} figures (${rowCount} rows); rows per slide ${rowsPerSlide.join(', ')}`
		});
		// LibreOffice (when installed) renders the deck: its PDF has a page per slide and the text.
		if (hasTool('soffice')) {
			execFileSync(
				'soffice',
				['--headless', '--convert-to', 'pdf', '--outdir', join(OUT, 'libreoffice'), path],
				{
					timeout: 90_000
				}
			);
			const pdf = join(
				OUT,
				'libreoffice',
				path
					.split('/')
					.pop()!
					.replace(/\.pptx$/, '.pdf')
			);
			expect(existsSync(pdf)).toBe(true);
			const info = execFileSync('pdfinfo', [pdf]).toString();
			expect(Number(info.match(/Pages:\s+(\d+)/)![1])).toBe(slideFiles.length);
			const text = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, ' ');
			expect(text).toContain('(continued)');
			expect(text).toContain('Sources:');
			execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(OUT, 'slide')]);
		}
	});

	test('no export cuts a label with an ellipsis: SVG, PDF text, CSV and XLSX', async ({ page }) => {
		test.setTimeout(90_000);
		await page.goto('/');
		const figure = forest(page);
		await figure.hover();
		await expect(figure.getByRole('button', { name: /^Export / })).toBeVisible();
		const svg = readFileSync(await exportFile(page, figure, 'svg'), 'utf8');
		expect(svg).not.toContain(ELLIPSIS);
		// A long endpoint wraps onto a second line (a tspan) instead.
		expect(svg).toMatch(/<tspan [^>]*dy="1\.1em"/);
		const pdf = await exportFile(page, figure, 'pdf');
		const pdfText = execFileSync('pdftotext', [pdf, '-']).toString();
		expect(pdfText).not.toContain(ELLIPSIS);
		expect(pdfText.replace(/\s+/g, ' ')).toContain('not a substitute for the SmPC');
		const csv = readFileSync(await exportFile(page, figure, 'csv'), 'utf8');
		expect(csv).not.toContain(ELLIPSIS);
		const book = new ExcelJS.Workbook();
		await book.xlsx.readFile(await exportFile(page, figure, 'xlsx'));
		const cells: string[] = [];
		book.eachSheet((sheet) =>
			sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? ''))))
		);
		expect(cells.length).toBeGreaterThan(10);
		// An ellipsis the dataset itself has (a quoted headline in a citation) is not a cut.
		const raw = JSON.stringify(readDataset());
		expect(cells.filter((c) => c.includes(ELLIPSIS) && !raw.includes(c))).toEqual([]);
	});

	test('print: A4 portrait, navigation and controls hidden, title, footer and disclaimer kept, no chart split', async ({
		page
	}) => {
		await page.goto('/');
		const figure = forest(page);
		await figure.hover();
		await expect(figure.getByRole('button', { name: /^Export / })).toBeVisible();
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).display)).toBe(
			'none'
		);
		expect(await figure.locator('.toolbar').evaluate((el) => getComputedStyle(el).display)).toBe(
			'none'
		);
		expect(await figure.evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
		// What the browser prints (Chromium fires beforeprint for page.pdf).
		const file = join(OUT, 'print.pdf');
		await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
		const info = execFileSync('pdfinfo', [file]).toString();
		// A4: 595 × 842 pt.
		expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
		const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
		expect(text).toContain('Response');
		expect(text).toContain('not a substitute for the SmPC');
		// The forest's long labels print whole (wrapped), never cut.
		expect(text).toContain('MRD response among CR/CRh');
		execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', file, join(OUT, 'print')]);
	});
});
