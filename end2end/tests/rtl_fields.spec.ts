// In Arabic (right to left) the fields that hold codes, numbers and addresses read left to
// right: the codice fiscale and the phone in the form, the reference and access code on the
// status page.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';

test('codes, phone numbers and e-mail addresses stay left to right in an Arabic page', async ({ page }) => {
  await page.goto('/domanda/fragilita');
  await page.getByRole('banner').getByRole('button', { expanded: false }).first().click();
  await page.getByRole('banner').getByRole('button', { name: 'العربية', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const inputs = page.locator('main input[type="text"], main input[type="tel"], main input[type="email"]');
  await expect(inputs.first()).toBeVisible();
  const directions = await inputs.evaluateAll((all) => all.map((input) => [input.id, input.getAttribute('dir')]));
  const taxCode = directions.find(([id]) => id?.includes('codice_fiscale'));
  expect(taxCode?.[1], `codice fiscale field in ${JSON.stringify(directions)}`).toBe('ltr');
  const name = directions.find(([id]) => id?.includes('given') || id?.includes('name'));
  expect(name?.[1] ?? null, 'a name is written in the page direction').toBeNull();
  await expectNoAxeViolations(page, 'Arabic identity page');

  await page.goto('/stato');
  await expect(page.locator('#status-reference')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('#status-code')).toHaveAttribute('dir', 'ltr');
});
