/**
 * Vector PDF of a chart (jspdf + svg2pdf.js, loaded on demand): one page the size of the
 * chart, text kept as text (selectable and searchable), title/subject/keywords set.
 *
 * The PDF standard fonts only know Windows-1252. When a chart's text has anything else
 * (a minus sign −, ≥, ≤ …) we embed DejaVu Sans instead of printing wrong glyphs.
 * svg2pdf measures text, so the SVG must be attached to a document while it runs.
 */
import type { ChartSpec } from '$lib/charts/spec';
import regularUrl from './fonts/DejaVuSans.ttf?url';
import boldUrl from './fonts/DejaVuSans-Bold.ttf?url';

export const PDF_MIME = 'application/pdf';
export const UNICODE_FONT = 'DejaVu Sans';
/** CSS pixels to PDF points. */
export const PT_PER_PX = 0.75;

// Windows-1252 beyond Latin-1: the characters the standard fonts also have.
const CP1252_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/** True when every character is printable with the PDF standard fonts. */
export function fitsStandardFonts(text: string): boolean {
	for (const ch of text) {
		const code = ch.codePointAt(0)!;
		if (code === 9 || code === 10 || code === 13) continue;
		if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) continue;
		if (CP1252_EXTRA.includes(ch)) continue;
		return false;
	}
	return true;
}

function base64(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return btoa(binary);
}

export type FontLoader = (url: string) => Promise<Uint8Array>;

const fetchFont: FontLoader = async (url) => {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`Font ${url}: HTTP ${response.status}`);
	return new Uint8Array(await response.arrayBuffer());
};

/** jsPDF's font lookup wants "normal" or "bold"; CSS weights like 600 would miss. */
function normaliseFonts(svg: Element, unicode: boolean): void {
	for (const el of svg.querySelectorAll('text, tspan, textPath')) {
		const weight = el.getAttribute('font-weight');
		if (weight) {
			const bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
			el.setAttribute('font-weight', bold ? 'bold' : 'normal');
		}
		if (unicode && el.hasAttribute('font-family')) el.setAttribute('font-family', UNICODE_FONT);
	}
	if (unicode) svg.setAttribute('font-family', UNICODE_FONT);
}

export interface PdfOptions {
	width: number;
	height: number;
	/** How to read the embedded font files (tests read them from disk). */
	loadFont?: FontLoader;
	/** The document to attach the SVG to while svg2pdf measures it. */
	document?: Document;
}

type JsPdfModule = typeof import('jspdf');

/** PDF bytes of a standalone SVG (see svg.ts). The element is copied, not changed. */
export async function chartPdf(
	standalone: SVGSVGElement,
	spec: Pick<ChartSpec, 'title' | 'subtitle' | 'medicine' | 'datasetVersion' | 'sources'>,
	options: PdfOptions
): Promise<Uint8Array> {
	const doc = options.document ?? document;
	const [{ jsPDF }, { svg2pdf }] = await Promise.all([
		import('jspdf') as Promise<JsPdfModule>,
		import('svg2pdf.js/dist/svg2pdf.es.min.js')
	]);
	const width = options.width * PT_PER_PX;
	const height = options.height * PT_PER_PX;
	const pdf = new jsPDF({
		unit: 'pt',
		format: [width, height],
		orientation: width >= height ? 'landscape' : 'portrait',
		compress: true
	});
	pdf.setProperties({
		title: spec.title,
		subject: spec.subtitle,
		author: spec.sources.join('; '),
		keywords: `${spec.medicine}; dataset ${spec.datasetVersion}`,
		creator: 'Trial evidence dashboard'
	});
	pdf.setLanguage?.(doc.documentElement.lang === 'nl' ? 'nl' : 'en-GB');
	pdf.setDisplayMode?.('fullpage');

	const copy = standalone.cloneNode(true) as SVGSVGElement;
	const unicode = !fitsStandardFonts(
		[...copy.querySelectorAll('text')].map((t) => t.textContent ?? '').join('')
	);
	if (unicode) {
		const load = options.loadFont ?? fetchFont;
		const [regular, bold] = await Promise.all([load(regularUrl), load(boldUrl)]);
		pdf.addFileToVFS('DejaVuSans.ttf', base64(regular));
		pdf.addFont('DejaVuSans.ttf', UNICODE_FONT, 'normal');
		pdf.addFileToVFS('DejaVuSans-Bold.ttf', base64(bold));
		pdf.addFont('DejaVuSans-Bold.ttf', UNICODE_FONT, 'bold');
	}
	normaliseFonts(copy, unicode);

	const host = doc.createElement('div');
	host.setAttribute('aria-hidden', 'true');
	host.style.cssText = 'position:absolute;left:-100000px;top:0;width:0;height:0;overflow:hidden';
	host.appendChild(copy);
	doc.body.appendChild(host);
	try {
		await svg2pdf(copy, pdf, { x: 0, y: 0, width, height });
	} finally {
		host.remove();
	}
	return new Uint8Array(pdf.output('arraybuffer'));
}
