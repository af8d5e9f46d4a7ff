// Drives the playground page in Debian's headless Chromium for the end-to-end tests. Two modes:
//
//   node drive.mjs <page URL> <microphone WAV> <seconds>
//     Chromium's fake capture device plays the WAV (looped) as the microphone; the page is joined,
//     left running for <seconds>, and what it observed (window.playground) is printed as one JSON line.
//
//   node drive.mjs --talk <page URL> <first WAV> <long WAV> <interrupt WAV>
//     A conversation with the voice agent in the page's room, the microphone fed through WebAudio
//     (talk-mic.mjs) so the driver decides when the user speaks: say the first WAV and wait for the
//     agent's answer; say the long WAV, wait until the agent has been speaking its (long) answer for
//     1.5 s, then say the interrupt WAV over it and measure how fast the agent stops (barge-in); then
//     type a message (topic lk.chat) and wait until the agent says it; then leave the room. Prints window.playground plus `talk` (timings, in ms of the page's clock) as one
//     JSON line.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { installTalkMic, loadWav, say } from './talk-mic.mjs';

const LEVEL = 0.02; // the page's audibility threshold (app.js)
const args = process.argv.slice(2);
const talk = args[0] === '--talk';
const [url, ...rest] = talk ? args.slice(1) : args;
if (!url || rest.length !== (talk ? 3 : 2)) {
  console.error('usage: node drive.mjs <page URL> <microphone WAV> <seconds>\n'
    + '       node drive.mjs --talk <page URL> <first WAV> <long WAV> <interrupt WAV>');
  process.exit(64);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    ...(talk ? [] : [`--use-file-for-fake-audio-capture=${rest[0]}`]),
    '--autoplay-policy=no-user-gesture-required',
  ],
});
try {
  const page = await browser.newPage();
  const logs = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  if (talk) await installTalkMic(page);
  await page.goto(url);
  await page.click('#join');
  await page.waitForFunction(() => window.playground.connected || window.playground.errors.length > 0,
    null, { timeout: 20000 });
  let result = {};
  if (talk) {
    try {
      result = await conversation(page, rest.map((f) => readFileSync(f)));
    } catch (e) {
      result = { driverError: String(e.message || e) };
    }
  } else {
    await page.waitForTimeout(Number(rest[1]) * 1000);
  }
  const observed = await page.evaluate(() => window.playground);
  observed.consoleTail = logs.slice(-20);
  if (talk) {
    observed.talk = result;
    // the user leaves, as closing the tab does (livekit-client disconnects on pagehide)
    await page.click('#leave');
    await page.waitForFunction(() => !window.playground.connected, null, { timeout: 10000 });
  }
  console.log(JSON.stringify(observed));
} finally {
  await browser.close();
}

/** The scripted conversation; returns its timings (page clock, ms). */
async function conversation(page, [first, long, interrupt]) {
  const out = { steps: [] };
  const step = (name) => out.steps.push(name);
  await Promise.all([loadWav(page, 'first', first), loadWav(page, 'long', long),
    loadWav(page, 'interrupt', interrupt)]);
  // the agent is in the room and listening (its greeting played when it joined, before the page)
  await waitFor(page, () => window.playground.agentStates.at(-1) === 'listening', null, 20000,
    'the agent to be listening');
  step('agent listening');

  const firstSaid = await say(page, 'first');
  await waitForStates(page, firstSaid.at, ['speaking', 'listening'], firstSaid.ms + 15000, 'the answer to turn 1');
  step('turn 1 answered');

  const longSaid = await say(page, 'long');
  const speakingAt = await waitForStates(page, longSaid.at + longSaid.ms, ['speaking'], longSaid.ms + 15000,
    'the agent to answer the long utterance');
  await waitFor(page, (t) => window.talkTrace.some(([at, level]) => at >= t && level > 0.02), speakingAt, 5000,
    'the agent\'s long answer to be audible');
  await page.waitForTimeout(1500);
  const stillSpeaking = await page.evaluate(() => window.playground.agentStates.at(-1) === 'speaking');
  if (!stillSpeaking) throw new Error('the agent stopped its long answer by itself within 1.5 s');
  step('agent speaking its long answer');

  out.agentAudioBeforeCut = await page.evaluate(() => window.talkMic.audioStats());
  const cut = await say(page, 'interrupt');
  await page.waitForTimeout(cut.ms + 300);
  step('interrupted');
  Object.assign(out, await page.evaluate(bargeIn, { cutAt: cut.at, cutMs: cut.ms, speakingAt, level: LEVEL }));
  out.longAnswerMs = longSaid.ms;
  out.spokenBeforeCutMs = Math.round(cut.at - speakingAt);

  // typed chat (lk.chat), once the agent has echoed the words that cut it: the echo agent says the message
  await waitForStates(page, cut.at + cut.ms, ['speaking', 'listening'], 20000, 'the echo of the interruption');
  // the state turns listening when the agent has sent its last frame; the page hears it a jitter buffer later
  await waitFor(page, (level) => {
    const now = performance.now();
    const recent = window.talkTrace.filter(([at]) => at >= now - 600);
    return recent.length > 40 && recent.every(([, l]) => l <= level);
  }, LEVEL, 10000, 'the agent to be quiet for 600 ms after the echo');
  const typed = 'Typing works as well';
  await page.fill('#message', typed);
  const typedAt = await page.evaluate(() => performance.now());
  await page.click('#send');
  await waitFor(page, (t) => window.playground.transcript.some((e) => e.who === 'agent'
    && e.text.toLowerCase() === t.toLowerCase()), typed, 15000, 'the agent to say the typed message');
  const heard = await waitFor(page, (t) => window.talkTrace.find(([at, level]) => at >= t && level > 0.02)?.[0]
    ?? false, typedAt, 10000, 'the typed message to be audible');
  out.typedAnsweredMs = Math.round((await heard.jsonValue()) - typedAt);
  out.typed = typed;
  step('typed message said');
  return out;
}

/** Evaluated in the page: how the agent reacted to the user speaking over it at cutAt. */
function bargeIn({ cutAt, cutMs, speakingAt, level }) {
  const p = window.playground;
  const trace = window.talkTrace.filter(([at]) => at >= cutAt - 1000);
  const before = trace.filter(([at]) => at < cutAt && at >= speakingAt).map(([, l]) => l);
  const stateIndex = p.agentStateTimes.findIndex((at) => at >= cutAt);
  const after = trace.filter(([at]) => at >= cutAt && at <= cutAt + cutMs);
  let audioStoppedAt = -1;
  for (let i = 0; i < after.length && audioStoppedAt < 0; i++) {
    const [at] = after[i];
    const window1s = after.filter(([t]) => t >= at && t <= at + 1000);
    if (window1s.at(-1)[0] - at >= 980 && window1s.every(([, l]) => l <= level)) audioStoppedAt = at;
  }
  return {
    agentLevelBeforeCut: before.length ? Math.max(...before) : 0,
    stateAfterCut: stateIndex >= 0 ? p.agentStates[stateIndex] : '',
    stateLeftSpeakingMs: stateIndex >= 0 ? Math.round(p.agentStateTimes[stateIndex] - cutAt) : -1,
    audioStoppedMs: audioStoppedAt >= 0 ? Math.round(audioStoppedAt - cutAt) : -1,
    interruptMs: Math.round(cutMs),
    // [ms from the cut, agent level, mic level, state] every ~50 ms, to read a failure by
    trace: trace.filter((_, i) => i % 5 === 0).map(([at, a, m, s]) => [Math.round(at - cutAt),
      Math.round(a * 1000) / 1000, Math.round(m * 1000) / 1000, s]),
  };
}

/** Waits for the agent states to pass through `states` (in order) after page time `since`; returns the last one's time. */
async function waitForStates(page, since, states, timeout, what) {
  const handle = await waitFor(page, ({ since: t, states: wanted }) => {
    const p = window.playground;
    let next = 0;
    for (let i = 0; i < p.agentStates.length && next < wanted.length; i++) {
      if (p.agentStateTimes[i] >= t && p.agentStates[i] === wanted[next]) {
        next++;
        if (next === wanted.length) return p.agentStateTimes[i];
      }
    }
    return false;
  }, { since, states }, timeout, what);
  return handle.jsonValue();
}

async function waitFor(page, fn, arg, timeout, what) {
  try {
    return await page.waitForFunction(fn, arg, { timeout, polling: 20 });
  } catch (e) {
    const p = await page.evaluate(() => ({ states: window.playground.agentStates, errors: window.playground.errors }));
    throw new Error(`timed out after ${timeout} ms waiting for ${what}; agent states ${JSON.stringify(p.states)}`
      + (p.errors.length ? `; page errors ${JSON.stringify(p.errors)}` : ''));
  }
}
