// A citizen opens the home page in Italian, switches to English, and finds their comune on the
// territory page. Every page passes an axe audit.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { HomePage, TerritoryPage } from '../fixtures/pages';

test('the home page speaks Italian first and names the four channels', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await expect(home.heading()).toHaveText('Trovare lavoro, insieme');
  await expect(page).toHaveTitle(/Trovare lavoro, insieme – Insieme per il lavoro/);
  await expect(home.channelHeadings()).toHaveText([
    'Lavori di comunità',
    'Accompagnamento con il profilo di fragilità',
    'Progetti con territorio, scuole e imprese',
    'Autoimprenditorialità',
  ]);
  await expect(page.getByRole('banner')).toContainText('Insieme per il lavoro');
  await expect(home.footerLink('Privacy')).toBeVisible();
  await expect(home.footerLink('Dichiarazione di accessibilità')).toBeVisible();
  await expectNoAxeViolations(page, 'home (it)');
});

test('switching to English translates the page and is remembered', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await home.switchLanguage('English');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(home.heading()).toHaveText('Finding work, together');
  await expect(home.channelHeadings().first()).toHaveText('Community work');
  await expectNoAxeViolations(page, 'home (en)');

  await page.reload();
  await expect(home.heading()).toHaveText('Finding work, together');
  await home.switchLanguage('Italiano');
  await expect(home.heading()).toHaveText('Trovare lavoro, insieme');
});

test('the territory page lists Bologna under Bologna Città', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await page.getByRole('link', { name: 'In quali comuni vale il programma' }).click();
  const territory = new TerritoryPage(page);
  await expect(territory.heading()).toHaveText('Il territorio del programma');
  await expect(page).toHaveURL(/\/territorio$/);
  const bologna = territory.distretto('Bologna Città');
  await expect(bologna.getByRole('listitem')).toHaveText(['Bologna']);
  await expect(territory.distretto('Imola').getByRole('listitem')).toHaveCount(10);
  await expectNoAxeViolations(page, 'territory (it)');
});

test('privacy, accessibility and unknown pages render in the shell', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await home.footerLink('Privacy').click();
  await expect(home.heading()).toHaveText('Informativa sulla privacy');
  // Who handles the data (as roles) and for how long, as the consent page promises.
  await expect(page.getByRole('heading', { name: 'Chi tratta i dati' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Responsabile della protezione dei dati');
  await expect(page.getByRole('heading', { name: 'Per quanto tempo' })).toBeVisible();
  await expectNoAxeViolations(page, 'privacy (it)');

  await home.footerLink('Dichiarazione di accessibilità').click();
  await expect(home.heading()).toHaveText('Dichiarazione di accessibilità');
  await expectNoAxeViolations(page, 'accessibility (it)');

  const unknown = await page.goto('/una-pagina-che-non-esiste');
  expect(unknown?.status(), 'an unknown address answers 404').toBe(404);
  await expect(home.heading()).toHaveText('Pagina non trovata');
  await expectNoAxeViolations(page, 'not found (it)');
});
