import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import { studyById } from '$lib/evidence/queries';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent }) => {
	// On the server (prerender, preview) an unknown id is a 404. In the browser the page
	// checks the active dataset itself: an imported dataset may have studies the embedded one lacks.
	if (!browser) {
		const { dataset } = await parent();
		if (!studyById(dataset, params.id)) error(404, `No study "${params.id}"`);
	}
	return { id: params.id };
};
