/**
 * The landscape's charts and table figures, on the landscape dataset itself: what they draw,
 * the tidy rows they export (every row traced: source, locator, quote or arithmetic), and the
 * server-rendered SVG (title, footer, marks).
 */
import { describe, expect, it } from 'vitest';
import { computeAllIndirect } from '$lib/evidence/indirect';
import { loadLandscapeDataset } from '$lib/evidence/load-landscape';
import { evidenceNetwork } from '$lib/evidence/network';
import { renderChartSvg } from '../snapshot';
import BucherChart from './BucherChart.svelte';
import { bucherContent } from './bucher-model';
import {
	overviewTable,
	publishedTable,
	responseGroups,
	singleArmTable,
	survivalRows,
	transitivityTable
} from './landscape-tables';
import NetworkChart from './NetworkChart.svelte';
import { networkContent, trialSize } from './network-model';
import { placeTable } from './table-figure-model';
import TableFigure from './TableFigure.svelte';

const dataset = loadLandscapeDataset();
const itc = dataset.indirectComparisons![0];
const study = (id: string) => dataset.studies.find((s) => s.id === id)!;

describe('network model', () => {
	const network = evidenceNetwork(dataset);
	const content = networkContent(dataset, network);

	it.each([
		['tower', 405, '271 + 134 = 405', 'derived'],
		['ino-vate', 326, '164 + 162 = 326', 'derived']
	])('%s: n %i, the arms added up (%s)', (id, n, sum, basis) => {
		expect(trialSize(study(id))).toEqual({ n, arithmetic: sum });
		const row = content.tidy.find((r) => r.study === study(id).name)!;
		expect([row.total, row.basis]).toEqual([n, basis]);
		expect(row.text).toContain(sum);
		// Every arm's n is in the quote the row carries.
		for (const arm of study(id).arms) expect(row.quote).toContain(String(arm.n));
	});

	it('one row per randomised trial and per single-arm trial, each with source and locator', () => {
		const singleArm = dataset.studies.filter((s) => s.design !== 'randomised');
		expect(content.tidy).toHaveLength(network.edges.length + singleArm.length);
		for (const row of content.tidy) {
			expect(row.source, row.study).not.toBe('');
			expect(row.locator, row.study).not.toBe('');
		}
	});

	it('renders title, footer with the version and the exploratory note, one edge per trial', () => {
		const { svg } = renderChartSvg(NetworkChart, { dataset });
		expect(svg).toContain('Network of trials');
		expect(svg).toContain(dataset.version);
		expect(svg).toContain('Exploratory');
		expect(svg.match(/<g class="edge mark/g)).toHaveLength(network.edges.length);
		expect(svg.match(/data-isolated="true"/g)).toHaveLength(
			network.nodes.filter((n) => n.isolated).length
		);
	});
});

describe('Bucher chart model', () => {
	const analyses = computeAllIndirect(dataset, itc);
	const content = bucherContent(dataset, itc, analyses, 'en');

	it('draws both inputs at their printed level and the computed result, per analysis', () => {
		expect(content.rows.map((r) => [r.key, r.kind, r.level])).toEqual(
			analyses.flatMap((a) => [
				[`${a.inputs.id}-ab`, 'input', a.ab.result.ci!.level],
				[`${a.inputs.id}-cb`, 'input', a.cb.result.ci!.level],
				[`${a.inputs.id}-result`, 'result', 0.95]
			])
		);
		expect(content.rows.find((r) => r.key === 'final-cb')?.level).toBe(0.975);
		expect(content.domain[0]).toBeLessThan(1);
		expect(content.domain[1]).toBeGreaterThan(1);
	});

	it('exports inputs with their quotes and results with their arithmetic', () => {
		for (const row of content.tidy.filter((r) => r.basis !== 'computed'))
			expect(row.quote, row.arm).not.toBe('');
		const main = content.tidy.find((r) => r.basis === 'computed')!;
		expect(main.value).toBeCloseTo(0.71 / 0.75, 4);
		expect(main.text).toMatch(/^ln 0\.71 − ln 0\.75 = -?\d/);
	});

	it('renders the caveat and every row as a focusable mark', () => {
		const { svg } = renderChartSvg(BucherChart, { dataset, itc });
		expect(svg).toContain('Exploratory');
		expect(svg.match(/data-kind="(input|result)"/g)).toHaveLength(content.rows.length);
		expect(svg).not.toContain('…');
	});
});

describe('table figures', () => {
	const tables = [
		['transitivity', transitivityTable(dataset, itc)],
		['published', publishedTable(dataset, itc)],
		['single-arm', singleArmTable(dataset, itc, 'en')!],
		[
			'survival',
			overviewTable(dataset, survivalRows(dataset), {
				id: 's',
				title: 'S',
				subtitle: '',
				locale: 'en'
			})
		],
		...responseGroups(dataset).map(
			(g, i) =>
				[
					`response ${i + 1}`,
					overviewTable(dataset, g.rows, {
						id: `r${i}`,
						title: 'R',
						subtitle: g.definition,
						locale: 'en'
					})
				] as const
		)
	] as const;

	it.each(tables)('%s: columns fill the width and no cell loses a word', (_name, content) => {
		const placed = placeTable(content.table, 900, 13);
		expect(placed.columns.at(-1)!.x1).toBeCloseTo(1, 9);
		for (const row of content.table.rows) {
			const out = placed.rows.find((r) => r.key === row.key)!;
			for (const [key, text] of Object.entries(row.cells))
				expect(out.cells[key].join(' ')).toBe(text.trim().split(/\s+/).filter(Boolean).join(' '));
		}
		const tops = placed.rows.map((r) => r.top);
		expect([...tops].sort((a, b) => a - b)).toEqual(tops);
	});

	it.each(tables)('%s: every tidy row names its source and locator', (_name, content) => {
		expect(content.tidy.length).toBeGreaterThan(0);
		for (const row of content.tidy) {
			expect(row.source, row.study).not.toBe('');
			expect(row.locator, row.study).not.toBe('');
		}
	});

	it('marks every differing transitivity dimension with ≠, in the figure and the rows', () => {
		const content = transitivityTable(dataset, itc);
		for (const dim of itc.transitivity) {
			const row = content.table.rows.find((r) => r.key === dim.id)!;
			expect(row.cells.dimension.includes('≠')).toBe(dim.differs);
		}
		const salvage = content.tidy.filter((r) => r.endpoint.includes('salvage line'));
		expect(salvage.length).toBe(2);
		expect(salvage.every((r) => r.endpoint.endsWith('(differs)'))).toBe(true);
	});

	it('keeps the funding and the disagreement of the published comparisons', () => {
		const content = publishedTable(dataset, itc);
		expect(content.tidy.map((r) => r.text)).toEqual(
			itc.published.map((p) => `${p.finding} Funding: ${p.funding}`)
		);
		expect(content.notes).toEqual([itc.disagreement]);
	});

	it('renders a table figure with title and footer in the SVG, and no ellipsis', () => {
		const { svg } = renderChartSvg(TableFigure, { content: transitivityTable(dataset, itc) });
		expect(svg).toContain('Transitivity');
		expect(svg).toContain(dataset.version);
		expect(svg).not.toContain('…');
	});
});
