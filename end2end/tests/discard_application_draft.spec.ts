// On a shared phone a person deletes an unsent application: nothing stays on the device and the
// next form starts empty.
import { expect, test } from '@playwright/test';
import { Application, MARIO } from '../fixtures/application';
import { expectNoAxeViolations } from '../fixtures/axe';

test('an unsent application can be deleted from the device, after saying yes twice', async ({ page }) => {
  const application = new Application(page);
  await application.start('Presenta la tua idea');
  await application.fill('Nome', MARIO.given);
  await application.fill('Cognome', MARIO.family);
  expect(await page.evaluate(() => localStorage.getItem('ipl.application.impresa'))).toContain(MARIO.family);

  await page.goto('/domanda/impresa/controlla');
  await application.expectPage('Controlla le risposte');
  await expectNoAxeViolations(page, 'check answers with problems');
  // Asked twice: the first press only asks, and "no" keeps everything.
  await page.getByRole('button', { name: 'Cancella questa domanda da questo dispositivo' }).click();
  const question = page.getByRole('alert').filter({ hasText: 'non si possono recuperare' });
  await expect(question).toBeVisible();
  // The button pressed is hidden: the focus moves to the question, and back on "no".
  await expect(page.locator('#confirm-question')).toBeFocused();
  await expect(page.locator('#confirm-action')).toBeHidden();
  await expectNoAxeViolations(page, 'confirm deleting an application');
  await page.getByRole('button', { name: 'No, torna alla domanda' }).click();
  await expect(question).toBeHidden();
  await expect(page.getByRole('button', { name: 'Cancella questa domanda da questo dispositivo' })).toBeFocused();
  expect(await page.evaluate(() => localStorage.getItem('ipl.application.impresa'))).toContain(MARIO.family);
  await page.getByRole('button', { name: 'Cancella questa domanda da questo dispositivo' }).click();
  await page.getByRole('button', { name: 'Sì, cancella la domanda' }).click();
  await application.expectPage('Fai domanda');
  expect(await page.evaluate(() => localStorage.getItem('ipl.application.impresa'))).toBeNull();

  await page.getByRole('link', { name: 'Presenta la tua idea' }).click();
  await expect(page.getByLabel('Cognome', { exact: true })).toHaveValue('');
});
