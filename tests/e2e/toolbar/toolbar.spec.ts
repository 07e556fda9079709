import { helpUrl } from '@astro-cta/audit';
import { expect, type Page, test } from '@playwright/test';
import { type DevServer, startDevServer } from './dev-server.ts';

// `astro dev` of tests/fixtures/toolbar, started once for this file (the toolbar exists only in dev), on a free port.
let server: DevServer;

// Generous per-test budget: on a loaded 2-core machine each dev-server page load takes seconds.
test.describe.configure({ mode: 'serial', timeout: 45_000 });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  server = await startDevServer(new URL('../../fixtures/toolbar/', import.meta.url));
  // The first visit makes Vite transform (and maybe pre-bundle) the toolbar's modules, which can reload the page:
  // get that over with before the tests look at anything.
  const page = await browser.newPage();
  await page.goto(`${server.url}/weak/`);
  await expect(appButton(page)).toBeAttached({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page.close();
});

test.afterAll(async () => {
  await server?.stop();
});

test.afterEach(() => {
  // Whatever a test did, the dev server kept working and logged no error of ours.
  expect(server.output()).not.toMatch(/CTA audit of .* failed|Failed to (load|initialize) dev toolbar app/);
});

const toolbar = (page: Page) => page.locator('astro-dev-toolbar');
const appButton = (page: Page) => toolbar(page).locator('#dev-bar button[data-app-id="astro-cta"]');
const appWindow = (page: Page) =>
  toolbar(page).locator('astro-dev-toolbar-app-canvas[data-app-id="astro-cta"] astro-dev-toolbar-window');

test('lists the weak CTA, outlines it on the page and links to the rule doc', async ({ page }) => {
  await page.goto(`${server.url}/weak/`);
  // Before the app is even opened, its toolbar button shows a warning notification.
  await expect(appButton(page).locator('.notification')).toHaveAttribute('data-level', 'warning', { timeout: 20_000 });
  await expect(appButton(page).locator('.notification')).toHaveAttribute('data-active', '');

  await appButton(page).click();
  const warnings = appWindow(page).getByRole('region', { name: 'Warnings' });
  const finding = warnings.locator('li[data-rule="cta-generic-text"]');
  await expect(finding).toContainText('CTA text "Learn more →" is generic');
  await expect(appWindow(page).getByRole('region', { name: 'Errors' })).toHaveCount(0);
  // A <CTA> is annotated with the kit's component; the place to fix it is the page.
  await expect(finding.getByRole('button', { name: 'src/pages/weak.astro' })).toBeVisible();

  const docLink = finding.getByRole('link', { name: 'Rule docs: cta-generic-text' });
  await expect(docLink).toHaveAttribute('href', helpUrl('cta-generic-text'));
  await expect(docLink).toHaveAttribute('href', /\/rules\/cta-generic-text\/$/);
  await expect(docLink).toHaveAttribute('target', '_blank');

  const cta = page.locator('a[data-cta="more"]');
  await expect(cta).not.toBeInViewport();
  await finding.getByRole('button', { name: /Learn more →/ }).click();

  await expect(cta).toBeInViewport();
  const highlight = toolbar(page).locator('astro-dev-toolbar-highlight[data-cta-highlight="cta-generic-text"]');
  await expect(highlight).toBeVisible();
  await expect(highlight).toHaveAttribute('highlight-style', 'yellow');
  const [ctaBox, outlineBox] = [await cta.boundingBox(), await highlight.boundingBox()];
  expect(ctaBox && outlineBox).toBeTruthy();
  // The outline surrounds the CTA (a few pixels of padding on each side), wherever the page scrolled to.
  expect(outlineBox!.x).toBeLessThanOrEqual(ctaBox!.x);
  expect(outlineBox!.y).toBeLessThanOrEqual(ctaBox!.y);
  expect(outlineBox!.x + outlineBox!.width).toBeGreaterThanOrEqual(ctaBox!.x + ctaBox!.width);
  expect(outlineBox!.y + outlineBox!.height).toBeGreaterThanOrEqual(ctaBox!.y + ctaBox!.height);
  expect(outlineBox!.width).toBeLessThan(ctaBox!.width + 40);
  // …and is not hidden behind the app's own window.
  const windowBox = await appWindow(page).boundingBox();
  expect(outlineBox!.y + outlineBox!.height).toBeLessThan(windowBox!.y);

  // Closing the app removes the outline.
  await appButton(page).click();
  await expect(highlight).toHaveCount(0);
});

test("checks a link to another page's #fragment against that page, as the dev server renders it", async ({ page }) => {
  await page.goto(`${server.url}/links/`);
  await expect(appButton(page).locator('.notification')).toHaveAttribute('data-level', 'error', { timeout: 20_000 });
  await appButton(page).click();
  const dead = appWindow(page).getByRole('region', { name: 'Errors' }).locator('li[data-rule="cta-dead-target"]');
  await expect(dead).toHaveCount(1);
  await expect(dead).toContainText('links to #team on /good/, but no element there has id="team"');
});

test('audits the new page after a view-transition navigation and after a reload', async ({ page }) => {
  await page.goto(`${server.url}/weak/`);
  await expect(appButton(page).locator('.notification')).toHaveAttribute('data-level', 'warning', { timeout: 20_000 });
  await appButton(page).click();
  await expect(appWindow(page).locator('li[data-rule="cta-generic-text"]')).toBeVisible();

  await page.getByRole('link', { name: 'Good page' }).click();
  await expect(page).toHaveURL(/\/good\/$/);
  await expect(page.getByRole('link', { name: 'Start your free trial' })).toBeVisible();
  await expect(appWindow(page).getByRole('status')).toHaveText(/No CTA problems on this page/, { timeout: 20_000 });
  await expect(appWindow(page).locator('header .route')).toHaveText('/good/');
  await expect(appButton(page).locator('.notification')).not.toHaveAttribute('data-active', '');

  await page.goto(`${server.url}/weak/`);
  await expect(appButton(page).locator('.notification')).toHaveAttribute('data-level', 'warning', { timeout: 20_000 });
  await expect(appButton(page).locator('.notification')).toHaveAttribute('data-active', '');
});

test('shows a message in its window when the page cannot be audited, and leaves the page alone', async ({ page }) => {
  // The app fetches the page's server-rendered HTML; make that one request fail (the navigation itself succeeds).
  await page.route(`${server.url}/weak/`, (route) =>
    route.request().resourceType() === 'fetch' ? route.fulfill({ status: 500, body: 'broken' }) : route.continue(),
  );
  await page.goto(`${server.url}/weak/`);
  await expect(appButton(page)).toBeAttached({ timeout: 20_000 });
  await appButton(page).click();
  await expect(appWindow(page).getByRole('alert')).toHaveText(
    /Could not load this page's HTML to audit it: the dev server answered 500/,
    { timeout: 20_000 },
  );
  await expect(appButton(page).locator('.notification')).not.toHaveAttribute('data-active', '');
  await expect(page.getByRole('heading', { name: 'Our product' })).toBeVisible();
});
