// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { serialiseSvg, SVG_NS } from './svg';
import { slidePageSvg } from './slide-pages';

/** A standalone chart: header text at -20, three rows of 30 px, an axis label below. */
function chart(): SVGSVGElement {
	const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
	const svg = doc.documentElement as unknown as SVGSVGElement;
	svg.setAttribute('width', '300');
	svg.setAttribute('height', '200');
	svg.setAttribute('viewBox', '-50 -60 300 200');
	svg.innerHTML = `<title>T</title><rect id="background" fill="#ffffff"/>
<g class="title"><text data-slide-span="-60 -45">Title</text></g>
<g class="legend"><text data-slide-span="-30 -18">Legend</text></g>
<g class="gridlines"><line data-slide-span="0 90" y2="90"/></g>
<g class="columns"><text data-slide-span="8 22">row 0</text><text data-slide-span="38 52">row 1</text><text data-slide-span="68 82">row 2</text></g>
<g class="axis"><text data-slide-span="95 110">0 25 50</text></g>
<g class="footer"><text data-slide-span="120 135">Sources</text></g>`;
	return svg;
}
const bands = {
	header: { top: -40, bottom: 0 },
	rows: [0, 30, 60].map((top) => ({ top, bottom: top + 30 })),
	axis: { top: 90, bottom: 115 }
};

describe('slidePageSvg', () => {
	it.each([
		// page, rows it shows, height = header 40 + rows + axis 25
		[{ from: 0, to: 2, top: 0, bottom: 60, sources: [] }, ['row 0', 'row 1'], 125],
		[{ from: 2, to: 3, top: 60, bottom: 90, sources: [] }, ['row 2'], 95]
	])('page %o: header, its rows and the axis, no title or footer', (page, shown, height) => {
		const { element, width, height: h } = slidePageSvg(chart(), bands, page);
		expect([width, h]).toEqual([300, height]);
		expect(element.getAttribute('viewBox')).toBe(`-50 0 300 ${height}`);
		const text = [...element.querySelectorAll('text')].map((t) => t.textContent);
		expect(text).toEqual(['Legend', ...shown, '0 25 50']);
		// The gridline crosses the rows band only; it is clipped there.
		expect(element.querySelectorAll('#rows line')).toHaveLength(1);
		expect(element.querySelectorAll('#header line, #axis line')).toHaveLength(0);
		expect(element.querySelector('[data-slide-span]')).toBeNull();
		const markup = serialiseSvg(element);
		expect(markup.match(/xmlns="/g)).toHaveLength(1);
		expect(
			new DOMParser().parseFromString(markup, 'image/svg+xml').querySelector('parsererror')
		).toBeNull();
	});
});
