/**
 * Where our render spends its time, by Svelte component: a V8 CPU profile of a few
 * renders, each sample charged to the nearest .svelte frame on its stack (its own
 * code and the helpers it calls, not the components nested in it), plus garbage
 * collection. Profiling slows everything a little; read the shares, not the ms.
 */
import { Session } from 'node:inspector/promises';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string };
	children?: number[];
}

export interface Attribution {
	/** Milliseconds per render by component (or "(gc)", "(other)"), largest first. */
	components: { name: string; ms: number; share: number }[];
	renders: number;
}

export async function attribute(fn: () => unknown, renders = 5): Promise<Attribution> {
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.setSamplingInterval', { interval: 200 });
	await session.post('Profiler.start');
	for (let i = 0; i < renders; i++) await fn();
	const { profile } = await session.post('Profiler.stop');
	await session.post('Profiler.disable');
	session.disconnect();

	const nodes = new Map<number, ProfileNode>(
		(profile.nodes as ProfileNode[]).map((n) => [n.id, n])
	);
	const parent = new Map<number, number>();
	for (const n of nodes.values()) for (const c of n.children ?? []) parent.set(c, n.id);
	const owner = new Map<number, string>();
	const ownerOf = (id: number): string => {
		const cached = owner.get(id);
		if (cached) return cached;
		const node = nodes.get(id)!;
		let name: string;
		if (node.callFrame.functionName === '(garbage collector)') name = '(gc)';
		else if (/\.svelte(\?|$)/.test(node.callFrame.url))
			name = node.callFrame.url.split('/').pop()!.replace(/\?.*$/, '');
		else {
			const up = parent.get(id);
			name = up === undefined ? '(other)' : ownerOf(up);
		}
		owner.set(id, name);
		return name;
	};
	const totals = new Map<string, number>();
	const samples = profile.samples ?? [];
	const deltas = profile.timeDeltas ?? [];
	for (let i = 0; i < samples.length; i++) {
		const name = ownerOf(samples[i]);
		totals.set(name, (totals.get(name) ?? 0) + (deltas[i] ?? 0) / 1000);
	}
	// Idle and the profiler's own bookkeeping are not the render's.
	for (const skip of ['(other)']) totals.delete(skip);
	const sum = [...totals.values()].reduce((a, b) => a + b, 0);
	return {
		renders,
		components: [...totals.entries()]
			.map(([name, ms]) => ({ name, ms: ms / renders, share: ms / sum }))
			.sort((a, b) => b.ms - a.ms)
	};
}
