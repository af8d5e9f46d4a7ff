package dev.switchboard.media.voice.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcRooms;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.agent.ChatContextMode;
import dev.switchboard.media.voice.spi.ChatMessage;
import dev.switchboard.media.voice.spi.ChatRequest;
import dev.switchboard.media.voice.tools.FunctionTool;
import dev.switchboard.media.voice.tools.Param;
import dev.switchboard.testkit.MachineStalls;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * STT → LLM (tools, handoff) → TTS conversations in a real room, with scripted providers on our own
 * SPI standing in for the cloud: a tool call answered in speech, a handoff to an agent with its own
 * voice and a reset context, barge-in, a false interruption that resumes, and every provider failing.
 */
class ConversationTest {

    @RegisterExtension
    static final RtcRooms ROOMS = RtcRooms.namespace();

    /**
     * Above this much machine stall during a barge-in test its audio-level windows are not judged (the
     * test is reported skipped with the stall figures; everything else in it is still asserted).
     */
    private static final long STALL_BOUND_MILLIS = 500;

    /** The tools of the weather agent. */
    public static final class WeatherTools {
        /** The weather. */
        @FunctionTool("Current weather for a city")
        public String getWeather(@Param("The city") String city) {
            return "sunny and 21 degrees in " + city;
        }
    }

    private static ChatMessage last(ChatRequest r) {
        return r.messages().getLast();
    }

    @Test
    void toolCallIsAnsweredInSpeechWithTranscriptsAndMetrics() throws Exception {
        ScriptedLlm llm = new ScriptedLlm("llm", 40, r -> last(r) instanceof ChatMessage.ToolResult t
                ? List.of(new ScriptedLlm.Text("It is " + t.content() + ". "),
                        new ScriptedLlm.Text("Enjoy your day."))
                : List.of(new ScriptedLlm.Call("getWeather", "{\"city\":\"Paris\"}")));
        ToneTts tts = new ToneTts(100, 30);
        Agent agent = Agent.builder("weather").instructions("You tell the weather.").toolsOf(new WeatherTools())
                .build();
        SessionOptions options = SessionOptions.builder(new EnergyVad(400)).stt(new ScriptedStt(80,
                "what is the weather in Paris")).llm(llm).tts(tts).build();
        List<TurnMetrics> turns = new CopyOnWriteArrayList<>();
        try (RoomSession agentRoom = ROOMS.agent("agent", "weather");
             TestUser user = TestUser.join(ROOMS, "weather");
             AgentSession session = AgentSession.start(agentRoom, agent, options)) {
            session.addListener(new SessionListener() {
                @Override
                public void onTurnMetrics(TurnMetrics metrics) {
                    turns.add(metrics);
                }
            });
            Thread.sleep(500);
            user.say(Utterances.speak("What is the weather in Paris?"));
            user.waitSpoken();
            long stopped = System.nanoTime();
            TestUser.waitFor(() -> !user.finals("SG_agent_").isEmpty(), 20_000);

            SessionReport report = session.report();
            assertThat(report.toolCalls()).singleElement().satisfies(c -> {
                assertThat(c.name()).isEqualTo("getWeather");
                assertThat(c.arguments()).contains("Paris");
                assertThat(c.result()).isEqualTo("sunny and 21 degrees in Paris");
                assertThat(c.error()).isFalse();
            });
            assertThat(llm.requests).hasSize(2);
            assertThat(llm.requests.getFirst().tools()).extracting(t -> t.name()).containsExactly("getWeather");
            assertThat(llm.requests.getFirst().tools().getFirst().parameters().toString())
                    .contains("\"city\"", "\"string\"", "The city");
            assertThat(user.finals("SG_user_")).contains("what is the weather in Paris");
            assertThat(user.finals("SG_agent_"))
                    .containsExactly("It is sunny and 21 degrees in Paris. Enjoy your day.");
            assertThat(user.hearAgent(stopped, 1000, Duration.ofSeconds(10))).as("the answer is heard").isPresent();
            assertThat(session.history()).extracting(m -> m.getClass().getSimpleName())
                    .containsExactly("User", "Assistant", "ToolResult", "Assistant");
            TurnMetrics m = turns.getFirst();
            System.out.println("tool turn: " + m);
            assertThat(m.llmTtft().toMillis()).isGreaterThanOrEqualTo(40);
            assertThat(m.ttsTtfb().toMillis()).isGreaterThanOrEqualTo(30);
            assertThat(m.sttFinal().toMillis()).isGreaterThanOrEqualTo(80);
            assertThat(m.endToEnd()).isGreaterThan(m.endOfUtterance());
        }
    }

    @Test
    void handoffSwitchesAgentVoiceAndContext() throws Exception {
        AtomicReference<Agent> billing = new AtomicReference<>();
        ScriptedLlm llm = new ScriptedLlm("llm", 20, r -> r.tools().stream().anyMatch(
                t -> t.name().equals("transfer_to_billing")) && last(r) instanceof ChatMessage.User
                ? List.of(new ScriptedLlm.Call("transfer_to_billing", "{}"))
                : List.of(new ScriptedLlm.Text("Okay.")));
        billing.set(Agent.builder("billing").instructions("You handle bills.").greeting("Billing here.")
                .voice("high").chatContext(ChatContextMode.RESET).build());
        Agent reception = Agent.builder("reception").instructions("Route callers.")
                .handoff("billing", "Transfer billing questions.", billing::get).build();
        ToneTts tts = new ToneTts(100, 10);
        SessionOptions options = SessionOptions.builder(new EnergyVad(400)).stt(new ScriptedStt(30,
                "I have a question about my bill")).llm(llm).tts(tts).build();
        List<String> handoffs = new CopyOnWriteArrayList<>();
        try (RoomSession agentRoom = ROOMS.agent("agent", "handoff");
             TestUser user = TestUser.join(ROOMS, "handoff");
             AgentSession session = AgentSession.start(agentRoom, reception, options)) {
            session.addListener(new SessionListener() {
                @Override
                public void onHandoff(String from, String to) {
                    handoffs.add(from + "->" + to);
                }
            });
            Thread.sleep(500);
            user.say(Utterances.speak("I have a question about my bill"));
            user.waitSpoken();
            TestUser.waitFor(() -> user.finals("SG_agent_").contains("Billing here."), 20_000);
            assertThat(handoffs).containsExactly("reception->billing");
            assertThat(session.agent().name()).isEqualTo("billing");
            assertThat(user.finals("SG_agent_")).contains("Billing here.");
            assertThat(tts.voices).as("the billing agent speaks with its own voice").contains("high");
            assertThat(session.history()).as("reset context: only the user's last message, then the greeting")
                    .extracting(m -> m.getClass().getSimpleName()).containsExactly("User", "Assistant");
            assertThat(session.report().handoffs()).extracting(SessionReport.HandoffRecord::to)
                    .containsExactly("billing");
            assertThat(session.report().toolCalls()).extracting(SessionReport.ToolCallRecord::result)
                    .containsExactly("transferred to billing");
        }
    }

    @Test
    void webhookToolFromTomlIsSignedAndUnknownToolErrorsReachTheModel() throws Exception {
        var received = new CopyOnWriteArrayList<String>();
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/order", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String sig = exchange.getRequestHeaders().getFirst("X-Switchboard-Signature");
            long t = Long.parseLong(sig.substring(2, sig.indexOf(',')));
            boolean valid = sig.equals(dev.switchboard.media.voice.tools.WebhookTool.signature(
                    dev.switchboard.spi.Secret.of("k", "hook-secret"), t, body));
            received.add(new String(body, java.nio.charset.StandardCharsets.UTF_8) + " valid=" + valid);
            byte[] answer = (valid ? "order 42 ships tomorrow" : "bad signature").getBytes();
            exchange.sendResponseHeaders(valid ? 200 : 401, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        String toml = """
                [agents.shop]
                instructions = "You answer order questions."
                tools = ["lookup_order"]
                [tools.lookup_order]
                description = "Look up an order"
                url = "http://127.0.0.1:%d/order"
                secret = "${HOOK_SECRET}"
                [tools.lookup_order.parameters.order_id]
                type = "string"
                """.formatted(server.getAddress().getPort());
        dev.switchboard.spi.Secrets secrets = new dev.switchboard.spi.Secrets() {
            @Override
            public dev.switchboard.spi.Secret resolve(String reference) {
                return dev.switchboard.spi.Secret.of(reference, "hook-secret");
            }

            @Override
            public java.util.Optional<dev.switchboard.spi.Secret> find(String reference) {
                return java.util.Optional.of(resolve(reference));
            }
        };
        Agent shop = dev.switchboard.media.voice.agent.AgentDefinitions.parse(toml, "shop.toml",
                dev.switchboard.media.voice.agent.ProviderLookup.none(), secrets).start();
        ScriptedLlm llm = new ScriptedLlm("llm", 10, r -> last(r) instanceof ChatMessage.ToolResult
                ? List.of(new ScriptedLlm.Text("Your order ships tomorrow."))
                : List.of(new ScriptedLlm.Call("lookup_order", "{\"order_id\":\"42\"}"),
                        new ScriptedLlm.Call("no_such_tool", "{}")));
        SessionOptions options = SessionOptions.builder(new EnergyVad(400)).stt(new ScriptedStt(30,
                "where is my order")).llm(llm).tts(new ToneTts(100, 10)).build();
        try (RoomSession agentRoom = ROOMS.agent("agent", "hook");
             TestUser user = TestUser.join(ROOMS, "hook");
             AgentSession session = AgentSession.start(agentRoom, shop, options)) {
            Thread.sleep(500);
            user.say(Utterances.speak("Where is my order?"));
            user.waitSpoken();
            TestUser.waitFor(() -> !user.finals("SG_agent_").isEmpty(), 15_000);
            assertThat(received).singleElement().asString().contains("\"tool\":\"lookup_order\"",
                    "\"order_id\":\"42\"", "\"room\":\"hook\"", "valid=true");
            assertThat(session.report().toolCalls()).extracting(SessionReport.ToolCallRecord::result)
                    .containsExactly("order 42 ships tomorrow", "error: no tool named 'no_such_tool'");
            assertThat(llm.requests.get(1).messages()).filteredOn(m -> m instanceof ChatMessage.ToolResult)
                    .hasSize(2);
            assertThat(user.finals("SG_agent_")).containsExactly("Your order ships tomorrow.");
        } finally {
            server.stop(0);
        }
    }

    private static String longReply() {
        return "Once upon a time there was a little robot who lived in a quiet town and every morning it walked"
                + " to the market to buy fresh bread for all of its friends in the neighbourhood.";
    }

    @Test
    void bargeInStopsTheAgentAndHistoryKeepsOnlyTheHeardWords() throws Exception {
        ScriptedLlm llm = new ScriptedLlm("llm", 20, r -> ((ChatMessage.User) last(r)).text().contains("story")
                ? List.of(new ScriptedLlm.Text(longReply())) : List.of(new ScriptedLlm.Text("Sure, I stopped.")));
        SessionOptions options = SessionOptions.builder(new EnergyVad(400)).stt(new ScriptedStt(30,
                "tell me a story", "stop please wait")).llm(llm).tts(new ToneTts(150, 10)).build();
        List<String> interrupted = new CopyOnWriteArrayList<>();
        StateTimes times = new StateTimes();
        Levels userAtAgent = new Levels("user");
        try (RoomSession agentRoom = ROOMS.agent("agent", "barge");
             TestUser user = TestUser.join(ROOMS, "barge");
             AgentSession session = AgentSession.start(agentRoom, Agent.builder("teller").build(), options)) {
            agentRoom.addListener(userAtAgent);
            session.addListener(times);
            session.addListener(new SessionListener() {
                @Override
                public void onInterrupted(String heard) {
                    interrupted.add(heard);
                }
            });
            Thread.sleep(500);
            Lag lag = Lag.tellStory(user, times, MachineStalls.now());
            Lag.sleepUntil(lag.heard() + 1_500_000_000L);
            long bargeIn = System.nanoTime();
            user.say(Utterances.speak("Stop, please wait"));
            user.waitSpoken();
            TestUser.waitFor(() -> !interrupted.isEmpty(), 10_000);
            long agentHeard = userAtAgent.firstAbove(bargeIn, 400).orElseThrow();
            long paused = times.entered(AgentState.LISTENING, bargeIn).orElseThrow();
            Lag.sleepUntil(paused + lag.nanos() + 800_000_000L);
            double before = user.agentLevel(bargeIn - 800_000_000L, bargeIn - 100_000_000L);
            double during = user.agentLevel(paused + lag.nanos() + 250_000_000L, paused + lag.nanos() + 750_000_000L);
            System.out.printf("barge-in: agent paused %d ms after it heard the user (%d ms after the user started);"
                    + " agent level at the user before %.0f, 0.25-0.75 s after the pause reached the user %.0f;"
                    + " heard '%s'; %s%n", (paused - agentHeard) / 1_000_000, (paused - bargeIn) / 1_000_000, before,
                    during, interrupted, lag);
            String heard = interrupted.getFirst();
            assertThat(heard).isNotEmpty();
            assertThat(longReply()).startsWith(heard);
            assertThat(heard.length()).isLessThan(longReply().length() - 20);
            assertThat(session.history()).contains(new ChatMessage.Assistant(heard, List.of()));
            assertThat(session.report().transcript()).anyMatch(e -> e.interrupted() && e.text().equals(heard));
            TestUser.waitFor(() -> user.finals("SG_agent_").contains("Sure, I stopped."), 10_000);
            assertThat(user.finals("SG_agent_")).contains("Sure, I stopped.");
            MachineStalls.assumeSteadySince(lag.stalls(), STALL_BOUND_MILLIS);
            assertThat(before).as("the agent was speaking").isGreaterThan(1000);
            assertThat((paused - agentHeard) / 1_000_000).as("ms from the user's first loud frame at the agent to"
                    + " the pause (VAD onset; transport excluded)").isLessThan(400);
            assertThat(during).as("the agent paused when the user spoke").isLessThan(300);
        }
    }

    @Test
    void falseInterruptionResumesWhereItPaused() throws Exception {
        ScriptedLlm llm = new ScriptedLlm("llm", 20, r -> List.of(new ScriptedLlm.Text(longReply())));
        SessionOptions options = SessionOptions.builder(new EnergyVad(400)).stt(new ScriptedStt(30,
                "tell me a story")).llm(llm).tts(new ToneTts(150, 10)).build();
        List<Boolean> falseOnes = new CopyOnWriteArrayList<>();
        StateTimes times = new StateTimes();
        try (RoomSession agentRoom = ROOMS.agent("agent", "cough");
             TestUser user = TestUser.join(ROOMS, "cough");
             AgentSession session = AgentSession.start(agentRoom, Agent.builder("teller").build(), options)) {
            session.addListener(times);
            session.addListener(new SessionListener() {
                @Override
                public void onFalseInterruption(boolean resumed) {
                    falseOnes.add(resumed);
                }
            });
            Thread.sleep(500);
            Lag lag = Lag.tellStory(user, times, MachineStalls.now());
            Lag.sleepUntil(lag.heard() + 1_000_000_000L);
            long cough = System.nanoTime();
            user.say(Utterances.burst(150));
            user.waitSpoken();
            TestUser.waitFor(() -> !falseOnes.isEmpty(), 10_000);
            long paused = times.entered(AgentState.LISTENING, cough).orElseThrow();
            long resumed = times.entered(AgentState.SPEAKING, paused).orElseThrow();
            TestUser.waitFor(() -> !user.finals("SG_agent_").isEmpty(), 20_000);
            double during = user.agentLevel(paused + lag.nanos() + 250_000_000L, resumed + lag.nanos());
            long resumedAtUser = resumed + lag.nanos();
            double after = user.agentLevel(resumedAtUser + 300_000_000L, resumedAtUser + 1_000_000_000L);
            System.out.printf("false interruption: paused %d ms after the cough started, for %d ms; level at the user"
                    + " while paused %.0f, after resume %.0f; %s%n", (paused - cough) / 1_000_000,
                    (resumed - paused) / 1_000_000, during, after, lag);
            assertThat(falseOnes).containsExactly(true);
            assertThat(resumed - paused).as("paused until the false-interruption timeout")
                    .isGreaterThan(500_000_000L);
            assertThat(user.finals("SG_agent_")).as("the whole reply was heard in the end")
                    .containsExactly(longReply());
            assertThat(session.report().transcript()).noneMatch(SessionReport.Entry::interrupted);
            MachineStalls.assumeSteadySince(lag.stalls(), STALL_BOUND_MILLIS);
            assertThat(during).as("paused at once").isLessThan(300);
            assertThat(after).as("resumed").isGreaterThan(1000);
        }
    }

    @Test
    void whenEveryProviderFailsTheAgentSaysTheFallbackLine() throws Exception {
        var llm = dev.switchboard.media.voice.provider.FallbackLanguageModel.of("primary>backup", List.of(
                new ScriptedLlm("primary", 10, r -> List.of(new ScriptedLlm.Fail("HTTP 503 from upstream"))),
                new ScriptedLlm("backup", 10, r -> List.of(new ScriptedLlm.Fail("HTTP 500: down")))),
                dev.switchboard.media.voice.provider.FallbackOptions.defaults(),
                dev.switchboard.spi.TimeSource.system());
        var meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        SessionOptions options = SessionOptions.builder(new EnergyVad(400)).stt(new ScriptedStt(30, "hello there"))
                .llm(llm).tts(new ToneTts(100, 10)).fallbackLine("Sorry, one moment please.").meters(meters).build();
        try (RoomSession agentRoom = ROOMS.agent("agent", "fail");
             TestUser user = TestUser.join(ROOMS, "fail");
             AgentSession session = AgentSession.start(agentRoom, Agent.builder("a").build(), options)) {
            Thread.sleep(500);
            user.say(Utterances.speak("Hello there"));
            user.waitSpoken();
            long stopped = System.nanoTime();
            TestUser.waitFor(() -> !user.finals("SG_agent_").isEmpty(), 15_000);
            assertThat(user.finals("SG_agent_")).containsExactly("Sorry, one moment please.");
            assertThat(user.hearAgent(stopped, 1000, Duration.ofSeconds(10))).as("never dead air").isPresent();
            assertThat(session.history().getLast()).isEqualTo(new ChatMessage.Assistant("Sorry, one moment please.",
                    List.of()));
            assertThat(session.report().providerFailures()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo("llm");
                assertThat(f.chain()).isEqualTo("primary>backup");
                assertThat(f.reason()).contains("primary: HTTP 503 from upstream", "backup: HTTP 500: down");
            });
            assertThat(meters.counter("voice.provider.exhausted", "kind", "llm").count()).isEqualTo(1);
            assertThat(meters.counter("voice.fallback_line", "kind", "llm").count()).isEqualTo(1);
        }
    }
}
