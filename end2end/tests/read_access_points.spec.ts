// Where to go, in the person's language: the access points' names and who they serve come
// through the i18n layer, not from the data file's mix of Italian and English (issue 14).
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';

test('the access points read in Italian, and in English when chosen', async ({ page }) => {
  await page.goto('/sportelli');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: "SUAP con Progetti d'impresa (uno per comune)" })).toBeVisible();
  await expect(main).toContainText('persone domiciliate nel Comune di Bologna');
  await expect(main).not.toContainText('one per comune');
  await expect(main).not.toContainText('people domiciled');
  await expectNoAxeViolations(page, 'access points');

  await page.getByRole('banner').getByRole('button', { expanded: false }).first().click();
  await page.getByRole('banner').getByRole('button', { name: 'English', exact: true }).click();
  await expect(main.getByRole('heading', { name: "SUAP business desk with Progetti d'impresa (one in each comune)" })).toBeVisible();
  await expect(main).toContainText('people domiciled in the Comune di Bologna');
  await expect(main).not.toContainText('persone domiciliate');
});
