// request_correction: a reviewer asks in the back office for a field to be corrected; the person
// sees on the status page what to correct, corrects it there (checked like the form), and the
// application comes back to the reviewer's queue marked as corrected.
import { expect, test } from '@playwright/test';
import { Application, GIULIA } from '../fixtures/application';
import { expectNoAxeViolations } from '../fixtures/axe';
import { BackOffice, CITTA_METROPOLITANA } from '../fixtures/back_office';

test('a person corrects what the partners flagged, checked like the form', async ({ page, browser }) => {
  test.setTimeout(60_000);
  const application = new Application(page);
  await application.start('Rispondi a un avviso');
  await application.select('Avviso', 'Avviso dimostrativo: percorsi per giovani tra scuola e lavoro');
  await application.continue();
  await application.fillPerson(GIULIA);
  await application.next('Scuola e situazione attuale');
  await application.fill('Ultima scuola frequentata', 'Liceo Rambaldi, Imola');
  await application.fill("Anno in cui l'hai lasciata (o la lascerai)", '2023');
  await application.choose('Cosa fai adesso', 'Faccio lavori saltuari');
  await application.next('Perché vuoi partecipare');
  await application.fill('Perché vuoi partecipare', 'Voglio un lavoro stabile.');
  await application.next('Il colloquio');
  await application.next('Controlla le risposte');
  await application.next('Consenso e invio');
  const { reference, accessCode } = await application.consentAndSend();

  // The Città metropolitana's reviewer, on another device, asks for a correction.
  const partnerDevice = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const office = new BackOffice(await partnerDevice.newPage());
  await office.signIn(CITTA_METROPOLITANA);
  await office.openCase(reference);
  await office.step('Chiedi una correzione', 'Da correggere', (form) =>
    form.getByLabel('Campi da correggere (uno per riga: campo = nota per la persona)')
      .fill("person.email = L'indirizzo email non esiste: scrivine uno valido."));

  expect(await application.lookUp(reference, accessCode)).toBe('Da correggere');
  await expect(page.getByText("L'indirizzo email non esiste")).toBeVisible();
  const email = page.getByLabel('Email', { exact: true });
  await expect(email).toHaveValue(GIULIA.email);
  await email.fill('giulia@');
  await page.getByRole('button', { name: 'Invia le correzioni' }).click();
  await expect(page.getByText("Scrivi l'email nella forma nome@esempio.it.")).toBeVisible();
  await expectNoAxeViolations(page, 'correction with an error');
  await email.fill('giulia.bianchi@example.org');
  await page.getByRole('button', { name: 'Invia le correzioni' }).click();
  await expect(page.locator('.lookup-result__state')).toHaveText('Corretta e inviata di nuovo');
  await expect(page.getByRole('list').filter({ hasText: 'Da correggere' })).toContainText('Inviata');
  await expectNoAxeViolations(page, 'corrected');

  // Back in the reviewer's queue, marked as corrected, with the new value.
  await office.page.goto('/ufficio/');
  await office.page.getByRole('combobox', { name: 'Stato', exact: true }).selectOption('corrected');
  await office.search(reference);
  await expect(office.page.locator('.queue-table')).toContainText('Corretta e inviata di nuovo');
  await office.page.getByRole('link', { name: reference }).click();
  await expect(office.page.locator('.case-submission')).toContainText('giulia.bianchi@example.org');
  await partnerDevice.close();
});
