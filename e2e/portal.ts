import path from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';

/** A service of the demo estate whose backups are always past its RPO. */
export const BREACHING_SERVICE = 'checkout-web';
/**
 * The service of the demo estate that passes every check (the tier-1 ones
 * use HA patterns that stay unknown until the estate proves them).
 */
export const HEALTHY_SERVICE = 'reporting-batch';

/** The words the UI shows a status with (the status icon's text). */
export const STATUS_WORDS = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Failing',
  unknown: 'Unknown',
} as const;

const SCREENSHOTS = path.join(__dirname, 'screenshots');

/**
 * Opens a folded section of the Disaster Recovery tab (backup history,
 * schedules, storage, drills, availability) by its title.
 */
export async function openSection(page: Page, title: string) {
  // The section's trigger is the button in its level-2 heading; buttons
  // inside an open section may start with the same words.
  const section = page
    .getByRole('heading', { level: 2, name: new RegExp(`^${title}`) })
    .getByRole('button');
  if ((await section.getAttribute('aria-expanded')) !== 'true') {
    await section.click();
  }
  await expect(section).toHaveAttribute('aria-expanded', 'true');
}

/**
 * How tall the page's content is: Backstage scrolls its content inside the
 * page, so the tallest scrolling element says it, not the window.
 */
export async function contentHeight(page: Page): Promise<number> {
  return page.evaluate(() =>
    Math.max(
      ...Array.from(
        document.querySelectorAll('body, body *'),
        element => element.scrollHeight,
      ),
    ),
  );
}

const SIGN_IN_ATTEMPTS = 3;

/**
 * Opens a page of the portal once the guest sign-in has finished. The demo
 * signs in as guest on load; when that races a backend that is (re)starting,
 * the app asks for a reload, as a person would do.
 */
export async function openPortal(page: Page, path: string) {
  const signedIn = page.getByRole('link', { name: 'Settings' });
  const notSignedIn = page.getByText('You do not appear to be signed in');
  await page.goto(path);
  for (let attempt = 1; attempt < SIGN_IN_ATTEMPTS; attempt++) {
    await expect(signedIn.or(notSignedIn)).toBeVisible();
    if (await signedIn.isVisible()) return;
    await page.waitForTimeout(2_000);
    await page.reload();
  }
  await expect(signedIn).toBeVisible();
}

const MAX_SCREENSHOT_HEIGHT = 6_000;

/**
 * Saves a screenshot of the whole view to `e2e/screenshots/` and attaches it
 * to the test report. Backstage
 * scrolls its content inside the page, so the viewport is made as tall as
 * the content for the picture.
 */
export async function attachScreenshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
) {
  const viewport = page.viewportSize()!;
  const height = await contentHeight(page);
  await page.setViewportSize({
    width: viewport.width,
    height: Math.min(Math.max(height, viewport.height), MAX_SCREENSHOT_HEIGHT),
  });
  const file = path.join(
    SCREENSHOTS,
    `${name.replace(/\W+/g, '-').replace(/^-|-$/g, '')}.png`,
  );
  await testInfo.attach(name, {
    body: await page.screenshot({ path: file }),
    contentType: 'image/png',
  });
  await page.setViewportSize(viewport);
}
