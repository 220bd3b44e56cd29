import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import { studyById } from '$lib/evidence/queries';
import type { PageLoad } from './$types';

// As /studies/[id]: an unknown id is a 404 on the server; the root layout hands this route the
// landscape dataset, so it is that dataset's study.
export const load: PageLoad = async ({ params, parent }) => {
	if (!browser) {
		const { dataset } = await parent();
		if (!studyById(dataset, params.id)) error(404, `No study "${params.id}"`);
	}
	return { id: params.id };
};
