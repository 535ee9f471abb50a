// The network fails on submit: the server stored the application but its answer never
// arrives. The person is told plainly, nothing typed is lost, and sending again (same id) gives
// the same reference: one application, not two. The retry sends the same bytes even when the
// person switched the page's language in between (issue 11: the language is fixed at the first
// attempt, so the retry is not refused as other content).
import { expect, test } from '@playwright/test';
import { Application, MARIO } from '../fixtures/application';
import { expectNoAxeViolations } from '../fixtures/axe';

test('a lost answer is retried with the same id and gives the same single application', async ({ page }) => {
  const sent: { id: string; body: string; reference?: string }[] = [];
  await page.route('**/api/applications', async (route) => {
    const body = route.request().postData() ?? '{}';
    const id = JSON.parse(body).id as string;
    if (sent.length === 0) {
      // The request reaches the server, which stores it; the answer is lost on the way back.
      const response = await route.fetch();
      sent.push({ id, body, reference: (await response.json()).reference });
      await route.abort('connectionreset');
    } else {
      sent.push({ id, body });
      await route.continue();
    }
  });

  const application = new Application(page);
  await application.start('Presenta la tua idea');
  await application.fillPerson(MARIO);
  await application.next("La tua idea d'impresa");
  await application.fill("Comune dove avrà sede l'impresa", 'Bologna');
  await application.choose('Settore', 'Tecnologia e innovazione');
  await application.choose('A che punto sei', "Ho un'idea");
  await application.next('Il progetto');
  await application.fill("Descrivi l'idea", "Un'app per prenotare le riparazioni di quartiere.");
  await application.fill('A chi venderai (clienti e mercato)', 'Artigiani e famiglie di Bologna.');
  await application.fill('Le competenze tue e del gruppo', 'Sviluppo software e rete di artigiani.');
  await application.next('Risorse e sostegno');
  await application.fill('Investimento necessario, in euro', '15000');
  await application.fill('Fondi propri disponibili, in euro', '2000');
  await application.next('Controlla le risposte');
  await application.next('Consenso e invio');
  await page.getByLabel("Ho letto l'informativa sulla privacy (obbligatorio).").check();
  await page.getByRole('button', { name: 'Invia la domanda' }).click();

  await expect(page.getByRole('alert')).toContainText('La domanda non è partita');
  await expect(page.getByRole('alert')).toContainText('Non hai perso nulla');
  await expectNoAxeViolations(page, 'send failed');
  // Nothing typed is lost: the draft is still on the device, with its id.
  const draft = await page.evaluate(() => localStorage.getItem('ipl.application.impresa'));
  expect(draft).toContain('Sviluppo software');

  // The person switches to English before trying again.
  await page.getByRole('banner').getByRole('button', { expanded: false }).first().click();
  await page.getByRole('banner').getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Consent and sending');
  await page.getByRole('button', { name: 'Send again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Application sent');
  await page.getByRole('banner').getByRole('button', { expanded: false }).first().click();
  await page.getByRole('banner').getByRole('button', { name: 'Italiano', exact: true }).click();
  const { reference } = await application.receipt();
  expect(sent).toHaveLength(2);
  expect(sent[1].id).toBe(sent[0].id);
  expect(sent[1].body).toBe(sent[0].body);
  expect(JSON.parse(sent[0].body).language).toBe('it');
  expect(reference).toBe(sent[0].reference);
  // Only after the server's confirmation is the local copy gone.
  expect(await page.evaluate(() => localStorage.getItem('ipl.application.impresa'))).toBeNull();
});
