// The date of birth is typed in three boxes, day, month and year, the public-service pattern for
// dates people know: the phone shows its number pad, the browser may fill it from the person's
// saved details, a half-typed or two-digit-year date gets a message that says how to write it,
// and what was typed stays when the person goes back or reloads.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { expectDate } from '../fixtures/dates';
import { SelfCheck } from '../fixtures/self_check';

function boxes(page: Page) {
  const group = page.getByRole('group', { name: 'Data di nascita', exact: true });
  return {
    day: group.getByLabel('Giorno', { exact: true }),
    month: group.getByLabel('Mese', { exact: true }),
    year: group.getByLabel('Anno', { exact: true }),
  };
}

async function expectNumberPads(page: Page): Promise<void> {
  const { day, month, year } = boxes(page);
  for (const [box, part] of [[day, 'day'], [month, 'month'], [year, 'year']] as const) {
    await expect(box).toHaveAttribute('inputmode', 'numeric');
    await expect(box).toHaveAttribute('autocomplete', `bday-${part}`);
  }
}

test('the self-check asks the date of birth in three boxes and says how to write it', async ({ page }) => {
  const check = new SelfCheck(page);
  await check.startWithComune('Imola');
  await check.expectStep('Quando sei nato o nata?');
  await expectNumberPads(page);
  await expect(page.getByText('Per esempio 27 3 1990.')).toBeVisible();

  const { day, month, year } = boxes(page);
  await day.fill('15');
  await year.fill('1990');
  await check.continue();
  const summary = page.getByRole('alert').filter({ hasText: "C'è un problema" });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Scrivi giorno, mese e anno di nascita in numeri');
  await expect(day).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'self-check date of birth with an error');

  await month.fill('6');
  await year.fill('90');
  await check.continue();
  await expect(summary).toBeFocused();

  await year.fill('1990');
  await check.continue();
  await check.expectStep('La tua situazione attuale');
  await page.goBack();
  await check.expectStep('Quando sei nato o nata?');
  await expectDate(page, 'Data di nascita', '1990-06-15');
});

test('the application form asks the date of birth in three boxes and keeps a half-typed one', async ({ page }) => {
  await page.goto('/domanda/fragilita');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chi sei');
  await expectNumberPads(page);
  const { day, month, year } = boxes(page);
  await day.fill('3');
  await month.fill('12');
  await page.getByRole('button', { name: 'Continua' }).click();
  const summary = page.getByRole('alert').filter({ hasText: "C'è un problema" });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Scrivi giorno, mese e anno di nascita in numeri');
  // Every message says what to do, not only that something is missing.
  await expect(summary).toContainText('Nome: Scrivi il tuo nome.');
  await expect(summary).toContainText('Codice fiscale: Scrivi il tuo codice fiscale');
  await expect(summary).not.toContainText('Questa risposta manca');
  // The summary's link lands in the first box.
  await summary.getByRole('link', { name: /Scrivi giorno, mese e anno/ }).click();
  await expect(day).toBeFocused();
  await expectNoAxeViolations(page, 'form date of birth with an error');

  // Nothing typed is lost on a reload, not even half a date.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chi sei');
  await expect(day).toHaveValue('3');
  await expect(month).toHaveValue('12');
  await expect(year).toHaveValue('');
  await year.fill('1985');
  await page.reload();
  await expectDate(page, 'Data di nascita', '1985-12-03');
});
