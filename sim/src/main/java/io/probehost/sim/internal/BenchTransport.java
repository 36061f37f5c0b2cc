package io.probehost.sim.internal;

import java.util.Map;

/**
 * One way {@code probe:bench} moves its 64 KiB through a probe, and the floor it is judged by: the
 * fewest USB round trips the probe's protocol allows for that many bytes in each direction.
 *
 * @param name           the row's name ({@code v2 bulk}, {@code USB bulk}...)
 * @param packetSize     the USB packet size of that transport
 * @param sessionOptions the session options that select it
 * @param writeFloor     fewest round trips to write {@link ProbeBench#TOTAL_BYTES}
 * @param readFloor      fewest round trips to read them
 */
record BenchTransport(String name, int packetSize, Map<String, String> sessionOptions, long writeFloor,
        long readFloor) {

    BenchTransport {
        sessionOptions = Map.copyOf(sessionOptions);
    }
}
