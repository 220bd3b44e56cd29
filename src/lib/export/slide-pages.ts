/**
 * A chart taller than a slide, cut into slide pictures: each page is the chart's header
 * band (legend, column headings), a run of whole rows and the axis, stacked. Each band is
 * a clipped copy of the standalone chart; marks entirely outside a band are dropped from
 * its copy, so a page's file holds only the text it shows.
 *
 * Where each mark sits is measured on the drawn chart (`markSpans`) before it is cloned:
 * the clone keeps the `data-slide-span` attribute, and the page drops it again.
 */
import type { SlideBands } from '$lib/charts/slide-bands';
import type { SlidePage } from './slide-layout';
import { SVG_NS } from './svg';

const SPAN_ATTR = 'data-slide-span';
// Marks: the drawn leaves, and every group that stands for one figure (data-key).
const LEAVES = 'text, line, path, rect, circle, ellipse, polygon, polyline, use, image, [data-key]';

/** Tags every mark of the drawn `svg` with its vertical extent in plot coordinates. */
export function markSpans(svg: SVGSVGElement): void {
	const origin = svg.getBoundingClientRect().top;
	for (const el of svg.querySelectorAll(LEAVES)) {
		const box = el.getBoundingClientRect();
		if (!box.width && !box.height) continue;
		el.setAttribute(
			SPAN_ATTR,
			`${Math.round(box.top - origin)} ${Math.round(box.bottom - origin)}`
		);
	}
}

/** Removes the tags again (the drawn chart lives on). */
export function clearMarkSpans(svg: Element): void {
	for (const el of svg.querySelectorAll(`[${SPAN_ATTR}]`)) el.removeAttribute(SPAN_ATTR);
}

interface Band {
	top: number;
	bottom: number;
}

/** Copies the chart's graphics for one band: marks wholly outside it are left out. */
function bandCopy(source: SVGSVGElement, band: Band): Element[] {
	const skip = new Set(['title', 'desc', 'defs', 'metadata', 'style']);
	const out: Element[] = [];
	for (const child of source.children) {
		if (skip.has(child.localName) || child.id === 'background') continue;
		if (child.matches('g.title, g.footer, [data-export-role="title"]')) continue;
		const copy = child.cloneNode(true) as Element;
		for (const el of [copy, ...copy.querySelectorAll(`[${SPAN_ATTR}]`)]) {
			const span = el.getAttribute(SPAN_ATTR);
			if (!span) continue;
			const [top, bottom] = span.split(' ').map(Number);
			// Text belongs to the band its middle is in (a wrapped label reaching past its row
			// must not show a sliver on the next page); other marks to every band they cross.
			const middle = (top + bottom) / 2;
			const outside =
				el.localName === 'text'
					? middle < band.top || middle >= band.bottom
					: bottom <= band.top + 0.5 || top >= band.bottom - 0.5;
			if (outside) el.remove();
			else el.removeAttribute(SPAN_ATTR);
		}
		// Ids are the chart's once; the copies must not repeat them.
		for (const el of [copy, ...copy.querySelectorAll('[id]')]) el.removeAttribute('id');
		out.push(copy);
	}
	return out;
}

export interface PageSvg {
	element: SVGSVGElement;
	width: number;
	height: number;
}

/**
 * One slide picture of `page` (rows `from`…`to`): header, rows and axis of the standalone
 * chart `source` (see svg.ts) stacked without gaps.
 */
export function slidePageSvg(source: SVGSVGElement, bands: SlideBands, page: SlidePage): PageSvg {
	const doc = source.ownerDocument;
	const [left, , width] = (source.getAttribute('viewBox') ?? '0 0 0 0').split(' ').map(Number);
	const parts: Band[] = [bands.header, { top: page.top, bottom: page.bottom }, bands.axis];
	const height = Math.ceil(parts.reduce((h, b) => h + (b.bottom - b.top), 0));

	const svg = doc.createElementNS(SVG_NS, 'svg');
	for (const attr of ['version', 'font-family', 'data-dataset-version']) {
		const value = source.getAttribute(attr);
		if (value !== null) svg.setAttribute(attr, value);
	}
	const XMLNS = 'http://www.w3.org/2000/xmlns/';
	svg.setAttributeNS(XMLNS, 'xmlns', SVG_NS);
	svg.setAttributeNS(XMLNS, 'xmlns:xlink', 'http://www.w3.org/1999/xlink');
	svg.setAttribute('width', String(width));
	svg.setAttribute('height', String(height));
	svg.setAttribute('viewBox', `${left} 0 ${width} ${height}`);
	for (const tag of ['title', 'desc', 'defs']) {
		const el = [...source.children].find((c) => c.localName === tag);
		if (el) svg.appendChild(el.cloneNode(true));
	}
	const background = source.querySelector(':scope > #background');
	const bg = doc.createElementNS(SVG_NS, 'rect');
	bg.setAttribute('id', 'background');
	bg.setAttribute('x', String(left));
	bg.setAttribute('y', '0');
	bg.setAttribute('width', String(width));
	bg.setAttribute('height', String(height));
	bg.setAttribute('fill', background?.getAttribute('fill') ?? '#ffffff');
	svg.appendChild(bg);

	let defs = [...svg.children].find((c) => c.localName === 'defs');
	if (!defs) {
		defs = doc.createElementNS(SVG_NS, 'defs');
		svg.insertBefore(defs, bg);
	}
	let y = 0;
	(['header', 'rows', 'axis'] as const).forEach((name, i) => {
		const band = parts[i];
		const h = band.bottom - band.top;
		if (h <= 0) return;
		const clip = doc.createElementNS(SVG_NS, 'clipPath');
		clip.setAttribute('id', `slide-${name}`);
		const rect = doc.createElementNS(SVG_NS, 'rect');
		rect.setAttribute('x', String(left));
		rect.setAttribute('y', String(band.top));
		rect.setAttribute('width', String(width));
		rect.setAttribute('height', String(h));
		clip.appendChild(rect);
		defs.appendChild(clip);
		const g = doc.createElementNS(SVG_NS, 'g');
		g.setAttribute('id', name);
		g.setAttribute('clip-path', `url(#slide-${name})`);
		g.setAttribute('transform', `translate(0,${Math.round((y - band.top) * 100) / 100})`);
		for (const part of bandCopy(source, band)) g.appendChild(part);
		svg.appendChild(g);
		y += h;
	});
	return { element: svg, width, height };
}
