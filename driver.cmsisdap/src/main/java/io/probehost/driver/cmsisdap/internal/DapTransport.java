package io.probehost.driver.cmsisdap.internal;

/** How DAP packets travel: v2 bulk endpoints or v1 HID reports. */
interface DapTransport extends AutoCloseable {

    /** Default USB timeout: long enough for a packet of transfers with every WAIT retry used. */
    int TIMEOUT_MILLIS = 5_000;

    /** {@code v2 bulk} or {@code v1 HID}, for messages. */
    String kind();

    boolean isBulk();

    /** Sends one request packet of {@code length} bytes. */
    void write(byte[] packet, int length);

    /** Receives one reply packet into {@code buffer}; returns its length. */
    int read(byte[] buffer);

    /** Bytes a reply buffer must hold. */
    int readBufferSize();

    /** The DAP packet size in force: DAP_Info's, or the endpoint's before it is known. */
    int packetSize();

    void setPacketSize(int packetSize);

    /** Reads and drops replies left over from an earlier session or a lost request. */
    void discardStale();

    /** Releases the interface and closes the USB handle. Idempotent. */
    @Override
    void close();
}
