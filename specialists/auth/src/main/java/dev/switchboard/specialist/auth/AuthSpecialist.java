package dev.switchboard.specialist.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.specialist.common.InvalidParamException;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pf4j.Extension;

/**
 * LiveKit access tokens: {@code token.mint} from permission presets declared in
 * {@code [specialists.auth.presets]} (built-ins: viewer, speaker, moderator, agent, recorder),
 * {@code token.inspect} (the authentication-debugging tool: decode, verify, explain in plain words) and
 * {@code token.verify}. Several key pairs support rotation: the first signs, all verify. Secrets are
 * resolved by reference and never appear in results, errors or logs.
 *
 * <p>Thread-safe after {@link #start}: all state is immutable.
 */
@Extension
public final class AuthSpecialist implements Specialist {

    private volatile Map<String, Function<ObjectNode, OperationResult>> handlers;

    /** Created by PF4J or {@link java.util.ServiceLoader}. */
    public AuthSpecialist() {
    }

    @Override
    public String name() {
        return "auth";
    }

    @Override
    public List<OperationDescriptor> operations() {
        return AuthDescriptors.ALL;
    }

    /**
     * Reads {@code [specialists.auth]}.
     *
     * @throws dev.switchboard.spi.ConfigException at the key's path for a bad table or an unresolvable secret
     */
    @Override
    public synchronized void start(SpecialistContext context) {
        if (handlers != null) {
            return;
        }
        AuthSettings settings = AuthSettingsReader.read(context.config(), context.secrets());
        TokenMinter minter = new TokenMinter(settings, context.time());
        TokenOperations tokens = new TokenOperations(settings, context.time());
        handlers = Map.of(
                "token.mint", minter::mint,
                "token.inspect", tokens::inspect,
                "token.verify", tokens::verify);
        context.logger().log(System.Logger.Level.INFO, "auth: {0} key pair(s), signing with {1}; presets {2}",
                settings.keys().size(), settings.signing().key(), settings.presets().keySet().stream().sorted()
                        .toList());
    }

    @Override
    public OperationResult execute(SpecialistContext context, OperationRequest request) {
        Map<String, Function<ObjectNode, OperationResult>> h = handlers;
        if (h == null) {
            return OperationResult.failure(FailureCode.UNAVAILABLE, "the auth specialist is not started");
        }
        Function<ObjectNode, OperationResult> handler = h.get(request.operation());
        if (handler == null) {
            return OperationResult.failure(FailureCode.UNKNOWN_OPERATION,
                    "the auth specialist has no operation '" + request.operation() + "'");
        }
        if (request.deadline().filter(d -> !d.isAfter(context.time().now())).isPresent()) {
            return OperationResult.failure(FailureCode.DEADLINE_EXCEEDED, request.operation()
                    + " was not run: its deadline " + request.deadline().map(Object::toString).orElse("") + " passed");
        }
        try {
            return handler.apply(request.params());
        } catch (InvalidParamException e) {
            return e.toFailure();
        }
    }

    @Override
    public synchronized void stop() {
        handlers = null;
    }
}
