/**
 * A LiveKit room participant in Java: {@code /rtc} signalling (protobuf over an OkHttp WebSocket)
 * and WebRTC media through webrtc-java. Start with {@link dev.switchboard.media.rtc.RtcClient}, which
 * owns the native WebRTC engine, then {@link dev.switchboard.media.rtc.RtcClient#connect connect} to a
 * room and get a {@link dev.switchboard.media.rtc.RoomSession}. Nothing here is null: absent values are
 * {@link java.util.Optional} return values, empty strings or empty collections.
 */
package dev.switchboard.media.rtc;
