// A person who uses only the keyboard goes through the first steps of the self-check: every
// control is reachable with Tab, radios are chosen with Space, Continue is pressed with Enter,
// and the heading of each new step receives the focus.
import { expect, test } from '@playwright/test';
import { tabTo } from '../fixtures/keyboard';
import { SelfCheck } from '../fixtures/self_check';

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
