/**
 * The presentation deck as reactive state, shared by every Export menu and the
 * presentation page, persisted in localStorage and kept in step across tabs.
 */
import {
	addSlide,
	DECK_STORAGE_KEY,
	emptyDeck,
	findSlide,
	loadDeck,
	moveSlide,
	removeSlide,
	saveDeck,
	type Deck,
	type DeckSlideRef
} from './deck';

function storage(): Storage | undefined {
	try {
		return typeof localStorage === 'undefined' ? undefined : localStorage;
	} catch {
		return undefined;
	}
}

class DeckStore {
	deck: Deck = $state.raw(emptyDeck());
	/** False until read from storage (on the server and before hydration). */
	loaded = $state(false);
	#listening = false;

	/** Reads the deck from storage; call from onMount. */
	load(): void {
		this.deck = loadDeck(storage());
		this.loaded = true;
		if (!this.#listening && typeof window !== 'undefined') {
			this.#listening = true;
			window.addEventListener('storage', (event) => {
				if (event.key === DECK_STORAGE_KEY) this.deck = loadDeck(storage());
			});
		}
	}

	#set(deck: Deck): void {
		this.deck = deck;
		saveDeck(storage(), deck);
	}

	/** Adds a slide (once per chart and view); returns its 1-based position. */
	add(slide: Omit<DeckSlideRef, 'key'>): number {
		if (!this.loaded) this.load();
		this.#set(addSlide(this.deck, slide));
		return findSlide(this.deck, slide.chartId, slide.params) + 1;
	}

	/** 1-based position of a chart view in the deck, or 0. */
	position(chartId: string, params: string): number {
		return findSlide(this.deck, chartId, params) + 1;
	}

	remove(index: number): void {
		this.#set(removeSlide(this.deck, index));
	}

	move(from: number, to: number): void {
		this.#set(moveSlide(this.deck, from, to));
	}

	clear(): void {
		this.#set(emptyDeck());
	}
}

export const deckStore = new DeckStore();
