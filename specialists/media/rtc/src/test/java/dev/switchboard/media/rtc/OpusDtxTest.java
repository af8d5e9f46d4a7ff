package dev.switchboard.media.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpusDtxTest {

    private static final String ANSWER = String.join("\r\n",
            "v=0",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111 63",
            "a=rtpmap:111 opus/48000/2",
            "a=fmtp:111 minptime=10;useinbandfec=1",
            "a=rtpmap:63 red/48000/2",
            "a=fmtp:63 111/111",
            "m=audio 9 UDP/TLS/RTP/SAVPF 109",
            "a=rtpmap:109 OPUS/48000/2",
            "a=fmtp:109 minptime=10;usedtx=0",
            "");

    @Test
    void addsUsedtxToOpusFormatsOnly() {
        String munged = OpusDtx.enable(ANSWER);
        assertThat(munged).contains("a=fmtp:111 minptime=10;useinbandfec=1;usedtx=1\r\n")
                .contains("a=fmtp:63 111/111\r\n")
                .as("an explicit choice is kept").contains("a=fmtp:109 minptime=10;usedtx=0\r\n")
                .endsWith("\r\n");
        assertThat(munged.split("\r\n", -1)).hasSameSizeAs(ANSWER.split("\r\n", -1));
        assertThat(OpusDtx.enable(munged)).as("idempotent").isEqualTo(munged);
    }

    @Test
    void keepsBareNewlinesAndSdpWithoutOpus() {
        String lf = "m=audio 9 RTP/AVP 0\na=rtpmap:0 PCMU/8000\na=fmtp:0 x=1\n";
        assertThat(OpusDtx.enable(lf)).isEqualTo(lf);
        assertThat(OpusDtx.enable(lf.replace("0 PCMU/8000", "0 opus/48000/2"))).contains("a=fmtp:0 x=1;usedtx=1\n");
    }
}
