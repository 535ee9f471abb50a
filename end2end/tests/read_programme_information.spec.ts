// A citizen reads about a channel, finds where to go (with unconfirmed details marked as such),
// and checks the legal sources the rules apply. Every page passes an axe audit.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { HomePage } from '../fixtures/pages';

test('a channel page explains who it is for and how it works', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await page.getByRole('link', { name: 'Accompagnamento con il profilo di fragilità' }).click();
  await expect(page).toHaveURL(/\/canali\/fragility$/);
  await expect(home.heading()).toHaveText('Accompagnamento con il profilo di fragilità');
  await expect(page.getByRole('heading', { name: 'Per chi è' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('11');
  await expectNoAxeViolations(page, 'channel fragility (it)');
});

test('the access points page marks what is still to be confirmed', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Dove andare' }).click();
  await expect(home.heading()).toHaveText('Dove andare');
  await expect(page.getByRole('main')).toContainText('vicolo Bolognetti 2, 40125 Bologna');
  await expect(page.getByRole('main')).toContainText('Indirizzo: da confermare');
  await expect(page.getByRole('main')).toContainText('Se fai domanda, la segreteria ti contatta entro cinque settimane e ti dice dove andare.');
  await expect(page.getByRole('main')).toContainText('chiedi conferma prima di andare');
  await expectNoAxeViolations(page, 'access points (it)');
});

test('the sources page lists each law with its status and date', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await home.footerLink('Fonti normative').click();
  await expect(home.heading()).toHaveText('Fonti normative e del programma');
  const law = page.getByRole('heading', { name: 'L. 27 dicembre 2006, n. 296, art. 1, comma 622' });
  await expect(law).toBeVisible();
  await expect(page.getByRole('main')).toContainText('In vigore dal 1 gennaio 2007');
  // Sources link to their official text, named by its site; one without a known address says so.
  const regionalLaw = page.locator('#lr_er_14_2015');
  await expect(regionalLaw.getByRole('link', { name: 'Leggi il testo ufficiale su demetra.regione.emilia-romagna.it' }))
    .toHaveAttribute('href', /^https:\/\/demetra\.regione\.emilia-romagna\.it\/.*legge:2015;14/);
  await expect(page.locator('#l_296_2006_c622').getByRole('link', { name: /normattiva\.it$/ })).toBeVisible();
  await expect(page.locator('#dgr_er_191_2016')).toContainText('Il testo ufficiale non è ancora collegato');
  await expectNoAxeViolations(page, 'sources (it)');

  await home.switchLanguage('English');
  await expect(home.heading()).toHaveText('Legal and programme sources');
  await expect(page.getByRole('main')).toContainText('Law no. 296 of 27 December 2006');
  await expect(regionalLaw.getByRole('link', { name: 'Read the official text on demetra.regione.emilia-romagna.it' })).toBeVisible();
  await expect(law).toBeVisible();
  await expectNoAxeViolations(page, 'sources (en)');
});
