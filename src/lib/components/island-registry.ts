/**
 * The charts that pages show as islands (ChartIsland.svelte), by name, for the server's
 * render. Only island-server.ts imports this module, and only in the server build; the
 * browser loads each chart with the island's own dynamic import.
 */
import EvidenceMap from '$lib/charts/evidence-map/EvidenceMap.svelte';
import ResponseForest from '$lib/charts/forest/ResponseForest.svelte';
import NetworkChart from '$lib/charts/landscape/NetworkChart.svelte';
import RandomisedStudyCharts from '$lib/charts/two-arm/RandomisedStudyCharts.svelte';
import StudyKaplanMeier from './StudyKaplanMeier.svelte';

export const islandCharts = {
	'evidence-map': EvidenceMap,
	'response-forest': ResponseForest,
	'randomised-study-charts': RandomisedStudyCharts,
	'study-kaplan-meier': StudyKaplanMeier,
	'treatment-network': NetworkChart
} as const;

export type IslandChart = keyof typeof islandCharts;
