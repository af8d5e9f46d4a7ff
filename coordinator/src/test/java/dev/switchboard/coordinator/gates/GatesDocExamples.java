package dev.switchboard.coordinator.gates;

/** The example of docs/gates.md, kept here so tests prove it loads and validates. */
final class GatesDocExamples {

    /** One gate of every built-in type (copied verbatim into docs/gates.md). */
    static final String ALL = """
            [[gates]]
            name = "tenants"
            type = "allow-deny"
            applies-to = ["*"]
            subject = "tag"
            tag = "tenant"
            allow = ["acme", "globex"]

            [[gates]]
            name = "no-interns"
            type = "allow-deny"
            applies-to = ["room.delete", "egress.*"]
            subject = "principal"
            deny = ["intern-*"]

            [[gates]]
            name = "admins-only"
            type = "roles"
            applies-to = ["room.delete"]
            roles = ["admin", "ops"]
            match = "any"

            [[gates]]
            name = "room-names"
            type = "naming"
            applies-to = ["room.*"]
            path = "name"
            pattern = "^[a-z0-9-]{3,64}$"
            rule = "3-64 lower-case letters, digits or dashes"

            [[gates]]
            name = "region-schema"
            type = "json-schema"
            applies-to = ["room.create"]
            schema = { type = "object", properties = { region = { enum = ["eu", "us"] } } }

            [[gates]]
            name = "per-caller"
            type = "rate-limit"
            applies-to = ["*"]
            limit = 20
            period = "1s"
            key = "caller"

            [[gates]]
            name = "rooms-per-day"
            type = "quota"
            applies-to = ["room.create"]
            limit = 500
            window = "1d"
            key = "param"
            path = "tenant"

            [[gates]]
            name = "confirm-kicks"
            type = "confirmation"
            applies-to = ["room.participant.remove"]

            [[gates]]
            name = "post-verify"
            type = "post-verify"
            applies-to = ["*"]
            """;

    private GatesDocExamples() {
    }
}
