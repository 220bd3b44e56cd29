import { loadEmbeddedDataset } from '$lib/evidence/load';
import type { EntryGenerator } from './$types';

/** One prerendered page per indication of the embedded dataset (see studies/[id]). */
export const entries: EntryGenerator = () =>
	loadEmbeddedDataset().indications.map((indication) => ({ id: indication.id }));
