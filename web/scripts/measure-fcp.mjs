// First contentful paint of the catalogue, served by the real server from the built jar, in
// Debian's Chromium, over several cold visits (a fresh browser profile each). Baseline in the
// same run: the first paint of a one-line static page from the same server, so the ratio
// separates the app's cost from the browser's and the machine's.
//
//   node scripts/measure-fcp.mjs [RUNS]
import { launchBrowser } from '../e2e/support/browser.mjs';
import { startServer } from '../e2e/support/server.mjs';

const runs = Number(process.argv[2] ?? 5);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function firstContentfulPaint(browser, url, readySelector) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(readySelector).first().waitFor();
  const fcp = await page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
  await context.close();
  return fcp;
}

const server = await startServer();
const browser = await launchBrowser();
try {
  // one warm-up visit so the server's first-request costs (class loading, JIT) are not counted
  await firstContentfulPaint(browser, `${server.baseUrl}/`, 'h1');
  const app = [];
  const baseline = [];
  for (let i = 1; i <= runs; i++) {
    baseline.push(await firstContentfulPaint(browser, `${server.baseUrl}/favicon.svg`, 'svg'));
    app.push(await firstContentfulPaint(browser, `${server.baseUrl}/`, 'h1'));
    console.log(`run ${i}: catalogue FCP ${app.at(-1).toFixed(0)} ms, static file ${baseline.at(-1).toFixed(0)} ms`);
  }
  const m = median(app);
  const b = median(baseline);
  console.log(`median: catalogue FCP ${m.toFixed(0)} ms, static file ${b.toFixed(0)} ms, ratio ${(m / b).toFixed(1)}`);
} finally {
  await browser.close();
  await server.stop();
}
