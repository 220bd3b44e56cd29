import { loadLandscapeDataset } from '$lib/evidence/load-landscape';
import type { EntryGenerator } from './$types';

/** The landscape dataset's own study pages (same page as /studies/[id], under /landscape so
 * the address says which dataset is shown): one prerendered page per study. */
export const entries: EntryGenerator = () =>
	loadLandscapeDataset().studies.map((record) => ({ id: record.id }));
