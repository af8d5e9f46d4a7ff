package dev.switchboard.specialist.data;

import dev.switchboard.testkit.livekit.LiveKitServer;
import io.livekit.server.RoomServiceClient;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Creates rooms with the LiveKit SDK's own client, independent of the code under test. */
final class RoomFixture {

    private RoomFixture() {
    }

    static void create(LiveKitServer livekit, String name) {
        try {
            var client = RoomServiceClient.createClient(livekit.httpUrl().toString(), livekit.apiKey(),
                    livekit.apiSecret().reveal());
            var response = client.createRoom(name).execute();
            if (!response.isSuccessful()) {
                throw new IllegalStateException("could not create room " + name + ": HTTP " + response.code());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
