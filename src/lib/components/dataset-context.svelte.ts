import { getContext, setContext } from 'svelte';
import type { Dataset } from '$lib/evidence/schema';

const KEY = Symbol('dataset');

/**
 * The dataset every page shows: the embedded one (prerendered into the HTML), or a
 * dataset the user imported and activated in the browser. Pages read `current`.
 */
export class DatasetState {
	embedded: Dataset = $state.raw() as unknown as Dataset;
	imported: Dataset | null = $state.raw(null);

	constructor(embedded: Dataset) {
		this.embedded = embedded;
	}

	get current(): Dataset {
		return this.imported ?? this.embedded;
	}

	get isEmbedded(): boolean {
		return this.imported === null;
	}
}

export function provideDataset(state: DatasetState): DatasetState {
	return setContext(KEY, state);
}

/** The active dataset state; call during component initialisation. */
export function useDataset(): DatasetState {
	const state = getContext<DatasetState | undefined>(KEY);
	if (!state) throw new Error('useDataset() needs the root layout to provide a dataset');
	return state;
}
