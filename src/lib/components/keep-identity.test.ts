import { describe, expect, it } from 'vitest';
import { keepWhileSame } from './keep-identity';

describe('keepWhileSame', () => {
	it('returns the earlier object while the key is unchanged, the new one when it changes', () => {
		const stable = keepWhileSame<{ ids: string[] }>((v) => v.ids.join(','));
		const a = stable({ ids: ['x', 'y'] });
		expect(stable({ ids: ['x', 'y'] })).toBe(a);
		const b = { ids: ['y'] };
		expect(stable(b)).toBe(b);
		expect(stable({ ids: ['y'] })).toBe(b);
		// Back to the first key: a new object (only the last one is kept).
		const c = { ids: ['x', 'y'] };
		expect(stable(c)).toBe(c);
	});
});
