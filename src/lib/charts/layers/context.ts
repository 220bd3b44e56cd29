/**
 * The one place that reads LayerCake's context. LayerCake's context API is moving
 * to runes; when it changes again, only this file changes.
 */
import { getLayerCakeContext, setLayerCakeContext, type LayerCakeContext } from 'layercake';

/** The cake a layer draws in. Read `k.width`, `k.xScale`, `k.yGet(d)` directly; never destructure. */
export type ChartContext<S = unknown, TData = unknown[]> = LayerCakeContext<S, TData>;

/** The context of the enclosing `<LayerCake>`; call during component initialisation. */
export function useChart<S = unknown, TData = unknown[]>(): ChartContext<S, TData> {
	return getLayerCakeContext<S, TData>();
}

/**
 * A cake inside the enclosing one, for one panel of a multi-panel chart: its own data,
 * accessors, scales and size, everything else (padding, container, custom) from the
 * outer cake. Layers inside read it with `useChart()` as usual. Call during component
 * initialisation; `inner` is read on every access, so it may come from `$derived` state.
 */
export function provideInnerChart(
	inner: () => {
		width: number;
		height: number;
		data: unknown[];
		x?: (d: never) => unknown;
		y?: (d: never) => unknown;
		xScale: (value: never) => number;
		yScale?: (value: never) => number | undefined;
	}
): void {
	const outer = getLayerCakeContext();
	const own: Record<string, () => unknown> = {
		width: () => inner().width,
		height: () => inner().height,
		data: () => inner().data,
		flatData: () => inner().data,
		x: () => inner().x ?? null,
		y: () => inner().y ?? null,
		xScale: () => inner().xScale,
		yScale: () => inner().yScale,
		xDomain: () => (inner().xScale as unknown as { domain(): unknown[] }).domain(),
		yDomain: () => (inner().yScale as unknown as { domain(): unknown[] } | undefined)?.domain(),
		xRange: () => (inner().xScale as unknown as { range(): unknown[] }).range(),
		yRange: () => (inner().yScale as unknown as { range(): unknown[] } | undefined)?.range(),
		xGet: () => {
			const { x, xScale } = inner();
			return (d: never) => xScale((x ? x(d) : d) as never);
		},
		yGet: () => {
			const { y, yScale } = inner();
			return yScale ? (d: never) => yScale((y ? y(d) : d) as never) : undefined;
		}
	};
	const context = Object.create(null) as ChartContext;
	for (const key of Object.keys(outer)) {
		Object.defineProperty(context, key, {
			get: () => (key in own ? own[key]() : (outer as unknown as Record<string, unknown>)[key]),
			enumerable: true
		});
	}
	setLayerCakeContext(context);
}

/** An offset from a band's middle, px: one for the layer, or one per datum (lanes in a row). */
export type BandOffset<T> = number | ((d: T) => number);

/** A datum's vertical centre: its y through the cake's scale (a band's middle), plus `dy`. */
export function bandMiddle<T>(
	k: { yGet: (d: T) => number; yScale: unknown },
	d: T,
	dy: BandOffset<T> = 0
): number {
	const band = k.yScale as { bandwidth?: () => number };
	return (
		k.yGet(d) +
		(typeof band.bandwidth === 'function' ? band.bandwidth() / 2 : 0) +
		(typeof dy === 'function' ? dy(d) : dy)
	);
}
