/**
 * OpenAI-compatible providers: chat completions with streamed tool calls (OpenAI, Groq, vLLM,
 * Ollama, any server speaking the same API), audio transcriptions and audio speech. The public
 * types are the PF4J factories; everything else is package-private.
 */
package dev.switchboard.media.voice.provider.openai;
