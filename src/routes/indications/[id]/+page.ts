import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import { indicationById } from '$lib/evidence/queries';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent }) => {
	// Unknown ids are a 404 on the server; in the browser the page checks the active dataset.
	if (!browser) {
		const { dataset } = await parent();
		if (!indicationById(dataset, params.id)) error(404, `No indication "${params.id}"`);
	}
	return { id: params.id };
};
