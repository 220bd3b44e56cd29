import '@testing-library/jest-dom/vitest';

// jsdom has no ResizeObserver; Svelte 5's bind:clientWidth (used by LayerCake) needs one.
if (!('ResizeObserver' in globalThis)) {
	globalThis.ResizeObserver = class {
		observe() {}
		unobserve() {}
		disconnect() {}
	} as unknown as typeof ResizeObserver;
}
