// A person starts the self-check, closes the page and comes back to their answers; carries them
// to another device with the resume code (nothing goes through the server); and forgets them.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { SelfCheck } from '../fixtures/self_check';

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
  expect(code).toMatch(/^IPL1-/);
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
  expect(requests.filter((request) => request.includes('IPL1-') || request.toLowerCase().includes('vergato'))).toEqual([]);
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
  expect(requests.filter((request) => request.includes('IPL1-') || request.toLowerCase().includes('monzuno'))).toEqual([]);

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
