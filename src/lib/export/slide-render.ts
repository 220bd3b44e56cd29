/**
 * Draws a chart again, off screen, at slide size (SLIDE_CHART: larger type than on the
 * page), so its slide pictures are legible on a projector. The chart is told it is drawn
 * for a slide (`target: 'slide'`): one that has a slide layout (the forest's one-line
 * rows) takes it; others ignore the prop. The chart
 * comes from the registry with the same dataset and URL state the reader sees; it is
 * mounted in a hidden, inert box outside the viewport and removed when done.
 */
import { mount, unmount } from 'svelte';
import { loadChart } from '$lib/charts/registry';
import type { Dataset } from '$lib/evidence/schema';

/** What is needed to draw a chart again: its registry id, dataset and URL state. */
export interface ChartSource {
	chartId: string;
	/** Query string without "?". */
	params: string;
	dataset: Dataset;
}

export interface OffscreenChart {
	svg: SVGSVGElement;
	dispose(): void;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Mounts the chart `width` px wide with `fontSize` px type and resolves once its size has
 * settled (the figure measures its width, then the chart its height), or undefined when the
 * chart is not in the registry or does not draw within `timeout` ms.
 */
export async function renderOffscreen(
	source: ChartSource,
	size: { width: number; fontSize: number },
	timeout = 4000
): Promise<OffscreenChart | undefined> {
	const chart = await loadChart(source.chartId);
	if (!chart) return undefined;
	const host = document.createElement('div');
	host.setAttribute('aria-hidden', 'true');
	host.inert = true;
	host.style.cssText = `position:absolute;left:-100000px;top:0;width:${size.width}px;--chart-font-size:${size.fontSize}px`;
	host.className = 'slide-render';
	document.body.appendChild(host);
	const app = mount(chart.component, {
		target: host,
		props: { ...chart.props(source.dataset, new URLSearchParams(source.params)), target: 'slide' }
	});
	const dispose = () => {
		void unmount(app);
		host.remove();
	};
	const started = performance.now();
	let last = '';
	let stable = 0;
	while (performance.now() - started < timeout) {
		await frame();
		const svg = host.querySelector<SVGSVGElement>('figure svg.layercake-layout-svg');
		const box = svg?.parentElement;
		const seen = box ? `${box.clientWidth}x${box.clientHeight}` : '';
		if (svg && box && box.clientWidth > 0 && box.clientHeight > 0 && seen === last) {
			if (++stable >= 2) return { svg, dispose };
		} else stable = 0;
		last = seen;
	}
	dispose();
	return undefined;
}
