/**
 * PowerPoint (pptxgenjs, loaded on demand): 16:9 slides with an editable title, subtitle
 * and footer (sources, dataset version, disclaimer), the chart as a picture, and speaker
 * notes listing every figure with its CI, method and source. Nothing on a slide is under
 * 18 pt (slide-layout.ts); a chart taller than a slide comes as several pictures (pages),
 * one slide each, titled "(continued)" after the first (which alone has the subtitle),
 * each with the legend, axis and footer.
 *
 * The picture is a PNG, with the SVG it was drawn from attached as the OOXML SVG
 * extension (`asvg:svgBlip` inside `a:blip`): PowerPoint 365 draws the vector and keeps
 * it editable; LibreOffice, Keynote, Google Slides and older PowerPoint show the PNG
 * (4×, sharp on a 4K projector).
 */
import type { ChartSpec, TidyRow } from '$lib/charts/spec';
import type { Locale } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { slideNotes } from './notes';
import { SLIDE, SLIDE_TYPE, slideFrame, type SlidePicture } from './slide-layout';

export { SLIDE };

export const PPTX_MIME =
	'application/vnd.openxmlformats-officedocument.presentationml.presentation';

export type SlideImage = SlidePicture;

export interface DeckSlide {
	spec: ChartSpec;
	rows: TidyRow[];
	/** The chart's picture when it fits one slide. */
	image: SlideImage;
	/** A chart cut for slides: one picture per slide, in order (replaces `image`). */
	pages?: SlideImage[];
}

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

/** The text of a chart's slides: title (and its continued form), subtitle, footer paragraphs. */
export function slideTexts(spec: ChartSpec, locale: Locale, shownSources = spec.sources) {
	const opts = { locale: locale as 'en' };
	return {
		title: spec.title,
		continued: `${spec.title} ${m.export_slide_continued({}, opts)}`,
		subtitle: spec.subtitle,
		footer: [
			...(shownSources.length
				? [m.export_footer_sources({ sources: [...new Set(shownSources)].join('; ') }, opts)]
				: []),
			`${m.export_footer_dataset({ version: spec.datasetVersion }, opts)} · ${m.export_disclaimer({}, opts)}`
		]
	};
}

export interface PptxOptions {
	locale: Locale;
	/** Presentation title (file properties). */
	title?: string;
	/** Theme colours in hex without '#'. */
	ink?: string;
	muted?: string;
}

/** Builds the presentation; returns it with the SVG of each slide's picture (by slide, from 0). */
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
	const svgs: (string | undefined)[] = [];

	for (const { spec, rows, image, pages } of slides) {
		const pictures = pages?.length ? pages : [image];
		pictures.forEach((picture, i) => {
			// A page of a split chart names the sources of the rows it shows.
			const texts = slideTexts(spec, options.locale, picture.sources ?? spec.sources);
			// A continued slide is titled so and leaves the subtitle to the first (its room goes
			// to rows); legend, axis and footer are on every slide.
			const title = i === 0 ? texts.title : texts.continued;
			const subtitle = i === 0 ? texts.subtitle : '';
			const frame = slideFrame({ title, subtitle, footer: texts.footer });
			const slide = pptx.addSlide();
			slide.background = { color: 'FFFFFF' };
			const text = { fontFace, valign: 'top' as const, margin: 0 };
			slide.addText(title, {
				...text,
				...frame.title,
				fontSize: SLIDE_TYPE.title,
				bold: true,
				color: ink
			});
			if (subtitle)
				slide.addText(subtitle, {
					...text,
					...frame.subtitle,
					fontSize: SLIDE_TYPE.subtitle,
					color: muted
				});
			const box = fitImage(picture, frame.chart);
			slide.addImage({ data: picture.data, ...box, altText: spec.description });
			svgs.push(picture.svg);
			slide.addText(texts.footer.join('\n'), {
				...text,
				...frame.footer,
				valign: 'bottom',
				fontSize: SLIDE_TYPE.footer,
				color: muted
			});
			slide.addNotes(slideNotes(spec, rows, options.locale));
		});
	}
	return { pptx, svgs };
}

const SVG_EXT = '{96DAC541-7B7A-43D3-8B79-37D633B846F1}';
const SVG_NS_OOXML = 'http://schemas.microsoft.com/office/drawing/2016/SVG/main';
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

/**
 * Adds each slide's SVG beside its PNG: the media file, a relationship, and the
 * `asvg:svgBlip` extension in the picture's `a:blip` (the PNG stays the main blip).
 */
export async function attachSvgPictures(
	bytes: Uint8Array,
	svgs: (string | undefined)[]
): Promise<Uint8Array> {
	if (!svgs.some(Boolean)) return bytes;
	const { default: JSZip } = await import('jszip');
	const zip = await JSZip.loadAsync(bytes);
	for (const [i, svg] of svgs.entries()) {
		if (!svg) continue;
		const n = i + 1;
		const slidePath = `ppt/slides/slide${n}.xml`;
		const relsPath = `ppt/slides/_rels/slide${n}.xml.rels`;
		const [slideXml, rels] = await Promise.all([
			zip.file(slidePath)?.async('string'),
			zip.file(relsPath)?.async('string')
		]);
		if (!slideXml || !rels) continue;
		const embed = /<a:blip r:embed="(rId\d+)"\s*(\/>|>\s*<\/a:blip>)/.exec(slideXml);
		if (!embed) continue;
		const rid = 'rIdChartSvg';
		zip.file(`ppt/media/chart-${n}.svg`, svg);
		zip.file(
			relsPath,
			rels.replace(
				'</Relationships>',
				`<Relationship Id="${rid}" Type="${IMAGE_REL}" Target="../media/chart-${n}.svg"/></Relationships>`
			)
		);
		zip.file(
			slidePath,
			slideXml.replace(
				embed[0],
				`<a:blip r:embed="${embed[1]}"><a:extLst><a:ext uri="${SVG_EXT}"><asvg:svgBlip xmlns:asvg="${SVG_NS_OOXML}" r:embed="${rid}"/></a:ext></a:extLst></a:blip>`
			)
		);
	}
	const types = await zip.file('[Content_Types].xml')?.async('string');
	if (types && !/Extension="svg"/.test(types)) {
		zip.file(
			'[Content_Types].xml',
			types.replace('<Default ', '<Default Extension="svg" ContentType="image/svg+xml"/><Default ')
		);
	}
	return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The .pptx file bytes (browser and node). */
export async function pptxBytes(slides: DeckSlide[], options: PptxOptions): Promise<Uint8Array> {
	const { pptx, svgs } = await buildPresentation(slides, options);
	const out = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
	return attachSvgPictures(out, svgs);
}
