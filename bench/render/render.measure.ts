/**
 * Entry of the render benchmark under Vitest (`bench/vitest.config.ts`): reads the
 * configuration from BENCH_RENDER_CONFIG ("full" or "quick"), writes the results to
 * BENCH_RENDER_OUT. Run through `npm run bench`, not on its own.
 */
import { expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { FULL_CONFIG, QUICK_CONFIG, runRenderBench } from './measure';

it('renders the forest plot with ours, Observable Plot and Vega-Lite', async () => {
	const named = process.env.BENCH_RENDER_CONFIG ?? 'full';
	const config =
		named === 'quick' ? QUICK_CONFIG : named.startsWith('{') ? JSON.parse(named) : FULL_CONFIG;
	const out = process.env.BENCH_RENDER_OUT;
	const result = await runRenderBench(config, (line) => process.stdout.write(`${line}\n`));
	expect(result.sizes).toHaveLength(config.sizes.length);
	if (out) writeFileSync(out, JSON.stringify(result, null, '\t'));
});
