/**
 * The presentation deck: the charts a user picked, in order, each with the URL state
 * (query string) of the page it came from, so a slide shows the chart as the user saw
 * it. Kept in localStorage; plain functions over plain data, storage passed in.
 */

export interface DeckSlideRef {
	/** Unique within the deck (the same chart may appear twice with other filters). */
	key: string;
	/** Registry id of the chart: "response-forest". */
	chartId: string;
	/** Query string of the page the chart was added from, without "?". */
	params: string;
	/** Path of that page, for "open in context". */
	path: string;
	/** Title when added, for the slide list before the chart renders. */
	title: string;
}

export interface Deck {
	version: 1;
	slides: DeckSlideRef[];
}

export const DECK_STORAGE_KEY = 'trial-evidence:deck';

export function emptyDeck(): Deck {
	return { version: 1, slides: [] };
}

function isSlide(value: unknown): value is DeckSlideRef {
	const v = value as Record<string, unknown>;
	return (
		!!v &&
		typeof v === 'object' &&
		typeof v.key === 'string' &&
		typeof v.chartId === 'string' &&
		typeof v.params === 'string' &&
		typeof v.path === 'string' &&
		typeof v.title === 'string'
	);
}

/** Reads a deck back; anything unreadable gives an empty deck rather than an error. */
export function parseDeck(text: string | null | undefined): Deck {
	if (!text) return emptyDeck();
	try {
		const data = JSON.parse(text) as { version?: unknown; slides?: unknown };
		if (data?.version !== 1 || !Array.isArray(data.slides)) return emptyDeck();
		return { version: 1, slides: data.slides.filter(isSlide) };
	} catch {
		return emptyDeck();
	}
}

export function loadDeck(storage: Pick<Storage, 'getItem'> | undefined): Deck {
	try {
		return parseDeck(storage?.getItem(DECK_STORAGE_KEY));
	} catch {
		return emptyDeck();
	}
}

export function saveDeck(storage: Pick<Storage, 'setItem'> | undefined, deck: Deck): void {
	storage?.setItem(DECK_STORAGE_KEY, JSON.stringify(deck));
}

/** Normalises a query string so the same view is recognised however it was written. */
export function canonicalParams(params: string | URLSearchParams): string {
	const search = new URLSearchParams(params);
	search.sort();
	return search.toString();
}

export function slideKey(chartId: string, params: string): string {
	const p = canonicalParams(params);
	return p ? `${chartId}?${p}` : chartId;
}

export function findSlide(deck: Deck, chartId: string, params: string): number {
	const key = slideKey(chartId, params);
	return deck.slides.findIndex((s) => s.key === key);
}

/** Adds a slide at the end; the same chart in the same view is not added twice. */
export function addSlide(deck: Deck, slide: Omit<DeckSlideRef, 'key'>): Deck {
	const params = canonicalParams(slide.params);
	const key = slideKey(slide.chartId, params);
	if (deck.slides.some((s) => s.key === key)) return deck;
	return { ...deck, slides: [...deck.slides, { ...slide, params, key }] };
}

export function removeSlide(deck: Deck, index: number): Deck {
	if (index < 0 || index >= deck.slides.length) return deck;
	return { ...deck, slides: deck.slides.filter((_, i) => i !== index) };
}

/** Moves slide `from` to position `to` (clamped). */
export function moveSlide(deck: Deck, from: number, to: number): Deck {
	const n = deck.slides.length;
	if (from < 0 || from >= n) return deck;
	const target = Math.max(0, Math.min(n - 1, to));
	if (target === from) return deck;
	const slides = [...deck.slides];
	const [moved] = slides.splice(from, 1);
	slides.splice(target, 0, moved);
	return { ...deck, slides };
}
