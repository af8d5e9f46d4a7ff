package dev.switchboard.testkit.livekit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A short-lived HS256 token with only the {@code roomList} grant, used to ask a starting server a
 * question only it can answer (it alone knows this run's secret). Stateless, thread-safe.
 */
final class ProbeToken {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProbeToken() {
    }

    static String create(String key, Secret secret, Instant now) {
        ObjectNode claims = MAPPER.createObjectNode();
        claims.put("iss", key);
        claims.put("nbf", now.getEpochSecond() - 5);
        claims.put("exp", now.getEpochSecond() + 60);
        claims.putObject("video").put("roomList", true);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String unsigned = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return unsigned + "." + b64.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
