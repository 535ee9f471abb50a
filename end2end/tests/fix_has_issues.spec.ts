// The partners flag a field (set on the server side, the back office comes later): the person
// sees on the status page what to correct, corrects it there, and the application goes back
// to the partners.
import { expect, test } from '@playwright/test';
import { Application, GIULIA, partner } from '../fixtures/application';
import { expectNoAxeViolations } from '../fixtures/axe';

test('a person corrects what the partners flagged, checked like the form', async ({ page }) => {
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

  partner('has-issues', reference, 'person.email', "L'indirizzo email non esiste: scrivine uno valido.");

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
});
