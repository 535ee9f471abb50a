// A person who uses only the keyboard goes through the first steps of the self-check: every
// control is reachable with Tab, radios are chosen with Space, Continue is pressed with Enter,
// and the heading of each new step receives the focus.
import { expect, test, type Page } from '@playwright/test';
import { SelfCheck } from '../fixtures/self_check';

/** Presses Tab until the focused element has this accessible label (by its <label>). */
async function tabTo(page: Page, label: string): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return '';
      const byLabel = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null;
      return (byLabel ?? element.textContent ?? '').trim();
    });
    if (focused === label) return;
  }
  throw new Error(`"${label}" was not reached with Tab`);
}

test('the first steps work with the keyboard alone', async ({ page }) => {
  const check = new SelfCheck(page);
  await check.start();
  await expect(check.heading()).toBeFocused();

  await tabTo(page, 'Tutti i modi per partecipare');
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Tutti i modi per partecipare', { exact: true })).toBeChecked();
  await tabTo(page, 'Continua');
  await page.keyboard.press('Enter');

  await check.expectStep('Dove hai il domicilio?');
  await expect(check.heading()).toBeFocused();
  await tabTo(page, 'Comune di domicilio');
  await page.keyboard.type('Imola');
  await page.keyboard.press('Enter');

  await check.expectStep('Quando sei nato o nata?');
  await expect(check.heading()).toBeFocused();
});
