import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { baseLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import Page from './+page.svelte';

function renderIn(locale: 'en' | 'nl'): string {
	overwriteGetLocale(() => locale);
	return render(Page).body;
}

afterEach(() => overwriteGetLocale(() => baseLocale));

describe('/methods page (server render, as prerendered)', () => {
	it('renders the worked example computed live, in English number format', () => {
		const html = renderIn('en');
		expect(html).toContain('<h1>Statistical methods</h1>');
		// 81/189 by Clopper–Pearson: 35.70 % to 50.24 % (R: 0.356997, 0.502422).
		expect(html).toMatch(
			/Clopper–Pearson \(exact\)<\/th>\s*<td class="number[^"]*">35\.70%<\/td>\s*<td class="number[^"]*">50\.24%/
		);
		expect(html.match(/<th scope="row"/g)).toHaveLength(4 + 5);
		expect(html).toContain('<caption');
		expect(html).toContain('NNTB 4.2');
		expect(html).toContain('https://doi.org/10.1136/bmj.317.7168.1309');
		expect(html).toContain('17:8%3C873::AID-SIM779%3E3.0.CO;2-I');
	});

	it('renders in Dutch with Dutch number format', () => {
		const html = renderIn('nl');
		expect(html).toContain('<h1>Statistische methoden</h1>');
		expect(html).toContain('35,70%');
		expect(html).toContain('NNTB 4,2');
		expect(html).not.toContain('Statistical methods');
	});
});
