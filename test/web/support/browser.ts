import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../../../tools/ensure-chromium';

export const SCREENSHOTS = resolve(__dirname, '../../../test-results/web');

/**
 * Debian's Chromium, installed first when missing (throws, failing the test, when it cannot be). Playwright
 * gives every launch a fresh temporary --user-data-dir of its own (it refuses the flag in `args`).
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = ensureChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** A laptop-sized window (1366×768) in its own context: its own session, as a second officer would have. */
export async function newOfficerPage(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

/**
 * A full page load loads and compiles the whole web app again, then fetches what the page shows: on a loaded CI
 * machine that took over 15 s (a sign-in form once, a case page twice).
 */
const PAGE_LOAD_TIMEOUT_MS = 60_000;

/**
 * A browser journey's steps each wait up to 15 s, a page load up to PAGE_LOAD_TIMEOUT_MS and, when it stalls, a second
 * load as long: the suite's own timeout must be longer than that, or a slow load ends the test with Jest's bare
 * "Exceeded timeout" instead of Playwright's error naming the step.
 */
export const BROWSER_TEST_TIMEOUT_MS = 4 * PAGE_LOAD_TIMEOUT_MS;

/** What a page shows, for a message: its address and the start of its visible text. */
async function whatPageShows(page: Page): Promise<string> {
  const text = await page
    .locator('body')
    .innerText({ timeout: 5_000 })
    .catch(() => '(no text)');
  return `${page.url()} with "${text.replace(/\s+/g, ' ').slice(0, 400)}"`;
}

/**
 * Opens `path` by a full page load (a typed or bookmarked address) and waits, as long as a page load may take, for
 * `ready`. A stalled load is reported (what the page showed, and a screenshot `stalled-*.png`) and loaded once more,
 * as its user would; a second stall fails the test with both loads' evidence. That evidence found the stalls of full
 * CI runs: the page was the API's JSON 404, served while another suite swapped in its build of the web app
 * (ensureWebAppBuilt now builds once, under a lock).
 */
export async function visit(page: Page, path: string, ready: Locator): Promise<void> {
  await page.goto(path, { timeout: PAGE_LOAD_TIMEOUT_MS });
  try {
    await ready.waitFor({ timeout: PAGE_LOAD_TIMEOUT_MS });
    return;
  } catch {
    const shown = await whatPageShows(page);
    await screenshot(page, `stalled-${Date.now()}`).catch(() => undefined);
    console.warn(`Page load stalled: ${path} showed no ${String(ready)} within ${PAGE_LOAD_TIMEOUT_MS} ms; it showed ${shown}. Loading it again.`);
    await page.reload({ timeout: PAGE_LOAD_TIMEOUT_MS });
    try {
      await ready.waitFor({ timeout: PAGE_LOAD_TIMEOUT_MS });
    } catch (e) {
      throw new Error(`${(e as Error).message}\nTwo loads of ${path} stalled; the first showed ${shown}; the second ${await whatPageShows(page)}`);
    }
  }
}

export async function signIn(page: Page, username: string, password = 'dandang-demo'): Promise<void> {
  await visit(page, '/login', page.getByLabel(/用户名|Username/));
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByLabel(/密码|Password/).press('Enter');
  await page.getByTestId('current-user').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Confirms the open confirmation dialog. Ant Design ignores clicks while the dialog is still zooming in, so the
 * click waits for the opening animation to end, and the dialog must then close.
 */
export async function confirmDialog(page: Page): Promise<void> {
  await page.locator('.ant-modal-confirm:not(.ant-zoom-appear):not(.ant-zoom-enter)').waitFor();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认' }).click();
  await page.locator('.ant-modal-confirm').waitFor({ state: 'detached', timeout: 30_000 });
}

/**
 * Picks the option titled `option` in the antd Select whose input or wrapper is `field`, and waits until the field
 * shows it. On a busy machine a click meant to open the field can close a dropdown that is still open, and a
 * dropdown still closing matches :visible, so the option's click can land in the one going away: choose again.
 */
export async function chooseOption(page: Page, field: Locator, option: string): Promise<void> {
  const select = field.locator('xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const item = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`);
  const chosen = select.filter({ hasText: option });
  // A long list (the directory's users) renders only the options in view: when the option did not show, a searchable
  // select is narrowed by typing it on the next attempt.
  const searchable = await select.evaluate((el) => el.classList.contains('ant-select-show-search'));
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await item.isVisible())) {
        await field.click();
        if (searchable && attempt > 1) await field.fill(option);
      }
      await item.click({ timeout: attempt > 1 ? 5_000 : 3_000 });
      await chosen.first().waitFor({ timeout: 3_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

/** The form item (label, input and its errors) whose input is labelled `label`, in `scope` (a page or part of one). */
export function formItem(scope: Page | Locator, label: string): Locator {
  // `has` is matched inside each form item, so its locator starts from the page, not from `scope`.
  const page = 'goto' in scope ? scope : scope.page();
  return scope.locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) });
}

/** The error text shown beside the form field labelled `label`. */
export function fieldError(scope: Page | Locator, label: string): Locator {
  return formItem(scope, label).locator('.ant-form-item-explain-error').first();
}

/** A time `minutesAgo` before now as the date picker takes it, in the browser's zone (Asia/Shanghai, UTC+8). */
export function shanghaiTime(minutesAgo: number): string {
  return new Date(Date.now() - minutesAgo * 60_000 + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Types a date and time into the date picker labelled `label` and confirms it with the panel's OK button (Enter in
 * the picker would submit the whole form). As with a dialog, a click while the panel still slides in can be lost on
 * a busy machine: the OK waits for the panel to have settled, and the value is typed and confirmed again when the
 * panel stayed open.
 */
export async function fillTime(scope: Locator, label: string, value: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  const panel = scope.page().locator('.ant-picker-dropdown:visible');
  const settled = scope.page().locator('.ant-picker-dropdown:visible:not(.ant-slide-up-appear):not(.ant-slide-up-enter)');
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await panel.isVisible())) await input.click();
      await input.fill(value);
      await settled.locator('.ant-picker-ok button').click({ timeout: 5_000 });
      await panel.waitFor({ state: 'hidden', timeout: 5_000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
  expect(await input.inputValue()).toBe(value);
}

/** Opens the action's form from the case page. */
export async function openAction(page: Page, action: string): Promise<Locator> {
  await page.locator(`[data-action="${action}"]`).click();
  const form = page.locator(`[data-action-form="${action}"]`);
  await form.waitFor();
  return form;
}
