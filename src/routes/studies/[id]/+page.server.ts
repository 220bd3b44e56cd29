import { loadEmbeddedDataset } from '$lib/evidence/load';
import type { EntryGenerator } from './$types';

/** One prerendered page per study of the embedded dataset. No server load: the page reads
 * the active dataset (embedded or imported) in the component, so client navigation needs no
 * extra data file. */
export const entries: EntryGenerator = () =>
	loadEmbeddedDataset().studies.map((study) => ({ id: study.id }));
