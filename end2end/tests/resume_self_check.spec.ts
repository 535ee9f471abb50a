// A person starts the self-check, closes the page and comes back to their answers; carries them
// to another device with the resume code (nothing goes through the server); and forgets them.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { expectDate } from '../fixtures/dates';
import { SelfCheck } from '../fixtures/self_check';

/** A short resume code: the version, then letters and digits of Crockford's base 32 in groups. */
const SHORT_CODE = /^1[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{1,5}){3,5}$/;

test('the draft survives closing the page and is gone after "forget my answers"', async ({ page }) => {
  const check = new SelfCheck(page);
  await check.startWithComune('Imola');
  await check.expectStep('Quando sei nato o nata?');

  await page.goto('/');
  await page.goto('/verifica/comune');
  await expect(page.getByLabel('Comune di domicilio')).toHaveValue('Imola');

  await page.goto('/verifica/risultato');
  // Asked twice: the first press only asks, and "no" keeps the answers.
  await page.getByRole('button', { name: 'Cancella le mie risposte' }).click();
  const question = page.getByRole('alert').filter({ hasText: 'Non si possono recuperare' });
  await expect(question).toBeVisible();
  await expectNoAxeViolations(page, 'confirm forgetting the answers');
  await page.getByRole('button', { name: 'No, tienile' }).click();
  expect(await page.evaluate(() => window.localStorage.getItem('ipl.self_check'))).toContain('Imola');
  await page.getByRole('button', { name: 'Cancella le mie risposte' }).click();
  await question.getByRole('button', { name: 'Cancella le mie risposte' }).click();
  await check.expectStep('Che cosa vuoi verificare?');
  await expect(page.getByLabel('Tutti i modi per partecipare', { exact: true })).not.toBeChecked();
  expect(await page.evaluate(() => window.localStorage.getItem('ipl.self_check'))).toBeNull();
  await page.goto('/verifica/comune');
  await expect(page.getByLabel('Comune di domicilio')).toHaveValue('');
});

test('the resume code carries the answers to another device', async ({ page, browser, baseURL }) => {
  const check = new SelfCheck(page);
  await check.startWithComune('Vergato');
  await page.goto('/verifica/risultato');
  await page.getByText('Continuare su un altro dispositivo').click();
  const code = await page.getByLabel('Il tuo codice').inputValue();
  expect(code).toMatch(SHORT_CODE);
  await expectNoAxeViolations(page, 'result with resume code open');

  const other = await browser.newContext({ locale: 'it-IT', baseURL });
  const otherPage = await other.newPage();
  const requests: string[] = [];
  otherPage.on('request', (request) => requests.push(request.url() + (request.postData() ?? '')));
  const elsewhere = new SelfCheck(otherPage);
  await elsewhere.start();
  await otherPage.getByText('Hai un codice per riprendere da un altro dispositivo?').click();
  await otherPage.getByLabel('Codice per riprendere').fill(code);
  await otherPage.getByRole('button', { name: 'Riprendi' }).click();
  await expect(otherPage.getByLabel('Tutti i modi per partecipare', { exact: true })).toBeChecked();
  await elsewhere.continue();
  await expect(otherPage.getByLabel('Comune di domicilio')).toHaveValue('Vergato');
  expect(requests.filter((request) => request.includes(code) || request.toLowerCase().includes('vergato'))).toEqual([]);
  await other.close();
});

test('a mistyped resume code is refused with a message', async ({ page }) => {
  const check = new SelfCheck(page);
  await check.start();
  await page.getByText('Hai un codice per riprendere da un altro dispositivo?').click();
  await page.getByLabel('Codice per riprendere').fill('IPL1-nonsense');
  await page.getByRole('button', { name: 'Riprendi' }).click();
  await expect(page.getByRole('alert')).toContainText('Il codice non è valido');
});

test('the resume code as a QR code: shown without the server seeing it, and scanning it opens the answers', async ({ page, browser, baseURL }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url() + (request.postData() ?? '')));
  const check = new SelfCheck(page);
  await check.startWithComune('Monzuno');
  await page.goto('/verifica/risultato');
  await page.getByText('Continuare su un altro dispositivo').click();
  const code = await page.getByLabel('Il tuo codice').inputValue();
  await page.getByRole('link', { name: 'Mostra il codice come QR' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Continua su un altro dispositivo');
  await expect(page.getByRole('img', { name: 'Codice QR per riprendere la verifica su un altro dispositivo' })).toBeVisible();
  await expectNoAxeViolations(page, 'resume QR code');
  // The code travels only in the fragment, which no request carries.
  expect(requests.filter((request) => request.includes(code) || request.toLowerCase().includes('monzuno'))).toEqual([]);

  // What the QR code opens on the other device.
  const other = await browser.newContext({ locale: 'it-IT', baseURL });
  const otherPage = await other.newPage();
  await otherPage.goto(`/verifica#${code}`);
  await expect(otherPage.getByRole('heading', { level: 1 })).toHaveText('Il tuo risultato');
  await expect(otherPage).toHaveURL(/\/verifica\/risultato$/);
  await otherPage.goto('/verifica/comune');
  await expect(otherPage.getByLabel('Comune di domicilio')).toHaveValue('Monzuno');
  await other.close();
});

test('resume code typed by hand: short, read in any case and spacing on another device, and it says who can see the answers', async ({ page, browser, baseURL }) => {
  const check = new SelfCheck(page);
  await check.startAsAdult('Imola', '1980-05-10');
  await check.expectStep('Funzionamento personale');
  await check.continue();
  await check.expectStep('Condizione economica');
  await check.answerItem('Qual è il tuo ISEE, anche approssimativo?', 'ISEE sotto 6.000 euro o nessun reddito');
  await page.goto('/verifica/risultato');
  await page.getByText('Continuare su un altro dispositivo').click();
  await expect(page.getByText('Chi ha questo codice può vedere le tue risposte, anche quelle sulla salute')).toBeVisible();
  const code = await page.getByLabel('Il tuo codice').inputValue();
  expect(code).toMatch(SHORT_CODE);
  expect(code.replace(/-/g, '').length).toBeLessThanOrEqual(25);
  // Shown whole, also on a phone: nothing to scroll sideways to read it.
  const shown = page.getByLabel('Il tuo codice');
  expect(await shown.evaluate((box: HTMLInputElement) => box.scrollWidth <= box.clientWidth)).toBe(true);

  // On another device the person types it from a note: small letters, spaces instead of dashes.
  const other = await browser.newContext({ locale: 'it-IT', baseURL });
  const otherPage = await other.newPage();
  const elsewhere = new SelfCheck(otherPage);
  await elsewhere.start();
  await otherPage.getByText('Hai un codice per riprendere da un altro dispositivo?').click();
  await expect(otherPage.getByText('trattini, spazi e maiuscole non contano')).toBeVisible();
  const field = otherPage.getByLabel('Codice per riprendere');
  // One character wrong is refused, not misread.
  const wrong = code.slice(0, 6) + (code[6] === '7' ? '8' : '7') + code.slice(7);
  await field.pressSequentially(wrong.toLowerCase());
  await otherPage.getByRole('button', { name: 'Riprendi' }).click();
  await expect(otherPage.getByRole('alert')).toContainText('Il codice non è valido');
  await field.fill('');
  await field.pressSequentially(code.toLowerCase().replace(/-/g, ' '));
  await otherPage.getByRole('button', { name: 'Riprendi' }).click();
  await expect(otherPage.getByLabel('Tutti i modi per partecipare', { exact: true })).toBeChecked();
  await otherPage.goto('/verifica/comune');
  await expect(otherPage.getByLabel('Comune di domicilio')).toHaveValue('Imola');
  await otherPage.goto('/verifica/eta');
  await expectDate(otherPage, 'Data di nascita', '1980-05-10');
  await otherPage.goto('/verifica/area-economic');
  await expect(otherPage.getByRole('group', { name: 'Qual è il tuo ISEE, anche approssimativo?' }).getByLabel('ISEE sotto 6.000 euro o nessun reddito')).toBeChecked();
  await other.close();
});
