// The receipt is the only copy of the access code: it must reach the person whatever the
// browser's storage does, every receipt on a device is kept until the person removes it, and
// removing one asks first.
import { expect, Page, test } from '@playwright/test';
import { Application } from '../fixtures/application';
import { expectNoAxeViolations } from '../fixtures/axe';
import { daysFromToday, fillDate } from '../fixtures/dates';

async function proposeOpportunity(page: Page, organisation: string): Promise<{ reference: string; accessCode: string }> {
  const application = new Application(page);
  await application.start("Proponi un'opportunità");
  await application.expectPage("L'organizzazione che propone");
  await application.fill("Nome dell'organizzazione", organisation);
  await application.choose('Tipo di organizzazione', 'Caritas o parrocchia');
  await application.select('Quartiere o distretto', 'Navile');
  await application.next("L'opportunità");
  await application.fill('Che cosa si fa (mansioni)', 'Distribuzione dei pasti');
  await application.fill('Ore alla settimana', '8');
  await application.fill('Quante persone', '1');
  await fillDate(page, 'Data di inizio', daysFromToday(30));
  await fillDate(page, 'Data di fine', daysFromToday(200));
  await application.next('La persona di riferimento');
  await application.fill('Nome del referente', 'Lucia');
  await application.fill('Cognome del referente', 'Neri');
  await application.fill('Email del referente (facoltativo)', 'lucia@example.org');
  await application.next('Controlla le risposte');
  await application.next('Consenso e invio');
  return application.consentAndSend();
}

test('a browser that refuses to store anything still shows the receipt, and says it is not kept', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function refuse() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const { reference, accessCode } = await proposeOpportunity(page, 'Parrocchia di San Donato');
  await expect(page.getByText('Questo dispositivo non ha potuto salvare la ricevuta.')).toBeVisible();
  await expect(page.getByText('Una copia della ricevuta è salvata su questo dispositivo')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Togli la ricevuta da questo dispositivo' })).toHaveCount(0);
  // The code shown is the real one: it opens the application.
  expect(await new Application(page).lookUp(reference, accessCode)).toBe('Proposta inviata');
});

test('two applications of the same form keep both receipts, and removing one asks first', async ({ page }) => {
  const first = await proposeOpportunity(page, 'Parrocchia di San Donato');
  await expect(page.getByText('Una copia della ricevuta è salvata su questo dispositivo')).toBeVisible();
  // Kept on the device, the access code leaves the address bar.
  expect(page.url()).not.toContain('#');
  const second = await proposeOpportunity(page, 'Associazione Il Ponte');
  expect(second.reference).not.toBe(first.reference);
  await page.getByText('Altre domande inviate da questo dispositivo').click();
  await expect(page.getByText(`${first.reference} · ${first.accessCode}`)).toBeVisible();
  await expectNoAxeViolations(page, 'receipt with earlier receipts');

  await page.getByRole('button', { name: 'Togli la ricevuta da questo dispositivo' }).click();
  await expect(page.getByRole('alert')).toContainText('Il codice di accesso non è salvato da nessun');
  await expectNoAxeViolations(page, 'confirm removing a receipt');
  await page.getByRole('button', { name: 'No, tienila' }).click();
  await expect(page.locator('.receipt__reference')).toHaveText(second.reference);
  await page.getByRole('button', { name: 'Togli la ricevuta da questo dispositivo' }).click();
  await page.getByRole('button', { name: 'Sì, togli la ricevuta' }).click();
  await expect(page.getByText("Su questo dispositivo non c'è una ricevuta da mostrare.")).toBeVisible();
  // The first receipt is still on the device.
  await page.goto('/stato/ricevuta/comunita');
  await expect(page.locator('.receipt__reference')).toHaveText(first.reference);
});
