/**
 * The one place that reads LayerCake's context. LayerCake's context API is moving
 * to runes; when it changes again, only this file changes.
 */
import { getLayerCakeContext, type LayerCakeContext } from 'layercake';

/** The cake a layer draws in. Read `k.width`, `k.xScale`, `k.yGet(d)` directly; never destructure. */
export type ChartContext<S = unknown, TData = unknown[]> = LayerCakeContext<S, TData>;

/** The context of the enclosing `<LayerCake>`; call during component initialisation. */
export function useChart<S = unknown, TData = unknown[]>(): ChartContext<S, TData> {
	return getLayerCakeContext<S, TData>();
}
