import '@testing-library/jest-dom/vitest';

// jsdom has no ResizeObserver; Svelte 5's bind:clientWidth (used by LayerCake) needs one.
if (!('ResizeObserver' in globalThis)) {
	globalThis.ResizeObserver = class {
		observe() {}
		unobserve() {}
		disconnect() {}
	} as unknown as typeof ResizeObserver;
}

// In the browser the statistics module loads on demand (see $lib/evidence/intervals); the
// component tests render any dataset, so it is loaded up front here as the server has it.
import { loadStatsEngine } from '$lib/evidence/intervals';
await loadStatsEngine();
