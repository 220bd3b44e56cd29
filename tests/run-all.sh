#!/usr/bin/env bash
# Every test of the project: lint, types, unit (vitest), end-to-end (Playwright on Debian Chromium).
# Prints one summary line "N passed, N failed, N skipped" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
mkdir -p reports # not test-results/: Playwright empties that folder when it starts
log() { printf '\n=== %s (%ss)\n' "$*" "$SECONDS"; }

static_rc=0
log "lint (prettier + eslint)"
npm run lint || static_rc=1
log "svelte-check"
npm run check || static_rc=1
# The bench harness is a plain Vite page with stand-ins for $app/*; a missing one only shows
# when it is built, which the quick bench does not do.
log "bench harness builds"
npx vite build --config bench/harness/vite.config.ts --logLevel error || static_rc=1

unit_rc=0
log "vitest"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json || unit_rc=$?

e2e_rc=0
log "playwright"
PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/reports/playwright.json" \
	npx playwright test -c tests/playwright.config.ts --reporter=list,json || e2e_rc=$?

# The first-load JavaScript budget of / (a size, not a timing): the quick bench reads the site
# the Playwright run built and fails above 80 KB gzip.
log "first-load JS budget (npm run bench -- --quick --only=weight)"
npm run bench -- --quick --only=weight || static_rc=1

node -e '
const fs = require("fs");
const read = (f) => { try { return JSON.parse(fs.readFileSync(f, "utf8")); } catch { return null; } };
let passed = 0, failed = 0, skipped = 0;
const v = read("reports/vitest.json");
if (v) { passed += v.numPassedTests; failed += v.numFailedTests; skipped += v.numPendingTests + (v.numTodoTests || 0); }
else failed += 1;
const p = read("reports/playwright.json");
if (p) { passed += p.stats.expected; failed += p.stats.unexpected + p.stats.flaky; skipped += p.stats.skipped; }
else failed += 1;
if (process.argv[1] !== "0") failed += 1;
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$static_rc"
log "done"
[ "$static_rc" -eq 0 ] && [ "$unit_rc" -eq 0 ] && [ "$e2e_rc" -eq 0 ]
