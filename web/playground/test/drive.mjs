// Drives the playground page in Debian's headless Chromium for the end-to-end test:
//   node drive.mjs <page URL> <microphone WAV> <seconds>
// Chromium's fake capture device plays the WAV (looped) as the microphone. The page is joined, left
// running for <seconds>, and what it observed (window.playground) is printed as one JSON line.
import { chromium } from 'playwright-core';

const [url, wav, seconds] = process.argv.slice(2);
if (!url || !wav || !seconds) {
  console.error('usage: node drive.mjs <page URL> <microphone WAV> <seconds>');
  process.exit(64);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${wav}`,
    '--autoplay-policy=no-user-gesture-required',
  ],
});
try {
  const page = await browser.newPage();
  const logs = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.click('#join');
  await page.waitForFunction(() => window.playground.connected || window.playground.errors.length > 0,
    null, { timeout: 20000 });
  await page.waitForTimeout(Number(seconds) * 1000);
  const observed = await page.evaluate(() => window.playground);
  observed.consoleTail = logs.slice(-20);
  console.log(JSON.stringify(observed));
} finally {
  await browser.close();
}
