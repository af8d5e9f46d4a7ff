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
 * Puts a voice agent in the playground room when {@code serve} runs its own LiveKit server, through
 * {@code media.agent.start}: {@code SWITCHBOARD_PLAYGROUND_AGENT_START} names it; unset, it is the
 * {@code assistant} (STT, LLM and TTS from the provider keys) when {@code OPENAI_API_KEY} or
 * {@code OPENAI_BASE_URL} is set, else the {@code echo} agent (no keys; greets with espeak-ng, repeats
 * each utterance). It prints which agent and why (variable names only, never a value); when the
 * assistant it picked cannot start, it prints the reason and starts echo instead. Skipped, with the
 * reason printed, when the media specialist is not loaded, when the variable is {@code none}, or on the
 * loopback dev network (no WebRTC media there). A failure is printed and does not stop {@code serve}.
 * Stateless.
 */
final class PlaygroundAgent {

    private PlaygroundAgent() {
    }

    /** The agent to start and why, from the environment. */
    record Choice(String agent, String reason, boolean automatic) {
        static Choice of(Map<String, String> env) {
            String named = env.getOrDefault("SWITCHBOARD_PLAYGROUND_AGENT_START", "");
            if (!named.isBlank()) {
                return new Choice(named, "SWITCHBOARD_PLAYGROUND_AGENT_START names it", false);
            }
            for (String key : new String[] {"OPENAI_API_KEY", "OPENAI_BASE_URL"}) {
                if (!env.getOrDefault(key, "").isBlank()) {
                    return new Choice("assistant", key + " is set", true);
                }
            }
            return new Choice("echo", "no OPENAI_API_KEY or OPENAI_BASE_URL is set; set one for the assistant", true);
        }
    }

    static void start(Switchboard switchboard, Map<String, String> env, LiveKitNetwork network, PrintStream err) {
        String room = env.getOrDefault("SWITCHBOARD_PLAYGROUND_ROOM", "playground");
        Choice choice = Choice.of(env);
        if (choice.agent().equals("none")) {
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
        err.println("switchboard: starting the " + choice.agent() + " agent (" + choice.reason() + ")");
        if (!start(switchboard, room, choice.agent(), err) && choice.automatic() && !choice.agent().equals("echo")) {
            err.println("switchboard: starting the echo agent instead");
            start(switchboard, room, "echo", err);
        }
    }

    private static boolean start(Switchboard switchboard, String room, String agent, PrintStream err) {
        OperationResult r = switchboard.execute(OperationRequest.builder("media.agent.start")
                .params(Json.object().put("room", room).put("agent", agent))
                .caller(Caller.of("serve", "ops", "admin"))
                .deadline(Instant.now().plus(Duration.ofSeconds(30))).build());
        return switch (r) {
            case OperationResult.Success s -> {
                err.println("switchboard: the " + agent + " agent is in room " + room + " ("
                        + s.payload().path("identity").asText() + ", " + s.payload().path("providers").asText("")
                        + "); open the playground and talk");
                yield true;
            }
            case OperationResult.Failure f -> {
                err.println("switchboard: the " + agent + " agent could not join room " + room + ": " + f.code()
                        + ": " + f.message());
                yield false;
            }
        };
    }
}
