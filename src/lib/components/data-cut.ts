import { formatIsoDate, type Locale } from '$lib/format';

/** A data cut or follow-up as a reader reads it: ISO dates formatted, words kept. */
export function formatDataCut(text: string | undefined, locale: Locale): string | undefined {
	if (!text) return undefined;
	return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(text.trim()) ? formatIsoDate(text.trim(), locale) : text;
}
