/**
 * File names that say what they are:
 * `<medicine-slug>-<chart-id>-<dataset-version-or-yyyy-mm>[-suffix].<ext>`,
 * e.g. `brandname-response-forest-2025-01.svg`, `brandname-response-forest-2025-01-4x.png`.
 */
import type { ChartSpec } from '$lib/charts/spec';

/** Lower-case ASCII letters, digits and single hyphens; accents folded ("Über" → "uber"). */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** "Brandname (inn)" → "brandname": the brand name, without the INN in brackets. */
export function medicineSlug(medicine: string): string {
	return slugify(medicine.replace(/\(.*?\)/g, '')) || slugify(medicine) || 'chart';
}

/** The dataset version as a slug ("2025.01-1" → "2025-01-1"); else the year and month released or today. */
export function versionSlug(
	spec: Pick<ChartSpec, 'datasetVersion' | 'datasetReleased'>,
	today = new Date()
): string {
	const version = slugify(spec.datasetVersion ?? '');
	if (version) return version;
	const released = /^(\d{4})-(\d{2})/.exec(spec.datasetReleased ?? '');
	if (released) return `${released[1]}-${released[2]}`;
	return `${today.getUTCFullYear()}-${String(today.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function exportFileName(
	spec: Pick<ChartSpec, 'id' | 'medicine' | 'datasetVersion' | 'datasetReleased'>,
	ext: string,
	suffix?: string
): string {
	const parts = [medicineSlug(spec.medicine), slugify(spec.id) || 'chart', versionSlug(spec)];
	if (suffix) parts.push(slugify(suffix));
	return `${parts.join('-')}.${ext}`;
}

/** The whole presentation: `brandname-presentation-2025-01-1.pptx`. */
export function deckFileName(
	spec: Pick<ChartSpec, 'medicine' | 'datasetVersion' | 'datasetReleased'>,
	ext = 'pptx'
): string {
	return `${medicineSlug(spec.medicine)}-presentation-${versionSlug(spec)}.${ext}`;
}
