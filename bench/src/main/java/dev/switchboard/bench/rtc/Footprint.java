package dev.switchboard.bench.rtc;

import java.util.Locale;

/**
 * What N participants cost one process over a measurement window. Immutable.
 *
 * @param who "java" or "python"
 * @param participants how many participants the process ran
 * @param cores CPU used over the window (1.0 = one core)
 * @param rssMib resident memory at the end of the window
 * @param idleRssMib resident memory before any participant joined (engine or interpreter loaded)
 * @param audibleShare audible audio received per participant, as a fraction of real time (1.0 = all)
 */
record Footprint(String who, int participants, double cores, double rssMib, double idleRssMib,
                 double audibleShare) {

    double cpuPercentPerParticipant() {
        return 100 * cores / participants;
    }

    double rssPerParticipant() {
        return rssMib / participants;
    }

    double marginalRssPerParticipant() {
        return (rssMib - idleRssMib) / participants;
    }

    String line() {
        return String.format(Locale.ROOT, "%-6s N=%d: CPU %.2f%% of a core per participant (%.2f cores in all);"
                        + " RSS %.1f MiB per participant (%.0f MiB in all, %.1f MiB each over the idle %.0f MiB);"
                        + " audible audio received %.1f%% of real time",
                who, participants, cpuPercentPerParticipant(), cores, rssPerParticipant(), rssMib,
                marginalRssPerParticipant(), idleRssMib, 100 * audibleShare);
    }
}
