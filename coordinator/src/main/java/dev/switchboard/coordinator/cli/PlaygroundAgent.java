package dev.switchboard.coordinator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Optional;

/**
 * Keeps a voice agent in the playground room while {@code serve} runs its own LiveKit server, through
 * {@code media.agent.start}: {@code SWITCHBOARD_PLAYGROUND_AGENT_START} names it; unset, it is the
 * {@code assistant} (STT, LLM and TTS from the provider keys) when {@code OPENAI_API_KEY} or
 * {@code OPENAI_BASE_URL} is set, else the {@code echo} agent (no keys; greets with espeak-ng, repeats
 * each utterance). It prints which agent and why (variable names only, never a value); when the
 * assistant it picked cannot start, it prints the reason and starts echo instead.
 *
 * <p>A session ends when the user it serves leaves (its state becomes {@code closed}), so every 2 s
 * the keeper reads the agent's {@code lk.agent.state} from LiveKit ({@link RoomAgentState}; not a
 * Switchboard operation, so nothing is journaled) and replaces an ended session
 * ({@code media.agent.stop}, then {@code media.agent.start}): the next visitor of the page, or the
 * same one after a reload, finds an agent listening. Skipped, with the reason printed, when the media
 * specialist is not loaded, when the variable is {@code none}, or on the loopback dev network (no
 * WebRTC media there). A failure is printed and does not stop {@code serve}. Thread-safe.
 */
final class PlaygroundAgent implements AutoCloseable {

    private static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    /** Joining takes a few seconds (WebRTC, the VAD model); a loaded machine needed over 30 s. */
    private static final Duration JOIN_DEADLINE = Duration.ofSeconds(90);
    private static final Caller SERVE = Caller.of("serve", "ops", "admin");

    /** The session the keeper runs, its agent and its participant identity. */
    private record Joined(String session, String agent, String identity) {
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

    private final Switchboard switchboard;
    private final String room;
    private final Choice choice;
    private final RoomAgentState states;
    private final PrintStream err;
    private volatile boolean closed;

    PlaygroundAgent(Switchboard switchboard, Map<String, String> env, PrintStream err) {
        this.switchboard = switchboard;
        this.room = env.getOrDefault("SWITCHBOARD_PLAYGROUND_ROOM", "playground");
        this.choice = Choice.of(env);
        this.states = new RoomAgentState(env.getOrDefault("LIVEKIT_URL", ""),
                env.getOrDefault("LIVEKIT_API_KEY", ""), env.getOrDefault("LIVEKIT_API_SECRET", ""));
        this.err = err;
    }

    /** Puts the agent in the room and keeps one there until {@link #close()}; does nothing when skipped. */
    void start(LiveKitNetwork network) {
        if (choice.agent().equals("none")) {
            return;
        }
        if (network == LiveKitNetwork.LOOPBACK) {
            err.println("switchboard: no agent in room " + room + ": the loopback dev network carries no "
                    + "WebRTC media (unset SWITCHBOARD_DEV_NETWORK to use this machine's address)");
            return;
        }
        boolean media = switchboard.operations().stream()
                .anyMatch(o -> o.descriptor().name().equals("media.agent.start"));
        if (!media) {
            err.println("switchboard: no agent in room " + room + ": the media specialist is not loaded");
            return;
        }
        err.println("switchboard: starting the " + choice.agent() + " agent (" + choice.reason() + ")");
        Optional<Joined> first = join(choice.agent(), "");
        if (first.isEmpty() && choice.automatic() && !choice.agent().equals("echo")) {
            err.println("switchboard: starting the echo agent instead");
            first = join("echo", "");
        }
        first.ifPresent(joined -> Thread.ofPlatform().daemon().name("playground-agent").start(() -> keep(joined)));
    }

    private Optional<Joined> join(String agent, String why) {
        OperationResult r = execute("media.agent.start", Json.object().put("room", room).put("agent", agent));
        return switch (r) {
            case OperationResult.Success s -> {
                String identity = s.payload().path("identity").asText();
                err.println("switchboard: the " + agent + " agent is in room " + room + " (" + identity + ", "
                        + s.payload().path("providers").asText("") + ")" + why + "; open the playground and talk");
                yield Optional.of(new Joined(s.payload().path("session_id").asText(), agent, identity));
            }
            case OperationResult.Failure f -> {
                err.println("switchboard: the " + agent + " agent could not join room " + room + ": " + f.code()
                        + ": " + f.message());
                yield Optional.empty();
            }
        };
    }

    private void keep(Joined first) {
        Joined current = first;
        while (!closed) {
            try {
                Thread.sleep(CHECK_EVERY);
            } catch (InterruptedException e) {
                return;
            }
            if (closed || !states.of(room, current.identity()).map("closed"::equals).orElse(false)) {
                continue;
            }
            execute("media.agent.stop", Json.object().put("session_id", current.session()));
            Optional<Joined> next = closed ? Optional.empty()
                    : join(current.agent(), " again: the last session ended when its user left");
            if (next.isEmpty()) {
                return;
            }
            current = next.get();
        }
    }

    private OperationResult execute(String operation, ObjectNode params) {
        return switchboard.execute(OperationRequest.builder(operation).params(params).caller(SERVE)
                .deadline(Instant.now().plus(JOIN_DEADLINE)).build());
    }

    /** Stops keeping the agent (serve is shutting down; closing the coordinator ends the session). */
    @Override
    public void close() {
        closed = true;
    }
}
