import { describe, expect, it } from 'vitest';
import { deckFileName, exportFileName, medicineSlug, versionSlug } from '$lib/export/filename';
import {
	addSlide,
	canonicalParams,
	emptyDeck,
	loadDeck,
	moveSlide,
	parseDeck,
	removeSlide,
	saveDeck
} from '$lib/export/deck';
import { spec } from './fixture';

describe('file names', () => {
	it.each([
		['svg', undefined, 'blincyto-response-forest-2025-01-1.svg'],
		['png', '4x', 'blincyto-response-forest-2025-01-1-4x.png'],
		['xlsx', undefined, 'blincyto-response-forest-2025-01-1.xlsx']
	])('%s %s → %s', (ext, suffix, expected) => {
		expect(exportFileName(spec, ext, suffix)).toBe(expected);
	});

	it('falls back to the year and month released when there is no version', () => {
		expect(versionSlug({ datasetVersion: '', datasetReleased: '2025-01-20' })).toBe('2025-01');
		expect(versionSlug({ datasetVersion: '', datasetReleased: '' }, new Date('2026-03-05'))).toBe(
			'2026-03'
		);
	});

	it('names the medicine by its brand, folded to ASCII', () => {
		expect(medicineSlug('Blincyto (blinatumomab)')).toBe('blincyto');
		expect(medicineSlug('Äbé Forte')).toBe('abe-forte');
		expect(deckFileName(spec)).toBe('blincyto-presentation-2025-01-1.pptx');
	});
});

function memoryStorage() {
	const data = new Map<string, string>();
	return {
		getItem: (k: string) => data.get(k) ?? null,
		setItem: (k: string, v: string) => void data.set(k, v)
	};
}

describe('presentation deck', () => {
	const a = { chartId: 'response-forest', params: 'b=2&a=1', path: '/', title: 'A' };
	const b = { chartId: 'survival', params: '', path: '/studies/x', title: 'B' };
	const c = { chartId: 'response-forest', params: 'a=2', path: '/', title: 'C' };

	it('adds slides in order and recognises the same view however its query is written', () => {
		let deck = addSlide(addSlide(emptyDeck(), a), b);
		deck = addSlide(deck, { ...a, params: 'a=1&b=2' });
		expect(deck.slides.map((s) => s.title)).toEqual(['A', 'B']);
		deck = addSlide(deck, c);
		expect(deck.slides.map((s) => s.key)).toEqual([
			'response-forest?a=1&b=2',
			'survival',
			'response-forest?a=2'
		]);
	});

	it('removes and reorders', () => {
		let deck = [a, b, c].reduce(addSlide, emptyDeck());
		deck = moveSlide(deck, 2, 0);
		expect(deck.slides.map((s) => s.title)).toEqual(['C', 'A', 'B']);
		deck = moveSlide(deck, 0, 99);
		expect(deck.slides.map((s) => s.title)).toEqual(['A', 'B', 'C']);
		deck = removeSlide(deck, 1);
		expect(deck.slides.map((s) => s.title)).toEqual(['A', 'C']);
		expect(removeSlide(deck, 5)).toBe(deck);
	});

	it('survives a round trip through storage and ignores damaged storage', () => {
		const storage = memoryStorage();
		const deck = [a, b].reduce(addSlide, emptyDeck());
		saveDeck(storage, deck);
		expect(loadDeck(storage)).toEqual(deck);
		expect(parseDeck('{not json')).toEqual(emptyDeck());
		expect(parseDeck('{"version":1,"slides":[{"chartId":1}]}').slides).toEqual([]);
		expect(canonicalParams('?z=1&a=2')).toBe('a=2&z=1');
	});
});

describe('copy image', () => {
	it('explains that the browser cannot copy images when there is no clipboard API', async () => {
		const { ClipboardError, copyPng, canCopyImages } = await import('$lib/export/clipboard');
		expect(canCopyImages(undefined)).toBe(false);
		await expect(copyPng(new Blob())).rejects.toMatchObject({
			name: 'ClipboardError',
			reason: 'unsupported'
		});
		expect(new ClipboardError('denied', 'x').reason).toBe('denied');
	});
});

describe('sources of a chart', () => {
	it('resolves short citations to full records, once each, and keeps unknown names as they are', async () => {
		const { resolveSources } = await import('$lib/export/sources');
		const { sources } = await import('./fixture');
		const full = sources.map((s) => ({ ...s, kind: 'publication' as const, language: 'en' }));
		const resolved = resolveSources(full, { sources: ['Fixture 2015', 'Not in the dataset'] }, [
			{ source: 'EMA overview EMA/0/2024' },
			{ source: 'Fixture 2015' }
		]);
		expect(resolved.map((s) => s.id)).toEqual(['fixture-2015', '', 'ema-overview']);
		expect(resolved[0].doi).toBe('10.0000/fixture.2015');
		expect(resolved[1]).toEqual({
			id: '',
			shortCitation: 'Not in the dataset',
			citation: 'Not in the dataset'
		});
	});
});
