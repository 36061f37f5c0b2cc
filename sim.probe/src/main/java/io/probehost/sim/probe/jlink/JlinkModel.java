package io.probehost.sim.probe.jlink;

import java.util.List;

import io.probehost.api.usb.UsbEndpointInfo;
import io.probehost.api.usb.UsbInterfaceInfo;
import io.probehost.api.usb.UsbTransferType;

/**
 * The J-Link hardware the lab emulates, as USB shows it. The EDU answers on a legacy product ID
 * (0x0101) with the J-Link interface alone (full speed, bulk IN 0x81, OUT 0x02). The V11 answers on a
 * new-style ID (0x1015: bit 12 new style, bit 4 SEGGER driver) as a composite device: a virtual COM
 * port first (CDC control at interface 0, CDC data at 1), the vendor-specific J-Link interface at 2
 * (high speed, bulk IN 0x81, OUT 0x01).
 */
public enum JlinkModel {
    EDU(0x0101, "J-Link", 64, false),
    V11(0x1015, "J-Link", 512, true);

    public static final int VENDOR_ID = 0x1366;

    private final int productId;
    private final String product;
    private final int packetSize;
    private final boolean composite;

    JlinkModel(int productId, String product, int packetSize, boolean composite) {
        this.productId = productId;
        this.product = product;
        this.packetSize = packetSize;
        this.composite = composite;
    }

    public int productId() {
        return productId;
    }

    public String product() {
        return product;
    }

    /** The bulk endpoints' maximum packet size: 512 at high speed, 64 at full speed. */
    public int packetSize() {
        return packetSize;
    }

    public int inEndpoint() {
        return 0x81;
    }

    public int outEndpoint() {
        return composite ? 0x01 : 0x02;
    }

    /** The interface number of the vendor-specific J-Link interface. */
    public int jlinkInterface() {
        return composite ? 2 : 0;
    }

    List<UsbInterfaceInfo> interfaces() {
        UsbInterfaceInfo jlink = new UsbInterfaceInfo(jlinkInterface(), UsbInterfaceInfo.CLASS_VENDOR_SPECIFIC, 0xFF,
                0xFF, "BULK interface", List.of(new UsbEndpointInfo(inEndpoint(), UsbTransferType.BULK, packetSize),
                        new UsbEndpointInfo(outEndpoint(), UsbTransferType.BULK, packetSize)));
        if (!composite) {
            return List.of(jlink);
        }
        return List.of(new UsbInterfaceInfo(0, 0x02, 0x02, 0x01, "CDC",
                        List.of(new UsbEndpointInfo(0x83, UsbTransferType.INTERRUPT, 16))),
                new UsbInterfaceInfo(1, 0x0A, 0x00, 0x00, "CDC Data",
                        List.of(new UsbEndpointInfo(0x84, UsbTransferType.BULK, packetSize),
                                new UsbEndpointInfo(0x04, UsbTransferType.BULK, packetSize))),
                jlink);
    }
}
