// An Arabic speaker checks the programme: the whole page turns right-to-left, the questions,
// levels and reasons are in Arabic (the Italian title of each law stays beside its translation),
// and every page passes an axe audit.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { HomePage } from '../fixtures/pages';
import { fillDate } from '../fixtures/dates';

test('the self-check in Arabic is right-to-left and fully translated', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await home.switchLanguage('العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(home.heading()).toHaveText('نجد العمل معًا');
  await expectNoAxeViolations(page, 'home (ar)');

  await page.getByRole('link', { name: 'تحقّق مما إذا كان بإمكانك المشاركة' }).click();
  await expect(page).toHaveURL(/\/verifica\/inizio$/);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(home.heading()).toHaveText('ما الذي تريد التحقق منه؟');
  await page.getByLabel('كل طرق المشاركة', { exact: true }).check();
  await page.getByRole('button', { name: 'متابعة' }).click();

  await expect(home.heading()).toHaveText('أين تقيم؟');
  await page.getByLabel('البلدية التي تقيم فيها').fill('Bologna');
  await page.getByRole('button', { name: 'متابعة' }).click();
  await fillDate(page, 'تاريخ الميلاد', '1990-06-15', ['اليوم', 'الشهر', 'السنة']);
  await page.getByRole('button', { name: 'متابعة' }).click();
  await page.getByLabel('لا', { exact: true }).check();
  await page.getByRole('button', { name: 'متابعة' }).click();
  await page.getByRole('button', { name: 'متابعة' }).click(); // business idea: not answered
  await expect(home.heading()).toHaveText('الأداء الشخصي');
  await expect(page.getByRole('group', { name: 'هل لديك قيود جسدية أو صعوبة في الحركة؟' }).getByLabel('لا قيود')).toBeVisible();
  await expectNoAxeViolations(page, 'self-check area (ar)');

  await page.goto('/verifica/risultato');
  await expect(home.heading()).toHaveText('نتيجتك');
  const fragility = page.getByRole('region', { name: 'المرافقة من خلال ملف الهشاشة' });
  await expect(fragility).toContainText('يمكنك التقدّم');
  await expect(fragility).toContainText('عمرك');
  // The Italian title of the law stays, with its translation beside it.
  await expect(fragility).toContainText('L. 27 dicembre 2006, n. 296, art. 1, comma 622');
  // Latin-script names and Italian titles are isolated inside Arabic sentences, so that their
  // direction does not scramble the sentence (Unicode FSI/PDI; <bdi> for titles).
  await expect(fragility).toContainText('\u2068Bologna\u2069');
  await expect(fragility.locator('bdi[lang="it"]', { hasText: 'L. 27 dicembre 2006, n. 296' }).first()).toBeVisible();
  await expect(fragility).toContainText('القانون رقم 296');
  await expectNoAxeViolations(page, 'self-check result (ar)');
});

test.describe('a browser that prefers Arabic', () => {
  test.use({ locale: 'ar' });

  test('opens the site in Arabic without showing Italian first', async ({ page }) => {
    // Records whether text was ever visible while the page was still Italian.
    await page.addInitScript(() => {
      const state = window as unknown as { sawItalian: boolean };
      state.sawItalian = false;
      const check = () => {
        const body = document.body;
        if (!body || document.documentElement.lang !== 'it') return;
        if (getComputedStyle(body).visibility !== 'hidden' && body.innerText.trim().length > 0) state.sawItalian = true;
      };
      new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    for (const path of ['/', '/verifica/inizio']) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      await expect(page.locator('h1')).not.toBeEmpty();
      await expect(page.locator('body')).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { sawItalian: boolean }).sawItalian), path).toBe(false);
    }
    await expectNoAxeViolations(page, 'self-check start, browser in Arabic');
  });

  test('the self-check fetches its Arabic texts once, asked for by the page before its code runs, and no Italian', async ({ page }) => {
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/locales/')) asked.push(new URL(request.url()).pathname);
    });
    await page.goto('/verifica/inizio');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('h1')).not.toBeEmpty();
    expect(asked).toEqual(['/locales/self_check/ar.json']);
    await expect(page.locator('link[rel=preload][href^="/locales/"]')).toHaveAttribute('href', '/locales/self_check/ar.json');
  });
});

test('in Italian the self-check fetches its texts once too, asked for by the page', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/locales/')) asked.push(new URL(request.url()).pathname);
  });
  await page.goto('/verifica/inizio');
  await expect(page.locator('h1')).toHaveText('Che cosa vuoi verificare?');
  expect(asked).toEqual(['/locales/self_check/it.json']);
});
