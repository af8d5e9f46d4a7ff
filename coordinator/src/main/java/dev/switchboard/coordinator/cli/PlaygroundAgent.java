package dev.switchboard.coordinator.cli;

import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.testkit.livekit.LiveKitNetwork;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Puts a voice agent in the playground room when {@code serve} runs its own LiveKit server: the
 * media specialist's echo agent (no API keys; greets with espeak-ng, repeats each utterance), through
 * {@code media.agent.start}. Skipped, with the reason printed, when the media specialist is not
 * loaded, when {@code SWITCHBOARD_PLAYGROUND_AGENT_START=none}, or on the loopback dev network
 * (no WebRTC media there). A failure is printed and does not stop {@code serve}. Stateless.
 */
final class PlaygroundAgent {

    private PlaygroundAgent() {
    }

    static void start(Switchboard switchboard, Map<String, String> env, LiveKitNetwork network, PrintStream err) {
        String room = env.getOrDefault("SWITCHBOARD_PLAYGROUND_ROOM", "playground");
        String agent = env.getOrDefault("SWITCHBOARD_PLAYGROUND_AGENT_START", "echo");
        if (agent.equals("none")) {
            return;
        }
        if (network == LiveKitNetwork.LOOPBACK) {
            err.println("switchboard: no agent in room " + room + ": the loopback dev network carries no WebRTC "
                    + "media (unset SWITCHBOARD_DEV_NETWORK to use this machine's address)");
            return;
        }
        boolean media = switchboard.operations().stream()
                .anyMatch(o -> o.descriptor().name().equals("media.agent.start"));
        if (!media) {
            err.println("switchboard: no agent in room " + room + ": the media specialist is not loaded");
            return;
        }
        OperationResult r = switchboard.execute(OperationRequest.builder("media.agent.start")
                .params(Json.object().put("room", room).put("agent", agent))
                .caller(Caller.of("serve", "ops", "admin"))
                .deadline(Instant.now().plus(Duration.ofSeconds(30))).build());
        switch (r) {
            case OperationResult.Success s -> err.println("switchboard: the " + agent + " agent is in room " + room
                    + " (" + s.payload().path("identity").asText() + "); open the playground and talk");
            case OperationResult.Failure f -> err.println("switchboard: the " + agent + " agent could not join room "
                    + room + ": " + f.code() + ": " + f.message());
        }
    }
}
