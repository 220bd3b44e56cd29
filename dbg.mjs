import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
p.on('console', (m) => console.log('console', m.type(), m.text()));
await p.goto('http://127.0.0.1:4399/');
await p.waitForLoadState('networkidle');
const forest = p.locator('figure[data-chart-id="response-forest"]');
await forest.locator('input[name="pool"]').last().focus();
const desc = () => p.evaluate(() => { const a = document.activeElement; return a.localName + '.' + a.getAttribute('class') + ' key=' + a.getAttribute('data-key') + ' live=' + document.querySelector('[data-chart-island=response-forest]').dataset.live + ' tip=' + document.querySelectorAll('[data-testid=chart-tooltip]').length; });
console.log(await desc());
for (let i = 0; i < 6; i++) { await p.keyboard.press('Tab'); console.log(i, await desc()); }
await p.waitForTimeout(1000);
console.log('later', await desc());
await b.close();
