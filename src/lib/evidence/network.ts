/**
 * The network of a dataset's evidence: treatments as nodes, randomised trials as edges between
 * the treatments they compare, single-arm trials as nodes of their own with no edge.
 */
import type { Dataset } from './schema';

export interface NetworkNode {
	id: string;
	label: string;
	/** Studies in which the treatment is an arm. */
	studyIds: string[];
	/** Only in single-arm trials: no edge reaches it. */
	isolated: boolean;
	x: number;
	y: number;
}

export interface NetworkEdge {
	studyId: string;
	study: string;
	from: string;
	to: string;
	/** Randomised: the sum of the arms' n, where every arm gives one. */
	n?: number;
}

export interface Network {
	nodes: NetworkNode[];
	edges: NetworkEdge[];
	width: number;
	height: number;
}

/** Nodes placed for a drawing `width` wide: the best-linked treatment in the middle, the rest of
 * the connected ones around it, treatments of single-arm trials in a row below. */
export function evidenceNetwork(dataset: Dataset, width = 720): Network {
	const edges: NetworkEdge[] = [];
	const studiesOf = new Map<string, string[]>();
	for (const study of dataset.studies) {
		for (const arm of study.arms) {
			const list = studiesOf.get(arm.treatmentId) ?? [];
			if (!list.includes(study.id)) list.push(study.id);
			studiesOf.set(arm.treatmentId, list);
		}
		const treatments = [...new Set(study.arms.map((a) => a.treatmentId))];
		if (study.design === 'randomised' && treatments.length >= 2) {
			const ns = study.arms.map((a) => a.n);
			const n = ns.every((x) => x !== undefined) ? ns.reduce((a, b) => a! + b!, 0) : undefined;
			for (let i = 1; i < treatments.length; i++)
				edges.push({
					studyId: study.id,
					study: study.name,
					from: treatments[0],
					to: treatments[i],
					n
				});
		}
	}
	const degree = (id: string) => edges.filter((e) => e.from === id || e.to === id).length;
	const ids = [...studiesOf.keys()];
	const connected = ids.filter((id) => degree(id) > 0).sort((a, b) => degree(b) - degree(a));
	const isolated = ids.filter((id) => degree(id) === 0);
	const label = (id: string) => dataset.treatments.find((t) => t.id === id)?.label ?? id;
	const nodes: NetworkNode[] = [];
	const hubY = 70;
	const ringY = 170;
	const rowY = 290;
	connected.forEach((id, i) => {
		const others = connected.length - 1;
		const x = i === 0 ? width / 2 : others === 1 ? width / 2 : (width * (i - 0.5)) / others;
		nodes.push({
			id,
			label: label(id),
			studyIds: studiesOf.get(id)!,
			isolated: false,
			x,
			y: i === 0 ? hubY : ringY
		});
	});
	isolated.forEach((id, i) => {
		nodes.push({
			id,
			label: label(id),
			studyIds: studiesOf.get(id)!,
			isolated: true,
			x: (width * (i + 0.5)) / isolated.length,
			y: rowY
		});
	});
	return { nodes, edges, width, height: isolated.length ? 360 : 240 };
}
