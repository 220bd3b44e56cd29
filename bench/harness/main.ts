/**
 * Bench harness (not part of the site): the real ResponseForest on a seeded synthetic
 * dataset of `?n=` results, with the site's CSS, so the browser benchmark can time
 * chart updates at sizes the embedded dataset does not have.
 */
import { mount } from 'svelte';
import '../../src/app.css';
import Harness from './Harness.svelte';

const params = new URL(location.href).searchParams;
mount(Harness, {
	target: document.getElementById('app')!,
	props: {
		results: Number(params.get('n') ?? 1000),
		seed: Number(params.get('seed') ?? 20260101)
	}
});
// mount() renders synchronously: the first render of the chart is done here.
performance.mark('bench:mounted');
