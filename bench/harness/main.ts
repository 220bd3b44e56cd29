/**
 * Bench harness (not part of the site): the real ResponseForest on a seeded synthetic
 * dataset of `?n=` results, with the site's CSS, so the browser benchmark can time
 * chart updates at sizes the embedded dataset does not have.
 */
import { mount } from 'svelte';
import '../../src/app.css';
import Harness from './Harness.svelte';
import { syntheticDataset } from '$lib/evidence/synthetic';

const params = new URL(location.href).searchParams;
const results = Number(params.get('n') ?? 1000);
const seed = Number(params.get('seed') ?? 20260101);
// ?perStudy=: results per study (the large-dataset case wants many small studies).
const resultsPerStudy = params.has('perStudy') ? Number(params.get('perStudy')) : undefined;
// The bench imports the same dataset into the real site through /data.
(window as unknown as { benchDatasetJson: () => string }).benchDatasetJson = () =>
	JSON.stringify(syntheticDataset({ results, seed, resultsPerStudy }), null, 1);
// ?mount=0: only the dataset, for the import.
if (params.get('mount') !== '0') {
	mount(Harness, {
		target: document.getElementById('app')!,
		props: { results, seed }
	});
	// mount() renders synchronously: the first render of the chart is done here.
	performance.mark('bench:mounted');
}
