/**
 * The server's render of chart islands (ChartIsland.svelte). Only the server build has it:
 * in the browser build the condition is false at build time, so neither the charts of the
 * registry nor svelte/server end up in a page's JavaScript.
 */
import type { Component } from 'svelte';
import type { IslandChart } from './island-registry';

export type { IslandChart };

async function serverRenderer() {
	const [{ render }, { islandCharts }] = await Promise.all([
		import('svelte/server'),
		import('./island-registry')
	]);
	return (chart: IslandChart, props: Record<string, unknown>, context: Map<unknown, unknown>) => {
		const { head, body } = render(islandCharts[chart] as Component<Record<string, unknown>>, {
			props,
			context
		});
		// Styles of components compiled with injected CSS travel with their markup.
		return head + body;
	};
}

export const renderIsland = import.meta.env.SSR ? await serverRenderer() : undefined;
