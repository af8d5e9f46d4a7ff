/**
 * Local fakes of paid cloud AI APIs that speak their real wire protocols (OpenAI chat SSE,
 * transcriptions and speech; Deepgram's streaming WebSocket; ElevenLabs' stream-input WebSocket),
 * built on a small raw-socket HTTP/1.1 and WebSocket server so tests can also break connections
 * mid-stream. Bound to loopback only. Never a fake of LiveKit.
 */
package dev.switchboard.testkit.fakes;
