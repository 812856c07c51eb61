// Opens the evaluation page in headless Chromium as an evaluator would: pastes the analyst token, chooses a location
// and an as-of date, waits until the page has drawn everything, reads what it shows, saves a screenshot, then changes
// the as-of date and the location and reads again; opens the printable report of the first scope from its link. Prints all
// of it as JSON (EvaluationBrowserTest asserts it).
// Environment: PAGE_URL, TOKEN, LOCATION, AS_OF, EARLIER_AS_OF, SCREENSHOT, PLAYWRIGHT_CORE (the playwright-core folder).
import { inBrowser } from './browser.mjs';

await inBrowser(async (page, consoleErrors) => {
  const show = async (location, asOf) => {
    await page.selectOption('#filter-location', location);
    await page.fill('#filter-as-of', asOf);
    await page.click('#filters button[type="submit"]');
    await page.waitForFunction(([where, when]) => document.body.dataset.state === 'ready'
        && document.body.dataset.location === where && document.body.dataset.asOf === when, [location, asOf]);
    return page.evaluate(() => {
      const text = id => document.getElementById(id).innerText.trim();
      const rows = id => [...document.querySelectorAll('#' + id + ' tbody tr')].map(row => [...row.cells].map(cell => cell.innerText.trim()));
      const chart = id => {
        const drawn = window.Chart.getChart(id);
        return drawn ? { labels: drawn.data.labels, datasets: drawn.data.datasets.map(set => ({ label: set.label, data: set.data })) } : null;
      };
      return {
        medianDays: text('figure-median-days'), within90: text('figure-within-90'), retention26: text('figure-retention-26'),
        twvMedian: text('figure-twv-median'), wagesPerEuro: text('figure-wages-per-euro'), wages: text('figure-wages'),
        status: text('status'), ends: rows('ends-table'), activities: rows('activities-table'), twv: rows('twv-table'),
        charts: { firstJob: chart('first-job-chart'), retention: chart('retention-chart'), activities: chart('activities-chart'),
          twv: chart('twv-chart'), earnings: chart('earnings-chart') },
      };
    });
  };

  await page.goto(process.env.PAGE_URL);
  await page.waitForSelector('body[data-state="signed-out"]');
  await page.fill('#token', process.env.TOKEN);
  await page.click('#token-form button[type="submit"]');
  await page.waitForSelector('body[data-state="ready"]');

  const first = await show(process.env.LOCATION, process.env.AS_OF);
  await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
  // The report link: it fetches the report of this scope with the token and opens it in a new tab.
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#open-report')]);
  popup.on('console', message => { if (message.type() === 'error') consoleErrors.push('report: ' + message.text()); });
  await popup.waitForURL(url => url.protocol === 'blob:');
  await popup.waitForSelector('main > section > h2');
  const report = { title: await popup.title(), scope: (await popup.textContent('[data-scope]')).trim(),
    sections: await popup.$$eval('main > section > h2', headings => headings.length) };
  await popup.close();
  const earlier = await show(process.env.LOCATION, process.env.EARLIER_AS_OF);
  const everywhere = await show('', process.env.AS_OF);
  console.log(JSON.stringify({ first, report, earlier, everywhere, consoleErrors }));
});
