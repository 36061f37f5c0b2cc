package io.probehost.sim.probe.cmsisdap;

/** One DP or AP transaction on the wire, clocked as SWD or as a JTAG-DP scan. */
interface DapTransaction {

    /** Clocks one transaction; for writes {@code writeData} is sent. Returns the ACK (plus protocol error bit). */
    int transfer(int request, int writeData);

    /** The data read by the last successful read transaction. */
    int lastRead();
}
