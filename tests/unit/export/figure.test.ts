// @vitest-environment jsdom
/**
 * The figure exports on the fixture chart: standalone SVG (jsdom), PNG through resvg
 * (the same SVG a browser's canvas would draw), PDF through jspdf + svg2pdf in jsdom,
 * PPTX read back with jszip. Real parsers throughout; nothing is mocked.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import JSZip from 'jszip';
import { jsPDF } from 'jspdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportThemeFor, serialiseSvg, standaloneSvg, toHexColour } from '$lib/export/svg';
import { pngChunks, readPngInfo, setPngDpi } from '$lib/export/png-chunks';
import { pptxBytes } from '$lib/export/pptx';
import { chartPdf, fitsStandardFonts } from '$lib/export/pdf';
import { figureNote } from '$lib/export/notes';
import { pngDataUrl } from '$lib/export/png';
import { LAYOUT, HEIGHT, mountFixture, rows, spec, WIDTH } from './fixture';

const out = mkdtempSync(join(tmpdir(), 'export-test-'));
const FONT_DIR = join(process.cwd(), 'src/lib/export/fonts');

let svg: SVGSVGElement;
beforeAll(() => {
	document.documentElement.setAttribute('data-theme', 'dark');
	svg = mountFixture(document);
});

function standalone(theme?: 'light' | 'projector') {
	return standaloneSvg(svg, spec, { layout: LAYOUT, theme });
}

function rasterise(markup: string, scale: number): Uint8Array {
	const resvg = new Resvg(markup, {
		fitTo: { mode: 'zoom', value: scale },
		font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }
	});
	return setPngDpi(new Uint8Array(resvg.render().asPng()), 300);
}

describe('standalone SVG', () => {
	it('is well-formed XML with xmlns, full size and a viewBox that includes the padding', () => {
		const markup = serialiseSvg(standalone().element);
		const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
		expect(parsed.querySelector('parsererror')).toBeNull();
		const root = parsed.documentElement;
		expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
		expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
		expect(root.getAttribute('width')).toBe(String(WIDTH));
		expect(root.getAttribute('height')).toBe(String(HEIGHT));
		expect(root.getAttribute('viewBox')).toBe(`-150 -70 ${WIDTH} ${HEIGHT}`);
		writeFileSync(join(out, 'chart.svg'), markup);
	});

	it('carries title, marks and footer, drops what is marked for the screen only', () => {
		const el = standalone().element;
		const text = el.textContent ?? '';
		expect(text).toContain(spec.title);
		expect(text).toContain('Sources: Fixture 2015');
		expect(el.querySelectorAll('circle')).toHaveLength(2);
		expect(el.querySelector('.tooltip-target')).toBeNull();
		expect(el.querySelector('title')?.textContent).toBe(spec.title);
		expect(el.querySelector('desc')?.textContent).toBe(spec.description);
	});

	it('resolves every CSS variable to a real colour in the light theme, even when the page is dark', () => {
		const el = standalone(exportThemeFor(document.documentElement.dataset.theme));
		const markup = serialiseSvg(el.element);
		expect(markup).not.toContain('var(');
		expect(markup).not.toContain('style=');
		expect(el.element.querySelector('.marks circle')?.getAttribute('fill')).toBe('#4477aa');
		expect(el.element.querySelector('#background')?.getAttribute('fill')).toBe('#ffffff');
		expect(document.documentElement.dataset.theme).toBe('dark');
	});

	it('uses the projector palette when the user presents with it', () => {
		const el = standalone('projector').element;
		expect(el.querySelector('.marks circle')?.getAttribute('fill')).toBe('#004488');
		expect(el.querySelector('.chart-title')?.getAttribute('fill')).toBe('#000000');
	});

	it('names a font on every text and gives groups stable, readable ids', () => {
		const el = standalone().element;
		for (const text of el.querySelectorAll('text')) {
			expect(text.getAttribute('font-family')).toMatch(/sans-serif/);
		}
		const ids = [...el.querySelectorAll('g[id]')].map((g) => g.id);
		expect(ids).toEqual(
			expect.arrayContaining(['title', 'marks', 'footer', 'grid', 'interval', 'interval-2'])
		);
		expect(new Set(ids).size).toBe(ids.length);
		expect(el.outerHTML).not.toMatch(/svelte-[a-z0-9]+/);
	});

	it.each([
		['rgb(68, 119, 170)', '#4477aa', 1],
		['rgba(0, 0, 0, 0.5)', '#000000', 0.5],
		['rgba(0, 0, 0, 0)', 'none', 1],
		['none', 'none', 1]
	])('colour %s → %s (alpha %d)', (input, colour, alpha) => {
		expect(toHexColour(input)).toEqual({ colour, alpha });
	});
});

describe('PNG', () => {
	it.each([1, 2, 4])('at %d× has the scaled size and says 300 dpi', (scale) => {
		const png = rasterise(serialiseSvg(standalone().element), scale);
		const info = readPngInfo(png);
		expect(info.width).toBe(WIDTH * scale);
		expect(info.height).toBe(HEIGHT * scale);
		expect(info.pxPerMetre).toEqual({ x: 11811, y: 11811 });
		expect(info.dpi).toBe(300);
		// Every chunk's CRC is right (checked with node's zlib, not our own CRC).
		for (const chunk of pngChunks(png)) {
			const typeAndData = png.subarray(chunk.offset + 4, chunk.offset + 8 + chunk.data.length);
			const stored = new DataView(png.buffer, png.byteOffset).getUint32(
				chunk.offset + 8 + chunk.data.length
			);
			expect(crc32(typeAndData) >>> 0).toBe(stored);
		}
		const types = pngChunks(png).map((c) => c.type);
		expect(types.indexOf('pHYs')).toBeLessThan(types.indexOf('IDAT'));
		writeFileSync(join(out, `chart-${scale}x.png`), png);
	});

	it('replaces an existing pHYs instead of adding a second', () => {
		const png = setPngDpi(setPngDpi(rasterise(serialiseSvg(standalone().element), 1), 72), 300);
		expect(pngChunks(png).filter((c) => c.type === 'pHYs')).toHaveLength(1);
		expect(readPngInfo(png).dpi).toBe(300);
	});
});

describe('PPTX', () => {
	it('has one 16:9 slide per chart with the image, a title, a footer and notes with every figure', async () => {
		const png = rasterise(serialiseSvg(standalone().element), 4);
		const image = { data: pngDataUrl(png), width: WIDTH * 4, height: HEIGHT * 4 };
		const bytes = await pptxBytes(
			[
				{ spec, rows, image },
				{ spec: { ...spec, id: 'second', title: 'Second chart' }, rows: rows.slice(0, 1), image }
			],
			{ locale: 'en' }
		);
		writeFileSync(join(out, 'deck.pptx'), bytes);
		const zip = await JSZip.loadAsync(bytes);
		const files = Object.keys(zip.files);
		expect(files.filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))).toHaveLength(2);
		expect(files.some((f) => /^ppt\/media\/image.*\.png$/.test(f))).toBe(true);
		const presentation = await zip.file('ppt/presentation.xml')!.async('string');
		expect(presentation).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
		const slide = await zip.file('ppt/slides/slide1.xml')!.async('string');
		expect(slide).toContain(spec.title);
		expect(slide).toContain('Dataset 2025.01-1');
		expect(slide).toContain('<p:pic>');
		const notes = await zip.file('ppt/notesSlides/notesSlide1.xml')!.async('string');
		const decoded = notes
			.replace(/&quot;/g, '"')
			.replace(/&apos;/g, "'")
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&amp;/g, '&');
		for (const row of rows) expect(decoded).toContain(figureNote(row, 'en'));
		expect(notes).toContain('95% CI 36–50%, Clopper–Pearson');
		expect(notes).toContain('Source: Fixture 2015, Table 2');
		const media = files.find((f) => /^ppt\/media\/image.*\.png$/.test(f))!;
		const embedded = await zip.file(media)!.async('uint8array');
		expect(readPngInfo(embedded).width).toBe(WIDTH * 4);
	});
});

describe('PDF', () => {
	beforeAll(() => {
		// jsdom lays nothing out; svg2pdf asks text for its box. Measure with jsPDF's metrics.
		const proto = window.SVGElement.prototype as unknown as { getBBox: () => DOMRect };
		proto.getBBox = function (this: SVGElement) {
			const size = parseFloat(this.getAttribute('font-size') ?? '') || 16;
			const width = new jsPDF().getStringUnitWidth(this.textContent ?? '') * size;
			return { x: 0, y: 0, width, height: size } as DOMRect;
		};
	});

	it('is one page the size of the chart with selectable title, figures and sources', async () => {
		const el = standalone().element;
		const bytes = await chartPdf(el, spec, {
			width: WIDTH,
			height: HEIGHT,
			loadFont: async (url) =>
				new Uint8Array(readFileSync(join(FONT_DIR, url.split('/').pop()!.split('?')[0])))
		});
		const file = join(out, 'chart.pdf');
		writeFileSync(file, bytes);
		const info = execFileSync('pdfinfo', [file]).toString();
		expect(info).toMatch(/Pages:\s+1/);
		expect(info).toMatch(/Page size:\s+480 x 300 pts/);
		expect(info).toMatch(new RegExp(`Title:\\s+${spec.title}`));
		expect(info).toMatch(new RegExp(`Subject:\\s+${spec.subtitle}`));
		const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
		expect(text).toContain(spec.title);
		expect(text).toContain('Fixture 2015');
		expect(text).toContain('Fixture study 1');
		// The subtitle has "≥", outside the standard fonts: the embedded font keeps it.
		expect(text).toContain('≥ 18 years');
		execFileSync('pdftoppm', ['-png', '-r', '96', '-singlefile', file, join(out, 'chart-pdf')]);
	});

	it.each([
		['Complete remission – 95% CI', true],
		['≥ 18 years', false],
		['−4.3', false],
		['€ “quoted” é', true]
	])('%j fits the standard fonts: %s', (text, fits) => {
		expect(fitsStandardFonts(text)).toBe(fits);
	});
});

it('writes its files for a person to look at', () => {
	expect(out).toContain('export-test-');
	console.info(`export test files in ${out}`);
});
