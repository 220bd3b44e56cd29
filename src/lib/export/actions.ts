/**
 * What each item of the Export menu does, as plain async functions the menu and the
 * presentation page share. Heavy libraries (exceljs, jspdf, pptxgenjs) are imported
 * on first use, so they never weigh on a page's first load.
 */
import type { ChartSpec, TidyRow } from '$lib/charts/spec';
import { EXPORT_BEGIN, EXPORT_END } from '$lib/charts/export-events';
import type { Locale } from '$lib/format';
import { csvBlob } from './csv';
import { bytesBlob } from './download';
import { exportFileName } from './filename';
import { rasteriseSvg, pngDataUrl, type PngScale } from './png';
import type { ExportSource } from './sources';
import {
	currentExportTheme,
	serialiseSvg,
	standaloneSvg,
	svgBlob,
	type ExportTheme,
	type StandaloneSvg
} from './svg';
import type { DeckSlide, SlideImage } from './pptx';
import type { ChartSource } from './slide-render';
import { SLIDE_BANDS_ATTR, parseSlideBands } from '$lib/charts/slide-bands';

export type ExportFormat = 'svg' | 'png1' | 'png2' | 'png4' | 'pdf' | 'csv' | 'xlsx' | 'pptx';

export interface ChartExportInput {
	spec: ChartSpec;
	rows: TidyRow[];
	svg: SVGElement | undefined;
	sources: ExportSource[];
	locale: Locale;
	disclaimer: string;
	/** The page URL, for the About sheet. */
	url?: string;
	theme?: ExportTheme;
	/** How to draw the chart again at slide size (registered charts); slides fall back to `svg`. */
	source?: ChartSource;
}

export interface ExportFile {
	blob: Blob;
	fileName: string;
}

export class NoChartError extends Error {
	constructor() {
		super('The chart is not drawn yet.');
		this.name = 'NoChartError';
	}
}

function requireSvg(svg: SVGElement | undefined): SVGSVGElement {
	if (!svg || svg.localName !== 'svg' || !svg.isConnected) throw new NoChartError();
	return svg as SVGSVGElement;
}

/**
 * How far down the chart's own title block reaches, in px from the top of the chart.
 * Slides print the title as editable slide text, so their image starts below it.
 */
export function titleBlockBottom(svg: SVGSVGElement): number {
	const title = svg.querySelector(':scope > g.title, :scope > [data-export-role="title"]');
	const container = svg.parentElement;
	if (!title || !container) return 0;
	const bottom = title.getBoundingClientRect().bottom - container.getBoundingClientRect().top;
	return Number.isFinite(bottom) && bottom > 0 ? Math.ceil(bottom) : 0;
}

/** The standalone clone, optionally cut below the title block (for slides). */
export function chartClone(
	input: Pick<ChartExportInput, 'spec' | 'svg' | 'theme'>,
	options: { withoutTitle?: boolean } = {}
): StandaloneSvg {
	const svg = requireSvg(input.svg);
	const theme = input.theme ?? currentExportTheme();
	// A chart drawing only the rows in view draws them all now (synchronously), and
	// goes back to its window once the clone is made.
	svg.dispatchEvent(new CustomEvent(EXPORT_BEGIN));
	let result: StandaloneSvg;
	try {
		result = standaloneSvg(svg, input.spec, { theme });
	} finally {
		svg.dispatchEvent(new CustomEvent(EXPORT_END));
	}
	if (options.withoutTitle) {
		const cut = titleBlockBottom(svg);
		if (cut > 0 && cut < result.height / 2) {
			const title = result.element.querySelector(
				':scope > g.title, :scope > [data-export-role="title"]'
			);
			title?.remove();
			const [x, y, w, h] = (result.element.getAttribute('viewBox') ?? '').split(' ').map(Number);
			result.element.setAttribute('viewBox', `${x} ${y + cut} ${w} ${h - cut}`);
			result.element.setAttribute('height', String(h - cut));
			result.height = h - cut;
		}
	}
	return result;
}

export interface ChartPng {
	bytes: Uint8Array;
	width: number;
	height: number;
}

export async function chartPng(
	input: Pick<ChartExportInput, 'spec' | 'svg' | 'theme'>,
	scale: PngScale,
	options: { withoutTitle?: boolean } = {}
): Promise<ChartPng> {
	const clone = chartClone(input, options);
	const bytes = await rasteriseSvg(serialiseSvg(clone.element), clone.width, clone.height, scale);
	return {
		bytes,
		width: Math.round(clone.width * scale),
		height: Math.round(clone.height * scale)
	};
}

type SlideInput = Pick<ChartExportInput, 'spec' | 'rows' | 'svg' | 'theme' | 'source'> & {
	locale?: Locale;
};

/**
 * The chart drawn again at slide size and cut into slide pictures of whole rows, each
 * with the legend and axis (see slide-pages.ts); undefined for a chart that says
 * nothing about where it may be cut, or that is not in the registry.
 */
export async function slidePictures(input: SlideInput): Promise<SlideImage[] | undefined> {
	if (!input.source) return undefined;
	const [{ renderOffscreen }, layout, { markSpans, slidePageSvg }, { slideTexts }] =
		await Promise.all([
			import('./slide-render'),
			import('./slide-layout'),
			import('./slide-pages'),
			import('./pptx')
		]);
	const drawn = await renderOffscreen(input.source, layout.SLIDE_CHART);
	if (!drawn) return undefined;
	try {
		const bands = parseSlideBands(
			drawn.svg.querySelector(`[${SLIDE_BANDS_ATTR}]`)?.getAttribute(SLIDE_BANDS_ATTR)
		);
		if (!bands) return undefined;
		markSpans(drawn.svg);
		const clone = chartClone({ spec: input.spec, svg: drawn.svg, theme: input.theme });
		// Pages are cut for their slide's frame: the first with the title and subtitle, the
		// continued ones with the longer "(continued)" title and no subtitle; each with the
		// footer of the sources its rows name. Cut, look at the sources, cut again until the
		// split no longer changes (footers only shrink, so this ends).
		const locale = input.locale ?? 'en';
		const frameFor = (sources: string[], first: boolean) => {
			const texts = slideTexts(input.spec, locale, sources);
			return layout.slideFrame({
				title: first ? texts.title : texts.continued,
				subtitle: first ? texts.subtitle : '',
				footer: texts.footer
			});
		};
		const cut = (sources: (page: number) => string[]) =>
			layout.slidePages(bands, (page) => frameFor(sources(page), page === 0).chart, clone.width);
		let pages = cut(() => input.spec.sources);
		for (let round = 0; round < 3; round++) {
			const longest = pages.reduce(
				(a, p) => (p.sources.join('; ').length > a.join('; ').length ? p.sources : a),
				[] as string[]
			);
			const next = cut(() => longest);
			const settled = next.length === pages.length;
			pages = next;
			if (settled) break;
		}
		const pictures: SlideImage[] = [];
		for (const page of pages) {
			const svg = slidePageSvg(clone.element, bands, page);
			const markup = serialiseSvg(svg.element);
			const png = await rasteriseSvg(markup, svg.width, svg.height, 4);
			pictures.push({
				data: pngDataUrl(png),
				width: svg.width * 4,
				height: svg.height * 4,
				svg: markup,
				sources: page.sources
			});
		}
		return pictures.length ? pictures : undefined;
	} finally {
		drawn.dispose();
	}
}

/**
 * The slides of a chart for the PPTX: drawn at slide size and cut into pages where the
 * chart allows it, else the chart as drawn, below its title, at 4×.
 */
export async function chartSlide(input: SlideInput): Promise<DeckSlide> {
	const pages = await slidePictures(input);
	if (pages) return { spec: input.spec, rows: input.rows, image: pages[0], pages };
	const png = await chartPng(input, 4, { withoutTitle: true });
	return {
		spec: input.spec,
		rows: input.rows,
		image: { data: pngDataUrl(png.bytes), width: png.width, height: png.height }
	};
}

export async function exportChart(
	format: ExportFormat,
	input: ChartExportInput
): Promise<ExportFile> {
	const { spec, rows } = input;
	switch (format) {
		case 'svg': {
			const clone = chartClone(input);
			return { blob: svgBlob(serialiseSvg(clone.element)), fileName: exportFileName(spec, 'svg') };
		}
		case 'png1':
		case 'png2':
		case 'png4': {
			const scale = Number(format.slice(3)) as PngScale;
			const png = await chartPng(input, scale);
			return {
				blob: bytesBlob(png.bytes, 'image/png'),
				fileName: exportFileName(spec, 'png', `${scale}x`)
			};
		}
		case 'pdf': {
			const clone = chartClone(input);
			const { chartPdf, PDF_MIME } = await import('./pdf');
			const bytes = await chartPdf(clone.element, spec, {
				width: clone.width,
				height: clone.height
			});
			return { blob: bytesBlob(bytes, PDF_MIME), fileName: exportFileName(spec, 'pdf') };
		}
		case 'csv':
			return { blob: csvBlob(rows), fileName: exportFileName(spec, 'csv') };
		case 'xlsx': {
			const { xlsxBytes, XLSX_MIME } = await import('./xlsx');
			const bytes = await xlsxBytes(spec, rows, {
				sources: input.sources,
				disclaimer: input.disclaimer,
				url: input.url
			});
			return { blob: bytesBlob(bytes, XLSX_MIME), fileName: exportFileName(spec, 'xlsx') };
		}
		case 'pptx': {
			const slide = await chartSlide(input);
			const { pptxBytes, PPTX_MIME } = await import('./pptx');
			const bytes = await pptxBytes([slide], { locale: input.locale, title: spec.title });
			return { blob: bytesBlob(bytes, PPTX_MIME), fileName: exportFileName(spec, 'pptx') };
		}
	}
}

/** The whole deck as one PPTX: each chart on one slide or more, in deck order. */
export async function exportDeck(
	charts: SlideInput[],
	locale: Locale,
	title: string,
	onProgress?: (done: number, total: number) => void
): Promise<Uint8Array> {
	const slides: DeckSlide[] = [];
	for (const chart of charts) {
		onProgress?.(slides.length, charts.length);
		slides.push(await chartSlide({ ...chart, locale }));
	}
	onProgress?.(slides.length, charts.length);
	const { pptxBytes } = await import('./pptx');
	return pptxBytes(slides, { locale, title });
}
