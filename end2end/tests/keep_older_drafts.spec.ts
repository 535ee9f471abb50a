// After an update of the site, what a device saved with the earlier version is migrated or kept
// aside and offered, never silently replaced (issue 11).
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';

test('an application draft this version cannot read is kept aside and shown', async ({ page }) => {
  await page.goto('/');
  const older = JSON.stringify({ id: 'x', fields: { 'person.given_name': 'Mario', 'person.family_name': 'Rossi' } });
  await page.evaluate((text) => localStorage.setItem('ipl.application.impresa', text), older);
  await page.goto('/domanda/impresa/persona');
  const kept = page.getByRole('region', { name: 'Una domanda iniziata prima di un aggiornamento del sito' });
  await expect(kept).toBeVisible();
  await expect(kept.getByLabel('Testo salvato')).toHaveValue(older);
  await expectNoAxeViolations(page, 'draft kept aside');
  // Typing the new application does not write over it.
  await page.getByLabel('Nome', { exact: true }).fill('Maria');
  expect(await page.evaluate(() => localStorage.getItem('ipl.application.impresa.kept'))).toBe(older);
  await page.reload();
  await expect(kept).toBeVisible();
  await expect(page.getByLabel('Nome', { exact: true })).toHaveValue('Maria');
  // Removed only when the person says so, twice.
  await kept.getByRole('button', { name: 'Togli il testo salvato' }).click();
  await kept.getByRole('alert').getByRole('button', { name: 'Togli il testo salvato' }).click();
  await expect(kept).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('ipl.application.impresa.kept'))).toBeNull();
});

test('a self-check saved with an earlier questionnaire keeps what still fits and says what left', async ({ page }) => {
  await page.goto('/');
  const older = JSON.stringify({
    intent: 'everything',
    answers: { profile: { comune: 'Imola' }, fragility: { income: 1, retired_item: 2 } },
  });
  await page.evaluate((text) => localStorage.setItem('ipl.self_check', text), older);
  await page.goto('/verifica/comune');
  await expect(page.getByLabel('Comune di domicilio')).toHaveValue('Imola');
  await expect(page.getByRole('status').filter({ hasText: 'Risposte tolte: 1' })).toBeVisible();
  await expectNoAxeViolations(page, 'answers left out after an update');
  // Nothing readable: kept aside, never written over.
  await page.evaluate(() => localStorage.setItem('ipl.self_check', 'not a draft'));
  await page.goto('/verifica/inizio');
  await page.getByLabel('Tutti i modi per partecipare', { exact: true }).check();
  await page.getByRole('button', { name: 'Continua' }).click();
  expect(await page.evaluate(() => localStorage.getItem('ipl.self_check.kept'))).toBe('not a draft');
});
