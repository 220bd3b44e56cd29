import { it } from 'vitest';
import { syntheticDataset } from '../../src/lib/evidence/synthetic';
import { renderOurs } from './renderers';
import { attribute } from './attribution';

it('profile', async () => {
	const ds = syntheticDataset({ results: Number(process.env.N ?? 1000), seed: 1 });
	for (let i = 0; i < 3; i++) renderOurs(ds);
	const a = await attribute(() => renderOurs(ds), 5);
	for (const c of a.components) console.log(c.ms.toFixed(1).padStart(8), (c.share * 100).toFixed(1).padStart(5) + '%', c.name);
});
