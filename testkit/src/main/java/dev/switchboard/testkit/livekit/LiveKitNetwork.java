package dev.switchboard.testkit.livekit;

/** Where a {@link LiveKitServer} listens. */
public enum LiveKitNetwork {
    /**
     * On 127.0.0.1 with free ports picked per run. Enough for the control plane (Twirp APIs,
     * webhooks, token validation); not for WebRTC media, because libwebrtc ignores loopback.
     */
    LOOPBACK,
    /**
     * In a fresh network namespace joined to the host by a veth pair on a unique 10.x.y.0/30 subnet
     * (host side .1, server side .2), started with {@code --node-ip} set to the server side. Needed for
     * WebRTC tests; requires root ({@code ip netns}).
     */
    NAMESPACE,
    /**
     * On this machine's first non-loopback IPv4 address (the API also on 127.0.0.1), started with
     * {@code --node-ip} set to it, like {@code livekit-server --dev}: WebRTC clients on this machine
     * (browsers, the Java participant) and on the LAN can reach it. For {@code switchboard serve};
     * tests use {@link #NAMESPACE} so their traffic stays on addresses they created.
     */
    HOST
}
