// Opens the dashboard in headless Chromium as a programme manager would: pastes the analyst token, chooses a
// location and an as-of date, waits until the page has drawn everything, then prints what it shows as JSON and
// saves a screenshot. The JUnit test DashboardBrowserTest runs it and asserts the figures.
// Environment: DASHBOARD_URL, TOKEN, LOCATION, AS_OF, SCREENSHOT, PLAYWRIGHT_CORE (the playwright-core folder).
import { inBrowser } from './browser.mjs';

await inBrowser(async (page, consoleErrors) => {
  await page.goto(process.env.DASHBOARD_URL);
  await page.waitForSelector('body[data-state="signed-out"]');
  const tokenNotice = await page.locator('#token-panel').innerText();
  await page.fill('#token', process.env.TOKEN);
  await page.click('#token-form button[type="submit"]');
  await page.waitForSelector('body[data-state="ready"]');

  await page.selectOption('#filter-location', process.env.LOCATION);
  await page.fill('#filter-as-of', process.env.AS_OF);
  await page.click('#filters button[type="submit"]');
  await page.waitForFunction(([location, asOf]) => document.body.dataset.state === 'ready'
      && document.body.dataset.location === location && document.body.dataset.asOf === asOf,
      [process.env.LOCATION, process.env.AS_OF]);

  const shown = await page.evaluate(() => {
    const text = id => document.getElementById(id).innerText.trim();
    const rows = id => [...document.querySelectorAll('#' + id + ' tbody tr')].map(row => [...row.cells].map(cell => cell.innerText.trim()));
    const chart = id => {
      const drawn = window.Chart.getChart(id);
      return drawn ? { labels: drawn.data.labels, datasets: drawn.data.datasets.map(set => ({ label: set.label, data: set.data })) } : null;
    };
    return {
      enrolled: text('figure-enrolled'), placed: text('figure-placed'), placementRate: text('figure-placement-rate'),
      costPerPlacement: text('figure-cost-per-placement'), spend: text('figure-spend'), status: text('status'),
      funnel: rows('funnel-table'), sectors: rows('sector-table'),
      charts: { funnel: chart('funnel-chart'), sectors: chart('sector-chart'), rate: chart('rate-chart') },
      tokenKept: sessionStorage.getItem('werkdesk.analystToken') !== null,
    };
  });
  await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });

  // The token survives a reload of the tab (sessionStorage), so it is pasted once.
  await page.reload();
  await page.waitForSelector('body[data-state="ready"]');
  const readyAfterReload = await page.locator('#dashboard').isVisible();

  console.log(JSON.stringify({ ...shown, tokenNotice, readyAfterReload, consoleErrors }));
});
