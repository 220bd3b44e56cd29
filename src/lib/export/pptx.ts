/**
 * PowerPoint (pptxgenjs, loaded on demand): one 16:9 slide per chart with the chart as
 * a 4× PNG, an editable slide title, a footer with sources and dataset version, and
 * speaker notes listing every figure with its CI, method and source.
 *
 * Why PNG and not SVG: PowerPoint 365 draws SVG, but Keynote, Google Slides, LibreOffice
 * and older PowerPoint show only the fallback, and SVG text is re-typeset by each of
 * them. A 4× PNG looks the same everywhere and stays sharp on a 4K projector; the SVG
 * download is there for anyone who wants to edit the vector.
 */
import type { ChartSpec, TidyRow } from '$lib/charts/spec';
import type { Locale } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { slideNotes } from './notes';

export const PPTX_MIME =
	'application/vnd.openxmlformats-officedocument.presentationml.presentation';

export interface SlideImage {
	/** `data:image/png;base64,…` */
	data: string;
	/** Pixel size of the PNG (any scale); only the aspect ratio matters. */
	width: number;
	height: number;
}

export interface DeckSlide {
	spec: ChartSpec;
	rows: TidyRow[];
	image: SlideImage;
}

/** LAYOUT_WIDE, PowerPoint's own 16:9: 13.333 × 7.5 inches. */
export const SLIDE = { width: 13.333, height: 7.5 } as const;
const MARGIN = 0.45;
// PowerPoint shrinks text to its box only once someone edits it, so boxes are sized
// for two lines of subtitle and footer at these sizes.
const TITLE = { y: 0.3, h: 0.7, size: 28 };
const SUBTITLE = { y: 0.98, h: 0.62, size: 14 };
const FOOTER = { h: 0.45, size: 9 };

/** Largest box of the image's aspect ratio inside the area, centred across, at the top. */
export function fitImage(
	image: { width: number; height: number },
	area: { x: number; y: number; w: number; h: number }
): { x: number; y: number; w: number; h: number } {
	const ratio = image.width / image.height;
	let w = area.w;
	let h = w / ratio;
	if (h > area.h) {
		h = area.h;
		w = h * ratio;
	}
	return { x: area.x + (area.w - w) / 2, y: area.y, w, h };
}

type PptxModule = typeof import('pptxgenjs');

async function loadPptx(): Promise<PptxModule['default']> {
	const mod = (await import('pptxgenjs')) as unknown as { default: PptxModule['default'] };
	return mod.default;
}

function footerText(spec: ChartSpec, locale: Locale): string {
	const opts = { locale: locale as 'en' };
	return [
		m.export_footer_sources({ sources: spec.sources.join('; ') }, opts),
		m.export_footer_dataset({ version: spec.datasetVersion }, opts)
	].join('  ·  ');
}

export interface PptxOptions {
	locale: Locale;
	/** Presentation title (file properties). */
	title?: string;
	/** Theme colours in hex without '#'. */
	ink?: string;
	muted?: string;
}

export async function buildPresentation(slides: DeckSlide[], options: PptxOptions) {
	const PptxGenJS = await loadPptx();
	const pptx = new PptxGenJS();
	pptx.layout = 'LAYOUT_WIDE';
	const first = slides[0]?.spec;
	pptx.title = options.title ?? first?.title ?? 'Charts';
	pptx.subject = first ? `${first.medicine}; dataset ${first.datasetVersion}` : '';
	pptx.company = 'Trial evidence dashboard';
	const ink = options.ink ?? '1B1F24';
	const muted = options.muted ?? '57606A';
	const fontFace = 'Arial';

	for (const { spec, rows, image } of slides) {
		const slide = pptx.addSlide();
		slide.background = { color: 'FFFFFF' };
		slide.addText(spec.title, {
			x: MARGIN,
			y: TITLE.y,
			w: SLIDE.width - 2 * MARGIN,
			h: TITLE.h,
			fontFace,
			fontSize: TITLE.size,
			bold: true,
			color: ink,
			valign: 'top',
			fit: 'shrink'
		});
		slide.addText(spec.subtitle, {
			x: MARGIN,
			y: SUBTITLE.y,
			w: SLIDE.width - 2 * MARGIN,
			h: SUBTITLE.h,
			fontFace,
			fontSize: SUBTITLE.size,
			color: muted,
			valign: 'top',
			fit: 'shrink'
		});
		const areaTop = SUBTITLE.y + SUBTITLE.h + 0.05;
		const areaBottom = SLIDE.height - FOOTER.h - 0.2;
		const box = fitImage(image, {
			x: MARGIN,
			y: areaTop,
			w: SLIDE.width - 2 * MARGIN,
			h: areaBottom - areaTop
		});
		slide.addImage({ data: image.data, ...box, altText: spec.description });
		slide.addText(footerText(spec, options.locale), {
			x: MARGIN,
			y: SLIDE.height - FOOTER.h - 0.12,
			w: SLIDE.width - 2 * MARGIN,
			h: FOOTER.h,
			fontFace,
			fontSize: FOOTER.size,
			color: muted,
			valign: 'bottom',
			fit: 'shrink'
		});
		slide.addNotes(slideNotes(spec, rows, options.locale));
	}
	return pptx;
}

/** The .pptx file bytes (browser and node). */
export async function pptxBytes(slides: DeckSlide[], options: PptxOptions): Promise<Uint8Array> {
	const pptx = await buildPresentation(slides, options);
	const out = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
	return out;
}
