/**
 * The offline text-to-speech default: the Debian {@code espeak-ng} binary run per text piece, its
 * streamed WAV parsed as it arrives. The public type is the PF4J factory.
 */
package dev.switchboard.media.voice.provider.espeak;
