/**
 * The words of a chart's caption that are the same for every chart: the footer's
 * sources line, dataset version and the reminder that this is not the SmPC.
 */
import { m } from '$lib/paraglide/messages';
import { formatIsoDate, type Locale } from '$lib/format';
import type { ChartSpec } from './spec';

/** Footer paragraphs of a chart, in the order they are drawn. */
export function footerParagraphs(spec: ChartSpec, locale: Locale, notes: string[] = []): string[] {
	const sources = [...new Set(spec.sources)].join('; ');
	return [
		...notes,
		...(sources ? [m.chart_footer_sources({ sources }, { locale: locale as 'en' })] : []),
		m.chart_footer_dataset(
			{
				medicine: spec.medicine,
				version: spec.datasetVersion,
				date: formatIsoDate(spec.datasetReleased, locale)
			},
			{ locale: locale as 'en' }
		) +
			' · ' +
			m.chart_footer_disclaimer({}, { locale: locale as 'en' })
	];
}
