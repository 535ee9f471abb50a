import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { Application } from '../fixtures/application';
import { BackOffice, OPERATOR, SECRETARIAT, sendFragilityApplication } from '../fixtures/back_office';

// A person applies on channel 2; the secretariat finds the application, takes it, checks the
// requirements and schedules the first interview; the operator records it correcting two items,
// schedules and holds the second; the secretariat runs the joint analysis and takes the person
// in charge. The person's status page shows every public step.
test('review a fragility application from submission to taken in charge', async ({ page, request, browser }) => {
  test.setTimeout(90_000);
  const receipt = await sendFragilityApplication(request, `Revisione${Date.now()}`);
  const office = new BackOffice(page);

  await office.signIn(SECRETARIAT);
  await expectNoAxeViolations(page, 'back-office queue');
  // The person lives in Bologna, Quartiere Navile: the area filter finds the application.
  await page.getByRole('combobox', { name: 'Zona' }).selectOption('navile');
  await office.search(receipt.reference);
  await expect(page.locator('.queue-table tbody tr')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Zona' }).selectOption('imola');
  await page.getByRole('button', { name: 'Filtra' }).click();
  await expect(page.getByText('Nessuna domanda corrisponde ai filtri.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Zona' }).selectOption('');
  // The same search as a spreadsheet.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Scarica i risultati (CSV)' }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.split('\n')[0]).toContain('numero;canale;stato');
  expect(csv).toContain(receipt.reference);
  await office.openCase(receipt.reference);
  await expectNoAxeViolations(page, 'back-office case');
  await page.getByRole('button', { name: 'Prendi in carico' }).click();
  await expect(page.locator('.case-facts')).toContainText('Sergio Segreteria');
  await office.step('Requisiti verificati', 'Requisiti verificati');
  await page.getByRole('button', { name: 'Fissa il primo colloquio', exact: true }).click();
  await expectNoAxeViolations(page, 'back-office step form');
  await office.scheduleAt(page, 2, '10:30');
  await page.getByRole('button', { name: 'Conferma' }).click();
  await expect(page.locator('.case-facts')).toContainText('Primo colloquio fissato');
  // The back office offers the interview as a calendar file too (place and reference only).
  const officeCalendar = await page.getByRole('link', { name: 'Aggiungi al calendario (.ics)' }).getAttribute('href');
  expect(decodeURIComponent(officeCalendar ?? '')).toContain(receipt.reference);
  // The first contact is made: the deadline is gone.
  await expect(page.locator('.case-facts')).not.toContainText('scaduta');
  // The person sees when and where on the status page, with a calendar file.
  const person = new Application(await page.context().newPage());
  expect(await person.lookUp(receipt.reference, receipt.access_code)).toBe('Primo colloquio fissato');
  await expect(person.page.getByText(/Appuntamento: .*10:30/)).toBeVisible();
  const calendar = person.page.getByRole('link', { name: 'Aggiungi al calendario (.ics)' });
  expect(await calendar.getAttribute('href')).toContain('data:text/calendar');
  await expectNoAxeViolations(person.page, 'status page with an appointment');
  await person.page.close();
  await page.getByRole('button', { name: 'Lascia' }).click();

  // The operator works on another device (a browser of their own) while the secretariat stays
  // signed in.
  const operatorDevice = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'it-IT' });
  const operator = new BackOffice(await operatorDevice.newPage());
  await operator.signIn(OPERATOR);
  await operator.openCase(receipt.reference);
  // The first time the person does not come: the operator records it, the secretariat fixes a
  // new appointment, and the operator holds that one.
  await operator.page.getByRole('button', { name: 'La persona non si è presentata' }).click();
  await expect(operator.page.getByText('la persona non si è presentata')).toBeVisible();
  await page.goto('/ufficio/');
  await office.openCase(receipt.reference);
  await expect(page.getByRole('link', { name: 'Aggiungi al calendario (.ics)' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Fissa il primo colloquio', exact: true }).click();
  await office.scheduleAt(page, 3, '11:00');
  await page.getByRole('button', { name: 'Conferma' }).click();
  await expect(page.getByRole('link', { name: 'Aggiungi al calendario (.ics)' })).toBeVisible();
  await operator.page.goto('/ufficio/');
  await operator.openCase(receipt.reference);
  await operator.step('Registra il primo colloquio', 'Primo colloquio svolto', async (form) => {
    const selects = form.locator('.step-form select');
    await selects.nth(0).selectOption('2');
    await selects.nth(1).selectOption('3');
  });
  await expect(operator.page.getByText(/Indice di fragilità ufficiale: \d+/)).toBeVisible();
  await operator.step('Fissa il secondo colloquio', 'Secondo colloquio fissato', (form) => operator.scheduleAt(form, 3, '15:00'));
  await operator.step('Registra il secondo colloquio', 'Secondo colloquio svolto', (form) =>
    form.getByLabel('Motivazioni, invio ad altro servizio o annotazioni').fill('Colloquio di approfondimento svolto.'));
  await operator.signOut();
  await operatorDevice.close();

  await page.goto('/ufficio/');
  await office.openCase(receipt.reference);
  await office.step("Avvia l'analisi congiunta", 'In esame da parte dei partner', async (form) => {
    await form.getByLabel('Comune di Bologna', { exact: true }).check();
    await form.getByLabel('Fondazione San Petronio', { exact: true }).check();
  });
  await office.step('Presa in carico', 'Presa in carico', async (form) => {
    await form.getByLabel('Comune di Bologna', { exact: true }).check();
    await form.getByLabel('Esito').selectOption('traineeship');
  });

  const status = await request.post('/api/applications/status', { data: { reference: receipt.reference, access_code: receipt.access_code } });
  const history = (await status.json()).history.map((entry: { state: string }) => entry.state);
  expect(history).toEqual([
    // The first interview was fixed twice: the person did not come to the first appointment.
    'submitted', 'eligibility_checked', 'first_interview_scheduled', 'first_interview_scheduled', 'first_interview_held',
    'second_interview_scheduled', 'second_interview_held', 'joint_analysis', 'taken_in_charge',
  ]);
});
