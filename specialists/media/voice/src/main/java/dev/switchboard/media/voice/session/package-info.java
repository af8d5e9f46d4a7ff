/**
 * Agent sessions: {@link dev.switchboard.media.voice.session.AgentSession} runs one conversation in a
 * LiveKit room (turn taking, barge-in, transcripts, state attribute, per-turn metrics and report) with
 * {@link dev.switchboard.media.voice.session.TurnHandling} options whose defaults follow LiveKit Agents.
 */
package dev.switchboard.media.voice.session;
