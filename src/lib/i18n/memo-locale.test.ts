import { describe, expect, it } from 'vitest';
import { memoiseByAddress } from './memo-locale';

describe('memoiseByAddress', () => {
	it('resolves once per address and again when the address changes', () => {
		let href = 'https://x.test/';
		let calls = 0;
		const locale = memoiseByAddress(
			() => {
				calls++;
				return new URL(href).pathname.startsWith('/nl') ? 'nl' : 'en';
			},
			() => href
		);
		const steps: [string, string, number][] = [
			['https://x.test/', 'en', 1],
			['https://x.test/', 'en', 1],
			['https://x.test/nl/studies/a', 'nl', 2],
			['https://x.test/nl/studies/a', 'nl', 2],
			['https://x.test/studies/a?f=1', 'en', 3]
		];
		for (const [address, expected, expectedCalls] of steps) {
			href = address;
			expect(locale()).toBe(expected);
			expect(calls).toBe(expectedCalls);
		}
	});

	it('lets a nested call made while resolving resolve as well', () => {
		let depth = 0;
		const inner: string[] = [];
		const locale: () => string = memoiseByAddress(
			() => {
				depth++;
				if (depth === 1) inner.push(locale());
				return `locale-${depth}`;
			},
			() => 'same'
		);
		expect(locale()).toBe('locale-2');
		expect(inner).toEqual(['locale-2']);
		expect(locale()).toBe('locale-2');
	});
});
