/**
 * The media specialist plugin: LiveKit agent workers run inside Switchboard ({@code media.worker.*})
 * and a data bridge between room data messages and Switchboard events ({@code data.subscribe},
 * {@code data.unsubscribe}, {@code data.publish}). Operations are grouped in {@link
 * dev.switchboard.specialist.media.MediaSpecialist}'s operation sets, one handler class per group.
 */
package dev.switchboard.specialist.media;
