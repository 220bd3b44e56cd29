import { loadLandscapeDataset } from '$lib/evidence/load-landscape';
import type { EntryGenerator } from './$types';

/** The landscape dataset's own indication pages (same page as /indications/[id], under /landscape so
 * the address says which dataset is shown): one prerendered page per indication. */
export const entries: EntryGenerator = () =>
	loadLandscapeDataset().indications.map((record) => ({ id: record.id }));
