package dev.switchboard.coordinator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @ParameterizedTest
    @CsvSource({"room.*,room.create,true", "room.*,rooms.create,false", "room.create,room.create,true",
        "room.create,room.created,false", "*.create,room.create,true", "*.create,room.delete,false",
        "*,anything.at.all,true", "room.?reate,room.create,true", "room.*.v2,room.create.v2,true",
        "room.*.v2,room.create.v3,false", "a+b.*,a+b.c,true", "a+b.*,aab.c,false"})
    void matches(String glob, String name, boolean expected) {
        assertThat(Glob.of(glob).matches(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"room.*,room.create,true", "room.*,room.*.v2,true", "room.*,room*,false", "*,x,true",
        "*.create,room.create,true", "room.create,room.*,false", "room.?,room.?,true", "room.?,room.a,false"})
    void covers(String earlier, String later, boolean expected) {
        assertThat(Glob.of(earlier).covers(Glob.of(later))).isEqualTo(expected);
    }
}
