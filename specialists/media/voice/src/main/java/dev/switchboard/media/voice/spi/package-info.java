/**
 * The voice provider SPI: speech-to-text, language model and text-to-speech contracts, all
 * streaming and callback-based so the audio path never blocks on a provider. Providers are
 * PF4J extensions ({@link dev.switchboard.media.voice.spi.SttFactory},
 * {@link dev.switchboard.media.voice.spi.LlmFactory}, {@link dev.switchboard.media.voice.spi.TtsFactory}),
 * so a drop-in JAR adds one. Audio is 16-bit signed mono PCM in {@code short[]}.
 *
 * <p>Listener callbacks may arrive on any thread (typically the provider's I/O thread); a
 * listener must return quickly and never block. Streams are single-producer: one thread pushes.
 */
package dev.switchboard.media.voice.spi;
