/**
 * Random damage for datasets, for the fuzz suite: a mutation is a path picked among all the
 * paths of a base dataset and something done there (delete, replace with an odd value, add a
 * forbidden key, break a reference, duplicate a list item, rewrite a text). Plans are drawn by
 * fast-check, so failures shrink and replay from the printed seed.
 */
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** How many datasets a run of the fuzz suite checks in total (default 10,000). */
export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 10_000));
/** Replay a failing run: FUZZ_SEED=<seed printed by fast-check>. */
export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

export const fuzzParams = (numRuns: number): fc.Parameters<unknown> => ({
	numRuns,
	seed: FUZZ_SEED,
	endOnFailure: true
});

/** Every path in a JSON value, containers included, root excluded. */
export function allPaths(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
	if (Array.isArray(value))
		value.forEach((item, i) => {
			out.push([...prefix, i]);
			allPaths(item, [...prefix, i], out);
		});
	else if (value && typeof value === 'object')
		for (const [key, item] of Object.entries(value)) {
			out.push([...prefix, key]);
			allPaths(item, [...prefix, key], out);
		}
	return out;
}

/** Text that has broken parsers, spreadsheets and pages before. */
export const oddText = fc.oneof(
	fc.constantFrom(
		'',
		'   ',
		'<img src=x onerror=alert(1)>',
		'<script>alert(1)</script>',
		'=HYPERLINK("http://x","y")',
		'+1',
		'-1',
		'@SUM(A1)',
		'\t=1',
		'\r=1',
		"'=1",
		"''",
		'"',
		'""',
		',',
		';',
		'a;b',
		'line\nbreak',
		'cr\r\nlf',
		'\u0000',
		'\uFEFF',
		'\uFFFD',
		'\ud800',
		'😀',
		'x'.repeat(5000),
		'javascript:alert(1)',
		'__proto__',
		'constructor',
		'2025-13-01',
		'NaN',
		'1e999',
		'true',
		'null',
		'[',
		'{"a":'
	),
	fc.string({ unit: 'grapheme', maxLength: 40 }),
	fc.string({
		unit: fc.constantFrom('"', ',', '\n', '\r', "'", '=', '-', ';', 'a', ' ', '['),
		maxLength: 20
	})
);

/** Values of every type, for replacing fields. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
	oddText,
	fc.constantFrom(
		-3,
		0,
		-0,
		1.5,
		1e308,
		Number.MAX_SAFE_INTEGER + 2,
		NaN,
		Infinity,
		-Infinity,
		null,
		true,
		false,
		[],
		{},
		[null],
		{ __proto__: null }
	),
	fc.integer(),
	fc.double(),
	fc.jsonValue({ maxDepth: 3 })
);

export type Mutation =
	| { op: 'delete'; at: number }
	| { op: 'replace'; at: number; value: unknown }
	| { op: 'text'; at: number; text: string }
	| { op: 'forbidden'; at: number; key: '__proto__' | 'constructor' | 'prototype' }
	| { op: 'break-ref'; at: number; id: string }
	| { op: 'duplicate'; at: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
	fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: oddValue }),
	fc.record({ op: fc.constant('text' as const), at: fc.nat(), text: oddText }),
	fc.record({
		op: fc.constant('forbidden' as const),
		at: fc.nat(),
		key: fc.constantFrom('__proto__' as const, 'constructor' as const, 'prototype' as const)
	}),
	fc.record({
		op: fc.constant('break-ref' as const),
		at: fc.nat(),
		id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/)
	}),
	fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() })
);

function parentOf(root: Json, path: Path): { parent: Json; key: string | number } | undefined {
	let node: Json = root;
	for (const key of path.slice(0, -1)) {
		if (node === null || typeof node !== 'object') return undefined;
		node = (node as Record<string | number, Json>)[key];
	}
	if (node === null || typeof node !== 'object') return undefined;
	return { parent: node, key: path[path.length - 1] };
}

/**
 * Applies mutations in order to a copy of the base; paths are re-read after each. With `within`,
 * only paths it accepts are mutated (to aim at one part of the model, e.g. curves).
 */
export function mutate(
	base: Json,
	mutations: Mutation[],
	within?: (path: Path) => boolean
): unknown {
	const root: Json = structuredClone(base);
	for (const m of mutations) {
		const paths = within ? allPaths(root).filter(within) : allPaths(root);
		if (!paths.length) break;
		const path = paths[m.at % paths.length];
		const found = parentOf(root, path);
		if (!found) continue;
		const parent = found.parent as Record<string | number, unknown> & unknown[];
		const { key } = found;
		const current = parent[key];
		switch (m.op) {
			case 'delete':
				if (Array.isArray(parent)) parent.splice(key as number, 1);
				else delete parent[key];
				break;
			case 'replace':
				parent[key] = structuredClone(m.value);
				break;
			case 'text':
				if (typeof current === 'string') parent[key] = m.text;
				break;
			case 'forbidden': {
				// Defined, not assigned, so `__proto__` becomes an own key as JSON.parse makes it.
				const target = current && typeof current === 'object' ? current : parent;
				Object.defineProperty(target, m.key, {
					value: { polluted: true },
					enumerable: true,
					configurable: true,
					writable: true
				});
				break;
			}
			case 'break-ref':
				if (typeof current === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(current)) parent[key] = m.id;
				break;
			case 'duplicate':
				if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(current));
				break;
		}
	}
	return root;
}
