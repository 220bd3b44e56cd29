/**
 * A chart's `<svg>` as a standalone, export-grade SVG file.
 *
 * LayerCake places its `<svg>` inside the container's padding with CSS and draws the
 * title, axis labels and footer at negative coordinates or below the plot. Serialising
 * the element as it is would clip them and lose every colour (the page styles it with
 * CSS variables). So we work on a clone:
 * - `xmlns`, width/height = the full container, `viewBox="-padLeft -padTop W H"`;
 * - every mark gets its computed colours, strokes and fonts as presentation attributes,
 *   CSS variables resolved, `style` and Svelte's hash classes dropped;
 * - `font-family` on every `<text>` (without it canvas and PDF fall back to a serif);
 * - a background rectangle in the theme's page colour, so a PNG is never transparent;
 * - readable, stable ids on groups (`data-export-id`, else the group's first class);
 * - `<title>` and `<desc>` from the chart spec.
 */
import type { ChartSpec } from '$lib/charts/spec';

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const SVG_MIME = 'image/svg+xml;charset=utf-8';

export interface Padding {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface SvgLayout {
	/** Full size of the chart, padding included, in CSS pixels. */
	width: number;
	height: number;
	padding: Padding;
}

/**
 * Exports use the light palette, or the projector palette when the user presents with
 * it. A dark export would print as a black block and vanish on a white slide or page.
 */
export type ExportTheme = 'light' | 'projector';

export function exportThemeFor(pageTheme: string | null | undefined): ExportTheme {
	return pageTheme === 'projector' ? 'projector' : 'light';
}

/** The theme the page shows now, as set by the theme switch (`<html data-theme>`). */
export function currentExportTheme(doc: Document = document): ExportTheme {
	return exportThemeFor(doc.documentElement.getAttribute('data-theme'));
}

/**
 * Runs `fn` with `<html data-theme>` set to the export theme, synchronously, so styles
 * resolve to that palette. No frame is painted in between, so the page does not flicker.
 */
export function withTheme<T>(theme: ExportTheme, fn: () => T, doc: Document = document): T {
	const root = doc.documentElement;
	const previous = root.getAttribute('data-theme');
	if (previous === theme) return fn();
	root.setAttribute('data-theme', theme);
	try {
		return fn();
	} finally {
		if (previous === null) root.removeAttribute('data-theme');
		else root.setAttribute('data-theme', previous);
	}
}

function px(value: string | null | undefined): number {
	const n = parseFloat(value ?? '');
	return Number.isFinite(n) ? n : 0;
}

/** Size and padding of a LayerCake chart, read from its container and the svg's inline offsets. */
export function measureLayout(svg: SVGSVGElement): SvgLayout {
	const container = svg.parentElement;
	const padding: Padding = {
		top: px(svg.style.top),
		left: px(svg.style.left),
		right: 0,
		bottom: 0
	};
	let width = container?.clientWidth ?? 0;
	let height = container?.clientHeight ?? 0;
	if (!width || !height) {
		// Not laid out (tests, or a chart outside LayerCake): trust the viewBox or attributes.
		const box = svg.viewBox?.baseVal;
		width = px(svg.getAttribute('width')) || box?.width || 0;
		height = px(svg.getAttribute('height')) || box?.height || 0;
	} else {
		const rect = svg.getBoundingClientRect();
		padding.right = Math.max(0, width - padding.left - rect.width);
		padding.bottom = Math.max(0, height - padding.top - rect.height);
	}
	return { width: Math.round(width), height: Math.round(height), padding };
}

const PAINT = ['fill', 'stroke'] as const;
const SHAPE_PROPS = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-opacity',
	'stroke-dasharray',
	'stroke-linecap',
	'stroke-linejoin',
	'opacity'
];
const TEXT_PROPS = [
	'font-family',
	'font-size',
	'font-weight',
	'font-style',
	'text-anchor',
	'dominant-baseline',
	'letter-spacing',
	'text-decoration'
];
const SHAPES = new Set([
	'path',
	'line',
	'rect',
	'circle',
	'ellipse',
	'polyline',
	'polygon',
	'text',
	'tspan',
	'textPath',
	'use',
	'image'
]);
const TEXTS = new Set(['text', 'tspan', 'textPath']);
/** Values that equal SVG's initial values: no need to write them. */
const DEFAULTS: Record<string, string[]> = {
	'fill-opacity': ['1'],
	'stroke-opacity': ['1'],
	opacity: ['1'],
	'stroke-dasharray': ['none'],
	'stroke-linecap': ['butt'],
	'stroke-linejoin': ['miter'],
	'font-style': ['normal'],
	'text-anchor': ['start'],
	'dominant-baseline': ['auto'],
	'letter-spacing': ['normal', '0px'],
	'text-decoration': ['none'],
	'text-decoration-line': ['none']
};

/** Svelte's scoped-style classes (`svelte-1x2y3z`) and LayerCake's own mean nothing outside the page. */
const NOISE_CLASS = /^(svelte-[a-z0-9]+|s-[a-zA-Z0-9_-]+|layercake-.*)$/;

/** The generic family every export ends with, so a missing font never becomes a serif. */
export const FALLBACK_FONT =
	"'Inter', 'Segoe UI', 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";

/** Replaces `var(--x, fallback)` with the value of `--x` on the root, recursively. */
export function resolveCssVars(value: string, root: CSSStyleDeclaration | null): string {
	let out = value;
	for (let i = 0; i < 10 && out.includes('var('); i++) {
		out = out.replace(
			/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\))?[^()]*))?\)/g,
			(_, name: string, fallback?: string) =>
				root?.getPropertyValue(name).trim() || fallback?.trim() || ''
		);
	}
	return out;
}

/** "rgb(68, 119, 170)" → "#4477aa", with the alpha returned apart; "transparent" → none. */
export function toHexColour(value: string): { colour: string; alpha: number } {
	const v = value.trim().toLowerCase();
	const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(v);
	if (short)
		return {
			colour: `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`,
			alpha: 1
		};
	const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(
		v
	);
	if (!m) return { colour: v === 'transparent' ? 'none' : v, alpha: 1 };
	const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? px(m[4]) / 100 : px(m[4]);
	if (alpha === 0) return { colour: 'none', alpha: 1 };
	const hex = [m[1], m[2], m[3]]
		.map((c) =>
			Math.round(Math.min(255, px(c)))
				.toString(16)
				.padStart(2, '0')
		)
		.join('');
	return { colour: `#${hex}`, alpha };
}

function multiplyOpacity(el: Element, name: string, alpha: number): void {
	if (alpha === 1) return;
	const current = el.hasAttribute(name) ? px(el.getAttribute(name)) : 1;
	el.setAttribute(name, String(Math.round(current * alpha * 1000) / 1000));
}

const computedHonoursAttributes = new WeakMap<Document, boolean>();

/**
 * Whether this engine's getComputedStyle reflects SVG presentation attributes (every
 * browser does; jsdom does not). Without it we read the declared values instead.
 */
function honoursAttributes(doc: Document): boolean {
	let known = computedHonoursAttributes.get(doc);
	if (known === undefined) {
		const probe = doc.createElementNS(SVG_NS, 'svg');
		const rect = doc.createElementNS(SVG_NS, 'rect');
		rect.setAttribute('fill', '#010203');
		probe.appendChild(rect);
		(doc.body ?? doc.documentElement).appendChild(probe);
		const fill = doc.defaultView?.getComputedStyle(rect).getPropertyValue('fill') ?? '';
		probe.remove();
		known = toHexColour(fill).colour === '#010203';
		computedHonoursAttributes.set(doc, known);
	}
	return known;
}

const UNRESOLVED = /var\(|depends on user agent/;

/** Writes the computed look of `source` onto `target` as presentation attributes. */
function inlineStyle(
	source: Element,
	target: Element,
	rootStyle: CSSStyleDeclaration | null
): void {
	const view = source.ownerDocument.defaultView;
	if (!view) return;
	const computed = view.getComputedStyle(source);
	const trustComputed = honoursAttributes(source.ownerDocument);
	const inline = (source as SVGElement).style;
	const tag = source.localName;
	const props = TEXTS.has(tag) ? [...SHAPE_PROPS, ...TEXT_PROPS] : SHAPE_PROPS;
	for (const prop of props) {
		let value = computed.getPropertyValue(prop).trim();
		const declared = inline?.getPropertyValue(prop).trim() || source.getAttribute(prop)?.trim();
		if (declared && (!trustComputed || !value || UNRESOLVED.test(value))) value = declared;
		value = resolveCssVars(value, rootStyle);
		if (UNRESOLVED.test(value)) value = '';
		if (!value || DEFAULTS[prop]?.includes(value)) {
			target.removeAttribute(prop);
			continue;
		}
		if ((PAINT as readonly string[]).includes(prop)) {
			if (value.startsWith('url(')) {
				target.setAttribute(
					prop,
					value.replace(/url\(["']?[^#]*#/, 'url(#').replace(/["']\)/, ')')
				);
				continue;
			}
			const { colour, alpha } = toHexColour(value);
			target.setAttribute(prop, colour);
			multiplyOpacity(target, `${prop}-opacity`, alpha);
			continue;
		}
		if (prop === 'stroke-width' && target.getAttribute('stroke') === 'none') continue;
		if (prop === 'stroke-dasharray') value = value.replace(/px/g, '').replace(/\s*,\s*/g, ' ');
		if (prop === 'font-size' || prop === 'stroke-width') {
			// Computed sizes are in px; anything else ("medium" in jsdom) is left to inherit.
			if (!/^[\d.]+(px)?$/.test(value)) continue;
			value = `${px(value)}`;
		}
		target.setAttribute(prop, value);
	}
	if (tag === 'text' && !target.getAttribute('font-family')) {
		target.setAttribute('font-family', FALLBACK_FONT);
	}
}

function isHidden(el: Element): boolean {
	if (el.hasAttribute('data-export-ignore')) return true;
	if (el.localName === 'foreignObject') return true;
	const view = el.ownerDocument.defaultView;
	if (!view || !(el instanceof view.Element)) return false;
	const computed = view.getComputedStyle(el);
	return computed.display === 'none' || computed.visibility === 'hidden';
}

function tidyAttributes(el: Element): void {
	el.removeAttribute('style');
	el.removeAttribute('tabindex');
	el.removeAttribute('focusable');
	for (const attr of [...el.attributes]) {
		if (attr.name.startsWith('on') || attr.name.startsWith('data-svelte')) {
			el.removeAttribute(attr.name);
		}
	}
	const classes = (el.getAttribute('class') ?? '')
		.split(/\s+/)
		.filter((c) => c && !NOISE_CLASS.test(c));
	if (classes.length) el.setAttribute('class', classes.join(' '));
	else el.removeAttribute('class');
}

function slugId(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9_-]+/g, '-')
		.replace(/^[^a-z]+/, '')
		.replace(/-+$/, '');
}

/** Gives every group a readable id, unique in the file; keeps ids that are already there. */
function nameGroups(root: Element): void {
	const taken = new Set<string>();
	for (const el of root.querySelectorAll('[id]')) taken.add(el.id);
	for (const g of root.querySelectorAll('g')) {
		const wanted = g.getAttribute('data-export-id');
		if (g.id && !wanted) continue;
		const base = slugId(
			wanted ??
				(g.getAttribute('class') ?? '').split(/\s+/).find((c) => c && !NOISE_CLASS.test(c)) ??
				''
		);
		if (!base) continue;
		if (g.id) taken.delete(g.id);
		let id = base;
		for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
		g.id = id;
		taken.add(id);
	}
}

function setChildText(svg: Element, tag: 'title' | 'desc', text: string): void {
	if (!text) return;
	let el = [...svg.children].find((c) => c.localName === tag);
	if (!el) {
		el = svg.ownerDocument.createElementNS(SVG_NS, tag);
		const after = tag === 'desc' ? [...svg.children].find((c) => c.localName === 'title') : null;
		svg.insertBefore(el, after ? after.nextSibling : svg.firstChild);
	}
	el.textContent = text;
}

export interface StandaloneOptions {
	/** Measured from the DOM when omitted. */
	layout?: SvgLayout;
	/** Resolve colours in this theme (default: light, or projector when the page shows it). */
	theme?: ExportTheme;
	/** Page background for the background rectangle; `--bg` of the theme when omitted. */
	background?: string;
}

export interface StandaloneSvg {
	/** The detached clone, ready to serialise or attach. */
	element: SVGSVGElement;
	width: number;
	height: number;
	theme: ExportTheme;
}

/** Builds the standalone clone of a chart's `<svg>` (see the module comment). */
export function standaloneSvg(
	svg: SVGSVGElement,
	spec: Pick<ChartSpec, 'id' | 'title' | 'description' | 'datasetVersion'>,
	options: StandaloneOptions = {}
): StandaloneSvg {
	const doc = svg.ownerDocument;
	const theme = options.theme ?? currentExportTheme(doc);
	return withTheme(
		theme,
		() => {
			const layout = options.layout ?? measureLayout(svg);
			const { width, height, padding } = layout;
			const rootStyle = doc.defaultView?.getComputedStyle(doc.documentElement) ?? null;
			const clone = svg.cloneNode(true) as SVGSVGElement;

			// Walk original and clone together: same structure, so index i matches.
			const sources = [svg, ...svg.querySelectorAll('*')];
			const targets = [clone, ...clone.querySelectorAll('*')];
			const drop: Element[] = [];
			sources.forEach((source, i) => {
				const target = targets[i];
				if (i > 0 && isHidden(source)) {
					drop.push(target);
					return;
				}
				if (SHAPES.has(source.localName)) inlineStyle(source, target, rootStyle);
				tidyAttributes(target);
			});
			for (const el of drop) el.remove();
			// Svelte's hydration markers and other comments mean nothing in a file.
			const walker = doc.createTreeWalker(clone, 128 /* NodeFilter.SHOW_COMMENT */);
			const comments: Node[] = [];
			while (walker.nextNode()) comments.push(walker.currentNode);
			for (const c of comments) c.parentNode?.removeChild(c);

			const XMLNS = 'http://www.w3.org/2000/xmlns/';
			clone.setAttributeNS(XMLNS, 'xmlns', SVG_NS);
			clone.setAttributeNS(XMLNS, 'xmlns:xlink', 'http://www.w3.org/1999/xlink');
			clone.setAttribute('version', '1.1');
			clone.setAttribute('width', String(width));
			clone.setAttribute('height', String(height));
			clone.setAttribute('viewBox', `${-padding.left} ${-padding.top} ${width} ${height}`);
			clone.setAttribute('id', slugId(spec.id) || 'chart');
			clone.setAttribute('font-family', FALLBACK_FONT);
			if (spec.datasetVersion) clone.setAttribute('data-dataset-version', spec.datasetVersion);
			for (const attr of ['aria-hidden', 'overflow']) clone.removeAttribute(attr);
			clone.setAttribute('overflow', 'visible');
			for (const text of clone.querySelectorAll('text')) {
				if (!text.getAttribute('font-family')) text.setAttribute('font-family', FALLBACK_FONT);
			}
			nameGroups(clone);

			setChildText(clone, 'title', spec.title);
			setChildText(clone, 'desc', spec.description);

			const background = doc.createElementNS(SVG_NS, 'rect');
			background.setAttribute('id', 'background');
			background.setAttribute('x', String(-padding.left));
			background.setAttribute('y', String(-padding.top));
			background.setAttribute('width', String(width));
			background.setAttribute('height', String(height));
			const bg = options.background ?? resolveCssVars('var(--bg, #ffffff)', rootStyle);
			background.setAttribute('fill', toHexColour(bg || '#ffffff').colour);
			const firstGraphic = [...clone.children].find(
				(c) => !['title', 'desc', 'defs', 'metadata', 'style'].includes(c.localName)
			);
			clone.insertBefore(background, firstGraphic ?? null);

			return { element: clone, width, height, theme };
		},
		doc
	);
}

/** The file text: XML declaration and the serialised clone. */
export function serialiseSvg(element: SVGSVGElement): string {
	const markup = new XMLSerializer().serializeToString(element);
	return `<?xml version="1.0" encoding="UTF-8"?>\n${markup}\n`;
}

export function svgBlob(markup: string): Blob {
	return new Blob([markup], { type: SVG_MIME });
}
