import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/lib/chromium/chromium', args: ['--no-sandbox','--disable-dev-shm-usage','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic'] });
for (const loc of ['en-US','it-IT']) {
const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, locale: loc, deviceScaleFactor: 1.75, isMobile: true });
const page = await ctx.newPage();
await page.goto('http://127.0.0.1:8099' + (process.argv[2] || '/verifica/inizio'));
await page.waitForTimeout(2500);
const shifts = await page.evaluate(() => new Promise(resolve => {
  new PerformanceObserver(list => resolve(list.getEntries().map(e => ({ v: e.value.toFixed(3), t: Math.round(e.startTime), src: e.sources.map(s => (s.node?.nodeName||'?') + '.' + (s.node?.className||'') + ' ' + JSON.stringify(s.previousRect) + '->' + JSON.stringify(s.currentRect)) })))).observe({ type: 'layout-shift', buffered: true });
  setTimeout(() => resolve([]), 1000);
}));
const fonts = await page.evaluate(() => performance.getEntriesByType('resource').filter(r => /woff2|wasm|json/.test(r.name)).map(r => r.name.split('/').pop().slice(0,30) + ' ' + Math.round(r.startTime) + '-' + Math.round(r.responseEnd)));
console.log(loc, JSON.stringify(shifts, null, 1), fonts);
await ctx.close();
}
await browser.close();
