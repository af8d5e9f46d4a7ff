#!/usr/bin/env python3
"""Interop peer for PythonInteropTest: a LiveKit participant built on the official Python SDK.

It joins a room (URL from --url, token from the LIVEKIT_TOKEN environment variable, never argv),
publishes a sine tone (or a 48 kHz mono 16-bit WAV file), subscribes to the other participants'
audio, sends a greeting on a data topic every half second and answers each data message it
receives. Every observation is one JSON line on stdout:

  {"event": "joined", "identity": ..., "remotes": [...]}
  {"event": "subscribed", "participant": ..., "track": ...}
  {"event": "data", "payload": ..., "topic": ..., "sender": ...}
  {"event": "result", "participant": ..., "dominant_hz": ..., "rms": ..., "seconds": ...}

It exits after --seconds of listening (bounded), or earlier when stdin closes.
"""
import argparse
import asyncio
import json
import os
import sys
import wave

import numpy as np
from livekit import rtc

RATE = 48000
FRAME = 480  # 10 ms


def emit(**fields):
    print(json.dumps(fields), flush=True)


def tone_source(args):
    if args.wav:
        with wave.open(args.wav, "rb") as w:
            if w.getframerate() != RATE or w.getnchannels() != 1 or w.getsampwidth() != 2:
                raise SystemExit(f"{args.wav}: need 48 kHz mono 16-bit PCM")
            pcm = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)
    else:
        t = np.arange(RATE) / RATE  # one second; 660 Hz fits it a whole number of times
        pcm = (0.4 * 32767 * np.sin(2 * np.pi * args.tone_hz * t)).astype(np.int16)
    return pcm


def dominant(samples):
    """Dominant frequency (Hz) of int16 samples at 48 kHz, by a Hann-windowed FFT."""
    x = samples.astype(np.float64)
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    freqs = np.fft.rfftfreq(len(x), 1 / RATE)
    band = (freqs >= 100) & (freqs <= 4000)
    return float(freqs[band][np.argmax(spectrum[band])])


async def play(source, pcm, stop):
    pos = 0
    while not stop.is_set():
        chunk = np.take(pcm, range(pos, pos + FRAME), mode="wrap")
        pos = (pos + FRAME) % len(pcm)
        frame = rtc.AudioFrame.create(RATE, 1, FRAME)
        np.frombuffer(frame.data, dtype=np.int16)[:] = chunk
        await source.capture_frame(frame)  # paces to real time once the source's buffer is full


async def listen(track, identity, sid, received, latest):
    stream = rtc.AudioStream(track, sample_rate=RATE, num_channels=1)
    async for event in stream:
        if latest.get(identity) != sid:  # a newer track of this participant (e.g. after its rejoin) counts
            continue
        received.setdefault(identity, []).append(
            np.frombuffer(event.frame.data, dtype=np.int16).copy())


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--tone-hz", type=float, default=660.0)
    parser.add_argument("--wav")
    parser.add_argument("--topic", default="from-python")
    parser.add_argument("--seconds", type=float, default=6.0, help="listening time after first subscription")
    parser.add_argument("--max-seconds", type=float, default=30.0, help="hard bound on the whole run")
    args = parser.parse_args()
    token = os.environ.get("LIVEKIT_TOKEN")
    if not token:
        raise SystemExit("LIVEKIT_TOKEN is not set")

    room = rtc.Room()
    received, latest, tasks = {}, {}, []
    first_subscription = asyncio.Event()

    @room.on("track_subscribed")
    def on_track(track, publication, participant):
        if track.kind == rtc.TrackKind.KIND_AUDIO:
            emit(event="subscribed", participant=participant.identity, track=publication.sid)
            latest[participant.identity] = publication.sid
            tasks.append(asyncio.ensure_future(listen(track, participant.identity, publication.sid, received,
                                                      latest)))
            first_subscription.set()

    @room.on("data_received")
    def on_data(packet):
        sender = packet.participant.identity if packet.participant else ""
        text = packet.data.decode("utf-8", "replace")
        emit(event="data", payload=text, topic=packet.topic, sender=sender)
        tasks.append(asyncio.ensure_future(room.local_participant.publish_data(
            "python heard: " + text, reliable=True, topic=args.topic + "-reply")))

    await asyncio.wait_for(room.connect(args.url, token), timeout=15)
    me = room.local_participant
    emit(event="joined", identity=me.identity, remotes=[p.identity for p in room.remote_participants.values()])

    source = rtc.AudioSource(RATE, 1)
    track = rtc.LocalAudioTrack.create_audio_track("python-tone", source)
    await me.publish_track(track, rtc.TrackPublishOptions(source=rtc.TrackSource.SOURCE_MICROPHONE))
    stop = asyncio.Event()
    player = asyncio.ensure_future(play(source, tone_source(args), stop))

    async def greet():
        n = 0
        while not stop.is_set():
            n += 1
            await me.publish_data(f"hello from python {n}", reliable=True, topic=args.topic)
            await asyncio.sleep(0.5)
    greeter = asyncio.ensure_future(greet())

    loop = asyncio.get_running_loop()
    stdin_closed = asyncio.Event()
    loop.add_reader(sys.stdin.fileno(), lambda: sys.stdin.read(1) or stdin_closed.set())
    deadline = loop.time() + args.max_seconds

    async def run():
        await first_subscription.wait()
        await asyncio.sleep(args.seconds)
    try:
        done, _ = await asyncio.wait([asyncio.ensure_future(run()), asyncio.ensure_future(stdin_closed.wait())],
                                     timeout=max(0.0, deadline - loop.time()), return_when=asyncio.FIRST_COMPLETED)
    finally:
        stop.set()
    for identity, chunks in received.items():
        pcm = np.concatenate(chunks)
        tail = pcm[-RATE * 2:]  # the last two seconds, well past any start-up silence
        emit(event="result", participant=identity, dominant_hz=dominant(tail),
             rms=float(np.sqrt(np.mean(tail.astype(np.float64) ** 2))), seconds=len(pcm) / RATE)
    if not received:
        emit(event="result", participant="", dominant_hz=0.0, rms=0.0, seconds=0.0)
    for t in tasks + [player, greeter]:
        t.cancel()
    await room.disconnect()


if __name__ == "__main__":
    asyncio.run(main())
