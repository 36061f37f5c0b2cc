package io.probehost.sim.probe.cmsisdap;

/**
 * Everything that makes one virtual CMSIS-DAP probe: USB identity, DAP_Info answers, capabilities,
 * transports, clock limits, reset sequence and link timing. Build with {@link #builder()}; the
 * factories in {@link CmsisDapProbes} give ready-made ones. Empty DAP_Info strings answer Len = 0.
 */
public record CmsisDapConfig(int vendorId, int productId, int deviceClass, String manufacturer, String product,
        String serialNumber, String dapVendor, String dapProduct, String dapSerial, String protocolVersion,
        String targetVendor, String targetName, String boardVendor, String boardName,
        String productFirmwareVersion, boolean jtag, long timestampClockHz, boolean hid, int hidPacketCount,
        boolean bulk, int bulkPacketCount, long defaultClockHz, long maxClockHz, ResetSequence resetSequence,
        LinkTiming linkTiming) {

    /** Full-speed HID report size = v1 DAP packet size. */
    public static final int HID_PACKET_SIZE = 64;
    /** High-speed bulk wMaxPacketSize = v2 DAP packet size. */
    public static final int BULK_PACKET_SIZE = 512;

    public CmsisDapConfig {
        if (!hid && !bulk) {
            throw new IllegalArgumentException("a CMSIS-DAP probe needs a v1 or a v2 interface");
        }
        if (hidPacketCount < 1 || hidPacketCount > 255 || bulkPacketCount < 1 || bulkPacketCount > 255) {
            throw new IllegalArgumentException("packet count must be 1..255");
        }
        if (defaultClockHz <= 0 || maxClockHz <= 0) {
            throw new IllegalArgumentException("SWJ clocks must be positive");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.vendorId = vendorId;
        b.productId = productId;
        b.deviceClass = deviceClass;
        b.manufacturer = manufacturer;
        b.product = product;
        b.serialNumber = serialNumber;
        b.dapVendor = dapVendor;
        b.dapProduct = dapProduct;
        b.dapSerial = dapSerial;
        b.protocolVersion = protocolVersion;
        b.targetVendor = targetVendor;
        b.targetName = targetName;
        b.boardVendor = boardVendor;
        b.boardName = boardName;
        b.productFirmwareVersion = productFirmwareVersion;
        b.jtag = jtag;
        b.timestampClockHz = timestampClockHz;
        b.hid = hid;
        b.hidPacketCount = hidPacketCount;
        b.bulk = bulk;
        b.bulkPacketCount = bulkPacketCount;
        b.defaultClockHz = defaultClockHz;
        b.maxClockHz = maxClockHz;
        b.resetSequence = resetSequence;
        b.linkTiming = linkTiming;
        return b;
    }

    /** Builder with the reference firmware's defaults (SWD + JTAG, 1 MHz timer and SWJ clock, v2 only). */
    public static final class Builder {
        private int vendorId = 0x1209;
        private int productId = 0xDA42;
        private int deviceClass = 0x00;
        private String manufacturer = "Probehost Lab";
        private String product = "Lab CMSIS-DAP";
        private String serialNumber = "";
        private String dapVendor = "";
        private String dapProduct = "";
        private String dapSerial = "";
        private String protocolVersion = "2.1.0";
        private String targetVendor = "";
        private String targetName = "";
        private String boardVendor = "";
        private String boardName = "";
        private String productFirmwareVersion = "";
        private boolean jtag = true;
        private long timestampClockHz = 1_000_000L;
        private boolean hid;
        private int hidPacketCount = 4;
        private boolean bulk = true;
        private int bulkPacketCount = 8;
        private long defaultClockHz = 1_000_000L;
        private long maxClockHz = 10_000_000L;
        private ResetSequence resetSequence;
        private LinkTiming linkTiming = LinkTiming.DEFAULT;

        public Builder usbIds(int vendor, int productIdentifier) {
            this.vendorId = vendor;
            this.productId = productIdentifier;
            return this;
        }

        public Builder deviceClass(int value) {
            this.deviceClass = value;
            return this;
        }

        /** USB iManufacturer, iProduct and iSerialNumber strings. */
        public Builder usbStrings(String manufacturerString, String productString, String serial) {
            this.manufacturer = manufacturerString;
            this.product = productString;
            this.serialNumber = serial;
            return this;
        }

        /** DAP_Info 0x01..0x03; empty strings tell the host to use the USB strings. */
        public Builder dapStrings(String vendor, String productName, String serial) {
            this.dapVendor = vendor;
            this.dapProduct = productName;
            this.dapSerial = serial;
            return this;
        }

        public Builder protocolVersion(String version) {
            this.protocolVersion = version;
            return this;
        }

        /** DAP_Info 0x05 and 0x06: the target device mounted on the board. */
        public Builder targetDevice(String vendor, String name) {
            this.targetVendor = vendor;
            this.targetName = name;
            return this;
        }

        /** DAP_Info 0x07 and 0x08 (v2.1). */
        public Builder targetBoard(String vendor, String name) {
            this.boardVendor = vendor;
            this.boardName = name;
            return this;
        }

        /** DAP_Info 0x09 (v2.1). */
        public Builder productFirmwareVersion(String version) {
            this.productFirmwareVersion = version;
            return this;
        }

        public Builder jtag(boolean supported) {
            this.jtag = supported;
            return this;
        }

        /** Test Domain Timer frequency; 0 = no timer (no timestamps, capability bit 5 clear). */
        public Builder timestampClockHz(long hz) {
            this.timestampClockHz = hz;
            return this;
        }

        /** Offer (or not) the v1 HID interface, with this many packets in flight. */
        public Builder hid(boolean offered, int packetCount) {
            this.hid = offered;
            this.hidPacketCount = packetCount;
            return this;
        }

        /** Offer (or not) the v2 bulk interface, with this many packets in flight. */
        public Builder bulk(boolean offered, int packetCount) {
            this.bulk = offered;
            this.bulkPacketCount = packetCount;
            return this;
        }

        public Builder clocks(long defaultHz, long maxHz) {
            this.defaultClockHz = defaultHz;
            this.maxClockHz = maxHz;
            return this;
        }

        public Builder resetSequence(ResetSequence sequence) {
            this.resetSequence = sequence;
            return this;
        }

        public Builder linkTiming(LinkTiming timing) {
            this.linkTiming = timing;
            return this;
        }

        public CmsisDapConfig build() {
            return new CmsisDapConfig(vendorId, productId, deviceClass, manufacturer, product, serialNumber, dapVendor,
                    dapProduct, dapSerial, protocolVersion, targetVendor, targetName, boardVendor, boardName,
                    productFirmwareVersion, jtag, timestampClockHz, hid, hidPacketCount, bulk, bulkPacketCount,
                    defaultClockHz, maxClockHz, resetSequence, linkTiming);
        }
    }
}
