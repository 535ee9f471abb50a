// A phone passed around a family, or an access point's tablet: the self-check on the device may
// be someone else's. An application opened from anywhere but the person's own result asks whose
// answers they are (age, comune, day), fills nothing in and sends nothing of them until the
// person says they are theirs (issue 11).
import { expect, test } from '@playwright/test';
import { Application, MARIO } from '../fixtures/application';
import { expectNoAxeViolations } from '../fixtures/axe';
import { expectDate, fillDate } from '../fixtures/dates';
import { SelfCheck } from '../fixtures/self_check';

async function someoneElsesSelfCheck(check: SelfCheck): Promise<void> {
  await check.startWithComune('Imola');
  await fillDate(check.page, 'Data di nascita', MARIO.born);
  await check.continue();
}

test("someone else's self-check is not carried into an application", async ({ page }) => {
  await someoneElsesSelfCheck(new SelfCheck(page));
  const age = new Date().getFullYear() - Number(MARIO.born.slice(0, 4));
  const application = new Application(page);
  await application.start('Fai domanda di accompagnamento');
  await application.expectPage('Chi sei');
  const question = page.getByRole('region', { name: "Su questo dispositivo c'è una verifica già fatta" });
  await expect(question).toContainText('Comune: Imola');
  await expect(question).toContainText(new RegExp(`Età: (${age}|${age - 1}) anni`));
  await expectDate(page, 'Data di nascita', '');
  await expectNoAxeViolations(page, 'whose self-check');
  await question.getByRole('button', { name: 'Non sono mie' }).click();
  await expect(question).toBeHidden();
  await expectDate(page, 'Data di nascita', '');

  await page.goto('/domanda/fragilita/domicilio');
  await expect(page.getByLabel('Comune di domicilio', { exact: true })).toHaveValue('');
  await page.goto('/domanda/fragilita/controlla');
  await expect(page.getByText('Non usi la verifica trovata su questo dispositivo.')).toBeVisible();
  await expect(page.getByText('Le risposte della verifica che invieremo')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('ipl.application.fragilita'))).toContain('"self_check":"ignore"');
});

test('the person who says the self-check is theirs gets it filled in', async ({ page }) => {
  await someoneElsesSelfCheck(new SelfCheck(page));
  const application = new Application(page);
  await application.start('Fai domanda di accompagnamento');
  await page.getByRole('button', { name: 'Sono mie: usale' }).click();
  await expectDate(page, 'Data di nascita', MARIO.born);
  await expect(page.getByRole('region', { name: "Su questo dispositivo c'è una verifica già fatta" })).toHaveCount(0);
});
