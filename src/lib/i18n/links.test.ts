import { describe, expect, it } from 'vitest';
import { deLocalizeHref, localizeHref, withoutBase, withPageSlash } from './links';

describe('withPageSlash: every page address ends with a slash, files keep their name', () => {
	it.each([
		['/', '/'],
		['/nl', '/nl/'],
		['/nl/', '/nl/'],
		['/studies/blast', '/studies/blast/'],
		['/compare?studies=a,b', '/compare/?studies=a,b'],
		['/sources#source-x', '/sources/#source-x'],
		['/studies/x?sort=value#result-1', '/studies/x/?sort=value#result-1'],
		['/data/blincyto.json', '/data/blincyto.json'],
		['/examples/synthetic-dataset.json', '/examples/synthetic-dataset.json'],
		['/studies/mt103-211', '/studies/mt103-211/']
	])('%s → %s', (path, expected) => {
		expect(withPageSlash(path)).toBe(expected);
	});
});

describe('withoutBase', () => {
	it.each([
		['/team/evidence/nl/studies/x/', '/team/evidence', '/nl/studies/x/'],
		['/team/evidence/', '/team/evidence', '/'],
		['/team/evidence', '/team/evidence', '/'],
		// Not under the base (another site on the host): left alone, not cut in the middle.
		['/team/evidenceX/', '/team/evidence', '/team/evidenceX/'],
		['/studies/x/', '', '/studies/x/']
	])('%s without %s is %s', (path, base, expected) => {
		expect(withoutBase(path, base)).toBe(expected);
	});
});

describe('localizeHref (no base path in this build)', () => {
	it.each([
		['/', 'en', '/'],
		['/', 'nl', '/nl/'],
		['/nl/', 'en', '/'],
		['/nl', 'nl', '/nl/'],
		['/studies/blast', 'nl', '/nl/studies/blast/'],
		['/nl/studies/blast/', 'en', '/studies/blast/'],
		['/compare?studies=a', 'nl', '/nl/compare/?studies=a'],
		['/?age=child', 'nl', '/nl/?age=child'],
		['https://example.org/x', 'nl', 'https://example.org/x'],
		['#main', 'nl', '#main']
	] as const)('%s in %s → %s', (href, locale, expected) => {
		expect(localizeHref(href, { locale })).toBe(expected);
	});

	it('deLocalizeHref gives the app path', () => {
		expect(deLocalizeHref('/nl/studies/blast/')).toMatch(/^\/studies\/blast\/?$/);
		expect(deLocalizeHref('/nl/')).toBe('/');
	});
});
