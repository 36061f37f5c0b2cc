package io.probehost.driver.stlink.internal;

/** The probe's bulk endpoints: OUT for command blocks and data, IN for replies. */
interface StlinkTransport extends AutoCloseable {

    void write(byte[] data);

    /** Reads exactly {@code length} bytes. */
    byte[] read(int length);

    @Override
    void close();
}
