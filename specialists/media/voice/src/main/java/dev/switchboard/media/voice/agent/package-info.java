/**
 * Agents: instructions, tools, model and voice overrides and hooks, built in Java
 * ({@link dev.switchboard.media.voice.agent.Agent#builder(String)}) or loaded from TOML; the echo agent.
 */
package dev.switchboard.media.voice.agent;
