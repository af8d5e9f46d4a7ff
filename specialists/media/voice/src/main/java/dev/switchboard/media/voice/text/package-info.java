/**
 * Text on its way from the language model to text-to-speech: the streaming
 * {@link dev.switchboard.media.voice.text.SentenceChunker} and the markdown/emoji cleaning it applies.
 */
package dev.switchboard.media.voice.text;
