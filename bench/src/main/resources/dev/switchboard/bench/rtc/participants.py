#!/usr/bin/env python3
"""Reference participants for the realtime benchmarks, built on the official LiveKit Python SDK.

Tokens come from the LIVEKIT_TOKENS environment variable (space-separated JWTs; never argv).
Every observation is one JSON line on stdout. Before connecting it prints {"event": "baseline"} and
waits for a "go" line on stdin, so the harness can read the process's resident memory first.

  crowd mode: one Room per token, all in this one process; each publishes a sine tone (440 Hz for
    even indexes, 660 Hz for odd) and counts the audio frames it receives. Prints {"event": "ready"}
    once every participant receives audio; then answers each "mark" line on stdin with
    {"event": "mark", "t": T, "frames": F, "audible": A} (monotonic seconds; totals over all participants: frames received and
    samples in audible frames, RMS > 1000) until "stop".
  join mode: joins with each token in turn, measures connect() -> first remote audio frame and
    -> first audible frame (RMS > 1000), prints {"event": "join", ...} and leaves.

Bounded: --max-seconds ends the run whatever happens.
"""
import argparse
import asyncio
import json
import os
import sys
import time

import numpy as np
from livekit import rtc

RATE = 48000
CHUNK = 4800  # 100 ms per capture_frame call, like the Java harness's writes (10 ms calls fall behind under load)


def emit(**fields):
    print(json.dumps(fields), flush=True)


def tone(hz):
    t = np.arange(RATE) / RATE  # one second; whole-Hz tones wrap cleanly
    return (0.3 * 32767 * np.sin(2 * np.pi * hz * t)).astype(np.int16)


async def play(source, pcm):
    pos = 0
    while True:
        frame = rtc.AudioFrame.create(RATE, 1, CHUNK)
        np.frombuffer(frame.data, dtype=np.int16)[:] = pcm[pos:pos + CHUNK]
        pos = (pos + CHUNK) % len(pcm)
        await source.capture_frame(frame)  # paces to real time once the source's buffer is full


async def count(track, counters):
    stream = rtc.AudioStream(track, sample_rate=RATE, num_channels=1)
    async for event in stream:
        samples = np.frombuffer(event.frame.data, dtype=np.int16).astype(np.float64)
        counters["frames"] += 1
        if samples.size and np.sqrt(np.mean(samples * samples)) > 1000:
            counters["audible"] += event.frame.samples_per_channel


async def lines(loop):
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    return reader


async def crowd(args, tokens, reader):
    counters = [{"frames": 0, "audible": 0} for _ in tokens]
    rooms, tasks = [], []
    for i, token in enumerate(tokens):
        room = rtc.Room()

        def on_track(track, publication, participant, c=counters[i]):
            if track.kind == rtc.TrackKind.KIND_AUDIO:
                tasks.append(asyncio.ensure_future(count(track, c)))
        room.on("track_subscribed", on_track)
        await asyncio.wait_for(room.connect(args.url, token), timeout=15)
        source = rtc.AudioSource(RATE, 1)
        track = rtc.LocalAudioTrack.create_audio_track("tone", source)
        await room.local_participant.publish_track(
            track, rtc.TrackPublishOptions(source=rtc.TrackSource.SOURCE_MICROPHONE))
        tasks.append(asyncio.ensure_future(play(source, tone(440 if i % 2 == 0 else 660))))
        rooms.append(room)
    while not all(c["audible"] > 0 for c in counters):
        await asyncio.sleep(0.1)
    emit(event="ready", participants=len(rooms))
    while True:
        line = (await reader.readline()).decode().strip()
        if line == "mark":
            emit(event="mark", t=time.monotonic(), frames=sum(c["frames"] for c in counters),
                 audible=sum(c["audible"] for c in counters))
        elif line in ("stop", ""):
            break
    for t in tasks:
        t.cancel()
    for room in rooms:
        await room.disconnect()


async def join(args, tokens):
    loop = asyncio.get_running_loop()
    for token in tokens:
        room = rtc.Room()
        first, audible, tasks = loop.create_future(), loop.create_future(), []

        async def watch(track):
            stream = rtc.AudioStream(track, sample_rate=RATE, num_channels=1)
            async for event in stream:
                now = time.perf_counter()
                if not first.done():
                    first.set_result(now)
                samples = np.frombuffer(event.frame.data, dtype=np.int16).astype(np.float64)
                if samples.size and np.sqrt(np.mean(samples * samples)) > 1000 and not audible.done():
                    audible.set_result(now)

        def on_track(track, publication, participant):
            if track.kind == rtc.TrackKind.KIND_AUDIO:
                tasks.append(asyncio.ensure_future(watch(track)))
        room.on("track_subscribed", on_track)
        start = time.perf_counter()
        await asyncio.wait_for(room.connect(args.url, token), timeout=15)
        connected = time.perf_counter()
        await asyncio.wait_for(audible, timeout=15)
        emit(event="join", connected_ms=(connected - start) * 1e3, first_frame_ms=(first.result() - start) * 1e3,
             first_audible_ms=(audible.result() - start) * 1e3)
        for t in tasks:
            t.cancel()
        await room.disconnect()
        await asyncio.sleep(0.2)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--mode", choices=["crowd", "join"], required=True)
    args = parser.parse_args()
    tokens = os.environ.get("LIVEKIT_TOKENS", "").split()
    if not tokens:
        raise SystemExit("LIVEKIT_TOKENS is not set")
    reader = await lines(asyncio.get_running_loop())
    emit(event="baseline")
    if (await reader.readline()).decode().strip() != "go":
        return
    if args.mode == "crowd":
        await crowd(args, tokens, reader)
    else:
        await join(args, tokens)
    emit(event="done")


if __name__ == "__main__":
    max_seconds = float(os.environ.get("PARTICIPANTS_MAX_SECONDS", "300"))
    try:
        asyncio.run(asyncio.wait_for(main(), timeout=max_seconds))
    except asyncio.TimeoutError:
        emit(event="error", message=f"gave up after {max_seconds} s")
        sys.exit(2)
