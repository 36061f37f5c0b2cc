package io.probehost.sim.probe.cmsisdap;

/** The probe's Test Domain Timer: the target's modelled time in ticks of a fixed frequency, 32 bits wide. */
final class TestDomainTimer {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private final LinkModel link;
    private final long frequencyHz;

    TestDomainTimer(LinkModel link, long frequencyHz) {
        this.link = link;
        this.frequencyHz = frequencyHz;
    }

    boolean present() {
        return frequencyHz > 0;
    }

    long frequencyHz() {
        return frequencyHz;
    }

    int now() {
        long nanos = link.targetNanos();
        long ticks = nanos / NANOS_PER_SECOND * frequencyHz + nanos % NANOS_PER_SECOND * frequencyHz / NANOS_PER_SECOND;
        return (int) ticks;
    }
}
