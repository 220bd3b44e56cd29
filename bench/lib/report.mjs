/**
 * The markdown report of a bench run: machine, render comparison, browser timings,
 * page weight, Lighthouse, and every target with its verdict.
 */

export const TARGETS = {
	renderVsPlot: 0.5,
	renderVsVegaLite: 0.25,
	filterBlincytoMs: 16,
	filter10kMs: 100,
	firstLoadJsGzipKb: 80,
	reconstructionMs: 50,
	kmCoxMs: 100,
	lighthousePerformance: 95,
	lighthouseAccessibility: 100
};

const ms = (x) =>
	x === null || x === undefined || Number.isNaN(x)
		? '–'
		: x < 10
			? x.toFixed(2)
			: x < 100
				? x.toFixed(1)
				: x.toFixed(0);
const kb = (bytes) => (bytes / 1024).toFixed(1);
const ratio = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');
const pass = (ok) => (ok === null ? 'not measured' : ok ? 'met' : '**missed**');

/** Every target: what was measured, the verdict. */
export function verdicts(results) {
	const rows = [];
	const size1000 = results.render?.sizes.find((s) => s.results === 1000);
	if (size1000) {
		const r = size1000.ratios;
		rows.push({
			target: `Render 1,000 rows ≤ ${TARGETS.renderVsPlot}× Observable Plot`,
			measured: `${ratio(r.oursOverPlot)} wall · ${ratio(r.cpu.oursOverPlot)} CPU`,
			ok: r.oursOverPlot <= TARGETS.renderVsPlot && r.cpu.oursOverPlot <= TARGETS.renderVsPlot
		});
		rows.push({
			target: `Render 1,000 rows ≤ ${TARGETS.renderVsVegaLite}× Vega-Lite`,
			measured: `${ratio(r.oursOverVegaLite)} wall · ${ratio(r.cpu.oursOverVegaLite)} CPU`,
			ok:
				r.oursOverVegaLite <= TARGETS.renderVsVegaLite &&
				r.cpu.oursOverVegaLite <= TARGETS.renderVsVegaLite
		});
	}
	const survival = results.survival;
	rows.push({
		target: `Reconstruction (Guyot) of 2 × 1,000 patients < ${TARGETS.reconstructionMs} ms`,
		measured: survival ? `${ms(survival.reconstruction.ms.median)} ms` : '–',
		ok: survival ? survival.reconstruction.ms.median < TARGETS.reconstructionMs : null
	});
	rows.push({
		target: `Kaplan–Meier + Cox on 10,000 patients < ${TARGETS.kmCoxMs} ms`,
		measured: survival ? `${ms(survival.kmCox.ms.median)} ms` : '–',
		ok: survival ? survival.kmCox.ms.median < TARGETS.kmCoxMs : null
	});
	// The large-dataset case (6,000 studies; issue #19): overview, filter, /sources, long tasks.
	const large = results.large;
	const largeRow = (target, value, limit) =>
		rows.push({
			target: `6,000 studies: ${target} < ${limit} ms`,
			measured: large ? `${value(large)} ms` : '–',
			ok: large ? value(large) < limit : null
		});
	largeRow('overview interactive', (l) => l.overviewInteractiveMs, 2000);
	largeRow('filter', (l) => l.filterMs, 200);
	largeRow('/sources interactive', (l) => l.sourcesInteractiveMs, 2000);
	largeRow(
		'longest main-thread task',
		(l) =>
			Math.max(
				l.validateLongestTaskMs,
				l.overviewLongestTaskMs,
				l.filterLongestTaskMs,
				l.sourcesLongestTaskMs
			),
		200
	);
	const pages = results.browser?.pages ?? [];
	const blincyto = pages.find((p) => p.page === '/');
	if (blincyto) {
		const update = blincyto.updates.find((u) => u.kind === 'filter') ?? blincyto.updates[0];
		rows.push({
			target: `Filter update on Blincyto ≤ ${TARGETS.filterBlincytoMs} ms`,
			measured: `${update.kind === 'filter' ? 'filter' : 'sort (no filter bar yet)'}: ${ms(update.frameMs.median)} ms frame · ${ms(update.doubleRafMs.median)} ms double rAF (floor ${ms(update.noopDoubleRafMs.median)})`,
			ok: update.frameMs.median <= TARGETS.filterBlincytoMs
		});
	} else
		rows.push({
			target: `Filter update on Blincyto ≤ ${TARGETS.filterBlincytoMs} ms`,
			measured: '–',
			ok: null
		});
	const overview10k = pages.find((p) => p.results === 10_000 && p.imported);
	const harness10k = pages.find((p) => p.results === 10_000 && !p.imported);
	const judged = overview10k ?? harness10k;
	if (judged) {
		const filterOf = (p) => p?.updates.find((u) => u.kind.startsWith('filter'));
		const parts = [];
		if (overview10k)
			parts.push(`overview (imported): ${ms(filterOf(overview10k).frameMs.median)} ms frame`);
		if (harness10k) {
			const u = filterOf(harness10k);
			parts.push(
				`chart alone (harness): ${ms(u.frameMs.median)} ms frame · ${ms(u.doubleRafMs.median)} ms double rAF`
			);
		}
		rows.push({
			target: `Filter update at 10,000 results ≤ ${TARGETS.filter10kMs} ms`,
			measured: parts.join('; '),
			ok: filterOf(judged).frameMs.median <= TARGETS.filter10kMs
		});
	} else
		rows.push({
			target: `Filter update at 10,000 results ≤ ${TARGETS.filter10kMs} ms`,
			measured: '–',
			ok: null
		});
	const weight = results.weight;
	rows.push({
		target: `First-load JS for / ≤ ${TARGETS.firstLoadJsGzipKb} KB gzip`,
		measured: weight ? `${kb(weight.js.gzip)} KB` : '–',
		ok: weight ? weight.js.gzip / 1024 <= TARGETS.firstLoadJsGzipKb : null
	});
	for (const { page, jsGzip } of results.weightPages ?? [])
		rows.push({
			target: `First-load JS for /${page.replace(/index\.html$/, '')} ≤ ${TARGETS.firstLoadJsGzipKb} KB gzip`,
			measured: jsGzip === null ? '–' : `${kb(jsGzip)} KB`,
			ok: jsGzip === null ? null : jsGzip / 1024 <= TARGETS.firstLoadJsGzipKb
		});
	const lh = results.lighthouse?.mobile;
	rows.push({
		target: `Lighthouse performance ≥ ${TARGETS.lighthousePerformance} (mobile)`,
		measured: lh
			? `${lh.performance} (runs ${lh.runs.join(', ')}; desktop ${results.lighthouse.desktop?.performance ?? '–'})`
			: '–',
		ok: lh ? lh.performance >= TARGETS.lighthousePerformance : null
	});
	rows.push({
		target: `Lighthouse accessibility = ${TARGETS.lighthouseAccessibility}`,
		measured: lh ? `${lh.accessibility}` : '–',
		ok: lh ? lh.accessibility >= TARGETS.lighthouseAccessibility : null
	});
	return rows;
}

export function markdown(results) {
	const lines = [];
	const m = results.machine;
	lines.push(
		`Run ${results.startedAt} (${results.mode}), commit \`${results.commit}\`${results.dirty ? ' (uncommitted changes)' : ''}.`
	);
	lines.push(
		`Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}, ${m.chromium}; load average ${m.loadStart.toFixed(1)} at start, ${m.loadEnd.toFixed(1)} at end.`
	);
	lines.push('');
	lines.push('### Targets');
	lines.push('');
	lines.push('| Target | Measured | Verdict |');
	lines.push('| --- | --- | --- |');
	for (const v of verdicts(results)) lines.push(`| ${v.target} | ${v.measured} | ${pass(v.ok)} |`);

	if (results.large) {
		const l = results.large;
		lines.push('');
		lines.push(
			`Large dataset (${l.studies.toLocaleString('en')} studies, ${l.results.toLocaleString('en')} results, ${l.jsonMB} MB JSON, imported via /data): ` +
				`validation ${l.validateMs} ms (longest task ${l.validateLongestTaskMs} ms); ` +
				`overview first study ${l.overviewFirstStudyMs} ms, interactive ${l.overviewInteractiveMs} ms (longest task ${l.overviewLongestTaskMs} ms${l.overviewElements ? `, ${l.overviewElements.toLocaleString('en')} elements` : ''}); ` +
				`filter${l.filter ? ` "${l.filter}"` : ''} ${l.filterMs} ms (longest task ${l.filterLongestTaskMs} ms); ` +
				`/sources interactive ${l.sourcesInteractiveMs} ms (longest task ${l.sourcesLongestTaskMs} ms, ${l.sourcesElements.toLocaleString('en')} elements).`
		);
	}
	if (results.survival) {
		const r = results.survival.reconstruction;
		const k = results.survival.kmCox;
		lines.push('');
		lines.push('### Survival statistics in Node (ms, median of repetitions after warm-up)');
		lines.push('');
		lines.push('| Task | Median | p25 | p75 | Reps |');
		lines.push('| --- | ---: | ---: | ---: | ---: |');
		lines.push(
			`| Reconstruction (Guyot) of ${r.arms} × ${r.patientsPerArm.toLocaleString('en')} patients (${r.points.join(' + ')} points) | ${ms(r.ms.median)} | ${ms(r.ms.p25)} | ${ms(r.ms.p75)} | ${r.ms.n} |`
		);
		lines.push(
			`| Kaplan–Meier (2 arms) + Cox (Efron) on ${k.patients.toLocaleString('en')} patients | ${ms(k.ms.median)} | ${ms(k.ms.p25)} | ${ms(k.ms.p75)} | ${k.ms.n} |`
		);
		const c = results.survival.chart;
		if (c)
			lines.push(
				`| Kaplan–Meier chart, server-side render of ${c.arms} × ${c.patientsPerArm.toLocaleString('en')} patients (${c.steps.join(' + ')} steps, ${c.svgKb} KB SVG) | ${ms(c.ms.median)} | ${ms(c.ms.p25)} | ${ms(c.ms.p75)} | ${c.ms.n} |`
			);
	}

	if (results.render) {
		lines.push('');
		lines.push(
			'### Server-side render of the forest plot to SVG (ms, median of interleaved repetitions after warm-up)'
		);
		lines.push('');
		lines.push(
			'| Results | Rows | Size (px) | Ours | Observable Plot | Vega-Lite | Ours/Plot | Ours/Vega-Lite | CPU ours/Plot | CPU ours/Vega-Lite | Reps |'
		);
		lines.push('| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
		for (const s of results.render.sizes) {
			const l = s.libraries;
			lines.push(
				`| ${s.results.toLocaleString('en')} | ${s.rows.toLocaleString('en')} | ${s.width}×${s.height} | ${ms(l.ours.median)} | ${ms(l.plot.median)} | ${ms(l.vegaLite.median)} | ${ratio(s.ratios.oursOverPlot)} | ${ratio(s.ratios.oursOverVegaLite)} | ${ratio(s.ratios.cpu.oursOverPlot)} | ${ratio(s.ratios.cpu.oursOverVegaLite)} | ${s.reps} |`
			);
		}
		lines.push('');
		lines.push(
			'| Results | Markup (KB, gzip) ours / Plot / Vega-Lite | Elements ours / Plot / Vega-Lite | Our row building (ms) | Vega-Lite compile (ms) |'
		);
		lines.push('| ---: | --- | --- | ---: | ---: |');
		for (const s of results.render.sizes) {
			const l = s.libraries;
			lines.push(
				`| ${s.results.toLocaleString('en')} | ${kb(l.ours.svgBytes)} (${kb(l.ours.svgGzipBytes)}) / ${kb(l.plot.svgBytes)} (${kb(l.plot.svgGzipBytes)}) / ${kb(l.vegaLite.svgBytes)} (${kb(l.vegaLite.svgGzipBytes)}) | ${l.ours.elements} / ${l.plot.elements} / ${l.vegaLite.elements} | ${ms(s.breakdown.forestRowsMs.median)} | ${ms(s.breakdown.vegaLiteCompileMs.median)} |`
			);
		}
		const attributed = results.render.sizes.filter((s) => s.attribution);
		for (const s of attributed) {
			lines.push('');
			lines.push(
				`Where our render time goes at ${s.results.toLocaleString('en')} results (CPU profile, each sample charged to the nearest component; shares):`
			);
			lines.push('');
			lines.push(
				s.attribution.components
					.filter((c) => c.share >= 0.01)
					.map((c) => `${c.name} ${(c.share * 100).toFixed(0)} %`)
					.join(' · ')
			);
		}
	}

	if (results.browser) {
		lines.push('');
		lines.push(
			`### In the browser (${results.browser.chromium}, ${results.browser.viewport.width}×${results.browser.viewport.height}; ms, median)`
		);
		lines.push('');
		lines.push(
			'| Page | Dataset | Marks | Change | Frame (change → painted) | Double rAF | No-op double rAF | Samples |'
		);
		lines.push('| --- | --- | ---: | --- | ---: | ---: | ---: | ---: |');
		for (const p of results.browser.pages) {
			for (const u of p.updates)
				lines.push(
					`| \`${p.page}\` | ${p.dataset} | ${p.marks.toLocaleString('en')} | ${u.kind} | ${ms(u.frameMs.median)} (p75 ${ms(u.frameMs.p75)}) | ${ms(u.doubleRafMs.median)} | ${ms(u.noopDoubleRafMs.median)} | ${u.samples}${u.asyncSamples ? `, ${u.asyncSamples} async` : ''} |`
				);
		}
		lines.push('');
		lines.push('Main thread during one traced update (ms; Chromium trace, self time by category):');
		lines.push('');
		lines.push('| Page | Change | To | Total | Script | Style | Layout | Paint | Other |');
		lines.push('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
		for (const p of results.browser.pages)
			for (const u of p.updates)
				for (const t of u.mainThread ?? [])
					lines.push(
						`| ${p.dataset} | ${u.kind.split(' (')[0]} | ${t.value === '' ? '(all)' : t.value} | ${ms(t.total)} | ${ms(t.script)} | ${ms(t.style)} | ${ms(t.layout)} | ${ms(t.paint)} | ${ms(t.other)} |`
					);
		const profiled = results.browser.pages.flatMap((p) =>
			p.updates.filter((u) => u.byFile?.length).map((u) => ({ p, u }))
		);
		if (profiled.length) {
			lines.push('');
			lines.push(
				'Where an update’s time goes, by source file (CPU profile, ms per change; each sample charged to the innermost frame of our code on the stack, through the hidden source maps; "(program)" is the browser’s own style, layout and paint; the bench’s settling frames are included):'
			);
			lines.push('');
			for (const { p, u } of profiled)
				lines.push(
					`- ${p.dataset}, ${u.kind.split(' (')[0]}: ${u.byFile
						.slice(0, 9)
						.map((e) => `${e.name} ${ms(e.ms)}`)
						.join(' · ')}`
				);
		}
		for (const p of results.browser.pages) {
			if (p.filterNote) lines.push('', `Note: ${p.filterNote}.`);
			if (p.imported)
				lines.push(
					'',
					`${p.dataset}: import (validate, preview, activate) ${ms(p.importMs)} ms; the overview showed every mark ${ms(p.shownMs)} ms after navigation, ${p.elements.toLocaleString('en')} elements on the page.`
				);
			if (p.mountedAtMs)
				lines.push(
					'',
					`${p.dataset}: first render done ${ms(p.mountedAtMs)} ms after navigation start.`
				);
		}
		const exports = results.browser.pages.find((p) => p.exports)?.exports;
		lines.push('');
		if (!exports || exports.status !== 'measured') {
			lines.push(`Exports (PNG 4×, PDF, PPTX): ${exports?.status ?? 'not measured yet'}.`);
		} else {
			lines.push('| Export | First (loads the exporter) | Warm (median) |');
			lines.push('| --- | ---: | ---: |');
			for (const [format, t] of Object.entries(exports.formats))
				lines.push(
					`| ${format} | ${t.firstMs ?? '–'} ms | ${t.warm ? ms(t.warm.median) : '–'} ms |`
				);
		}
	}

	if (results.weight) {
		const w = results.weight;
		lines.push('');
		lines.push('### Page weight of `/` (prerendered)');
		lines.push('');
		lines.push('| | Files | Raw (KB) | Gzip -9 (KB) |');
		lines.push('| --- | ---: | ---: | ---: |');
		lines.push(
			`| HTML (index.html, includes the serialised dataset) | 1 | ${kb(w.html.bytes)} | ${kb(w.html.gzip)} |`
		);
		lines.push(
			`| JS loaded up front (modulepreload + static imports) | ${w.js.files} | ${kb(w.js.bytes)} | ${kb(w.js.gzip)} |`
		);
		lines.push(`| CSS | ${w.css.files} | ${kb(w.css.bytes)} | ${kb(w.css.gzip)} |`);
		lines.push(
			`| JS loaded on demand (dynamic imports; not counted) | ${w.lazyJs.files} | ${kb(w.lazyJs.bytes)} | ${kb(w.lazyJs.gzip)} |`
		);
		if (w.attribution) {
			lines.push('');
			lines.push(
				'First-load JS by origin (from hidden source maps; gzip estimated per chunk share):'
			);
			lines.push('');
			lines.push(
				w.attribution
					.filter((g) => g.gzip >= 400)
					.map((g) => `${g.group} ${kb(g.gzip)} KB`)
					.join(' · ')
			);
		}
	}

	if (results.lighthouse) {
		lines.push('');
		lines.push(`### Lighthouse ${results.lighthouse.mobile?.lighthouseVersion ?? ''} on \`/\``);
		lines.push('');
		lines.push('| Preset | Performance | Accessibility | FCP | LCP | TBT | CLS | Speed Index |');
		lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
		for (const [preset, r] of Object.entries(results.lighthouse)) {
			const x = r.metrics;
			lines.push(
				`| ${preset} | ${r.performance} (runs ${r.runs.join(', ')}) | ${r.accessibility} | ${ms(x.fcpMs)} ms | ${ms(x.lcpMs)} ms | ${ms(x.tbtMs)} ms | ${x.cls} | ${ms(x.speedIndexMs)} ms |`
			);
		}
		const failing = results.lighthouse.mobile?.failingAccessibility ?? [];
		if (failing.length)
			lines.push(
				'',
				`Accessibility audits not passed: ${failing.map((a) => `${a.id} (${a.title})${a.nodes?.length ? ` at ${a.nodes.map((n) => `\`${n}\``).join(', ')}` : ''}`).join('; ')}.`
			);
		const d = results.lighthouse.mobile?.diagnostics;
		if (d)
			lines.push(
				'',
				`Mobile diagnostics: ${d.domElements} DOM elements, main-thread work ${ms(d.mainThreadMs)} ms (script ${ms(d.bootupMs)} ms) under 4× CPU slowdown, ${d.totalBytes === null ? '–' : kb(d.totalBytes)} KB transferred.`
			);
	}
	if (results.notes?.length) {
		lines.push('');
		for (const note of results.notes) lines.push(`- ${note}`);
	}
	return `${lines.join('\n')}\n`;
}
