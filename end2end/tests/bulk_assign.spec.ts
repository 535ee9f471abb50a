// A SUAP reviewer finds two new business ideas by surname, ticks both and takes them at once; the
// queue then shows them held by the reviewer.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { BackOffice, SUAP_BOLOGNA, sendEnterpriseApplication } from '../fixtures/back_office';

test('a reviewer takes several applications at once', async ({ page, request }) => {
  const surname = `Lotto${Date.now()}${test.info().project.name}`;
  const first = await sendEnterpriseApplication(request, `${surname}a`);
  const second = await sendEnterpriseApplication(request, `${surname}b`);
  const office = new BackOffice(page);
  await office.signIn(SUAP_BOLOGNA);
  await office.search(surname);
  await expect(page.locator('.queue-table tbody tr')).toHaveCount(2);
  await page.getByRole('checkbox', { name: `Seleziona la domanda ${first.reference}` }).check();
  await page.getByRole('checkbox', { name: `Seleziona la domanda ${second.reference}` }).check();
  await expect(page.getByLabel('Assegna a')).toHaveValue(/.+/);
  await expectNoAxeViolations(page, 'queue with a bulk selection');
  await page.getByRole('button', { name: 'Assegna le selezionate (2)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Assegnate: 2' })).toBeVisible();
  for (const receipt of [first, second]) {
    await expect(page.getByRole('row').filter({ hasText: receipt.reference })).toContainText('Silvia SUAP Bologna');
  }
});
