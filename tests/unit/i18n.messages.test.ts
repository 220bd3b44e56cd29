import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const messagesRoot = join(import.meta.dirname, '..', '..', 'src', 'lib', 'i18n', 'messages');
const settings = JSON.parse(
	readFileSync(join(messagesRoot, '..', 'project.inlang', 'settings.json'), 'utf8')
);
const locales: string[] = settings.locales;
const areas = readdirSync(messagesRoot);

function messagesOf(area: string, locale: string): Record<string, string> {
	const raw = JSON.parse(readFileSync(join(messagesRoot, area, `${locale}.json`), 'utf8'));
	delete raw.$schema;
	return raw;
}

/** Placeholders such as {medicine} a translation must keep. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(areas)('messages of the %s area', (area) => {
	const base = messagesOf(area, settings.baseLocale);

	it('is listed in the inlang settings, so paraglide compiles it', () => {
		expect(settings['plugin.inlang.messageFormat'].pathPattern).toContain(
			`./messages/${area}/{locale}.json`
		);
	});

	it.each(locales)('has every key, non-empty, with the same placeholders in %s', (locale) => {
		const translated = messagesOf(area, locale);
		expect(Object.keys(translated).sort()).toEqual(Object.keys(base).sort());
		for (const [key, text] of Object.entries(translated)) {
			expect(typeof text === 'string' && text.trim().length > 0, `${locale}.${key}`).toBe(true);
			expect(placeholders(text), `${locale}.${key} placeholders`).toEqual(placeholders(base[key]));
		}
	});
});

describe('message keys are unique across areas', () => {
	it('no two areas define the same key', () => {
		const seen = new Map<string, string>();
		const clashes: string[] = [];
		for (const area of areas) {
			for (const key of Object.keys(messagesOf(area, settings.baseLocale))) {
				if (seen.has(key)) clashes.push(`${key} in ${seen.get(key)} and ${area}`);
				seen.set(key, area);
			}
		}
		expect(clashes).toEqual([]);
	});
});
