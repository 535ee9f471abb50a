import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
const chrome = await chromeLauncher.launch({ chromePath: '/usr/lib/chromium/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking','--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
const result = await lighthouse('http://127.0.0.1:8099/verifica/inizio', { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], formFactor: 'mobile' });
const a = result.lhr.audits;
console.log(Object.keys(a).filter(k=>k.includes('shift')||k.includes('font'))); console.log(JSON.stringify(a['layout-shifts'],null,1).slice(0,4000)); console.log(JSON.stringify(a['font-display'],null,1).slice(0,800));
console.log(a['cumulative-layout-shift'].displayValue);
await chrome.kill();
