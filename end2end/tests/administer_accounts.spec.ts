// An administrator makes an account for a new person of the secretariat; the person signs in
// with the one-time password, is asked to connect an authenticator app before anything else,
// scans (here: reads) the key, confirms with a code and reaches the queue.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { SelfCheck } from '../fixtures/self_check';
import { ADMIN, BackOffice } from '../fixtures/back_office';
import { currentStep, totpAt } from '../fixtures/totp';

test('an administrator makes an account and its holder connects an authenticator app', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const office = new BackOffice(page);
  await office.signIn(ADMIN);
  await page.getByRole('link', { name: 'Amministrazione' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Amministrazione' })).toBeVisible();
  await expectNoAxeViolations(page, 'back-office administration');

  const email = `nuova.${Date.now()}.${test.info().project.name}@example.org`;
  const newAccount = page.getByRole('group', { name: 'Nuovo account' });
  await newAccount.getByLabel('Nome', { exact: true }).fill('Nora Nuova');
  await newAccount.getByLabel('E-mail', { exact: true }).fill(email);
  await newAccount.getByLabel('Ruolo').selectOption('secretariat');
  await page.getByRole('button', { name: "Crea l'account" }).click();
  const password = await page.locator('.one-time-password').textContent();
  expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('non collegata');

  // The new person, on a device of their own.
  const device = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'it-IT' });
  const person = await device.newPage();
  await person.goto('/ufficio/');
  await person.getByLabel('E-mail').fill(email);
  await person.getByLabel('Password').fill(password ?? '');
  await person.getByRole('button', { name: 'Accedi' }).click();
  await expect(person.getByRole('heading', { level: 1, name: "Collega un'app di autenticazione" })).toBeVisible();
  await person.getByRole('button', { name: 'Mostra il codice QR' }).click();
  await expect(person.getByRole('img', { name: "Codice QR da inquadrare con l'app di autenticazione" })).toBeVisible();
  await expectNoAxeViolations(person, 'authenticator enrolment');
  const key = (await person.locator('.second-factor__key code').textContent()) ?? '';
  await person.getByLabel('2. Scrivi qui il codice').fill(totpAt(key, currentStep()));
  await person.getByRole('button', { name: 'Conferma' }).click();
  await expect(person.getByRole('heading', { level: 1, name: 'Domande' })).toBeVisible();
  await device.close();

  // The administrator sees the app connected, and can disconnect it (a lost phone).
  await page.reload();
  await expect(row).toContainText('collegata');
  await expect(row).not.toContainText('non collegata');
  await row.getByRole('button', { name: "Scollega l'app di autenticazione: Nora Nuova" }).click();
  await expect(row).toContainText('non collegata');

  // She forgot her password: a new one-time password, shown once.
  await row.getByRole('button', { name: 'Nuova password monouso: Nora Nuova' }).click();
  await expect(page.locator('.one-time-password')).not.toHaveText(password ?? '');
  await expect(page.locator('.one-time-password')).toHaveText(/^[A-Za-z0-9]{20}$/);

  // A new access point, then closed.
  const code = `sportello-prova-${test.info().project.name}-${Date.now()}`;
  const newPlace = page.getByRole('group', { name: 'Nuovo sportello o organizzazione' });
  await newPlace.getByLabel('Tipo').selectOption('access_point');
  await newPlace.getByLabel('Nome', { exact: true }).fill('Sportello di prova');
  await newPlace.getByLabel('Codice').fill(code);
  await newPlace.getByLabel('Comune', { exact: true }).fill('Budrio');
  await newPlace.getByLabel('Indirizzo').fill('Piazza Filopanti 11');
  await newPlace.getByRole('button', { name: 'Aggiungi' }).click();
  const point = page.getByRole('row').filter({ hasText: code });
  await expect(point).toBeVisible();

  // The access point moves: renamed, with its new address (people see it for appointments).
  await point.getByRole('button', { name: 'Modifica: Sportello di prova' }).click();
  const placeEditor = page.getByRole('group', { name: `Modifica ${code}` });
  await expect(placeEditor.getByLabel('Nome', { exact: true })).toBeFocused();
  await placeEditor.getByLabel('Nome', { exact: true }).fill('Sportello di prova – sede nuova');
  await placeEditor.getByLabel('Indirizzo').fill('Via Garibaldi 3');
  await expectNoAxeViolations(page, 'back-office administration, changing a place');
  await placeEditor.getByRole('button', { name: 'Salva' }).click();
  await expect(placeEditor).toHaveCount(0);
  await expect(point).toContainText('Sportello di prova – sede nuova');

  // Nora moves from the secretariat to the new access point, as an operator.
  await row.getByRole('button', { name: 'Modifica: Nora Nuova' }).click();
  const accountEditor = page.getByRole('group', { name: `Modifica l'account ${email}` });
  await expect(accountEditor.getByLabel('Nome', { exact: true })).toBeFocused();
  await accountEditor.getByLabel('Ruolo').selectOption('operator');
  await accountEditor.getByLabel('Sportello').selectOption({ label: 'Sportello di prova – sede nuova' });
  await expectNoAxeViolations(page, 'back-office administration, changing an account');
  await accountEditor.getByRole('button', { name: 'Salva' }).click();
  await expect(accountEditor).toHaveCount(0);
  await expect(row).toContainText('operatore');
  await expect(row).toContainText('Sportello di prova – sede nuova');

  // People see the desk where they look for one, with the address the administrator wrote.
  const visitor = await page.context().newPage();
  await visitor.goto('/sportelli');
  const listed = visitor.getByRole('listitem').filter({ hasText: 'Sportello di prova – sede nuova' });
  await expect(listed).toContainText('Via Garibaldi 3');
  await expectNoAxeViolations(visitor, 'access points with a desk the administrators opened');
  // And on the self-check's result of someone domiciled in Budrio.
  const check = new SelfCheck(visitor);
  await check.startAsAdult('Budrio', '1980-05-10');
  while (!(await check.heading().textContent())?.includes('Il tuo risultato')) await check.continue();
  const whereToGo = visitor.getByRole('region', { name: 'Che cosa succede adesso' });
  const onResult = whereToGo.getByRole('listitem').filter({ hasText: 'Sportello di prova – sede nuova' });
  await expect(onResult).toContainText('Via Garibaldi 3');
  await visitor.goto('/sportelli');

  await point.getByRole('button', { name: 'Chiudi: Sportello di prova – sede nuova' }).click();
  await expect(point).toContainText('chiuso');
  await visitor.reload();
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Dove andare');
  await expect(visitor.getByRole('listitem').filter({ hasText: 'Sportello comunale per il Lavoro' })).toBeVisible();
  await expect(listed).toHaveCount(0);
  await visitor.goto('/verifica/risultato');
  await expect(whereToGo.getByRole('listitem').first()).toBeVisible();
  await expect(onResult).toHaveCount(0);
  await visitor.close();
  await expectNoAxeViolations(page, 'back-office administration with places');

  // The activity log shows who made and changed the account.
  await page.getByRole('link', { name: 'Registro delle attività' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registro delle attività' })).toBeVisible();
  await page.getByLabel('Chi').selectOption({ label: 'Alessandra Amministratrice' });
  await page.getByRole('button', { name: 'Filtra' }).click();
  const made = page.getByRole('row').filter({ hasText: "ha scollegato l'app di autenticazione" }).filter({ hasText: 'Nora Nuova' });
  await expect(made.first()).toBeVisible();
  const creation = page.getByRole('row').filter({ hasText: 'Nora Nuova' }).filter({ has: page.getByRole('cell', { name: 'ha creato', exact: true }) });
  await expect(creation.first()).toBeVisible();
  const change = page.getByRole('row').filter({ hasText: 'Nora Nuova' }).filter({ hasText: 'ha modificato i dati di' });
  await expect(change.first()).toBeVisible();
  await expectNoAxeViolations(page, 'back-office activity log');
});
