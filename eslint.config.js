import prettier from 'eslint-config-prettier';
import path from 'node:path';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import { layerElements, layerPolicies } from './layers.config.js';

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
		// Layers: imports point one way, routes -> components -> charts -> evidence/stats
		// (layers.config.js says which layer may import which; a test proves the rule fires).
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		plugins: { boundaries },
		settings: {
			'import/resolver': {
				typescript: { project: './tsconfig.json', extensions: ['.ts', '.js', '.svelte'] }
			},
			'boundaries/include': ['src/**/*'],
			// 'full' mode (whole paths) is the one that also classifies single files (format.ts).
			'boundaries/legacy-warnings': false,
			'boundaries/elements': layerElements
		},
		rules: {
			'boundaries/dependencies': ['error', { default: 'disallow', policies: layerPolicies }],
			'boundaries/no-unknown-files': 'error'
		}
	},
	{
		// evidence/ and stats/ are plain TypeScript: no Svelte, no DOM.
		files: ['src/lib/evidence/**/*.ts', 'src/lib/stats/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
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
