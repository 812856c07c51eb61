// Opens the pilot-end report in headless Chromium as a council member's browser would, and prints it to PDF (A4) as they
// would print it. Records every request the page makes (it should make none but the document's own) and every console
// error, reads the section headings, and prints all of it as JSON (ReportBrowserTest asserts it and reads the PDF).
// Environment: REPORT_URL (http or file), TOKEN (a bearer token, for http), PDF (where to write it), PLAYWRIGHT_CORE.
import { inBrowser } from './browser.mjs';

await inBrowser(async (page, consoleErrors) => {
  const requests = [];
  page.on('request', request => requests.push(request.url()));
  if (process.env.TOKEN) {
    await page.setExtraHTTPHeaders({ Authorization: process.env.TOKEN });
  }
  const response = await page.goto(process.env.REPORT_URL, { waitUntil: 'load' });
  const sections = await page.$$eval('main > section > h2', headings => headings.map(heading => heading.textContent.trim()));
  const charts = await page.$$eval('main svg', svgs => svgs.map(svg => svg.getBoundingClientRect().width > 0));
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: process.env.PDF, format: 'A4', printBackground: true, preferCSSPageSize: true });
  console.log(JSON.stringify({ status: response ? response.status() : null, requests, sections, charts, consoleErrors }));
});
