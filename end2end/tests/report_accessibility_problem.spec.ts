// The accessibility statement's feedback works (AgID): a person follows its link to the report
// form, in their language, is told what to fix, gets a confirmation, and an
// administrator reads the report in the back office.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { ADMIN, BackOffice } from '../fixtures/back_office';

test('a report sent from the accessibility statement reaches the administrators', async ({ page }) => {
  await page.goto('/accessibilita');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dichiarazione di accessibilità');
  await page.getByRole('link', { name: 'Segnala un problema di accessibilità' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Segnala un problema di accessibilità');
  const send = page.getByRole('button', { name: 'Invia la segnalazione' });
  await send.click();
  const summary = page.getByRole('alert').filter({ hasText: "C'è un problema" });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Scrivi che cosa non funziona o che cosa ti serve.');
  await expectNoAxeViolations(page, 'accessibility report with an error');

  const message = `Con lo zoom al 200% il pulsante Continua esce dallo schermo (${Date.now()}).`;
  await page.getByLabel('Che cosa non funziona, o che cosa ti serve').fill(message);
  await page.getByLabel('Dove (facoltativo)').fill('Verifica, data di nascita');
  await page.getByLabel('Email per la risposta (facoltativo)').fill('lucia@');
  await send.click();
  await expect(summary).toContainText("Scrivi l'email nella forma nome@esempio.it.");
  await page.getByLabel('Email per la risposta (facoltativo)').fill('lucia@example.org');
  await send.click();
  await expect(page.getByText(/^Segnalazione ricevuta il .+ ti rispondiamo entro 30 giorni\.$/)).toBeVisible();
  await expect(page.getByLabel('Che cosa non funziona, o che cosa ti serve')).toHaveValue('');
  await expectNoAxeViolations(page, 'accessibility report sent');

  const office = new BackOffice(page);
  await office.signIn(ADMIN);
  await page.getByRole('link', { name: 'Segnalazioni di accessibilità' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Segnalazioni di accessibilità' })).toBeVisible();
  const report = page.getByRole('listitem').filter({ hasText: message });
  await expect(report).toContainText('lucia@example.org');
  await expect(report).toContainText('Verifica, data di nascita');
  await expectNoAxeViolations(page, 'accessibility reports in the back office');
});

test('the report form links to a privacy notice that says what a report keeps', async ({ page }) => {
  await page.goto('/stato/segnalazione');
  await page.locator('form').getByRole('link', { name: 'Privacy' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Informativa sulla privacy');
  const section = page.getByRole('heading', { level: 2, name: "Segnalazioni sull'accessibilità" });
  await expect(section).toBeVisible();
  await expect(page.getByText(/solo se li lasci, un'email o un telefono/)).toBeVisible();
});
