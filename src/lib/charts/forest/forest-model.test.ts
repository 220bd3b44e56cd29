import { describe, expect, it } from 'vitest';
import { fixtureDataset } from './fixtures';
import {
	FOREST_TICKS,
	forestActiveRow,
	forestCells,
	forestContent,
	forestFrame,
	forestLegend,
	forestMarkAttrs,
	forestRowExtents,
	forestRowsByColumn,
	forestSlideBands,
	forestTextColumns,
	shortLegend
} from './forest-model';
import { CELL_LINE_HEIGHT, wrapText } from '../anatomy';
import { forestResults, type ForestOptions, type ForestResultRow } from './forest-rows';

const results = forestResults(fixtureDataset);
const options = (over: Partial<ForestOptions> = {}): ForestOptions => ({
	sort: 'indication',
	group: 'indication',
	pool: [],
	...over
});
const content = (over: Partial<ForestOptions> = {}) =>
	forestContent(fixtureDataset, results, options(over), 'response-forest');

describe('forestContent: what the forest draws', () => {
	it.each([
		{ pool: [], pooled: false, notes: 1 },
		{ pool: ['alpha'], pooled: false, notes: 1 },
		{ pool: ['alpha', 'beta'], pooled: true, notes: 2 }
	])('pooling $pool: pooled row $pooled, $notes footer notes', ({ pool, pooled, notes }) => {
		const c = content({ pool });
		expect(!!c.pooled).toBe(pooled);
		expect(c.notes).toHaveLength(notes);
		expect(c.legendItems.some((i) => i.key === 'pooled')).toBe(pooled);
	});

	it('names every source of a drawn figure once, and stamps the dataset', () => {
		const c = content();
		expect(c.spec.sources).toEqual([...new Set(c.resultRows.map((r) => r.sourceShort))]);
		expect(c.spec.datasetVersion).toBe(fixtureDataset.version);
		expect(c.spec.subtitle).toContain(String(results.length));
	});

	it.each([
		{ group: 'indication' as const, description: /indication/i },
		{ group: 'study' as const, description: /study/i },
		{ group: 'none' as const, description: /./ }
	])('describes its grouping ($group)', ({ group, description }) => {
		expect(content({ group }).spec.description).toMatch(description);
	});

	it('stripes every other figure row', () => {
		const c = content();
		expect(c.stripes).toEqual(c.resultRows.filter((_, i) => i % 2 === 1));
		expect(c.compact).toBe(false);
	});
});

describe('forestLegend', () => {
	const row = (armRole: ForestResultRow['armRole'], over: Partial<ForestResultRow> = {}) =>
		({ ...results[0], armRole, ci: undefined, discrepancies: [], ...over }) as ForestResultRow;
	it.each([
		{ rows: [row('experimental')], keys: ['experimental', 'printed'] },
		{
			rows: [row('experimental'), row('comparator')],
			keys: ['experimental', 'comparator', 'printed']
		},
		{
			rows: [row('historical-control', { discrepancies: ['differs'] })],
			keys: ['historical-control', 'printed', 'flag']
		}
	])('keys $keys', ({ rows, keys }) => {
		expect(forestLegend(rows, false).map((i) => i.key)).toEqual(keys);
	});
});

describe('forestFrame and forestTextColumns: where things go', () => {
	const c = content({ pool: ['alpha', 'beta'] });
	it.each([
		{
			width: 400,
			mode: 'narrow',
			keys: ['group', 'study', 'endpoint', 'estimate', 'pooled-label', 'pooled-estimate']
		},
		{
			width: 800,
			mode: 'medium',
			keys: ['group', 'study', 'endpoint', 'estimate', 'note', 'pooled-label', 'pooled-estimate']
		},
		{
			width: 1200,
			mode: 'wide',
			keys: [
				'group',
				'study',
				'endpoint',
				'counts',
				'estimate',
				'note',
				'source',
				'pooled-label',
				'pooled-estimate'
			]
		}
	])('$width px: $mode, columns $keys', ({ width, mode, keys }) => {
		const frame = forestFrame(c, width, 13, 'en');
		expect(frame.layout.mode).toBe(mode);
		const extents = frame.rowExtents;
		expect(frame.plotHeight).toBe(extents.reduce((h, r) => h + r.height, 0));
		for (const e of extents) expect(e.height).toBeGreaterThanOrEqual(frame.layout.rowHeight);
		expect(frame.height).toBe(frame.padding.top + frame.plotHeight + frame.padding.bottom);
		const columns = forestTextColumns({
			frame,
			width,
			fontSize: 13,
			locale: 'en',
			cells: forestCells('en', frame.layout.mode),
			pooled: true
		});
		expect(columns.map((col) => col.key)).toEqual(keys);
		// Right-hand columns sit right of the plot.
		for (const col of columns.filter((x) => ['counts', 'note', 'source'].includes(x.key)))
			expect(col.x).toBeGreaterThan(frame.layout.plotWidth);
	});

	it('stacks study over endpoint on phones, in one band', () => {
		const frame = forestFrame(c, 400, 13, 'en');
		const columns = forestTextColumns({
			frame,
			width: 400,
			fontSize: 13,
			locale: 'en',
			cells: forestCells('en', 'narrow'),
			pooled: false
		});
		const [study, endpoint] = columns.filter((x) => x.rows === 'results');
		expect([study.key, endpoint.key]).toEqual(['study', 'endpoint']);
		expect(study.dy).toBeLessThan(0);
		expect(endpoint.dy).toBeGreaterThan(0);
	});

	it('the axis runs 0–100 %', () => expect(FOREST_TICKS).toEqual([0, 25, 50, 75, 100]));
});

describe('rows, cells and marks', () => {
	const c = content({ pool: ['alpha', 'beta'] });
	it('a group heading has no tooltip; a figure and the pooled row do', () => {
		const group = c.rows.find((r) => r.kind === 'group')!;
		expect(forestActiveRow(c.rows, group.key)).toBeUndefined();
		expect(forestActiveRow(c.rows, c.resultRows[0].key)).toBe(c.resultRows[0]);
		expect(forestActiveRow(c.rows, c.pooled!.key)).toBe(c.pooled);
		expect(forestActiveRow(c.rows, null)).toBeUndefined();
	});

	it('sorts rows to the columns that write them', () => {
		const by = forestRowsByColumn(c.rows, c.pooled);
		expect(by.results).toHaveLength(c.resultRows.length);
		expect(by.groups.every((r) => r.kind === 'group')).toBe(true);
		expect(by.pooled).toEqual([c.pooled]);
	});

	it('builds a row’s cells once per maker, with counts as x/n', () => {
		const cells = forestCells('en', 'wide');
		const row = c.resultRows.find((r) => r.events !== undefined && r.total !== undefined)!;
		expect(cells(row)).toBe(cells(row));
		expect(cells(row).counts).toBe(`${row.events}/${row.total}`);
		expect(cells(row).label).toContain(row.studyName);
	});

	it('marks carry the figure and its interval', () => {
		const row = c.resultRows[0];
		expect(forestMarkAttrs(row)).toMatchObject({
			'data-result-id': row.resultId,
			'data-value': row.value,
			'data-ci-origin': row.ci?.origin ?? 'none'
		});
	});
});

describe('row heights grow with wrapped labels', () => {
	const c = content();
	const endpoint = (text: string) =>
		({ ...c.resultRows[0], endpointLabel: text, design: 'single-arm' as const }) as ForestResultRow;
	it.each([
		// width, type, endpoint, extra lines
		{ width: 1200, fontSize: 13, text: 'ORR', lines: 0 },
		{
			width: 1200,
			fontSize: 13,
			text: 'Complete remission with partial haematological recovery',
			lines: 1
		},
		{
			width: 800,
			fontSize: 13,
			text: 'Complete remission or complete remission with partial haematological recovery within two cycles',
			lines: 3
		},
		{ width: 880, fontSize: 18, text: 'Complete remission (CR/CRh) within 2 cycles', lines: 1 }
	])(
		'$width px, $fontSize px type: "$text" adds $lines lines',
		({ width, fontSize, text, lines }) => {
			const frame = forestFrame(c, width, fontSize, 'en', width === 880 ? 'slide' : 'screen');
			const rows = [c.rows[0], endpoint(text), endpoint('ORR')];
			const [, row, short] = forestRowExtents(rows, frame.columns, frame.layout, fontSize);
			expect(row.height - short.height).toBe(Math.round(lines * fontSize * CELL_LINE_HEIGHT));
			expect(short.height).toBe(frame.layout.rowHeight);
			// Rows follow each other without gaps.
			expect(short.top).toBe(row.top + row.height);
		}
	);

	it.each([400, 800, 1200])(
		'at %d px every cell fits inside its row (nothing clipped)',
		(width) => {
			const frame = forestFrame(c, width, 13, 'en');
			frame.rowExtents.forEach((extent, i) => {
				const row = c.rows[i];
				const kind = { result: 'results', group: 'groups', pooled: 'pooled' }[row.kind];
				let stacked = 0;
				for (const col of frame.columns.filter((x) => x.rows === kind && x.width)) {
					const n = wrapText(col.text(row), col.width!, 13, col.bold ? 'bold' : 'regular').length;
					if (col.dy) stacked += n;
					else expect(n * 13 * CELL_LINE_HEIGHT).toBeLessThanOrEqual(extent.height);
				}
				expect(stacked * 13 * CELL_LINE_HEIGHT).toBeLessThanOrEqual(extent.height);
			});
		}
	);

	it('cuts slides at the rows’ own tops and bottoms', () => {
		const frame = forestFrame(c, 880, 18, 'en', 'slide');
		const bands = forestSlideBands(frame, c.rows);
		expect(bands.rows.map((r) => r.top)).toEqual(frame.rowExtents.map((e) => e.top));
		expect(bands.rows.at(-1)!.bottom).toBe(frame.plotHeight);
		expect(bands.axis.top).toBe(frame.plotHeight);
	});
});

describe('the slide legend', () => {
	it('keeps every item and its mark, with shorter labels', () => {
		const items = content({ pool: ['alpha', 'beta'] }).legendItems;
		const short = shortLegend(items);
		expect(short.map((i) => i.key)).toEqual(items.map((i) => i.key));
		short.forEach((item, i) => {
			expect(item.label.length).toBeLessThanOrEqual(items[i].label.length);
			expect({ ...item, label: '' }).toEqual({ ...items[i], label: '' });
		});
		expect(short.find((i) => i.key === 'printed')!.label).toBe('Printed CI');
	});
});
