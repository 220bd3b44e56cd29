import { localizeHref } from '$lib/i18n/links';
import type { Study } from '$lib/evidence/schema';
import { parseSelection, selectionQuery, toggleStudy } from '$lib/evidence/selection';
import { keepWhileSame } from './keep-identity';
import { hrefWithQuery, type Query } from './url-state.svelte';

/** The URL parameter of the studies picked on a page for the compare view. */
const COMPARE = 'compare';

/**
 * The studies a reader picks on a page (study cards) to compare, kept in the URL, with the links
 * that pick, drop and open them. Call during component initialisation.
 */
export function useComparePicks(query: Query, studies: () => readonly Study[]) {
	const stable = keepWhileSame<string[]>((ids) => ids.join(','));
	const picked = $derived(
		stable(
			parseSelection(
				query.params,
				studies().map((s) => s.id),
				COMPARE
			)
		)
	);
	const toggleHref = (id: string) =>
		hrefWithQuery(selectionQuery(toggleStudy(picked, id), query.params, COMPARE));
	return {
		get picked() {
			return picked;
		},
		get studies() {
			return picked.flatMap((id) => studies().find((s) => s.id === id) ?? []);
		},
		/** A card's pick link: toggles in place once the page runs; opens /compare before that. */
		cardLink: (id: string) => ({
			href: query.ready ? toggleHref(id) : localizeHref(`/compare${selectionQuery([id])}`),
			selected: picked.includes(id)
		}),
		removeHref: toggleHref,
		get compareHref() {
			return localizeHref(`/compare${selectionQuery(picked)}`);
		}
	};
}
