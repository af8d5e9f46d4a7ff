// The Switchboard playground: joins the agent's room with livekit-client, publishes the microphone,
// plays the agent, shows its state (participant attribute lk.agent.state), the live transcript
// (text streams on topic lk.transcription, and legacy transcription packets) and per-turn latency;
// typed messages go to the agent as text streams on topic lk.chat, as LiveKit's chat components send them.
// window.playground exposes what the page observed, for the headless-Chromium test.
/* global LivekitClient */
(() => {
  'use strict';
  const { Room, RoomEvent, Track } = LivekitClient;
  const $ = (id) => document.getElementById(id);
  const LEVEL = 0.02; // RMS above which a side counts as audible
  const state = {
    connected: false, room: '', identity: '', agentIdentity: '', agentStates: [], agentStateTimes: [],
    transcript: [], turns: [], agentReported: [], remoteAudioTracks: 0, agentPeakHz: 0, agentMaxLevel: 0,
    micMaxLevel: 0, agentLevel: 0, micLevel: 0, dataMessages: [], typed: [], errors: [],
    agentKindIsAgent: false, interimStreams: {},
  };
  window.playground = state;

  let room = null;
  let audioCtx = null;
  let micAnalyser = null;
  let agentAnalyser = null;
  let meterTimer = 0;
  const segments = new Map(); // segment id -> {el, final}

  function fail(message) {
    state.errors.push(String(message));
    $('error').textContent = state.errors.join('\n');
  }

  function analyserFor(mediaStreamTrack) {
    audioCtx = audioCtx || new AudioContext();
    const source = audioCtx.createMediaStreamSource(new MediaStream([mediaStreamTrack]));
    const analyser = audioCtx.createAnalyser();
    analyser.fftSize = 4096;
    source.connect(analyser);
    return analyser;
  }

  function rms(analyser) {
    if (!analyser) return 0;
    const buf = new Float32Array(analyser.fftSize);
    analyser.getFloatTimeDomainData(buf);
    let sum = 0;
    for (const v of buf) sum += v * v;
    return Math.sqrt(sum / buf.length);
  }

  function peakHz(analyser) {
    const bins = new Float32Array(analyser.frequencyBinCount);
    analyser.getFloatFrequencyData(bins);
    let best = 1;
    for (let i = 2; i < bins.length; i++) if (bins[i] > bins[best]) best = i;
    return best * audioCtx.sampleRate / analyser.fftSize;
  }

  // Turn latency as the user hears it: last moment the mic was audible -> first audible agent audio.
  const turn = { lastMicAt: 0, userSpokeSinceAgent: false, agentAudible: false, agentQuietSince: 0 };
  function meter() {
    const now = performance.now();
    const mic = rms(micAnalyser);
    const agent = rms(agentAnalyser);
    state.micLevel = mic;
    state.agentLevel = agent;
    state.micMaxLevel = Math.max(state.micMaxLevel, mic);
    state.agentMaxLevel = Math.max(state.agentMaxLevel, agent);
    $('micLevel').style.width = Math.min(100, mic * 400) + '%';
    $('agentLevel').style.width = Math.min(100, agent * 400) + '%';
    if (mic > LEVEL) {
      turn.lastMicAt = now;
      turn.userSpokeSinceAgent = true;
    }
    if (agent > LEVEL) {
      state.agentPeakHz = peakHz(agentAnalyser);
      if (!turn.agentAudible && turn.userSpokeSinceAgent && mic <= LEVEL && now - turn.agentQuietSince > 300) {
        const ms = Math.round(now - turn.lastMicAt);
        state.turns.push(ms);
        addTurnRow(state.turns.length, ms + ' ms', '');
        turn.userSpokeSinceAgent = false;
      }
      turn.agentAudible = true;
    } else if (turn.agentAudible) {
      turn.agentAudible = false;
      turn.agentQuietSince = now;
    }
  }

  function addTurnRow(n, browser, reported) {
    const tr = document.createElement('tr');
    tr.innerHTML = '<td></td><td></td><td></td>';
    tr.children[0].textContent = n;
    tr.children[1].textContent = browser;
    tr.children[2].textContent = reported;
    $('turns').appendChild(tr);
  }

  function showAgent(participant) {
    const s = participant.attributes['lk.agent.state'];
    state.agentIdentity = participant.identity;
    state.agentKindIsAgent = participant.isAgent === true; // livekit-client reads the participant's kind
    $('agent').textContent = participant.identity;
    if (s && state.agentStates[state.agentStates.length - 1] !== s) {
      state.agentStates.push(s);
      state.agentStateTimes.push(performance.now());
      $('state').textContent = s;
    }
  }

  function isAgent(participant) {
    return participant.isAgent || participant.attributes['lk.agent.state'] !== undefined;
  }

  function showSegment(id, who, text, final) {
    let seg = segments.get(id);
    if (!seg) {
      const p = document.createElement('p');
      p.className = who === 'agent' ? 'agent' : 'user';
      p.innerHTML = '<b></b> <span></span>';
      p.firstChild.textContent = who === 'agent' ? 'Agent:' : 'You:';
      $('transcript').appendChild(p);
      seg = { el: p, final: false };
      segments.set(id, seg);
    }
    seg.el.lastChild.textContent = text;
    seg.el.lastChild.className = final ? '' : 'interim';
    if (final && !seg.final) state.transcript.push({ who, text });
    seg.final = final;
    $('transcript').scrollTop = $('transcript').scrollHeight;
  }

  function who(identity) {
    return identity === state.identity ? 'user' : 'agent';
  }

  async function readTranscription(reader, participantInfo) {
    const attrs = reader.info.attributes || {};
    const id = attrs['lk.segment_id'] || reader.info.id;
    const final = attrs['lk.transcription_final'] !== 'false'; // interim streams say 'false'
    // the agent sends the user's words too: a stream about our own microphone track is the user's
    const mic = room.localParticipant.getTrackPublication(Track.Source.Microphone);
    const aboutUs = mic && attrs['lk.transcribed_track_id'] === mic.trackSid;
    const speaker = aboutUs ? 'user' : who(participantInfo.identity);
    let text = '';
    for await (const chunk of reader) {
      text += chunk;
      showSegment(id, speaker, text, false);
    }
    showSegment(id, speaker, text, final);
    if (!final) state.interimStreams[id] = (state.interimStreams[id] || 0) + 1; // the agent reveals words as spoken
  }

  async function join() {
    $('join').disabled = true;
    $('status').textContent = 'getting a token…';
    try {
      const res = await fetch('token', { method: 'POST' });
      const body = await res.json();
      if (!res.ok) throw new Error(body.message || res.statusText);
      state.room = body.room;
      state.identity = body.identity;
      $('room').textContent = body.room;
      room = new Room({ adaptiveStream: false, dynacast: false });
      wire(room);
      $('status').textContent = 'connecting…';
      await room.connect(body.url, body.token);
      state.connected = true;
      $('status').textContent = 'connected as ' + body.identity;
      await room.localParticipant.setMicrophoneEnabled(true);
      const mic = room.localParticipant.getTrackPublication(Track.Source.Microphone);
      if (mic && mic.track) micAnalyser = analyserFor(mic.track.mediaStreamTrack);
      meterTimer = setInterval(meter, 20);
      $('mute').disabled = false;
      $('leave').disabled = false;
      $('message').disabled = false;
      $('send').disabled = false;
      for (const p of room.remoteParticipants.values()) if (isAgent(p)) showAgent(p);
    } catch (e) {
      fail(e.message || e);
      $('status').textContent = 'not connected';
      $('join').disabled = false;
    }
  }

  function wire(r) {
    r.on(RoomEvent.TrackSubscribed, (track, _pub, participant) => {
      if (track.kind !== Track.Kind.Audio) return;
      state.remoteAudioTracks++;
      const el = track.attach();
      el.autoplay = true;
      document.body.appendChild(el);
      if (isAgent(participant) || !agentAnalyser) agentAnalyser = analyserFor(track.mediaStreamTrack);
    });
    r.on(RoomEvent.ParticipantConnected, (p) => { if (isAgent(p)) showAgent(p); });
    r.on(RoomEvent.ParticipantAttributesChanged, (_changed, p) => { if (isAgent(p)) showAgent(p); });
    r.on(RoomEvent.TranscriptionReceived, (segs, participant) => {
      for (const s of segs) showSegment(s.id, who(participant ? participant.identity : ''), s.text, s.final);
    });
    r.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
      const text = new TextDecoder().decode(payload);
      state.dataMessages.push({ from: participant ? participant.identity : '', topic: topic || '', text });
      if (topic === 'switchboard.metrics') {
        try {
          const m = JSON.parse(text);
          state.agentReported.push(m);
          addTurnRow('agent ' + (m.turn ?? state.agentReported.length), '', Math.round(m.endToEndMs) + ' ms');
        } catch (e) { fail('bad metrics message: ' + e.message); }
      }
    });
    r.on(RoomEvent.Disconnected, () => {
      state.connected = false;
      $('status').textContent = 'disconnected';
      clearInterval(meterTimer);
    });
    r.registerTextStreamHandler('lk.transcription', (reader, info) => {
      readTranscription(reader, info).catch((e) => fail(e.message || e));
    });
  }

  async function send(event) {
    event.preventDefault();
    const text = $('message').value.trim();
    if (!text || !room) return;
    $('message').value = '';
    try {
      await room.localParticipant.sendText(text, { topic: 'lk.chat' });
      state.typed.push(text);
      showSegment('typed-' + state.typed.length, 'user', text, true);
    } catch (e) {
      fail('sending the message failed: ' + (e.message || e));
    }
  }

  $('join').addEventListener('click', join);
  $('chat').addEventListener('submit', send);
  $('mute').addEventListener('click', async () => {
    const enabled = room.localParticipant.isMicrophoneEnabled;
    await room.localParticipant.setMicrophoneEnabled(!enabled);
    $('mute').textContent = enabled ? 'Unmute mic' : 'Mute mic';
  });
  $('leave').addEventListener('click', async () => {
    await room.disconnect();
    $('join').disabled = false;
    $('mute').disabled = true;
    $('leave').disabled = true;
    $('message').disabled = true;
    $('send').disabled = true;
  });
})();
