import type { Dataset } from '$lib/evidence/schema';
import { medicineSlug, versionSlug } from '$lib/export/filename';

/**
 * A whole-dataset download named like the chart exports:
 * `brandname-dataset-2025-01-1.json`, `examplumab-dataset-2025-03-synthetic.csv`.
 */
export function datasetFileName(dataset: Dataset, ext: 'json' | 'csv'): string {
	const version = versionSlug({
		datasetVersion: dataset.version,
		datasetReleased: dataset.released
	});
	return `${medicineSlug(dataset.shortTitle)}-dataset-${version}.${ext}`;
}

/** Saves text as a file through a temporary object URL (revoked right after). Browser only. */
export function saveTextFile(text: string, fileName: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.style.display = 'none';
	document.body.append(link);
	link.click();
	link.remove();
	// Revoked later, not at once: some browsers start reading the blob after click() returns.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
