// A person prints the result (or saves it as PDF): the print stylesheet keeps the result and
// drops navigation, the interim box and the buttons.
import { expect, test } from '@playwright/test';
import { SelfCheck } from '../fixtures/self_check';

test('the result prints without navigation or buttons', async ({ page }) => {
  const check = new SelfCheck(page);
  await check.startWithComune('Bologna');
  await page.goto('/verifica/risultato');
  await check.expectStep('Il tuo risultato');

  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Stampa o salva in PDF' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: 'Il tuo risultato' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Profilo di fragilità', exact: true })).toBeVisible();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Cancella le mie risposte' })).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
});
