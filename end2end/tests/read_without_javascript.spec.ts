// A browser without JavaScript (switched off, or too old) cannot run the app: every entry page
// then says, in each of the eleven languages, where to go in person instead, with the address of
// the one verified access point.
import { expect, test } from '@playwright/test';

test.use({ javaScriptEnabled: false });

const LANGUAGES = ['it', 'en', 'es', 'fr', 'ro', 'sq', 'uk', 'ar', 'ur', 'bn', 'zh-Hans'];

for (const path of ['/', '/verifica/inizio', '/domanda', '/stato', '/ufficio']) {
  test(`without JavaScript ${path} says where to go, in every language`, async ({ page }) => {
    await page.goto(path);
    for (const language of LANGUAGES) {
      await expect(page.locator(`p[lang="${language}"]`), language).toContainText('JavaScript');
    }
    await expect(page.locator('p[lang="ar"]')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('.noscript__address')).toHaveText('vicolo Bolognetti 2, 40125 Bologna');
    await expect(page.locator('.noscript__address')).toBeVisible();
  });
}
