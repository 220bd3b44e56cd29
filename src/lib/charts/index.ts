/** The charts, for pages to import. Each takes plain data through props. */
export { default as ChartFigure } from './ChartFigure.svelte';
export { default as ResponseForest } from './forest/ResponseForest.svelte';
export { default as TwoArmComparison } from './two-arm/TwoArmComparison.svelte';
export { default as EffectForest } from './two-arm/EffectForest.svelte';
export { default as SurvivalChart } from './survival/SurvivalChart.svelte';
export { default as RandomisedStudyCharts } from './two-arm/RandomisedStudyCharts.svelte';
export type { ChartSpec, TidyRow } from './spec';
