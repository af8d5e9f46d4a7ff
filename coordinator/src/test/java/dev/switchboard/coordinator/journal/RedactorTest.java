package dev.switchboard.coordinator.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.Json;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorTest {

    static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWJ5dGVz";

    @Test
    void sensitiveKeysAreRedactedAtAnyDepthWhateverTheirSpelling() {
        var tree = Json.object("""
                {"room": "a", "secret": "1", "api-secret": "2", "API_KEY": "3", "accessToken": "4",
                 "password": {"nested": "5"}, "list": [{"token": "6"}, "keep"], "ttl": 60,
                 "config": {"clientSecret": "7", "authorization": "8", "name": "b"}}""");

        var out = Redactor.standard().redact(tree);

        assertThat(out.toString()).isEqualTo("{\"room\":\"a\",\"secret\":\"<redacted>\",\"api-secret\":\"<redacted>\","
                + "\"API_KEY\":\"<redacted>\",\"accessToken\":\"<redacted>\",\"password\":\"<redacted>\","
                + "\"list\":[{\"token\":\"<redacted>\"},\"keep\"],\"ttl\":60,\"config\":{\"clientSecret\":"
                + "\"<redacted>\",\"authorization\":\"<redacted>\",\"name\":\"b\"}}");
        assertThat(tree.get("secret").asText()).as("the input is not modified").isEqualTo("1");
    }

    @Test
    void valuesThatLookLikeJwtsAreRedactedUnderAnyKey() {
        var out = Redactor.standard().redact(Json.object(
                "{\"header\":\"Bearer " + JWT + "\",\"list\":[\"" + JWT + "\",\"plain.dotted.text\"]}"));

        assertThat(out.toString()).isEqualTo(
                "{\"header\":\"<redacted>\",\"list\":[\"<redacted>\",\"plain.dotted.text\"]}");
    }

    @Test
    void extraFragmentsAndNoRedaction() {
        var tree = Json.object("{\"sip-pin\":\"1234\",\"secret\":\"x\"}");
        assertThat(Redactor.standardPlus(Set.of("PIN")).redact(tree).toString())
                .isEqualTo("{\"sip-pin\":\"<redacted>\",\"secret\":\"<redacted>\"}");
        assertThat(Redactor.none().redact(tree)).isEqualTo(tree);
    }
}
