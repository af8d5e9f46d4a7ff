package dev.switchboard.media.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onvoid.webrtc.RTCIceCandidate;
import dev.switchboard.spi.Secret;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The small parsers and builders around the wire: stream ids, SDP, trickle JSON, URLs, options. */
class WireFormatsTest {

    @Test
    void unpacksPackedStreamIds() {
        assertThat(StreamIds.unpack("PA_abc|TR_xyz", "whatever"))
                .contains(new StreamIds.Sids("PA_abc", "TR_xyz"));
        assertThat(StreamIds.unpack("PA_abc|microphone", "TR_fromTrack"))
                .contains(new StreamIds.Sids("PA_abc", "TR_fromTrack"));
        assertThat(StreamIds.unpack("PA_abc|microphone", "a-uuid")).isEmpty();
        assertThat(StreamIds.unpack("garbage", "TR_x")).isEmpty();
    }

    @Test
    void mapsMidsToStreamIdsPerMediaSection() {
        String sdp = String.join("\r\n",
                "v=0",
                "m=audio 9 UDP/TLS/RTP/SAVPF 111",
                "a=mid:0",
                "a=msid:PA_one|TR_a TR_a",
                "m=audio 9 UDP/TLS/RTP/SAVPF 111",
                "a=mid:1",
                "a=inactive",
                "m=video 9 UDP/TLS/RTP/SAVPF 96",
                "a=mid:2",
                "a=msid:PA_two|TR_v TR_v",
                "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
                "a=mid:3",
                "");
        assertThat(SdpStreams.midToStreamId(sdp)).containsExactly(
                java.util.Map.entry("0", "PA_one|TR_a"), java.util.Map.entry("2", "PA_two|TR_v"));
    }

    @Test
    void trickleJsonRoundTripsAndRejectsBadInput() {
        RTCIceCandidate c = new RTCIceCandidate("0", 0, "candidate:1 1 udp 2122260223 10.77.1.1 5000 typ host");
        RTCIceCandidate back = IceCandidateJson.read(IceCandidateJson.write(c));
        assertThat(back.sdp).isEqualTo(c.sdp);
        assertThat(back.sdpMid).isEqualTo("0");
        assertThatThrownBy(() -> IceCandidateJson.read("{not json"))
                .isInstanceOf(RtcStateException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> IceCandidateJson.read("{\"sdpMid\":\"0\"}"))
                .isInstanceOf(RtcStateException.class).hasMessageContaining("$.candidate");
    }

    @Test
    void buildsTheRtcUrlWithoutTheToken() {
        String url = SignalUrls.rtcUrl(URI.create("https://lk.example.com/base/"), false);
        assertThat(url).startsWith("wss://lk.example.com/base/rtc?protocol=16&")
                .contains("auto_subscribe=0", "adaptive_stream=0", "sdk=java")
                .doesNotContain("access_token");
        assertThat(SignalUrls.rtcUrl(URI.create("ws://10.0.0.1:7880"), true))
                .startsWith("ws://10.0.0.1:7880/rtc?").contains("auto_subscribe=1");
    }

    @Test
    void scrubsTokensFromServerMessages() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        assertThat(SignalUrls.scrub("invalid token: " + jwt + "\n, expired"))
                .isEqualTo("invalid token: <token> , expired");
    }

    @Test
    void connectOptionsNameTheBadField() {
        Secret token = Secret.of("t", "jwt");
        assertThatThrownBy(() -> ConnectOptions.of(URI.create("ftp://x"), token))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("url: scheme");
        assertThatThrownBy(() -> ConnectOptions.of(URI.create("ws:/nohost"), token))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("url: must name a host");
        assertThatThrownBy(() -> ConnectOptions.of(URI.create("ws://x"), Secret.of("ref", " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("token:")
                .hasMessageContaining("Secret[ref]");
        assertThatThrownBy(() -> ConnectOptions.builder(URI.create("ws://x"), token).joinTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("joinTimeout:");
    }

    @Test
    void dataOptionsCompose() {
        DataOptions o = DataOptions.ofLossy().topic("t").to("a", "b");
        assertThat(o.reliable()).isFalse();
        assertThat(o.topic()).isEqualTo("t");
        assertThat(o.destinationIdentities()).containsExactly("a", "b");
    }
}
