/**
 * The anchored indirect comparison as a chart: per analysis (main, then sensitivity) the two
 * inputs as printed, each at its own CI level, and the computed indirect result; its spec,
 * tidy rows (inputs with their quotes, results with their arithmetic) and frame.
 * Plain TypeScript; `BucherChart.svelte` composes the layers.
 */
import { m } from '$lib/paraglide/messages';
import type { IndirectAnalysis, LocatedResult } from '$lib/evidence/indirect';
import type { Dataset, IndirectComparison } from '$lib/evidence/schema';
import { formatNumber, type Locale } from '$lib/format';
import { CHAR_WIDTH } from '../anatomy';
import { chartFrame, datasetStamp, type ChartFrame } from '../frame';
import { COMPUTED_DASH } from '../encoding';
import type { LegendItem } from '../legend';
import { logDomain } from '../panels';
import type { ChartSpec, TidyRow } from '../spec';

export interface BucherRow {
	key: string;
	kind: 'input' | 'result';
	analysisId: string;
	/** First line of the label column (the effect), second line (analysis, level). */
	label: string;
	detail: string;
	estimate: number;
	low: number;
	high: number;
	level: number;
	/** The figure as drawn beside the plot: "0.75 (0.57–0.99)". */
	figure: string;
}

export interface BucherContent {
	spec: ChartSpec;
	tidy: TidyRow[];
	rows: BucherRow[];
	domain: [number, number];
}

const r4 = (x: number) => Number(x.toFixed(4));

export function bucherContent(
	dataset: Dataset,
	itc: IndirectComparison,
	analyses: IndirectAnalysis[],
	locale: Locale,
	id = `bucher-${itc.id}`
): BucherContent {
	const cite = (sid: string) => dataset.sources.find((s) => s.id === sid)?.shortCitation ?? sid;
	const n = (x: number) => formatNumber(x, locale, 2);
	const pct = (x: number) => `${formatNumber(x * 100, locale)} %`;
	const armLabel = ({ study }: LocatedResult, armId?: string) =>
		study.arms.find((a) => a.id === armId)?.label ?? '';
	const effect = (located: LocatedResult) =>
		m.ls_effect_label({
			study: located.study.name,
			experimental: armLabel(located, located.result.comparison?.experimentalArmId),
			comparator: armLabel(located, located.result.comparison?.comparatorArmId)
		});
	const rows: BucherRow[] = [];
	const tidy: TidyRow[] = [];
	analyses.forEach((analysis, i) => {
		const role = i === 0 ? m.ls_main() : m.ls_sensitivity();
		const analysisName = `${analysis.inputs.label}, ${role}`;
		for (const [part, located, se] of [
			['ab', analysis.ab, analysis.result.seAB],
			['cb', analysis.cb, analysis.result.seCB]
		] as const) {
			const r = located.result;
			const ci = r.ci!;
			rows.push({
				key: `${analysis.inputs.id}-${part}`,
				kind: 'input',
				analysisId: analysis.inputs.id,
				label: effect(located),
				detail: m.ls_bucher_input({
					effect: itc.effect,
					analysis: analysisName,
					level: pct(ci.level)
				}),
				estimate: r.value!,
				low: ci.low!,
				high: ci.high!,
				level: ci.level,
				figure: `${n(r.value!)} (${n(ci.low!)}–${n(ci.high!)})`
			});
			tidy.push({
				study: located.study.name,
				indication: '',
				arm: effect(located),
				endpoint: `${itc.effect} (${analysisName})`,
				timepoint: '',
				value: r.value!,
				unit: r.unit,
				events: null,
				total: null,
				ciLow: ci.low,
				ciHigh: ci.high,
				ciLevel: ci.level,
				ciMethod: ci.method,
				basis: r.basis,
				source: cite(r.provenance.sourceId),
				locator: r.provenance.locator,
				dataCut: r.provenance.dataCut ?? '',
				text: `SE (log) = ${r4(se)}`,
				quote: r.provenance.quote ?? ''
			});
		}
		const res = analysis.result;
		const a = armLabel(analysis.ab, analysis.ab.result.comparison?.experimentalArmId);
		const c = armLabel(analysis.cb, analysis.cb.result.comparison?.experimentalArmId);
		rows.push({
			key: `${analysis.inputs.id}-result`,
			kind: 'result',
			analysisId: analysis.inputs.id,
			label: m.ls_bucher_result({ label: `${a} vs ${c}`, analysis: analysisName }),
			detail: m.ls_bucher_method(),
			estimate: res.estimate,
			low: res.lower,
			high: res.upper,
			level: res.level,
			figure: `${n(res.estimate)} (${n(res.lower)}–${n(res.upper)})`
		});
		tidy.push({
			study: `${analysis.ab.study.name} + ${analysis.cb.study.name}`,
			indication: '',
			arm: `${a} vs ${c}`,
			endpoint: `${itc.effect} (${analysisName})`,
			timepoint: '',
			value: r4(res.estimate),
			unit: 'ratio',
			events: null,
			total: null,
			ciLow: r4(res.lower),
			ciHigh: r4(res.upper),
			ciLevel: res.level,
			ciMethod: m.ls_bucher_method(),
			basis: 'computed',
			source: [
				cite(analysis.ab.result.provenance.sourceId),
				cite(analysis.cb.result.provenance.sourceId)
			].join('; '),
			locator: '',
			dataCut: '',
			// The arithmetic, so the computed figure can be checked by hand.
			text: m.ls_bucher_arithmetic({
				ab: String(analysis.ab.result.value),
				cb: String(analysis.cb.result.value),
				diff: String(r4(Math.log(res.estimate))),
				seab: String(r4(res.seAB)),
				secb: String(r4(res.seCB)),
				se: String(r4(res.se))
			})
		});
	});
	const spec: ChartSpec = {
		id,
		title: m.ls_bucher_title({ effect: itc.effect }),
		subtitle: m.ls_bucher_subtitle({ title: itc.title }),
		description: m.ls_bucher_description({ count: String(rows.length) }),
		sources: [...new Set(tidy.flatMap((t) => t.source.split('; ')))],
		...datasetStamp(dataset)
	};
	const domain = logDomain(rows.flatMap((r) => [r.low, r.high, 1]));
	return { spec, tidy, rows, domain };
}

export const bucherLegend = (): LegendItem[] => [
	{
		key: 'printed',
		label: m.ls_bucher_legend_printed(),
		color: 'var(--ink)',
		shape: 'square',
		line: true
	},
	{
		key: 'computed',
		label: m.ls_bucher_legend_computed(),
		color: 'var(--ink)',
		shape: 'diamond',
		hollow: true,
		line: true,
		dash: COMPUTED_DASH
	}
];

export interface BucherFrame extends ChartFrame {
	leftWidth: number;
	rightWidth: number;
	rowHeight: number;
	plotHeight: number;
	height: number;
}

/** Label column as wide as the longest label (at most half the width), figures on the right. */
export function bucherFrame(
	content: BucherContent,
	caveat: string,
	width: number,
	fontSize: number,
	locale: Locale
): BucherFrame {
	const ch = fontSize * CHAR_WIDTH.regular;
	const longest = Math.max(...content.rows.flatMap((r) => [r.label.length, r.detail.length * 0.9]));
	const leftWidth = Math.ceil(Math.min(longest * ch, width * 0.5));
	const rightWidth = Math.ceil(
		Math.max(...content.rows.map((r) => r.figure.length)) * ch + fontSize
	);
	const frame = chartFrame({
		spec: content.spec,
		locale,
		notes: [`${m.ls_caveat_heading()}: ${caveat}`],
		legendItems: bucherLegend(),
		width,
		fontSize,
		left: leftWidth + 16,
		right: rightWidth + 12
	});
	const rowHeight = Math.round(fontSize * 2.9);
	const plotHeight = content.rows.length * rowHeight;
	const axis = Math.round(fontSize * 3.4);
	const padding = { ...frame.padding, bottom: frame.padding.bottom + axis };
	return {
		...frame,
		padding,
		leftWidth,
		rightWidth,
		rowHeight,
		plotHeight,
		height: padding.top + plotHeight + padding.bottom
	};
}
