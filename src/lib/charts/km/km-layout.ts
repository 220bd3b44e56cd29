/**
 * Words and layout of the Kaplan–Meier chart: the caption frame, the heights of the plot, the
 * risk table and the effects panel, the lines of that panel (wrapped, never cut) and the
 * spoken label of each curve. Plain TypeScript, so the Svelte composition stays small.
 */
import { m } from '$lib/paraglide/messages';
import { formatNumber, type Locale } from '$lib/format';
import { wrapText } from '../anatomy';
import { roleColor, roleDash } from '../encoding';
import { chartFrame, type ChartFrame } from '../frame';
import type { ChartSpec } from '../spec';
import type { KmArmModel, KmEffectInput, KmModel } from './km-model';

export interface KmLayout {
	frame: ChartFrame;
	plotHeight: number;
	rowHeight: number;
	/** Top of the risk table and of the effects panel, in plot coordinates. */
	riskTop: number;
	effectsTop: number;
	panelLines: { text: string; bold?: boolean }[];
	height: number;
}

const number =
	(locale: Locale) =>
	(v: number, digits = 0) =>
		formatNumber(v, locale, digits);

/** One effect in words: figure, interval, method, and how it was obtained. */
export function effectText(e: KmEffectInput, locale: Locale): string {
	const num = number(locale);
	const measure = e.measure === 'hr' ? m.km_effect_hr : m.km_effect_rmst;
	const ci =
		e.lower != null && e.upper != null
			? ` (${m.km_effect_ci({ level: num((e.level ?? 0.95) * 100), low: num(e.lower, 2), high: num(e.upper, 2) })})`
			: '';
	const basis =
		e.basis === 'source'
			? m.km_basis_source()
			: e.basis === 'reconstructed'
				? m.km_basis_reconstructed()
				: m.km_basis_patient_data();
	return `${measure({ comparison: e.comparison })}: ${num(e.estimate, 2)}${ci}${e.detail ? `; ${e.detail}` : ''} — ${basis}${e.source ? ` (${e.source})` : ''}`;
}

/** The fit of a reconstructed curve to the published points, in percentage points. */
function fitText(arm: KmArmModel, locale: Locale): string[] {
	const fit = arm.published?.fit;
	if (!fit) return [];
	const pp = (v: number) => formatNumber(v * 100, locale, 1);
	return [
		m.km_fit({
			arm: arm.label,
			points: String(fit.points),
			rmse: pp(fit.rmse),
			mean: pp(fit.meanAbsError),
			max: pp(fit.maxAbsError)
		})
	];
}

/** Spoken summary of a curve. */
export function curveLabel(arm: KmArmModel, model: KmModel, locale: Locale): string {
	const median =
		arm.median === null
			? m.km_median_not_reached()
			: `${formatNumber(arm.median, locale, 1)} ${model.timeUnit}`;
	return m.km_curve_label({ arm: arm.label, median });
}

/** Footer notes: where each arm's risk table comes from. */
export function riskNotes(model: KmModel): string[] {
	return model.arms
		.filter((a) => a.riskBasis)
		.map((a) => {
			const message =
				a.riskBasis === 'printed'
					? m.km_risk_basis_printed
					: a.riskBasis === 'reconstructed'
						? m.km_risk_basis_reconstructed
						: m.km_risk_basis_computed;
			return message({ arm: a.label });
		});
}

export function kmLayout(
	model: KmModel,
	spec: ChartSpec,
	locale: Locale,
	width: number,
	fontSize: number
): KmLayout {
	const frame = chartFrame({
		spec,
		locale,
		notes: riskNotes(model),
		width,
		fontSize,
		left: Math.round(fontSize * 8),
		right: Math.round(fontSize * 2),
		legendItems: model.arms.map((a) => ({
			key: a.id,
			label: a.label,
			color: roleColor(a.role),
			line: true,
			dash: roleDash(a.role)
		}))
	});
	// Room above the plot for the y-axis title, under the legend.
	frame.padding = { ...frame.padding, top: frame.padding.top + Math.round(fontSize * 1.8) };
	const plotHeight = Math.round(fontSize * 20);
	const rowHeight = Math.round(fontSize * 1.35);
	const riskTop = plotHeight + Math.round(fontSize * 4);
	const effectsTop = riskTop + model.arms.length * rowHeight * 4 + fontSize;
	const texts = [
		...model.effects.map((e) => effectText(e, locale)),
		...model.arms.flatMap((a) => fitText(a, locale))
	];
	const panelLines = [
		...(model.effects.length ? [{ text: m.km_effects_heading(), bold: true }] : []),
		...texts.flatMap((t) => wrapText(t, width - 12, fontSize).map((text) => ({ text })))
	];
	const height =
		frame.padding.top +
		effectsTop +
		panelLines.length * rowHeight +
		fontSize +
		frame.padding.bottom;
	return { frame, plotHeight, rowHeight, riskTop, effectsTop, panelLines, height };
}
