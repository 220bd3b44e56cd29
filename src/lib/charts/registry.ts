/**
 * Every chart that can go on a slide, by id. The presentation page (`/present`) keeps a
 * deck of chart ids with the URL state they were added with, and renders them from here.
 *
 * An entry loads its chart lazily (so pages that only show a chart's Export menu do not
 * pull every chart in) and builds the chart's props from the active dataset and the
 * saved URL state. Chart components must accept an `actions` prop and hand it to
 * ChartShell (or ChartFigure): the presentation page uses it to receive the drawn `<svg>` for export.
 *
 * To register a chart:
 *
 *   'response-forest': async () => {
 *     const { default: component } = await import('./forest/ResponseForest.svelte');
 *     return { component, props: (dataset, params) => ({ dataset, options: parseForestOptions(params) }) };
 *   }
 *
 * The key must equal the chart's `spec.id` (Export menus look their chart up by it).
 */
import type { Component } from 'svelte';
import type { Dataset } from '$lib/evidence/schema';
import { studyById } from '$lib/evidence/queries';
import type { ChartActionsProps } from './chart-actions';

/** What ChartFigure hands to its `actions` snippet. */
export type ChartActionsContext = ChartActionsProps;

export interface ChartModule {
	// Props differ per chart; each entry's `props` builds the right ones.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	component: Component<any>;
	/** The chart's props for the active dataset and a saved URL state (query string). */
	props(dataset: Dataset, params: URLSearchParams): Record<string, unknown>;
}

/** Loads a chart; `id` is the full chart id (for families: `two-arm-<study id>`). */
export type ChartLoader = (id: string) => Promise<ChartModule>;

/** A chart of the whole dataset: its only prop is the dataset. */
function datasetChart(load: () => Promise<{ default: ChartModule['component'] }>): ChartLoader {
	return async () => {
		const { default: component } = await load();
		return { component, props: (dataset) => ({ dataset }) };
	};
}

/** A study-level chart: its props name the study whose id ends the chart id. */
function studyChart(
	prefix: string,
	load: () => Promise<{ default: ChartModule['component'] }>
): ChartLoader {
	return async (id) => {
		const { default: component } = await load();
		const studyId = id.slice(prefix.length);
		return {
			component,
			props: (dataset) => {
				const study = studyById(dataset, studyId);
				if (!study) throw new Error(`No study "${studyId}" in dataset ${dataset.version}`);
				return { dataset, study };
			}
		};
	};
}

/**
 * Exact ids, and families ending in `*` (one chart per study: the rest of the id is the
 * study id). The key must produce the chart's `spec.id`.
 */
export const chartRegistry: Record<string, ChartLoader> = {
	'response-forest': async () => {
		const [{ default: component }, { parseForestOptions }] = await Promise.all([
			import('./forest/ResponseForest.svelte'),
			import('./forest/forest-url')
		]);
		return {
			component,
			props: (dataset, params) => ({ dataset, options: parseForestOptions(params) })
		};
	},
	'evidence-map': datasetChart(() => import('./evidence-map/EvidenceMap.svelte')),
	timeline: datasetChart(() => import('./timeline/TimelineChart.svelte')),
	'dosing-schedule': datasetChart(() => import('./dosing/DosingSchedule.svelte')),
	'safety-dots': async () => {
		const [{ default: component }, { profileRoles }] = await Promise.all([
			import('./safety/SafetyDotChart.svelte'),
			import('./safety/safety-rows')
		]);
		return {
			component,
			props: (dataset) => {
				// The same profiles the safety page shows.
				const roles = profileRoles(dataset.safety);
				if (!roles.primary)
					throw new Error(`No quantified safety profile in dataset ${dataset.version}`);
				return { dataset, primary: roles.primary, comparisons: roles.comparisons };
			}
		};
	},
	'two-arm-*': studyChart('two-arm-', () => import('./two-arm/TwoArmComparison.svelte')),
	'effects-*': studyChart('effects-', () => import('./two-arm/EffectForest.svelte')),
	'survival-*': studyChart('survival-', () => import('./survival/SurvivalChart.svelte'))
};

function loaderFor(id: string): ChartLoader | undefined {
	if (Object.hasOwn(chartRegistry, id)) return chartRegistry[id];
	const family = Object.keys(chartRegistry)
		.filter(
			(key) => key.endsWith('*') && id.startsWith(key.slice(0, -1)) && id.length >= key.length
		)
		.sort((a, b) => b.length - a.length)[0];
	return family ? chartRegistry[family] : undefined;
}

export function isRegisteredChart(id: string): boolean {
	return loaderFor(id) !== undefined;
}

export async function loadChart(id: string): Promise<ChartModule | undefined> {
	return loaderFor(id)?.(id);
}
