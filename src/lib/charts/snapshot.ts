/**
 * Test helper: server-renders a chart component and returns its root <svg> as
 * stable, diff-friendly text (one element per line; no hydration markers or scoped
 * class hashes), for committed snapshots under __snapshots__/.
 */
import { render } from 'svelte/server';
import type { Component } from 'svelte';

export function renderChartSvg<P extends Record<string, unknown>>(
	component: Component<P>,
	props: P
): { svg: string; html: string } {
	const { body } = render(component, { props });
	const html = body
		.replace(/<!--[^>]*-->/g, '')
		.replace(/\s?svelte-[a-z0-9]+/g, '')
		.replace(/ class=""/g, '');
	const match = html.match(/<svg[\s\S]*?<\/svg>/);
	if (!match) throw new Error('the chart rendered no <svg>');
	const svg = match[0].replace(/>\s*</g, '>\n<');
	return { svg: `${svg}\n`, html };
}
