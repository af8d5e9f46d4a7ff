/**
 * Tools the model may call: {@link dev.switchboard.media.voice.tools.FunctionTool} methods with JSON
 * Schema from their parameter types, webhook tools (signed HTTP POST), and handoff tools.
 */
package dev.switchboard.media.voice.tools;
