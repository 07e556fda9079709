import { OPEN_MODES, type OpenMode } from '@astro-cta/contract';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { type Site, serveFixture } from './support/site.ts';

let site: Site;
test.beforeAll(async () => {
  site = await serveFixture('beacon');
});
test.afterAll(() => site.close());

type Gesture = { name: string; click: (link: Locator) => Promise<void>; mode: OpenMode };
/** On the wire a mode is its number in the contract's table (0 plain, 1 modifier, 2 middle, 3 new-tab). */
const wire = (mode: OpenMode) => OPEN_MODES.indexOf(mode);
const gestures: Gesture[] = [
  { name: 'Ctrl-click', click: (link) => link.click({ modifiers: ['Control'] }), mode: 'modifier' },
  { name: 'Meta-click', click: (link) => link.click({ modifiers: ['Meta'] }), mode: 'modifier' },
  { name: 'Shift-click', click: (link) => link.click({ modifiers: ['Shift'] }), mode: 'modifier' },
  { name: 'middle click', click: (link) => link.click({ button: 'middle' }), mode: 'middle' },
];

/** What a gesture did: where the page is, how many pages the context has, and whether anyone prevented the default. */
async function outcome(page: Page, link: Locator, gesture: Gesture['click']) {
  await page.evaluate(() => {
    (window as { prevented?: boolean[] }).prevented = [];
    for (const type of ['click', 'auxclick'])
      document.addEventListener(type, (event) =>
        (window as { prevented?: boolean[] }).prevented!.push(event.defaultPrevented),
      );
  });
  const pagesBefore = page.context().pages().length;
  const opened = page
    .context()
    .waitForEvent('page', { timeout: 5000 })
    .catch(() => undefined);
  await gesture(link);
  const popup = await opened;
  await popup?.waitForLoadState();
  const result = {
    url: page.url(),
    opened: page.context().pages().length - pagesBefore,
    popupUrl: popup?.url(),
    prevented: await page.evaluate(() => (window as { prevented?: boolean[] }).prevented),
  };
  await popup?.close();
  return result;
}

for (const gesture of gestures) {
  test(`${gesture.name} on a CTA does exactly what it does on a plain link, and is reported as "${gesture.mode}"`, async ({
    page,
  }) => {
    await page.goto(`${site.url}/links/`);
    const plain = await outcome(page, page.locator('#plain-link'), gesture.click);
    await page.goto(`${site.url}/links/`);
    const before = site.events().length;
    const cta = await outcome(page, page.locator('[data-cta="go-target"]'), gesture.click);
    expect(cta).toEqual(plain);
    await expect
      .poll(() =>
        site
          .events()
          .slice(before)
          .filter((event) => event.t === 'click'),
      )
      .toEqual([expect.objectContaining({ id: 'go-target', o: wire(gesture.mode), d: `${site.url}/target/` })]);
  });
}

test('target=_blank on a CTA opens the new tab as it does without the beacon, reported as "new-tab"', async ({
  page,
}) => {
  await page.goto(`${site.url}/links/`);
  const before = site.events().length;
  const cta = await outcome(page, page.locator('[data-cta="new-tab"]'), (link) => link.click());
  expect(cta).toMatchObject({
    url: `${site.url}/links/`,
    opened: 1,
    popupUrl: `${site.url}/target/`,
    prevented: [false],
  });
  await expect
    .poll(() =>
      site
        .events()
        .slice(before)
        .filter((event) => event.t === 'click'),
    )
    .toEqual([expect.objectContaining({ id: 'new-tab', v: 'secondary', o: wire('new-tab') })]);
});
