import prettier from 'eslint-config-prettier';
import path from 'node:path';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';

const gitignorePath = path.resolve(import.meta.dirname, '.gitignore');

export default defineConfig(
	includeIgnoreFile(gitignorePath),
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	prettier,
	svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// typescript-eslint strongly recommend that you do not use the no-undef lint rule on TypeScript projects.
			// see: https://typescript-eslint.io/troubleshooting/faqs/eslint/#i-get-errors-from-the-no-undef-rule-about-global-variables-not-being-defined-even-though-there-are-no-typescript-errors
			'no-undef': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser
			}
		}
	},
	{
		rules: {
			// Internal links go through $lib/i18n/links (base path, locale prefix, trailing slash),
			// not resolve(); the rule below keeps paraglide's own link helpers out.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/i18n/links.ts', 'src/lib/paraglide/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: '$lib/paraglide/runtime',
							importNames: ['localizeHref', 'deLocalizeHref', 'localizeUrl', 'deLocalizeUrl'],
							message:
								'Use $lib/i18n/links: it adds the base path and the trailing slash every link needs.'
						}
					]
				}
			]
		}
	},
	{
		// Layers: evidence/ and stats/ are plain TypeScript at the bottom; imports point down only.
		files: ['src/lib/evidence/**/*.ts', 'src/lib/stats/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['**/charts/*', '**/components/*', '**/export/*', '**/storage/*'],
							message: 'evidence/ and stats/ sit below charts, components, export and storage.'
						},
						{
							group: ['svelte', 'svelte/*', '$app/*', '*.svelte'],
							message: 'evidence/ and stats/ are plain TypeScript: no Svelte.'
						}
					]
				}
			]
		}
	}
);
