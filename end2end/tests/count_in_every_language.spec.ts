// Counted texts take the plural form of the person's language, from the browser's own plural
// rules (issue 11): "1 domanda" and "2 domande" in Italian, the dual in Arabic.
import { expect, test } from '@playwright/test';
import { MARIO } from '../fixtures/application';
import { SelfCheck } from '../fixtures/self_check';

async function switchTo(page: import('@playwright/test').Page, language: string): Promise<void> {
  await page.getByRole('banner').getByRole('button', { expanded: false }).first().click();
  await page.getByRole('banner').getByRole('button', { name: language, exact: true }).click();
}

test('the consent page counts the health answers with the right plural form', async ({ page }) => {
  const check = new SelfCheck(page);
  await check.startAsAdult('Imola', MARIO.born);
  await check.answerItem('Hai limitazioni fisiche o difficoltà a muoverti?', 'Limitazioni lievi, autonomo');
  await check.continue();
  while (!(await check.heading().textContent())?.includes('Il tuo risultato')) await check.continue();
  await page.getByRole('link', { name: 'Fai domanda: Accompagnamento con il profilo di fragilità' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chi sei');

  await page.goto('/domanda/fragilita/consenso');
  await expect(page.getByText('Nella verifica hai risposto a 1 domanda su salute')).toBeVisible();

  // A second health answer: "2 domande", and in Arabic the dual form.
  await page.goto('/verifica/area-personal');
  await check.answerItem('Hai difficoltà a vedere o a sentire?', 'Limitazioni moderate');
  await page.goto('/domanda/fragilita/consenso');
  await expect(page.getByText('Nella verifica hai risposto a 2 domande su salute')).toBeVisible();
  await switchTo(page, 'العربية');
  await expect(page.getByText('أجبت عن سؤالين')).toBeVisible();
});
