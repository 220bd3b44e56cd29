/**
 * The evidence network as a chart: what it draws (treatments as nodes, randomised trials as
 * edges with the number randomised, single-arm trials as nodes without an edge), its spec and
 * its tidy rows (one per trial, the n with the arithmetic and the quotes it comes from), and the
 * frame around it. Plain TypeScript; `NetworkChart.svelte` composes the layers.
 */
import { m } from '$lib/paraglide/messages';
import type { Network, NetworkEdge, NetworkNode } from '$lib/evidence/network';
import type { Dataset, Study } from '$lib/evidence/schema';
import type { Locale } from '$lib/format';
import { chartFrame, datasetStamp, type ChartFrame } from '../frame';
import type { ChartSpec, TidyRow } from '../spec';

export interface NetworkContent {
	spec: ChartSpec;
	tidy: TidyRow[];
	network: Network;
	/** Study id → name, for the labels of single-arm nodes. */
	studyName: (id: string) => string;
}

const unique = (values: (string | undefined)[]) => [
	...new Set(values.filter((v): v is string => !!v))
];

/** Where a study's arm sizes come from: short citations, locators and quotes of its arms. */
function armTrace(dataset: Dataset, study: Study) {
	const cite = (id: string) => dataset.sources.find((s) => s.id === id)?.shortCitation ?? id;
	const provs = study.arms.map((a) => a.provenance ?? study.provenance);
	return {
		source: unique(provs.map((p) => cite(p.sourceId))).join('; '),
		locator: unique(provs.map((p) => p.locator)).join('; '),
		quote: unique(provs.map((p) => p.quote)).join(' / ')
	};
}

/** The n of a trial: the sum of its arms, with the sum written out when it is one. */
export function trialSize(study: Study): { n?: number; arithmetic: string } {
	const ns = study.arms.map((a) => a.n);
	if (ns.some((n) => n === undefined)) return { arithmetic: '' };
	const n = (ns as number[]).reduce((a, b) => a + b, 0);
	return { n, arithmetic: ns.length > 1 ? `${ns.join(' + ')} = ${n}` : '' };
}

export function networkContent(
	dataset: Dataset,
	network: Network,
	id = 'evidence-network'
): NetworkContent {
	const studyOf = (studyId: string) => dataset.studies.find((s) => s.id === studyId)!;
	const treatment = (tid: string) => network.nodes.find((n) => n.id === tid)?.label ?? tid;
	const population = (study: Study) =>
		study.indicationIds
			.map((iid) => dataset.indications.find((i) => i.id === iid)?.label ?? iid)
			.join('; ');
	const row = (study: Study, arm: string, endpoint: string): TidyRow => {
		const size = trialSize(study);
		return {
			study: study.name,
			indication: population(study),
			arm,
			endpoint,
			timepoint: '',
			value: null,
			unit: '',
			events: null,
			total: size.n ?? null,
			ciLow: null,
			ciHigh: null,
			ciLevel: null,
			ciMethod: '',
			// The n of a randomised trial is the sum of its arms: derived, with its arithmetic.
			basis: size.arithmetic ? 'derived' : 'reported',
			...armTrace(dataset, study),
			dataCut: '',
			text: size.arithmetic ? m.ls_network_sum({ sum: size.arithmetic }) : ''
		};
	};
	const edgeRows = network.edges.map((e: NetworkEdge) =>
		row(studyOf(e.studyId), `${treatment(e.from)} vs ${treatment(e.to)}`, m.ls_network_randomised())
	);
	const nodeRows = network.nodes
		.filter((n: NetworkNode) => n.isolated)
		.flatMap((n) => n.studyIds.map((sid) => row(studyOf(sid), n.label, m.ls_network_single())));
	const tidy = [...edgeRows, ...nodeRows];
	const spec: ChartSpec = {
		id,
		title: m.ls_network_title(),
		subtitle: m.ls_network_subtitle({ title: dataset.title }),
		description: m.ls_network_description({
			nodes: String(network.nodes.length),
			edges: String(network.edges.length),
			single: String(nodeRows.length)
		}),
		sources: unique(tidy.flatMap((r) => r.source.split('; '))),
		...datasetStamp(dataset)
	};
	return { spec, tidy, network, studyName: (sid) => studyOf(sid)?.name ?? sid };
}

export interface NetworkFrame extends ChartFrame {
	height: number;
	plotHeight: number;
}

/** Caption, padding and size: the drawing keeps its proportions, scaled with the type size. */
export function networkFrame(
	content: NetworkContent,
	width: number,
	fontSize: number,
	locale: Locale
): NetworkFrame {
	const frame = chartFrame({
		spec: content.spec,
		locale,
		notes: [m.ls_network_caption(), m.ls_exploratory_note()],
		legendItems: [],
		width,
		fontSize,
		// Node labels are centred on their node: room for half a long label on either side.
		left: Math.round(fontSize * 4),
		right: Math.round(fontSize * 4)
	});
	const plotHeight = Math.round((content.network.height * fontSize) / 13);
	return { ...frame, plotHeight, height: frame.padding.top + plotHeight + frame.padding.bottom };
}
