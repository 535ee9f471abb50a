import { test, expect } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { BackOffice, SUAP_BOLOGNA, sendFragilityApplication } from '../fixtures/back_office';

// A reviewer of another organisation finds nothing: not by search, not by address, not by API.
test('deny a foreign application', async ({ page, request }) => {
  const receipt = await sendFragilityApplication(request, `Estranea${Date.now()}`);
  const office = new BackOffice(page);
  await page.goto('/ufficio/');
  await expect(page.getByRole('heading', { level: 1, name: "Accedi all'area riservata" })).toBeVisible();
  await expectNoAxeViolations(page, 'back-office sign-in');
  await office.signIn(SUAP_BOLOGNA);
  await office.search(receipt.reference);
  await expect(page.getByText('Nessuna domanda corrisponde ai filtri.')).toBeVisible();
  await page.goto(`/ufficio/pratiche/${receipt.reference}`);
  await expect(page.getByText('Domanda non trovata o non visibile al tuo ruolo.')).toBeVisible();
  const api = await page.request.get(`/api/back-office/applications/${receipt.reference}`);
  expect(api.status()).toBe(404);
});
