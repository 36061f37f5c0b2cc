package io.probehost.driver.jlink.internal;

/** The J-Link interface's two bulk endpoints: requests OUT, answers IN. */
interface JlinkTransport extends AutoCloseable {

    void write(byte[] data);

    /** Reads exactly {@code length} bytes. */
    byte[] read(int length);

    @Override
    void close();
}
