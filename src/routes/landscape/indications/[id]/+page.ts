import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import { indicationById } from '$lib/evidence/queries';
import type { PageLoad } from './$types';

// As /indications/[id], with the landscape dataset the root layout hands this route.
export const load: PageLoad = async ({ params, parent }) => {
	if (!browser) {
		const { dataset } = await parent();
		if (!indicationById(dataset, params.id)) error(404, `No indication "${params.id}"`);
	}
	return { id: params.id };
};
