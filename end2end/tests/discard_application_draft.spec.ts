// On a shared phone a person deletes an unsent application: nothing stays on the device and the
// next form starts empty.
import { expect, test } from '@playwright/test';
import { Application, MARIO } from '../fixtures/application';
import { expectNoAxeViolations } from '../fixtures/axe';

test('an unsent application can be deleted from the device', async ({ page }) => {
  const application = new Application(page);
  await application.start('Presenta la tua idea');
  await application.fill('Nome', MARIO.given);
  await application.fill('Cognome', MARIO.family);
  expect(await page.evaluate(() => localStorage.getItem('ipl.application.impresa'))).toContain(MARIO.family);

  await page.goto('/domanda/impresa/controlla');
  await application.expectPage('Controlla le risposte');
  await expectNoAxeViolations(page, 'check answers with problems');
  await page.getByRole('button', { name: 'Cancella questa domanda da questo dispositivo' }).click();
  await application.expectPage('Fai domanda');
  expect(await page.evaluate(() => localStorage.getItem('ipl.application.impresa'))).toBeNull();

  await page.getByRole('link', { name: 'Presenta la tua idea' }).click();
  await expect(page.getByLabel('Cognome', { exact: true })).toHaveValue('');
});
