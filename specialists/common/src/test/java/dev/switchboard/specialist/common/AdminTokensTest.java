package dev.switchboard.specialist.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.ManualTime;
import io.livekit.server.RoomAdmin;
import io.livekit.server.RoomCreate;
import io.livekit.server.RoomName;
import io.livekit.server.VideoGrant;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Signed tokens are reused per grant set and signed again shortly before they expire (fake clock). */
class AdminTokensTest {

    private final ManualTime time = ManualTime.fixed();
    private final AtomicInteger signed = new AtomicInteger();
    private final AdminTokens tokens = new AdminTokens(g -> "jwt-" + signed.incrementAndGet() + "-" + g.size(), time);

    @Test
    void theSameGrantsReuseOneSignatureUntilAMinuteBeforeExpiry() {
        String first = tokens.header(List.of(new RoomCreate(true)));
        assertThat(first).isEqualTo("Bearer jwt-1-1");

        time.advance(Duration.ofMinutes(8).plusSeconds(59));
        assertThat(tokens.header(List.of(new RoomCreate(true)))).isEqualTo(first);
        assertThat(signed).hasValue(1);

        time.advance(Duration.ofSeconds(1));
        String renewed = tokens.header(List.of(new RoomCreate(true)));
        assertThat(renewed).isEqualTo("Bearer jwt-2-1");
        time.advance(Duration.ofMinutes(8));
        assertThat(tokens.header(List.of(new RoomCreate(true)))).isEqualTo(renewed);
        assertThat(signed).hasValue(2);
    }

    @Test
    void differentGrantsGetTheirOwnTokens() {
        String create = tokens.header(List.of(new RoomCreate(true)));
        String adminA = tokens.header(admin("a"));
        String adminB = tokens.header(admin("b"));
        String createOff = tokens.header(List.of(new RoomCreate(false)));

        assertThat(List.of(create, adminA, adminB, createOff)).doesNotHaveDuplicates();
        assertThat(tokens.header(admin("a"))).isEqualTo(adminA);
        assertThat(signed).hasValue(4);
    }

    @Test
    void aWallClockJumpAloneAlsoRenews() {
        JumpingWall wall = new JumpingWall(time);
        AdminTokens jumpy = new AdminTokens(g -> "jwt-" + signed.incrementAndGet(), wall);
        String first = jumpy.header(List.of(new RoomCreate(true)));
        wall.jump(Duration.ofMinutes(9));
        assertThat(jumpy.header(List.of(new RoomCreate(true)))).isNotEqualTo(first);
    }

    @Test
    void beyondTheLimitExpiredSetsGoFirstThenEverything() {
        for (int i = 0; i < AdminTokens.LIMIT; i++) {
            tokens.header(admin("r" + i));
        }
        String kept = tokens.header(admin("r0"));
        assertThat(signed).hasValue(AdminTokens.LIMIT);

        tokens.header(admin("one-more"));
        assertThat(tokens.header(admin("r0"))).as("nothing had expired: all were dropped").isNotEqualTo(kept);
        assertThat(tokens.toString()).doesNotContain("jwt").contains("grant sets");
    }

    private static List<VideoGrant> admin(String room) {
        return List.of(new RoomAdmin(true), new RoomName(room));
    }

    /** A clock whose wall time jumps while its monotonic time stands (a suspended machine). */
    private static final class JumpingWall implements dev.switchboard.spi.TimeSource {
        private final ManualTime base;
        private Duration jumped = Duration.ZERO;

        JumpingWall(ManualTime base) {
            this.base = base;
        }

        void jump(Duration by) {
            jumped = jumped.plus(by);
        }

        @Override
        public java.time.Instant now() {
            return base.now().plus(jumped);
        }

        @Override
        public long nanos() {
            return base.nanos();
        }
    }
}
