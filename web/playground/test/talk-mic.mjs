// A microphone the test driver controls: the page's getUserMedia({audio}) gets a MediaStream from a
// WebAudio graph (silence until the driver plays a WAV into it), so the "user" can speak at chosen
// moments, also over the agent. A sampler records [page time, agent level, mic level, agent state]
// every 10 ms in window.talkTrace for the driver's timing measurements.

/** Installs the controllable microphone and the sampler before the page's own scripts run. */
export async function installTalkMic(page) {
  await page.addInitScript(() => {
    let ctx = null;
    let sink = null;
    const buffers = new Map();
    function graph() {
      if (!ctx) {
        ctx = new AudioContext({ sampleRate: 48000 });
        sink = ctx.createMediaStreamDestination();
      }
      return ctx;
    }
    window.talkMic = {
      async load(name, base64) {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        buffers.set(name, await graph().decodeAudioData(bytes.buffer));
        return buffers.get(name).duration * 1000;
      },
      async play(name) {
        await graph().resume();
        const source = ctx.createBufferSource();
        source.buffer = buffers.get(name);
        source.connect(sink);
        source.start();
        return { at: performance.now(), ms: source.buffer.duration * 1000 };
      },
    };
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      if (!constraints || !constraints.audio || constraints.video) return original(constraints);
      await graph().resume();
      return new MediaStream(sink.stream.getAudioTracks().map((t) => t.clone()));
    };
    // every peer connection, for the receiving side's jitter-buffer figures (window.talkMic.audioStats)
    const connections = [];
    window.RTCPeerConnection = class extends window.RTCPeerConnection {
      constructor(...args) {
        super(...args);
        connections.push(this);
      }
    };
    window.talkMic.audioStats = async () => {
      for (const pc of connections) {
        for (const s of (await pc.getStats()).values()) {
          if (s.type === 'inbound-rtp' && s.kind === 'audio' && s.jitterBufferEmittedCount > 0) {
            return {
              jitterBufferMs: Math.round(1000 * s.jitterBufferDelay / s.jitterBufferEmittedCount),
              jitterBufferTargetMs: Math.round(1000 * (s.jitterBufferTargetDelay || 0) / s.jitterBufferEmittedCount),
              packetsLost: s.packetsLost, concealedSamples: s.concealedSamples,
            };
          }
        }
      }
      return {};
    };
    window.talkTrace = [];
    setInterval(() => {
      const p = window.playground;
      if (p && p.connected) {
        window.talkTrace.push([performance.now(), p.agentLevel, p.micLevel, p.agentStates.at(-1) || '']);
      }
    }, 10);
  });
}

/** Hands a WAV file's bytes to the page under `name`; returns its duration in ms. */
export async function loadWav(page, name, bytes) {
  return page.evaluate(([n, b64]) => window.talkMic.load(n, b64), [name, bytes.toString('base64')]);
}

/** The user says the WAV loaded as `name` now; returns {at, ms}: page time it started and its length. */
export async function say(page, name) {
  return page.evaluate((n) => window.talkMic.play(n), name);
}
