/**
 * What an adopter sees: the fresh app in headless Chromium, signed in as
 * guest, with the DR tab of demo components and the DR overview page showing
 * data. Screenshots go to `screenshotDir`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Flags for Chromium as root in a closed network (docs/adoption.md).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const OVERVIEW_TABLE = 'Entities by disaster-recovery posture';
const TIMEOUT_MS = 60_000;

/**
 * Checks the app at `baseUrl`; resolves to the screenshots taken and the
 * status each tab shows. `entities`
 * are the components whose tab is opened (kind component, namespace
 * default), each with a backup schedule the tab must show; `system` is a
 * System whose tab must list a restore order; `overviewRows` is how many
 * rows the overview must list.
 */
export async function checkInBrowser({
  baseUrl,
  frontend,
  entities,
  system,
  overviewRows,
  screenshotDir,
}) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const profile = fs.mkdtempSync(
    path.join(os.tmpdir(), 'dr-adoption-chromium-'),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1440, height: 1000 },
  });
  const screenshots = [];
  const statuses = {};
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(TIMEOUT_MS);
  const shoot = async name => {
    const file = path.join(screenshotDir, `${frontend}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    screenshots.push(file);
  };
  try {
    await signIn(page, baseUrl);
    await page
      .getByRole('link', { name: 'Disaster Recovery' })
      .first()
      .waitFor();

    for (const { name, schedule } of entities) {
      await page.goto(
        `${baseUrl}/catalog/default/component/${name}/disaster-recovery`,
      );
      await page.getByText('Disaster-recovery posture').waitFor();
      const status = page
        .locator('dt', { hasText: /^Status$/ })
        .locator('+ dd');
      await status.waitFor();
      const shown = (await status.innerText()).trim();
      if (!shown) throw new Error(`${name}'s tab shows no status`);
      statuses[name] = shown.replace(/\s+/g, ' ');
      // Collected from the simulator: the cluster's data reached the page.
      await page.getByRole('button', { name: /^Backup schedules/ }).click();
      await page
        .getByText(schedule)
        .filter({ visible: true })
        .first()
        .waitFor();
      await shoot(`${name}-tab`);
    }

    await page.goto(
      `${baseUrl}/catalog/default/system/${system}/disaster-recovery`,
    );
    await page
      .getByRole('list', { name: 'Restore order' })
      .getByRole('listitem')
      .first()
      .waitFor();
    await shoot(`${system}-system-tab`);

    await page.goto(`${baseUrl}/disaster-recovery`);
    const table = page.getByRole('table', { name: OVERVIEW_TABLE });
    await table.getByRole('link').first().waitFor();
    const rows = await table.locator('tbody tr').count();
    if (rows !== overviewRows) {
      throw new Error(
        `the overview lists ${rows} rows; the API has ${overviewRows} entities`,
      );
    }
    await shoot('overview');
    return { screenshots, statuses };
  } catch (error) {
    await shoot('failure').catch(() => undefined);
    throw new Error(
      `${
        error instanceof Error ? error.message : error
      } (at ${page.url()}; screenshots: ${screenshots.join(', ')})`,
    );
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Both templates offer the guest provider on a sign-in page (create-app's
 * legacy template once signed in as guest by itself): enter when asked.
 */
async function signIn(page, baseUrl) {
  await page.goto(baseUrl);
  const enter = page.getByRole('button', { name: 'Enter' });
  const settings = page.getByRole('link', { name: 'Settings' }).first();
  await enter.or(settings).first().waitFor();
  if (await enter.isVisible()) await enter.click();
  await settings.waitFor();
}
