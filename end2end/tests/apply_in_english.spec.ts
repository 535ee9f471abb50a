// A person who reads English fills an application: every label, error and the receipt are in
// English, the errors name their field, and the server's receipt is the same.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { daysFromToday, fillDate } from '../fixtures/dates';

const ENGLISH_BOXES = ['Day', 'Month', 'Year'];

test('errors and receipt are in the language the person chose', async ({ page }) => {
  await page.goto('/domanda');
  await page.getByRole('banner').getByRole('button', { expanded: false }).first().click();
  await page.getByRole('banner').getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Apply');
  await page.getByRole('link', { name: 'Propose an opportunity' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The organisation making the proposal');
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Name of the organisation: Write your answer in this field.');
  await expect(summary).toContainText('Type of organisation: Choose one of the answers.');
  await expectNoAxeViolations(page, 'English errors');
  // The summary links to the field.
  await summary.getByRole('link', { name: /Name of the organisation/ }).click();
  await expect(page.getByLabel('Name of the organisation', { exact: true })).toBeFocused();

  await page.getByLabel('Name of the organisation', { exact: true }).fill('Associazione Il Ponte');
  await page.getByRole('group', { name: 'Type of organisation' }).getByLabel('Association', { exact: true }).check();
  await page.getByLabel('Quartiere or distretto', { exact: true }).selectOption({ label: 'Navile' });
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The opportunity');
  await page.getByLabel('What the work is (tasks)', { exact: true }).fill('Looking after the community garden');
  await page.getByLabel('Hours per week', { exact: true }).fill('6');
  await page.getByLabel('How many people', { exact: true }).fill('1');
  await fillDate(page, 'Start date', daysFromToday(90), ENGLISH_BOXES);
  await fillDate(page, 'End date', daysFromToday(270), ENGLISH_BOXES);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel("Contact person's first name", { exact: true }).fill('Anna');
  await page.getByLabel("Contact person's surname", { exact: true }).fill('Verdi');
  await page.getByLabel("Contact person's phone (optional)", { exact: true }).fill('call me');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('Write the number with digits only');
  await page.getByLabel("Contact person's phone (optional)", { exact: true }).fill('+39 333 765 4321');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('I have read the privacy notice (required).').check();
  await page.getByRole('button', { name: 'Send the application' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Application sent');
  await expect(page.getByText('The network of the Quartiere or distretto you chose')).toBeVisible();
  await expectNoAxeViolations(page, 'English receipt');
});
