package dev.switchboard.specialist.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthSettingsReaderTest {

    private static final String SECRET = "s3cr3t-value-that-must-never-be-printed";
    private static final Map<String, String> ENV = Map.of("SECRET_A", SECRET, "SECRET_B", "other-secret-value",
            "LIVEKIT_API_KEY", "APIenv", "LIVEKIT_API_SECRET", SECRET);

    private static AuthSettings read(String json) {
        TestContext ctx = new TestContext(json, ENV, Instant.EPOCH);
        return AuthSettingsReader.read(ctx.config(), ctx.secrets());
    }

    @Test
    void keysInOrderFirstSignsAndBuiltInPresetsExist() {
        AuthSettings s = read("""
                {"keys":[{"key":"APInew","secret":"${SECRET_A}"},{"key":"APIold","secret":"env:SECRET_B"}]}""");
        assertThat(s.signing().key()).isEqualTo("APInew");
        assertThat(s.key("APIold")).isPresent();
        assertThat(s.presets()).containsKeys("viewer", "speaker", "moderator", "agent", "recorder");
        assertThat(s.defaultTtl()).isEqualTo(Duration.ofHours(6));
        assertThat(s.toString()).doesNotContain(SECRET);
    }

    @Test
    void withoutKeysFallsBackToTheLiveKitEnvironment() {
        AuthSettings s = read("{}");
        assertThat(s.signing().key()).isEqualTo("APIenv");
        assertThat(s.signing().secret().reference()).isEqualTo("${LIVEKIT_API_SECRET}");
    }

    @Test
    void configuredPresetReplacesTheBuiltInAndAddsNewOnes() {
        AuthSettings s = read("""
                {"keys":[{"key":"K","secret":"${SECRET_A}"}],"presets":{
                  "viewer":{"description":"mine","room-join":true,"can-subscribe":false},
                  "podium":{"room-join":true,"can-publish":true,"can-publish-sources":["microphone"]}}}""");
        assertThat(s.presets().get("viewer").description()).isEqualTo("mine");
        assertThat(s.presets().get("viewer").grants().get(Grant.CAN_SUBSCRIBE)).contains(false);
        assertThat(s.presets().get("viewer").grants().get(Grant.CAN_PUBLISH)).isEmpty();
        assertThat(s.presets().get("podium").grants().sources()).containsExactly("microphone");
    }

    @Test
    void aLiteralSecretIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> read("{\"keys\":[{\"key\":\"K\",\"secret\":\"" + SECRET + "\"}]}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("specialists.auth.keys[0].secret")
                .hasMessageContaining("must be a reference")
                .message().doesNotContain(SECRET);
    }

    @Test
    void anUnresolvableReferenceNamesTheReference() {
        assertThatThrownBy(() -> read("{\"keys\":[{\"key\":\"K\",\"secret\":\"${NOT_SET}\"}]}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("${NOT_SET}");
    }

    @Test
    void badTablesNameTheirKey() {
        String key = "{\"key\":\"K\",\"secret\":\"${SECRET_A}\"}";
        assertThatThrownBy(() -> read("{\"keys\":[]}")).hasMessageContaining("specialists.auth.keys: must be a "
                + "non-empty array");
        assertThatThrownBy(() -> read("{\"keys\":[" + key + "," + key + "]}"))
                .hasMessageContaining("specialists.auth.keys[1].key: API key 'K' is listed twice");
        assertThatThrownBy(() -> read("{\"keys\":[" + key + "],\"presets\":{\"viewer\":{\"can-fly\":true}}}"))
                .hasMessageContaining("specialists.auth.presets.viewer.can-fly: unknown grant; known grants: "
                        + "room-join");
        assertThatThrownBy(() -> read("{\"keys\":[" + key + "],\"presets\":{\"viewer\":{\"can-publish\":\"yes\"}}}"))
                .hasMessageContaining("specialists.auth.presets.viewer.can-publish: must be true or false");
        assertThatThrownBy(() -> read("{\"keys\":[" + key + "],\"presets\":{\"Bad_Name\":{}}}"))
                .hasMessageContaining("specialists.auth.presets.Bad_Name: preset names are lower-kebab-case");
        assertThatThrownBy(() -> read("{\"keys\":[" + key + "],\"presets\":{\"v\":{\"can-publish-sources\":"
                + "[\"webcam\"]}}}")).hasMessageContaining("specialists.auth.presets.v.can-publish-sources");
        assertThatThrownBy(() -> read("{\"keys\":[" + key + "],\"ttl\":{\"max\":\"forever\"}}"))
                .hasMessageContaining("specialists.auth.ttl.max: 'forever' is not a duration");
        assertThatThrownBy(() -> read("{\"keys\":[" + key + "],\"ttl\":{\"min\":\"2h\",\"max\":\"1h\"}}"))
                .hasMessageContaining("specialists.auth.ttl: need min <= default <= max");
    }

    @Test
    void durationsParseAndPrint() {
        assertThat(Durations.parse(Json.mapper().valueToTree("90s"))).contains(Duration.ofSeconds(90));
        assertThat(Durations.parse(Json.mapper().valueToTree("15m"))).contains(Duration.ofMinutes(15));
        assertThat(Durations.parse(Json.mapper().valueToTree("1d"))).contains(Duration.ofDays(1));
        assertThat(Durations.parse(Json.mapper().valueToTree(3600))).contains(Duration.ofHours(1));
        assertThat(Durations.parse(Json.mapper().valueToTree("0s"))).isEmpty();
        assertThat(Durations.parse(Json.mapper().valueToTree("-5"))).isEmpty();
        assertThat(Durations.human(Duration.ofSeconds(3725))).isEqualTo("1 h 2 min");
        assertThat(Durations.human(Duration.ofSeconds(45))).isEqualTo("45 s");
    }
}
