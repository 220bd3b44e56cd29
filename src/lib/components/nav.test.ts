import { describe, expect, it } from 'vitest';
import { datasetRoot, sectionsFor } from './nav';

/** The header as a reader sees it: label, app path and, for the current section, a mark. */
const header = (routeId: string | null) =>
	sectionsFor(routeId).map((item) => `${item.label()} ${item.href}${item.current ? ' *' : ''}`);

const defaultSections = [
	'Overview /',
	'Compare /compare',
	'Sources /sources',
	'Methods /methods',
	'Timeline /timeline',
	'Dosing /dosing',
	'Safety /safety',
	'Present /present',
	'Digitise /digitise',
	'Data /data'
];
const landscapeSections = [
	'Overview /landscape',
	'Indirect comparison /landscape/indirect',
	'Sources /landscape/sources',
	'Methods /methods',
	'Digitise /digitise',
	'Data /data'
];
/** The list with the section at `href` marked as the current one. */
const marked = (items: string[], href: string | null) =>
	items.map((item) => (item.endsWith(` ${href}`) ? `${item} *` : item));

describe('sectionsFor: the header lists the sections of the dataset the route shows', () => {
	it.each<[string | null, string[]]>([
		// The default dataset: every section, the overview current on its own page only.
		['/', marked(defaultSections, '/')],
		['/compare', marked(defaultSections, '/compare')],
		['/sources', marked(defaultSections, '/sources')],
		['/studies/[id]', defaultSections],
		['/indications/[id]', defaultSections],
		['/search', defaultSections],
		['/methods', marked(defaultSections, '/methods')],
		['/data', marked(defaultSections, '/data')],
		// An address no route matches (the 404 page): no section is current.
		[null, defaultSections],
		// The landscape: its own overview, indirect comparison and sources; no section that would
		// show the default dataset (Compare, Timeline, Dosing, Safety, Present).
		['/landscape', marked(landscapeSections, '/landscape')],
		['/landscape/indirect', marked(landscapeSections, '/landscape/indirect')],
		['/landscape/sources', marked(landscapeSections, '/landscape/sources')],
		['/landscape/studies/[id]', landscapeSections],
		['/landscape/indications/[id]', landscapeSections],
		['/landscape/search', landscapeSections]
	])('%s', (routeId, expected) => {
		expect(header(routeId)).toEqual(expected);
	});

	it('never links a landscape page to a page that shows the default dataset', () => {
		const datasetPages = sectionsFor('/landscape')
			.map((item) => item.href)
			.filter((href) => !['/methods', '/digitise', '/data'].includes(href));
		expect(datasetPages.every((href) => datasetRoot(href) === '/landscape')).toBe(true);
	});
});

describe('datasetRoot', () => {
	it.each<[string | null | undefined, string]>([
		['/', ''],
		['/studies/[id]', ''],
		['/landscape', '/landscape'],
		['/landscape/studies/[id]', '/landscape'],
		// A route whose name only begins like the landscape's is not part of it.
		['/landscapes', ''],
		[null, ''],
		[undefined, '']
	])('%s → %j', (routeId, expected) => {
		expect(datasetRoot(routeId)).toBe(expected);
	});
});
