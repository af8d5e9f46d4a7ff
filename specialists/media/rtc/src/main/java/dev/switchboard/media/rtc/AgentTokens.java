package dev.switchboard.media.rtc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Marks a LiveKit access token as an agent's. livekit-server makes a participant of kind
 * {@link ParticipantKind#AGENT} when its token carries the claim {@code "kind": "agent"} (LiveKit's agent
 * SDKs set it); that kind is what LiveKit's clients look for to find the agent (for example
 * {@code useVoiceAssistant} in LiveKit's React components). The server SDK's {@code AccessToken} (0.13) has
 * no setter for it, so this adds the claim to the token it signed and signs the result again the same way
 * (HS256 with the API secret). Thread-safe (stateless).
 */
public final class AgentTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    private AgentTokens() {
    }

    /**
     * {@code jwt} (an HS256 token signed with {@code apiSecret}) with the claim {@code "kind": "agent"}.
     *
     * @throws IllegalArgumentException if {@code jwt} is not a JWT (the message never holds the token)
     */
    public static String asAgent(String jwt, String apiSecret) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT: " + parts.length + " parts instead of 3");
        }
        try {
            ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            claims.put("kind", "agent");
            String signed = parts[0] + "." + ENCODE.encodeToString(JSON.writeValueAsBytes(claims));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signed + "." + ENCODE.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a JWT: its claims are not a JSON object");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
