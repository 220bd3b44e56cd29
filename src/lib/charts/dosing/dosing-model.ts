/**
 * The dosing schedule as plain data: what it draws (regimens with their periods and dose
 * steps, spec, legend, tidy rows) and where (caption, legend, padding, the day scale and
 * a row scale that places each strip and each line of its label; the label text columns
 * as a list looped once). DosingSchedule.svelte composes these; nothing here touches
 * Svelte or the DOM (dosing-model.test.ts).
 */
import { scaleLinear, scaleOrdinal, type ScaleLinear, type ScaleOrdinal } from 'd3-scale';
import { m } from '$lib/paraglide/messages';
import type { Dataset } from '$lib/evidence/schema';
import { formatNumber, type Locale } from '$lib/format';
import { CELL_LINE_HEIGHT, isNarrow, textWidth, wrapText } from '../anatomy';
import { datasetNames, type DatasetNames } from '../dataset-names';
import { datasetStamp, plotFrame, type PlotFrame } from '../frame';
import type { LegendItem } from '../legend';
import type { ChartSpec, TidyRow } from '../spec';
import { stackLabels } from '../timeline/timeline-rows';
import {
	dayTicks,
	dosingTidyRows,
	scheduleRows,
	treatmentDays,
	type CycleSegment,
	type DoseSegment,
	type ScheduleRow
} from './dosing-rows';

/** Colours of the dose units, in order of appearance. */
const UNIT_COLORS = ['var(--tol-blue)', 'var(--tol-green)', 'var(--tol-purple)', 'var(--tol-red)'];
/** Regimens without dose steps. */
const NO_DOSE_COLOR = 'var(--muted)';
const REST_DASH = '4 3';

export const daysText = (from: number, to: number) =>
	from === to
		? m.chart2_dosing_day({ day: String(from) })
		: m.chart2_dosing_days({ from: String(from), to: String(to) });

export const doseText = (d: DoseSegment, locale: Locale) =>
	`${formatNumber(d.dose, locale)} ${d.unit}`;

/** What the schedule draws for a dataset, whatever its width. */
export interface DosingContent {
	rows: ScheduleRow[];
	units: string[];
	names: DatasetNames;
	spec: ChartSpec;
	tidy: TidyRow[];
	legendItems: LegendItem[];
	/** Colour of a regimen's strip: its (first) dose unit's. */
	color: (row: ScheduleRow) => string;
}

export function dosingLegend(rows: ScheduleRow[], units: string[]): LegendItem[] {
	return [
		...units.map((unit, i) => ({
			key: unit,
			label: m.chart2_dosing_legend_unit({ unit }),
			color: UNIT_COLORS[i % UNIT_COLORS.length],
			shape: 'square' as const
		})),
		...(rows.some((r) => !r.doses.length)
			? [
					{
						key: 'no-dose',
						label: m.chart2_dosing_legend_no_dose(),
						color: NO_DOSE_COLOR,
						shape: 'square' as const
					}
				]
			: []),
		{
			key: 'rest',
			label: m.chart2_dosing_legend_rest(),
			color: 'var(--muted)',
			line: true,
			dash: REST_DASH
		}
	];
}

export function dosingContent(dataset: Dataset, id: string): DosingContent {
	const rows = scheduleRows(dataset.dosing);
	const names = datasetNames(dataset);
	const units = [...new Set(rows.flatMap((r) => r.doses.map((d) => d.unit)))];
	const spec: ChartSpec = {
		id,
		title: m.chart2_dosing_title(),
		subtitle: m.chart2_dosing_subtitle({
			count: String(rows.length),
			cycles: String(Math.max(1, ...rows.map((r) => r.cycles)))
		}),
		description: m.chart2_dosing_description({
			count: String(rows.length),
			steps: String(rows.reduce((sum, r) => sum + r.doses.length, 0))
		}),
		sources: [...new Set(rows.map((r) => names.source(r.regimen.provenance.sourceId)))],
		...datasetStamp(dataset)
	};
	const tidy = dosingTidyRows(rows, {
		studyName: names.study,
		indicationLabel: names.indication,
		sourceCitation: names.source,
		infusionWeeks: m.chart2_dosing_infusion_weeks(),
		restWeeks: m.chart2_dosing_rest_weeks(),
		weeks: m.chart2_dosing_unit_weeks(),
		dose: m.chart2_dosing_dose(),
		days: daysText
	});
	const color = (r: ScheduleRow) => {
		const unit = r.doses[0]?.unit;
		return unit === undefined
			? NO_DOSE_COLOR
			: UNIT_COLORS[units.indexOf(unit) % UNIT_COLORS.length];
	};
	return { rows, units, names, spec, tidy, legendItems: dosingLegend(rows, units), color };
}

/** A period of a strip as drawn: its caption wrapped to fit (never cut), its name in words. */
export interface DosingPeriod extends CycleSegment {
	caption: string;
	/** The caption's lines under the period, as wide as the period allows. */
	captionLines: string[];
	label: string;
	/** The dose steps that fall in it (for the tooltip). */
	doses: DoseSegment[];
}

/** A dose step as drawn: its text, placed on a level above the strip. */
export interface DosingStep extends DoseSegment {
	text: string;
	textX: number;
	level: number;
	anchor: 'start' | 'end';
}

/** A regimen's strip: on the row scale at `row`, its bar's top. */
export interface DosingStrip extends ScheduleRow {
	key: string;
	row: string;
	color: string;
	periods: DosingPeriod[];
	steps: DosingStep[];
}

/** One line of a regimen's label, on the row scale at `row` (its middle). */
export interface DosingLabelLine {
	key: string;
	row: string;
	text: string;
}

/** A text column of the labels: which lines, in which weight, tone and size. */
export interface DosingLabelColumn {
	key: string;
	data: DosingLabelLine[];
	bold: boolean;
	muted: boolean;
	fontSize: number;
	/** Cut to this width, px. */
	width?: number;
}

export interface DosingFrame extends PlotFrame {
	narrow: boolean;
	strips: DosingStrip[];
	labelColumns: DosingLabelColumn[];
	/** x of the label columns, plot coordinates. */
	labelX: number;
	barHeight: number;
	doseFont: number;
	/** Day − 1 across (day 1 starts at 0), so `xScale(day - 1)` is the start of a day. */
	xScale: ScaleLinear<number, number>;
	lastDay: number;
	/** Rows down (strips and label lines) to px. */
	yScale: ScaleOrdinal<string, number>;
	/** Tick positions on the day − 1 scale. */
	ticks: number[];
}

/** A period's caption: its cycle, or the weeks of rest. */
function captionText(s: CycleSegment): string {
	return s.kind === 'rest'
		? m.chart2_dosing_rest_caption({ weeks: String(Math.round((s.toDay - s.fromDay + 1) / 7)) })
		: m.chart2_dosing_cycle({ cycle: String(s.cycle) });
}

/** Where everything goes at a width and type size. Wide: label left of its strip; phones: above. */
export function dosingFrame(
	content: DosingContent,
	width: number,
	fontSize: number,
	locale: Locale
): DosingFrame {
	const { rows } = content;
	const narrow = isNarrow(width);
	const labelWidth = narrow ? 0 : Math.min(width * 0.28, 280);
	const left = narrow ? 8 : labelWidth + 16;
	const right = 16;
	const lastDay = Math.max(28, ...rows.map((r) => r.lastDay));
	const plotWidth = Math.max(100, width - left - right);
	const xScale = scaleLinear().domain([0, lastDay]).range([0, plotWidth]);
	const dayX = (day: number) => xScale(day - 1);
	const doseFont = Math.round(fontSize * 0.92);
	const captionFont = Math.round(fontSize * 0.9);
	const barHeight = Math.round(fontSize * 2.4);
	const lineHeight = fontSize * 1.25;

	const strips: DosingStrip[] = [];
	// One column per line of the longest name (bold), the cycles note after them.
	const names: DosingLabelLine[][] = [];
	const notes: DosingLabelLine[] = [];
	const rowsAt: [string, number][] = [];
	let top = 0;
	for (const r of rows) {
		const id = r.regimen.id;
		const texts = r.doses.map((d) => doseText(d, locale));
		const { placed, levels } = stackLabels(
			r.doses.map((d, i) => ({
				key: d.key,
				x: dayX(d.fromDay) + 3,
				width: textWidth(texts[i], doseFont, 'bold')
			})),
			{ min: 0, max: plotWidth, gap: 8, marker: 0 }
		);
		const stepLevels = Math.max(1, levels);
		// The regimen's name wraps whole (never cut): beside the strip, or above it on phones.
		const lines = wrapText(r.regimen.label, narrow ? plotWidth : labelWidth, fontSize, 'bold');
		const n = lines.length + 1;
		const labelBlock = narrow ? Math.round(n * lineHeight + fontSize * 0.1) : 0;
		const stepsHeight = stepLevels * doseFont * 1.2 + 6;
		// Period captions wrap under their period; the row is as tall as the most lines need.
		const captionLines = r.segments.map((s) =>
			wrapText(captionText(s), dayX(s.toDay + 1) - dayX(s.fromDay) - 6, captionFont)
		);
		const captionExtra =
			(Math.max(1, ...captionLines.map((l) => l.length)) - 1) * captionFont * CELL_LINE_HEIGHT;
		const stripHeight = stepsHeight + barHeight + fontSize * 1.5 + captionExtra + 12;
		// Beside the strip, a name longer than the strip is high pushes the strip down.
		const nameSpill = narrow ? 0 : Math.max(0, n * lineHeight - stripHeight);
		const barTop = top + labelBlock + nameSpill / 2 + stepsHeight;
		rowsAt.push([id, barTop]);
		const centre = narrow ? top + (n * lineHeight) / 2 : barTop + barHeight / 2;
		const lineRow = (i: number) => {
			const key = `${id}|line-${i}`;
			rowsAt.push([key, centre + (i - (n - 1) / 2) * lineHeight]);
			return key;
		};
		lines.forEach((text, i) => (names[i] ??= []).push({ key: id, row: lineRow(i), text }));
		notes.push({
			key: id,
			row: lineRow(lines.length),
			text: r.regimen.cycles ?? r.regimen.population
		});

		strips.push({
			...r,
			key: id,
			row: id,
			color: content.color(r),
			periods: r.segments.map((s, k) => {
				const doses = r.doses.filter((d) => d.fromDay <= s.toDay && d.toDay >= s.fromDay);
				return {
					...s,
					doses,
					caption: captionText(s),
					captionLines: captionLines[k],
					label: dosingPeriodLabel(r, s, doses, content.names, locale)
				};
			}),
			steps: r.doses.map((d, i) => ({
				...d,
				text: texts[i],
				textX: placed[i]?.textX ?? dayX(d.fromDay),
				level: placed[i]?.level ?? 0,
				anchor: placed[i]?.anchor ?? 'start'
			}))
		});
		top += labelBlock + nameSpill + stripHeight;
	}
	const labelColumns: DosingLabelColumn[] = [
		...names.map((data, i) => ({ key: `name-${i}`, data, bold: true, muted: false, fontSize })),
		{
			key: 'note',
			data: notes,
			bold: false,
			muted: true,
			fontSize: Math.round(fontSize * 0.88),
			width: narrow ? plotWidth : labelWidth
		}
	];
	return {
		...plotFrame({
			spec: content.spec,
			locale,
			legendItems: content.legendItems,
			width,
			fontSize,
			left,
			right,
			above: 8,
			below: Math.round(fontSize * 3.6),
			plotHeight: top,
			minPlotWidth: 100
		}),
		narrow,
		strips,
		labelColumns,
		labelX: narrow ? 0 : -left + 6,
		barHeight,
		doseFont,
		xScale,
		lastDay,
		yScale: scaleOrdinal<string, number>()
			.domain(rowsAt.map((r) => r[0]))
			.range(rowsAt.map((r) => r[1])),
		ticks: dayTicks(rows).map((d) => d - 1)
	};
}

/** A period's accessible name: regimen, cycle, days, what is given, source. */
export function dosingPeriodLabel(
	r: ScheduleRow,
	s: CycleSegment,
	doses: DoseSegment[],
	names: DatasetNames,
	locale: Locale
): string {
	const head = `${r.regimen.label}, ${m.chart2_dosing_cycle({ cycle: String(s.cycle) })}, ${daysText(s.fromDay, s.toDay)}`;
	const body =
		s.kind === 'rest'
			? m.chart2_dosing_tip_rest()
			: [
					m.chart2_dosing_tip_infusion({ weeks: String(treatmentDays(r.regimen) / 7) }),
					...(doses.length
						? doses.map((d) => `${doseText(d, locale)}, ${daysText(d.fromDay, d.toDay)}`)
						: [m.chart2_dosing_tip_no_dose()])
				].join('; ');
	return [
		head,
		body,
		...(r.regimen.cycles ? [r.regimen.cycles] : []),
		m.chart_tip_source({
			source: names.source(r.regimen.provenance.sourceId),
			locator: r.regimen.provenance.locator
		})
	].join('. ');
}

/** data-* attributes of a period and of a dose step, for tests and exports. */
export function dosingPeriodAttrs(r: DosingStrip, s: DosingPeriod) {
	return {
		'data-regimen-id': r.regimen.id,
		'data-kind': s.kind,
		'data-cycle': s.cycle,
		'data-from-day': s.fromDay,
		'data-to-day': s.toDay
	};
}

export function dosingStepAttrs(d: DosingStep) {
	return {
		'data-dose': d.dose,
		'data-unit': d.unit,
		'data-from-day': d.fromDay,
		'data-to-day': d.toDay
	};
}
