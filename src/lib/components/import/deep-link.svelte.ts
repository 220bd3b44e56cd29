import { useDataset } from '$lib/components/dataset-context.svelte';
import type { Dataset } from '$lib/evidence/schema';
import { useImportLibrary } from './imported-library.svelte';

type Collection = 'studies' | 'indications';

/** Whether a stored (not yet re-validated) record lists an item with this id. */
export function storedRecordHolds(stored: unknown, collection: Collection, id: string): boolean {
	const items = (stored as Record<string, unknown> | null | undefined)?.[collection];
	return Array.isArray(items) && items.some((item) => (item as { id?: unknown })?.id === id);
}

/**
 * A page of one study or indication opened by its address (a reload, a bookmark, a new tab;
 * on a static host through the fallback page). Until the datasets kept in this browser are
 * read, "not there" is not yet known; if the active dataset lacks the item but another stored
 * import has it, that import is shown. `pending` is true while either is under way, so the
 * page says it is looking rather than "not found".
 */
export function useDeepLink(
	collection: Collection,
	id: () => string
): { readonly pending: boolean } {
	const library = useImportLibrary();
	const datasets = useDataset();
	let searching = $state(false);
	let searchedFor: string | undefined;

	const has = (dataset: Dataset, wanted: string) =>
		(dataset[collection] as { id: string }[]).some((item) => item.id === wanted);

	$effect(() => {
		const wanted = id();
		if (library.restoring || searchedFor === wanted || has(datasets.current, wanted)) return;
		searchedFor = wanted;
		searching = true;
		library
			.activateStoredWith((stored) => storedRecordHolds(stored, collection, wanted))
			.finally(() => (searching = false));
	});

	return {
		get pending() {
			return library.restoring || searching;
		}
	};
}
