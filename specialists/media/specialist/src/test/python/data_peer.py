#!/usr/bin/env python3
"""Data peer for PythonBridgeTest: a participant built on the official LiveKit Python SDK.

It joins a room (URL from --url, token from the LIVEKIT_TOKEN environment variable, never argv),
sends "python <n>" on --topic every 0.3 s, and prints each data message it receives as one JSON
line on stdout: {"event": "data", "payload": ..., "topic": ..., "sender": ...}. It exits after
--seconds, or earlier when stdin closes.
"""
import argparse
import asyncio
import json
import os
import sys

from livekit import rtc


def emit(**fields):
    print(json.dumps(fields), flush=True)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--topic", default="py")
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    token = os.environ.get("LIVEKIT_TOKEN")
    if not token:
        raise SystemExit("LIVEKIT_TOKEN is not set")

    room = rtc.Room()

    @room.on("data_received")
    def on_data(packet):
        sender = packet.participant.identity if packet.participant else ""
        emit(event="data", payload=packet.data.decode("utf-8", "replace"), topic=packet.topic, sender=sender)

    await asyncio.wait_for(room.connect(args.url, token), timeout=15)
    emit(event="joined", identity=room.local_participant.identity)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_reader(sys.stdin.fileno(), lambda: sys.stdin.read(1) or stop.set())

    async def send():
        n = 0
        while not stop.is_set():
            n += 1
            await room.local_participant.publish_data(f"python {n}", reliable=True, topic=args.topic)
            await asyncio.sleep(0.3)

    sender = asyncio.ensure_future(send())
    try:
        await asyncio.wait_for(stop.wait(), timeout=args.seconds)
    except asyncio.TimeoutError:
        pass
    sender.cancel()
    await room.disconnect()


if __name__ == "__main__":
    asyncio.run(main())
