import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../support/chromium.ts';
import { serveStatic } from './support/static-site.ts';
const site = await serveStatic('/work/wt/kit-components/docs-site/dist');
const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage();
await page.goto(site.url + '/components/cta/');
for (const id of ['docs-cta-basic', 'docs-cta-secondary']) {
  console.log(id, await page.locator(`[data-cta="${id}"]`).evaluate((el) => { const s = getComputedStyle(el); return [s.color, s.backgroundColor, s.textDecorationLine, el.className, getComputedStyle(el.parentElement!).color].join(' | '); }));
}
await page.screenshot({ path: '/tmp/kc-docs-cta.png', clip: { x: 250, y: 150, width: 1000, height: 600 } });
await browser.close(); await site.close();
