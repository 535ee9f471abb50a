// One application per channel, as a person fills it: every page audited by axe, a receipt with
// reference, access code and QR code, and the status page showing the first state.
import { expect, test } from '@playwright/test';
import { Application, GIULIA, MARIO } from '../fixtures/application';
import { expectNoAxeViolations } from '../fixtures/axe';
import { daysFromToday, expectDate, fillDate } from '../fixtures/dates';
import { SelfCheck } from '../fixtures/self_check';

test('fragility: the self-check answers go into the application and the secretariat contacts within five weeks', async ({ page }) => {
  const check = new SelfCheck(page);
  await check.startAsAdult('Casalecchio di Reno', MARIO.born);
  await check.continue(); // personal functioning: nothing said
  await check.answerItem('Qual è il tuo ISEE, anche approssimativo?', 'ISEE sotto 6.000 euro o nessun reddito');
  await check.continue();
  while (!(await check.heading().textContent())?.includes('Il tuo risultato')) await check.continue();
  // The summary's own button for channel 2 opens its form.
  await page.getByRole('link', { name: 'Fai domanda: Accompagnamento con il profilo di fragilità' }).click();

  const application = new Application(page);
  await application.expectPage('Chi sei');
  // The self-check already knows the birth date and the comune.
  await expectDate(page, 'Data di nascita', MARIO.born);
  await application.fill('Nome', MARIO.given);
  await application.fill('Cognome', MARIO.family);
  await application.fill('Codice fiscale', 'RSSMRA85T10A562T');
  await application.continue();
  await expect(page.getByRole('alert')).toContainText('Il codice fiscale non torna');
  await expectNoAxeViolations(page, 'identity with an error');
  await application.fill('Codice fiscale', MARIO.cf);
  await application.next('Dove hai il domicilio');
  await expect(page.getByLabel('Comune di domicilio', { exact: true })).toHaveValue('Casalecchio di Reno');
  await application.next('Come possiamo contattarti');
  await application.continue();
  await expect(page.getByRole('alert')).toContainText("Indica almeno un telefono o un'email");
  await application.fill('Telefono (facoltativo)', MARIO.phone);
  // The language for contacts is the page's unless the person picks another (spec §4).
  const language = page.getByLabel('Lingua preferita per i contatti (facoltativo)');
  await expect(language).toHaveValue('it');
  await language.selectOption({ label: 'Español' });
  await application.next('Il colloquio');
  await application.choose('Quando puoi venire al colloquio (facoltativo)', 'Di mattina');
  await application.next('Controlla le risposte');
  await expect(page.getByText('Casalecchio di Reno')).toBeVisible();
  await expect(page.getByRole('main').getByText('Español')).toBeVisible();
  // One answer: the singular (the browser's plural rules).
  await expect(page.getByText(/: 1 domanda su 29\./)).toBeVisible();
  // The last two pages are steps of the form too: 5 and 6 of 6.
  await expect(page.getByText('Passo 5 di 6')).toBeVisible();
  // What will be sent, by area, as the person answered it.
  await page.getByText('Le risposte della verifica che invieremo').click();
  const sent = page.locator('.answers-sent');
  await expect(sent).toContainText('Condizione economica');
  await expect(sent).toContainText('ISEE sotto 6.000 euro o nessun reddito');
  await application.next('Consenso e invio');

  const { reference, accessCode } = await application.consentAndSend();
  await expect(page.getByText('entro cinque settimane')).toBeVisible();
  expect(await application.lookUp(reference, accessCode)).toBe('Inviata');
});

test('youth: a young person answers the open call', async ({ page }) => {
  const application = new Application(page);
  await application.start('Rispondi a un avviso');
  await application.expectPage("L'avviso a cui rispondi");
  await application.select('Avviso', 'Avviso dimostrativo: percorsi per giovani tra scuola e lavoro');
  await application.continue();
  await application.fillPerson(GIULIA);
  await application.next('Scuola e situazione attuale');
  await application.fill('Ultima scuola frequentata', 'Istituto Alberghetti, Imola');
  await application.fill("Anno in cui l'hai lasciata (o la lascerai)", '2024');
  await application.choose('Cosa fai adesso', 'Cerco lavoro');
  await application.next('Perché vuoi partecipare');
  await application.fill('Perché vuoi partecipare', 'Vorrei imparare un mestiere e restare a Imola.');
  await application.next('Il colloquio');
  await application.next('Controlla le risposte');
  await application.next('Consenso e invio');
  const { reference, accessCode } = await application.consentAndSend();
  expect(await application.lookUp(reference, accessCode)).toBe('Inviata');
});

test('youth, organisations: a school proposes a social-innovation project to the call for projects', async ({ page }) => {
  const application = new Application(page);
  await application.start('Proponi un progetto');
  await application.expectPage("L'avviso a cui rispondi");
  // Only the calls for organisations are offered here.
  await expect(page.getByLabel('Avviso per progetti', { exact: true }).locator('option')).toHaveText([
    'Scegli…',
    'Avviso dimostrativo: progetti di scuole, imprese e associazioni per i giovani',
  ]);
  await application.select('Avviso per progetti', 'Avviso dimostrativo: progetti di scuole, imprese e associazioni per i giovani');
  await application.next("L'organizzazione che propone");
  await application.fill("Nome dell'organizzazione", 'Istituto Aldini Valeriani');
  await application.fill('Partner del progetto (scuole, imprese)', 'Officine Meccaniche Reno');
  await application.choose('Ambito del progetto', 'Innovazione sociale (cultura tecnica, reti scuola-territorio)');
  await application.next('Il progetto');
  await application.fill('Descrivi il progetto', 'Un laboratorio di cultura tecnica aperto al quartiere.');
  await application.fill('Budget del progetto, in euro', '25.000');
  await application.next('La persona di riferimento');
  await application.fill('Nome del referente', 'Paola');
  await application.fill('Cognome del referente', 'Gialli');
  await application.fill('Telefono del referente (facoltativo)', '051 123 4567');
  await application.next('Controlla le risposte');
  await application.next('Consenso e invio');
  const { reference, accessCode } = await application.consentAndSend();
  expect(await application.lookUp(reference, accessCode)).toBe('Inviata');
});

test('enterprise: a business idea reaches the SUAP desk of its comune', async ({ page }) => {
  const application = new Application(page);
  await application.start('Presenta la tua idea');
  await application.fillPerson(MARIO);
  await application.next("La tua idea d'impresa");
  await application.fill("Comune dove avrà sede l'impresa", 'Sasso Marconi');
  await application.choose('Settore', 'Alimentare e ristorazione');
  await application.choose('A che punto sei', "Ho un piano d'impresa");
  await application.next('Il progetto');
  await application.fill("Descrivi l'idea", 'Un forno con farine locali.');
  await application.fill('A chi venderai (clienti e mercato)', 'Famiglie e bar della valle.');
  await application.fill('Le competenze tue e del gruppo', 'Dieci anni da fornaio.');
  await application.next('Risorse e sostegno');
  await application.fill('Investimento necessario, in euro', 'quarantamila');
  await application.fill('Fondi propri disponibili, in euro', '10.000');
  await application.continue();
  await expect(page.getByRole('alert')).toContainText('Non è scritto nel modo atteso');
  await application.fill('Investimento necessario, in euro', '40.000');
  await application.choose('Che sostegno cerchi (facoltativo)', 'Accesso al credito');
  await application.next('Controlla le risposte');
  await expect(page.getByText('Accesso al credito')).toBeVisible();
  await application.next('Consenso e invio');
  const { reference, accessCode } = await application.consentAndSend();
  await expect(page.getByText('SUAP')).toBeVisible();
  expect(await application.lookUp(reference, accessCode)).toBe('Inviata');
});

test('community: an organisation proposes an opportunity to its Quartiere network', async ({ page }) => {
  const application = new Application(page);
  await application.start("Proponi un'opportunità");
  await application.expectPage("L'organizzazione che propone");
  await application.fill("Nome dell'organizzazione", 'Parrocchia di San Donato');
  await application.choose('Tipo di organizzazione', 'Caritas o parrocchia');
  await application.select('Quartiere o distretto', 'San Donato-San Vitale');
  await application.next("L'opportunità");
  await application.fill('Che cosa si fa (mansioni)', 'Distribuzione dei pasti');
  await application.fill('Ore alla settimana', '10');
  await application.fill('Quante persone', '2');
  await fillDate(page, 'Data di inizio', daysFromToday(60));
  await fillDate(page, 'Data di fine', daysFromToday(59));
  await application.continue();
  await expect(page.getByRole('alert')).toContainText('La data di fine viene prima di quella di inizio');
  await fillDate(page, 'Data di fine', daysFromToday(240));
  await application.next('La persona di riferimento');
  await application.fill('Nome del referente', 'Lucia');
  await application.fill('Cognome del referente', 'Neri');
  await application.fill('Email del referente (facoltativo)', 'lucia@example.org');
  await application.next('Controlla le risposte');
  await application.next('Consenso e invio');
  const { reference, accessCode } = await application.consentAndSend();
  expect(await application.lookUp(reference, accessCode)).toBe('Proposta inviata');
});

test('fragility without a self-check on the device: the check page says so and points to it', async ({ page }) => {
  const application = new Application(page);
  await application.start('Fai domanda di accompagnamento');
  await page.goto('/domanda/fragilita/controlla');
  await application.expectPage('Controlla le risposte');
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Risposte della verifica: Questa risposta manca.');
  await expect(page.getByText('Su questo dispositivo non ci sono risposte della verifica.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continua' })).toBeDisabled();
});
