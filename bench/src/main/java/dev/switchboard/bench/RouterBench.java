package dev.switchboard.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.modes.ModeRegistry;
import dev.switchboard.coordinator.routing.Route;
import dev.switchboard.coordinator.routing.RouteExplanation;
import dev.switchboard.coordinator.routing.Router;
import dev.switchboard.coordinator.routing.Routers;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.OperationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Routing through a generated decision tree ({@link RouterTree}) of about 1,000 rules: {@code route}
 * over a random mix of requests reaching every branch kind, {@code routeLastBranch} to the deepest
 * parameter-tested branch of a family (the slowest path), {@code explain} for comparison.
 * Target: ≤ 5 µs per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouterBench {

    @Param({"1000"})
    public int rules;

    private Router router;
    private OperationRequest[] requests;
    private OperationRequest last;
    private int next;

    /** Builds the tree and 4,096 requests, each checked to route where it should. */
    @Setup
    public void setup() {
        RouterTree tree = RouterTree.generate(rules);
        router = Routers.compile(ModeRegistry.parse("bench/router.toml", tree.toml()), tree.operations());
        Random random = new Random(42);
        List<OperationRequest> out = new ArrayList<>();
        int families = tree.operations().size() / RouterTree.PER_FAMILY;
        for (int i = 0; i < 4096; i++) {
            out.add(request(random.nextInt(families), random.nextInt(RouterTree.PER_FAMILY)));
        }
        requests = out.toArray(OperationRequest[]::new);
        int lastParamRule = RouterTree.PER_FAMILY - 1;
        while (lastParamRule % 3 != 2) {
            lastParamRule--;
        }
        last = request(families - 1, lastParamRule);
        for (OperationRequest r : out) {
            Route route = router.route(r);
            if (!route.specialist().equals("s" + r.operation().substring(1, r.operation().indexOf('.')))) {
                throw new IllegalStateException("bench request misrouted: " + r.operation() + " → " + route);
            }
        }
    }

    /** A request that matches branch {@code rule} of family {@code family}. */
    private static OperationRequest request(int family, int rule) {
        OperationRequest.Builder b = OperationRequest.builder("f" + family + ".op" + rule);
        if (rule % 3 == 1) {
            b.caller(Caller.of("bench", "admin"));
        } else if (rule % 3 == 2) {
            ObjectNode params = JsonNodeFactory.instance.objectNode();
            params.putObject("tier").put("name", "t" + rule);
            b.params(params);
        }
        return b.build();
    }

    /** One routing decision, cycling through the requests. */
    @Benchmark
    public Route route() {
        OperationRequest r = requests[next];
        next = (next + 1) & (requests.length - 1);
        return router.route(r);
    }

    /** The slowest route of the tree: the last parameter-tested branch of the last family. */
    @Benchmark
    public Route routeLastBranch() {
        return router.route(last);
    }

    /** The same decision with every test recorded. */
    @Benchmark
    public RouteExplanation explain() {
        OperationRequest r = requests[next];
        next = (next + 1) & (requests.length - 1);
        return router.explain(r);
    }
}
