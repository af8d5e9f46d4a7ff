"""Per-window cost of LiveKit Agents' Silero VAD on this machine, as the Java bench's reference.

Times two things LiveKit ships, each fed one 512-sample (32 ms at 16 kHz) window per call with
its state carried, on the same kind of signal as VadBench:
  plugin: livekit-plugins-silero's OnnxModel (onnxruntime, 1 intra-op thread, silero_vad.onnx);
  native: livekit-agents' default inference.VAD backend, livekit.local_inference.VAD.predict.
Prints one JSON object: wall and thread-CPU nanoseconds per window (medians of rounds) and
the model's SHA-256.
"""
import hashlib
import importlib.resources
import json
import statistics
import sys
import time

import numpy as np

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
WINDOWS = int(sys.argv[2]) if len(sys.argv) > 2 else 2000


def signal():
    rng = np.random.default_rng(1)
    i = np.arange(16000 * 10)
    envelope = 0.5 + 0.5 * np.sin(2 * np.pi * 3 * i / 16000.0)
    pcm = envelope * (4000 * np.sin(2 * np.pi * 180 * i / 16000.0) + rng.normal(0, 1500, i.size))
    return pcm.astype(np.int16)


def windows(pcm):
    n = pcm.size // 512
    return [pcm[k * 512:(k + 1) * 512] for k in range(n)]


def time_per_window(call, chunks):
    """(wall, cpu) nanoseconds per window, each the median over rounds; cpu is this thread's."""
    for c in chunks[:200]:
        call(c)
    wall, cpu = [], []
    for _ in range(ROUNDS):
        start, cpu_start = time.perf_counter_ns(), time.thread_time_ns()
        for k in range(WINDOWS):
            call(chunks[k % len(chunks)])
        cpu.append((time.thread_time_ns() - cpu_start) / WINDOWS)
        wall.append((time.perf_counter_ns() - start) / WINDOWS)
    return {"wall_ns": statistics.median(wall), "cpu_ns": statistics.median(cpu)}


def main():
    from livekit.plugins.silero import onnx_model
    pcm = signal()
    int_chunks = windows(pcm)
    model = onnx_model.OnnxModel(onnx_session=onnx_model.new_inference_session(True), sample_rate=16000)
    # int16 -> float32 per window is included, as the plugin's VAD stream does it per window
    out = {"plugin": time_per_window(lambda c: model(c.astype(np.float32) / 32768.0), int_chunks)}
    try:
        from livekit.local_inference import VAD
        native = VAD()
        out["native"] = time_per_window(native.predict, int_chunks)
    except Exception as e:  # the native package may be missing on other platforms
        out["native_error"] = repr(e)
    res = importlib.resources.files("livekit.plugins.silero.resources") / "silero_vad.onnx"
    out["model_sha256"] = hashlib.sha256(res.read_bytes()).hexdigest()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
