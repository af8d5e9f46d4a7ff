package dev.switchboard.media.rtc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.RpcAck;
import livekit.LivekitModels.RpcError;
import livekit.LivekitModels.RpcRequest;
import livekit.LivekitModels.RpcResponse;

/**
 * LiveKit RPC v1 over reliable data packets: the caller sends {@code rpc_request} to one identity, the
 * callee acks at once and answers with {@code rpc_response}; the caller fails with 1501 when no ack comes
 * within 7 s and with 1502 after the response timeout. Thread-safe.
 */
final class RpcManager {

    static final int MAX_PAYLOAD = 15_360;
    private static final long ACK_TIMEOUT_MS = 7_000;
    private final Map<String, RpcHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final PacketSender sender;

    /** Sends a reliable packet to the given identities. */
    interface PacketSender {
        void send(DataPacket.Builder packet, String destination);
    }

    private record Pending(CompletableFuture<String> result, CompletableFuture<Void> acked) {
    }

    RpcManager(ScheduledExecutorService scheduler, PacketSender sender) {
        this.scheduler = scheduler;
        this.sender = sender;
    }

    void register(String method, RpcHandler handler) {
        handlers.put(method, handler);
    }

    void unregister(String method) {
        handlers.remove(method);
    }

    CompletableFuture<String> perform(String destination, String method, String payload, Duration timeout) {
        CompletableFuture<String> result = new CompletableFuture<>();
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
            result.completeExceptionally(new RpcException(RpcException.REQUEST_TOO_LARGE, "request too large", ""));
            return result;
        }
        String id = UUID.randomUUID().toString();
        Pending p = new Pending(result, new CompletableFuture<>());
        pending.put(id, p);
        result.whenComplete((ok, e) -> pending.remove(id));
        long responseMs = Math.max(timeout.toMillis(), 1);
        try {
            sender.send(DataPacket.newBuilder().setRpcRequest(RpcRequest.newBuilder().setId(id).setMethod(method)
                    .setPayload(payload).setResponseTimeoutMs((int) Math.max(responseMs, 8_000)).setVersion(1)),
                    destination);
        } catch (RtcException e) {
            result.completeExceptionally(new RpcException(RpcException.SEND_FAILED, e.getMessage(), ""));
            return result;
        }
        scheduler.schedule(() -> {
            if (!p.acked().isDone()) {
                result.completeExceptionally(new RpcException(RpcException.CONNECTION_TIMEOUT,
                        "no ack from " + destination + " within " + ACK_TIMEOUT_MS + " ms", ""));
            }
        }, ACK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        scheduler.schedule(() -> result.completeExceptionally(new RpcException(RpcException.RESPONSE_TIMEOUT,
                "no response from " + destination + " within " + responseMs + " ms", "")),
                responseMs, TimeUnit.MILLISECONDS);
        return result;
    }

    /** Handles an rpc_request/ack/response packet; returns false for any other packet. */
    boolean onPacket(DataPacket packet) {
        switch (packet.getValueCase()) {
            case RPC_ACK -> {
                Pending p = pending.get(packet.getRpcAck().getRequestId());
                if (p != null) {
                    p.acked().complete(null);
                }
            }
            case RPC_RESPONSE -> {
                RpcResponse r = packet.getRpcResponse();
                Pending p = pending.get(r.getRequestId());
                if (p != null) {
                    p.acked().complete(null);
                    if (r.getValueCase() == RpcResponse.ValueCase.ERROR) {
                        RpcError e = r.getError();
                        p.result().completeExceptionally(new RpcException(e.getCode(), e.getMessage(), e.getData()));
                    } else {
                        p.result().complete(r.getPayload());
                    }
                }
            }
            case RPC_REQUEST -> answer(packet.getParticipantIdentity(), packet.getRpcRequest());
            default -> {
                return false;
            }
        }
        return true;
    }

    private void answer(String caller, RpcRequest request) {
        sender.send(DataPacket.newBuilder().setRpcAck(RpcAck.newBuilder().setRequestId(request.getId())), caller);
        Thread.startVirtualThread(() -> {
            RpcResponse.Builder response = RpcResponse.newBuilder().setRequestId(request.getId());
            RpcHandler handler = handlers.get(request.getMethod());
            try {
                if (handler == null) {
                    throw new RpcException(RpcException.UNSUPPORTED_METHOD, "method not supported", "");
                }
                String out = handler.handle(caller, request.getPayload());
                if (out.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
                    throw new RpcException(RpcException.RESPONSE_TOO_LARGE, "response too large", "");
                }
                response.setPayload(out);
            } catch (RpcException e) {
                response.setError(RpcError.newBuilder().setCode(e.rpcCode()).setMessage(e.rpcMessage())
                        .setData(e.data()));
            } catch (RuntimeException e) {
                response.setError(RpcError.newBuilder().setCode(RpcException.APPLICATION_ERROR)
                        .setMessage("application error in method handler"));
            }
            try {
                sender.send(DataPacket.newBuilder().setRpcResponse(response), caller);
            } catch (RtcException e) {
                System.getLogger(RpcManager.class.getName()).log(System.Logger.Level.WARNING,
                        "could not send rpc response: " + e.getMessage());
            }
        });
    }

    void close() {
        pending.values().forEach(p -> p.result().completeExceptionally(
                new RpcException(1503, "session closed", "")));
    }
}
