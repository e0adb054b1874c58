package dev.kademlia.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void durationsUseTheLargestFittingUnits() {
        assertEquals("0 ms", Labels.duration(0));
        assertEquals("999 ms", Labels.duration(999));
        assertEquals("1.0 s", Labels.duration(1000));
        assertEquals("59.9 s", Labels.duration(59_949));
        assertEquals("1 min 0 s", Labels.duration(60_000));
        assertEquals("23 h 59 min", Labels.duration(86_399_999));
        assertEquals("2 d 3 h", Labels.duration(2 * 86_400_000L + 3 * 3_600_000L));
        assertEquals("-5 ms", Labels.duration(-5));
    }

    @Test
    void agesAndDeadlinesReadNaturallyEitherSideOfNow() {
        assertEquals("250 ms ago", Labels.ago(750, 1000));
        assertEquals("in 250 ms", Labels.ago(1250, 1000));
        assertEquals("in 1.5 s", Labels.in(2500, 1000));
        assertEquals("1.5 s ago", Labels.in(1000, 2500));
    }

    @Test
    void safeKeepsAddressesAndReplacesAnythingElse() {
        assertEquals("[fe80::1%eth0]:4000", Labels.address("fe80::1%eth0", 4000));
        assertEquals("10.0.0.1:1", Labels.address("10.0.0.1", 1));
        assertEquals("??]?as?x?", Labels.safe("\"|] as x\n"));
    }

    @Test
    void wallClockTimesPrintAsInstantsAndVirtualTimesAsMillis() {
        assertEquals("873 ms", Labels.instant(873));
        assertEquals("2024-06-05T12:00:00Z", Labels.instant(1_717_588_800_000L));
    }

    @Test
    void countsArePlural() {
        assertEquals("1 contact", Labels.count(1, "contact"));
        assertEquals("0 contacts", Labels.count(0, "contact"));
    }
}
