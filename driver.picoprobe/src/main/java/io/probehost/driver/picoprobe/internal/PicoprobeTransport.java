package io.probehost.driver.picoprobe.internal;

/** The probe interface's bulk endpoints: OUT for command packets, IN for responses. */
interface PicoprobeTransport extends AutoCloseable {

    void write(byte[] packet);

    /** One IN transfer of up to {@code maxLength} bytes. */
    byte[] read(int maxLength);

    @Override
    void close();
}
