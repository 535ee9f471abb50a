// A long-term unemployed person in Castello d'Argile, living with debts and little family
// support, checks the programme in Italian: the engine runs in the browser, the interim score
// follows every answer, the result says a second interview follows (score >= 11), and nothing
// typed leaves the device. Each step passes an axe audit.
import { expect, test, type Request } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { fillDate } from '../fixtures/dates';
import { SelfCheck } from '../fixtures/self_check';

/** Every request's URL and body, to prove that no answer leaves the device. */
function recordRequests(page: import('@playwright/test').Page): string[] {
  const seen: string[] = [];
  page.on('request', (request: Request) => seen.push(`${request.method()} ${request.url()} ${request.postData() ?? ''}`));
  return seen;
}

test('a person scoring at least 11 is told about the second interview, and no answer leaves the device', async ({ page }) => {
  const requests = recordRequests(page);
  const check = new SelfCheck(page);
  await check.start();
  await expectNoAxeViolations(page, 'self-check start');
  await check.choose('Tutti i modi per partecipare');
  await check.continue();

  await check.expectStep('Dove hai il domicilio?');
  await page.getByLabel('Comune di domicilio').fill('castello d argile');
  await expectNoAxeViolations(page, 'self-check comune');
  await check.continue();

  await check.expectStep('Quando sei nato o nata?');
  // The count has no total while the age may still add the youth step: it never jumps.
  await expect(page.getByText(/^Passo 3( di \d+)?$/)).toHaveText('Passo 3');
  await fillDate(page, 'Data di nascita', '1975-03-02');
  await check.continue();

  await check.expectStep('La tua situazione attuale');
  await expect(page.getByText(/^Passo 4/)).toHaveText('Passo 4 di 14');
  await check.choose('No');
  await check.continue();

  // 51 years old: no youth questions.
  await check.expectStep("Un'idea di impresa");
  await expect(page.getByText(/^Passo 5/)).toHaveText('Passo 5 di 14');
  await check.choose('No');
  await check.continue();

  await check.expectStep('Funzionamento personale');
  await expect(page.getByText('È una domanda sulla salute').first()).toBeVisible();
  await check.continue();

  await check.expectStep('Condizione economica');
  await check.answerItem("Qual è il tuo ISEE, anche approssimativo?", 'ISEE sotto 6.000 euro o nessun reddito');
  await expect(check.interimScore()).toContainText('Punteggio di fragilità: 3');
  await check.answerItem('Hai debiti che fai fatica a pagare?', 'Debiti gravi (sfratto, pignoramento)');
  await expect(check.interimScore()).toContainText('Punteggio di fragilità: 6');
  await expectNoAxeViolations(page, 'self-check economic area');
  await check.continue();

  // No step asks more than five items: longer areas come in parts.
  await check.expectStep('Funzionamento sociale (1 di 2)');
  await check.continue();
  await check.expectStep('Funzionamento sociale (2 di 2)');
  await check.continue();

  await check.expectStep('Condizione sociale');
  await check.answerItem('Puoi contare sulla tua famiglia?', 'Scarsa o conflittuale');
  await check.continue();

  await check.expectStep('Spendibilità e occupabilità (1 di 3)');
  await expect(page.locator('fieldset[id^="item-"]')).toHaveCount(3);
  await check.answerItem('Qual è la tua situazione di lavoro?', 'Disoccupato/a di lunga durata o inattivo/a');
  await check.answerItem('Da quanto tempo non lavori?', 'Da 12 a 24 mesi');
  await expect(check.interimScore()).toContainText('Punteggio di fragilità: 13');
  await check.continue();
  await check.expectStep('Spendibilità e occupabilità (2 di 3)');
  // The first level of work continuity is not worded like the Continue button.
  await expect(page.getByLabel('Senza interruzioni')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Continua', exact: true })).toHaveCount(0);
  await check.continue();
  await check.expectStep('Spendibilità e occupabilità (3 di 3)');
  await check.continue();

  await check.expectStep('Il tuo risultato');
  const fragility = page.getByRole('region', { name: 'Accompagnamento con il profilo di fragilità' });
  await expect(fragility).toContainText('Puoi accedere');
  await expect(fragility).toContainText("Castello d'Argile");
  await expect(page.getByRole('main')).toContainText('Punteggio: 13 su 87');
  await expect(page.getByRole('main')).toContainText('è previsto un secondo colloquio');
  // The summary comes first: one button per channel the person can take.
  const summary = page.getByRole('region', { name: 'In breve' });
  await expect(summary.getByRole('link', { name: 'Fai domanda: Accompagnamento con il profilo di fragilità' })).toBeVisible();
  await expect(summary.getByRole('link', { name: /Autoimprenditorialità/ })).toHaveCount(0);
  // Channels that are not for the person now are folded, each saying why, and only why.
  await page.getByText('Non per te, per ora (2)').click();
  const youth = page.getByRole('region', { name: 'Progetti con territorio, scuole e imprese' });
  await expect(youth).toContainText('Non per te, per ora, perché:');
  await expect(youth).not.toContainText('Sì:');
  // A desk whose address nobody confirmed says so in plain words, and what happens anyway.
  const next = page.getByRole('region', { name: 'Che cosa succede adesso' });
  await expect(next).toContainText('Indirizzo non ancora confermato. Se fai domanda, la segreteria ti contatta entro cinque settimane');
  await expectNoAxeViolations(page, 'self-check result');

  for (const request of requests) {
    for (const answer of ['argile', '1975-03-02', '02/03/1975', 'income', 'debt', 'work_status', 'fragility']) {
      expect(request.toLowerCase(), `a request carried "${answer}"`).not.toContain(answer);
    }
  }
});

test('bad input is explained in an error summary and loses nothing', async ({ page }) => {
  const check = new SelfCheck(page);
  await check.start();
  await check.continue();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText("C'è un problema");
  await expect(summary.getByRole('link', { name: 'Scegli che cosa vuoi verificare.' })).toBeVisible();
  await check.choose('Tutti i modi per partecipare');
  await check.continue();

  await page.getByLabel('Comune di domicilio').fill('40121');
  await check.continue();
  await expect(page.getByRole('alert')).toContainText('Scrivi il nome del comune');
  await expect(page.getByLabel('Comune di domicilio')).toHaveValue('40121');
  await expectNoAxeViolations(page, 'self-check comune error');
  await page.getByLabel('Comune di domicilio').fill('Bologna');
  await check.continue();

  await fillDate(page, 'Data di nascita', '2099-01-01');
  await check.continue();
  await expect(page.getByRole('alert')).toContainText('La data di nascita deve essere nel passato.');
});

test('outside territory: someone in Firenze confirms it and gets one clear answer, no apply button', async ({ page }) => {
  const check = new SelfCheck(page);
  await check.startWithComune('Firenze');
  // A name that is not one of the 55 decides nothing until the person confirms it.
  await check.expectStep('Dove hai il domicilio?');
  await expect(page.getByRole('alert')).toContainText('Scegli il tuo comune tra quelli proposti');
  const choices = page.getByRole('group', { name: '«Firenze» non è uno dei 55 comuni della Città metropolitana di Bologna.' });
  await expect(choices.getByRole('radio')).toHaveCount(1);
  await expectNoAxeViolations(page, 'self-check comune outside');
  await choices.getByLabel('Vivo a Firenze, fuori dalla Città metropolitana di Bologna').check();
  await check.continue();
  await check.expectStep('Il tuo risultato');
  const main = page.getByRole('main');
  await expect(main).toContainText('Insieme per il lavoro è per chi ha il domicilio in uno dei 55 comuni della Città metropolitana di Bologna, e Firenze non è tra questi.');
  await expect(main).toContainText("Centro per l'impiego della tua zona");
  await expect(main.getByRole('link', { name: /Fai domanda/ })).toHaveCount(0);
  await expect(main.getByRole('heading', { name: 'Che cosa succede adesso' })).toBeHidden();
  await expect(main.getByText(/secondo colloquio/).filter({ visible: true })).toHaveCount(0);
  await expectNoAxeViolations(page, 'self-check result outside');
});

test('short comune name: Casalecchio stays on the step until Casalecchio di Reno is confirmed', async ({ page }) => {
  const check = new SelfCheck(page);
  await check.startWithComune('Casalecchio');
  await check.expectStep('Dove hai il domicilio?');
  const choices = page.getByRole('group', { name: /«Casalecchio» non è uno dei 55 comuni/ });
  await expect(choices).toContainText('Intendevi uno di questi comuni?');
  await choices.getByLabel('Casalecchio di Reno').check();
  await expect(page.getByLabel('Comune di domicilio')).toHaveValue('Casalecchio di Reno');
  await check.continue();
  await check.expectStep('Quando sei nato o nata?');
  await fillDate(page, 'Data di nascita', '1980-05-10');
  await check.continue();
  await check.choose('No');
  await check.continue();
  while (!(await check.heading().textContent())?.includes('Il tuo risultato')) await check.continue();
  // Result summary first: the right channel's button is in the first screen, on a phone too.
  const summary = page.getByRole('region', { name: 'In breve' });
  await expect(summary.getByRole('link', { name: 'Fai domanda: Accompagnamento con il profilo di fragilità' })).toBeInViewport();
  await expect(page.getByRole('region', { name: 'Accompagnamento con il profilo di fragilità' })).toContainText('Casalecchio di Reno');
});

test('a young person is told what "left school recently" means, and the count includes the youth step', async ({ page }) => {
  const check = new SelfCheck(page);
  await check.startWithComune('Imola');
  await check.expectStep('Quando sei nato o nata?');
  const born = new Date().getFullYear() - 20;
  await fillDate(page, 'Data di nascita', `${born}-05-01`);
  await check.continue();
  await check.expectStep('La tua situazione attuale');
  await expect(page.getByText(/^Passo 4/)).toHaveText('Passo 4 di 15');
  await check.choose('No');
  await check.continue();
  await check.expectStep('Scuola e situazione');
  const question = page.getByRole('group', { name: 'Hai lasciato la scuola da poco?' });
  await expect(question).toContainText('hai finito o interrotto la scuola o un corso di formazione professionale');
  await expect(page.getByText(/^Passo 5/)).toHaveText('Passo 5 di 15');
  await expectNoAxeViolations(page, 'self-check youth step');
});
