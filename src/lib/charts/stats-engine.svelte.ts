import { loadStatsEngine, statsEngineLoaded } from '$lib/evidence/intervals';

let loaded = $state(statsEngineLoaded());

/**
 * Whether the statistics module is loaded in this page, as reactive state: a component that
 * computes something the build did not precompute (a pooled estimate) reads `loaded` so that
 * it recomputes once `load()` has brought the module in.
 */
export const statsEngine = {
	get loaded(): boolean {
		return loaded;
	},
	async load(): Promise<void> {
		await loadStatsEngine();
		loaded = true;
	}
};
