// Channel 4 at the SUAP desk of Bologna: the reviewer accepts the business idea, opens the joint
// sustainability analysis with the Camera di Commercio, scores the six criteria of the grid and
// decides; the grid form passes axe, and the person's status page shows the outcome.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { BackOffice, SUAP_BOLOGNA, sendEnterpriseApplication } from '../fixtures/back_office';

test('a SUAP reviewer scores the sustainability grid and decides', async ({ page, request }) => {
  const receipt = await sendEnterpriseApplication(request, `Forno${Date.now()}`);
  const office = new BackOffice(page);
  await office.signIn(SUAP_BOLOGNA);
  await office.openCase(receipt.reference);
  await page.getByRole('button', { name: 'Prendi in carico' }).click();
  await expect(page.locator('.case-facts')).toContainText('Silvia SUAP Bologna');
  await office.step('Accetta allo sportello SUAP', 'Inviata allo sportello SUAP');
  await office.step("Avvia l'analisi di sostenibilità", 'Analisi di sostenibilità', (form) =>
    form.getByLabel('Camera di Commercio', { exact: false }).first().check());
  await page.getByRole('button', { name: 'Valuta non sostenibile', exact: true }).click();
  const grid = page.getByRole('group', { name: /Griglia di sostenibilità/ });
  await expect(grid.getByRole('combobox')).toHaveCount(6);
  await expectNoAxeViolations(page, 'sustainability grid');
  // Without scores the decision is refused; with all six it is taken.
  await page.getByLabel('Motivazioni, invio ad altro servizio o annotazioni').fill('Mercato non verificato.');
  await page.getByRole('button', { name: 'Conferma' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /./ })).toBeVisible();
  for (const select of await grid.getByRole('combobox').all()) await select.selectOption('1');
  await page.getByRole('button', { name: 'Conferma' }).click();
  await expect(page.locator('.case-facts')).toContainText('Progetto non sostenibile');

  const status = await request.post('/api/applications/status', { data: { reference: receipt.reference, access_code: receipt.access_code } });
  expect((await status.json()).state).toBe('not_sustainable');
});
