// An operator or partner who works with the keyboard alone: signs in, searches the queue, opens
// a case, takes it and completes a step, without a mouse.
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, SECOND_SECRETARIAT, sendFragilityApplication, withFreshCode } from '../fixtures/back_office';
import { tabTo } from '../fixtures/keyboard';

test('the queue and the case page work with the keyboard alone', async ({ page, request }) => {
  const receipt = await sendFragilityApplication(request, `Tastiera${Date.now()}`);
  await page.goto('/ufficio/');
  await tabTo(page, 'E-mail');
  await page.keyboard.type(SECOND_SECRETARIAT);
  await tabTo(page, 'Password');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  // The secretariat also types the authenticator code: the focus is already in its field.
  const codeField = page.getByLabel("Codice dell'app di autenticazione");
  await expect(codeField).toBeFocused();
  await withFreshCode(SECOND_SECRETARIAT, async (code) => {
    await page.keyboard.type(code);
    await Promise.all([page.waitForResponse((response) => response.url().endsWith('/api/back-office/session')), page.keyboard.press('Enter')]);
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Domande' })).toBeVisible();

  await tabTo(page, 'Cerca per numero, codice fiscale o cognome');
  await page.keyboard.type(receipt.reference);
  await page.keyboard.press('Enter');
  await expect(page.locator('.queue-table tbody tr')).toHaveCount(1);
  await tabTo(page, receipt.reference);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Domanda ${receipt.reference}` })).toBeVisible();

  await tabTo(page, 'Prendi in carico');
  await page.keyboard.press('Enter');
  await expect(page.locator('.case-facts')).toContainText('Sara Segreteria');
  await tabTo(page, 'Requisiti verificati');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Conferma');
  await page.keyboard.press('Enter');
  await expect(page.locator('.case-facts')).toContainText('Requisiti verificati');

  await tabTo(page, 'Nota');
  await page.keyboard.type('Telefonato: richiamare lunedì.');
  await tabTo(page, 'Aggiungi la nota');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Telefonato: richiamare lunedì.')).toBeVisible();
});
