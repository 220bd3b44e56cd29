/**
 * The actions beside every chart (the export menu), injected into the chart shell from
 * above: charts never import the export layer. The app's root layout provides the menu;
 * a chart given an `actions` snippet (the presentation page) uses that instead, and a
 * chart rendered alone (tests, the bench harness) shows none.
 */
import { getContext, setContext, type Component } from 'svelte';
import type { ChartSpec, TidyRow } from './spec';

/** What the shell hands to its actions: the spec, the tidy rows and the drawn `<svg>`. */
export interface ChartActionsProps {
	spec: ChartSpec;
	rows: TidyRow[];
	svg: SVGElement | undefined;
}

const KEY = Symbol('chart-actions');

/** Call during a component's set-up: every chart below it shows `actions`. */
export function provideChartActions(actions: Component<ChartActionsProps>): void {
	setContext(KEY, actions);
}

/** The injected actions, if a component above provided them. */
export function injectedChartActions(): Component<ChartActionsProps> | undefined {
	return getContext<Component<ChartActionsProps> | undefined>(KEY);
}
