// What the browser checks share: headless Chromium (Debian's, driven by playwright-core from PLAYWRIGHT_CORE) with a
// page that records every console error, page error and failed response.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require(process.env.PLAYWRIGHT_CORE);
const TIMEOUT = 30_000;

/** Runs check(page, consoleErrors) in a fresh browser, closed afterwards. */
export async function inBrowser(check) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const consoleErrors = [];
    page.on('console', message => { if (message.type() === 'error') consoleErrors.push(message.text()); });
    page.on('pageerror', error => consoleErrors.push(String(error)));
    page.on('response', response => { if (response.status() >= 400) consoleErrors.push(response.status() + ' ' + response.url()); });
    page.setDefaultTimeout(TIMEOUT);
    await check(page, consoleErrors);
  } finally {
    await browser.close();
  }
}
