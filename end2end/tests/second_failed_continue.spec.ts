// A person who presses Continue again without fixing everything hears the problems again: on
// every failed Continue the focus goes to the error summary and the page title starts with
// "Errore:", in the forms and in the self-check.
import { expect, test } from '@playwright/test';
import { SelfCheck } from '../fixtures/self_check';

test('second failed continue focuses the summary again, in a form and in the self-check', async ({ page }) => {
  await page.goto('/domanda/comunita');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("L'organizzazione che propone");
  await page.getByRole('button', { name: 'Continua' }).click();
  const summary = page.getByRole('alert').filter({ hasText: "C'è un problema" });
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Errore: /);
  // The person follows a link to a field, types nothing, and presses Continue again.
  await summary.getByRole('link').first().click();
  await expect(summary).not.toBeFocused();
  await page.getByRole('button', { name: 'Continua' }).click();
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Errore: /);

  const check = new SelfCheck(page);
  await check.start();
  await check.continue();
  const checkSummary = page.getByRole('alert').filter({ hasText: "C'è un problema" });
  await expect(checkSummary).toBeFocused();
  await expect(page).toHaveTitle(/^Errore: /);
  await checkSummary.getByRole('link').first().click();
  await check.continue();
  await expect(checkSummary).toBeFocused();
  await check.choose('Tutti i modi per partecipare');
  await check.continue();
  await expect(page).not.toHaveTitle(/^Errore/);
});
