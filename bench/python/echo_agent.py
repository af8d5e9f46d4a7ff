"""One echo-agent session the way LiveKit Agents runs a job: its own process, the Silero VAD from
livekit-plugins-silero over the user's audio, and on END_OF_SPEECH the buffered speech frames
published back. Used by EchoCapacityBench as the Python reference (bench/README.md).

The harness passes the room URL and a join token in LK_URL / LK_TOKEN (it connects the process to
its room directly instead of dispatching a job through a worker) and talks over stdin/stdout:
  -> "ready"                      once connected, subscribed to the user and publishing
  <- "start" / "stop"             the measured window
  -> {"frames":..,"late":..,"worst_ms":..,"turns":..}   after "stop"
Output is paced like the Java agent's: one 10 ms frame (echo or silence) per absolute slot; a frame
is late when it is handed to the AudioSource more than 5 ms after its slot.
"""

import asyncio
import collections
import json
import os
import sys
import time

import numpy as np
from livekit import rtc
from livekit.agents import vad as agents_vad
from livekit.plugins import silero

RATE = 48000
FRAME = 480


async def main() -> None:
    vad = silero.VAD.load(min_speech_duration=0.05, min_silence_duration=0.25,
                          prefix_padding_duration=0.5, activation_threshold=0.5, force_cpu=True)
    loop = asyncio.get_running_loop()
    room = rtc.Room()
    user_track: asyncio.Future = loop.create_future()

    @room.on("track_subscribed")
    def _on_track(track, _pub, _participant):
        if track.kind == rtc.TrackKind.KIND_AUDIO and not user_track.done():
            user_track.set_result(track)

    await room.connect(os.environ["LK_URL"], os.environ["LK_TOKEN"], rtc.RoomOptions(auto_subscribe=True))
    source = rtc.AudioSource(RATE, 1, queue_size_ms=100)
    track = rtc.LocalAudioTrack.create_audio_track("agent-voice", source)
    await room.local_participant.publish_track(
        track, rtc.TrackPublishOptions(source=rtc.TrackSource.SOURCE_MICROPHONE))
    track_in = await asyncio.wait_for(user_track, 60)

    out: collections.deque = collections.deque()
    stats = {"frames": 0, "late": 0, "worst_ms": 0.0, "turns": 0}
    measuring = [False]

    async def pace() -> None:
        silence = rtc.AudioFrame(bytes(FRAME * 2), RATE, 1, FRAME)
        slot = time.monotonic()
        while True:
            wait = slot - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            lateness = time.monotonic() - slot
            if measuring[0]:
                stats["frames"] += 1
                if lateness > 0.005:
                    stats["late"] += 1
                stats["worst_ms"] = max(stats["worst_ms"], lateness * 1000)
            await source.capture_frame(out.popleft() if out else silence)
            slot += 0.010
            if time.monotonic() - slot > 0.100:
                slot = time.monotonic()

    async def listen() -> None:
        audio = rtc.AudioStream(track_in, sample_rate=RATE, num_channels=1)
        stream = vad.stream()

        async def feed() -> None:
            async for event in audio:
                stream.push_frame(event.frame)

        feeder = asyncio.create_task(feed())
        async for event in stream:
            if event.type == agents_vad.VADEventType.END_OF_SPEECH and event.frames:
                if measuring[0]:
                    stats["turns"] += 1
                pcm = np.concatenate([np.frombuffer(f.data, dtype=np.int16) for f in event.frames])
                for i in range(0, len(pcm) - FRAME + 1, FRAME):
                    out.append(rtc.AudioFrame(pcm[i:i + FRAME].tobytes(), RATE, 1, FRAME))
        feeder.cancel()

    tasks = [asyncio.create_task(pace()), asyncio.create_task(listen())]
    print("ready", flush=True)
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            break
        if line.strip() == "start":
            stats.update(frames=0, late=0, worst_ms=0.0, turns=0)
            measuring[0] = True
        elif line.strip() == "stop":
            measuring[0] = False
            print(json.dumps(stats), flush=True)
    for t in tasks:
        t.cancel()
    await room.disconnect()


if __name__ == "__main__":
    asyncio.run(main())
