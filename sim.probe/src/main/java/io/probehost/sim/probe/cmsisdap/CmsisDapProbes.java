package io.probehost.sim.probe.cmsisdap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.probehost.sim.adi.SwjPins;
import io.probehost.sim.mcu.VirtualClock;

/**
 * Ready-made virtual probes.
 *
 * <p>DAPLink: 0D28:0204, bDeviceClass 0xEF (composite with IADs, as DAPLink enumerates), strings "ARM" /
 * "DAPLink CMSIS-DAP" / the serial; interface 0 = HID "CMSIS-DAP v1" (interrupt IN 0x81, OUT 0x01, 64-byte
 * reports, 4 packets), interface 1 = vendor class 0xFF "CMSIS-DAP v2" (bulk OUT 0x02, bulk IN 0x82,
 * 512 bytes, 4 packets); SWD only (DAPLink interface firmware builds without JTAG), protocol "2.1.0",
 * product firmware "0257", 1 MHz test-domain timer. The mass-storage and CDC interfaces of a real
 * DAPLink are not modelled.
 *
 * <p>Generic CMSIS-DAP v2.1: 1209:DA42 (a lab-only ID), bDeviceClass 0x00, interface 0 = vendor class
 * "CMSIS-DAP v2" (bulk OUT 0x01, bulk IN 0x81, 512 bytes, 8 packets), SWD and JTAG, protocol "2.1.1",
 * DAP_Info target device and board strings set.
 */
public final class CmsisDapProbes {
    public static final int DAPLINK_VENDOR_ID = 0x0D28;
    public static final int DAPLINK_PRODUCT_ID = 0x0204;
    public static final int LAB_VENDOR_ID = 0x1209;
    public static final int LAB_PRODUCT_ID = 0xDA42;
    /** DAPLink board ID of the BBC micro:bit (first four characters of its serial). */
    public static final String MICROBIT_BOARD_ID = "9900";

    private CmsisDapProbes() {
    }

    public static CmsisDapConfig dapLinkConfig(String serial) {
        return CmsisDapConfig.builder()
                .usbIds(DAPLINK_VENDOR_ID, DAPLINK_PRODUCT_ID)
                .deviceClass(0xEF)
                .usbStrings("ARM", "DAPLink CMSIS-DAP", serial)
                .dapStrings("ARM", "DAPLink CMSIS-DAP", serial)
                .protocolVersion("2.1.0")
                .productFirmwareVersion("0257")
                .jtag(false)
                .timestampClockHz(1_000_000L)
                .hid(true, 4)
                .bulk(true, 4)
                .build();
    }

    /** A DAPLink with both interfaces sharing one firmware; see the class comment for the layout. */
    public static CmsisDapProbe dapLink(String serial, SwjPins pins, VirtualClock clock) {
        return new CmsisDapProbe(dapLinkConfig(serial), pins, clock);
    }

    public static CmsisDapConfig genericV21Config(String serial, String targetVendor, String targetName,
            String boardVendor, String boardName) {
        return CmsisDapConfig.builder()
                .usbIds(LAB_VENDOR_ID, LAB_PRODUCT_ID)
                .deviceClass(0x00)
                .usbStrings("Probehost Lab", "Lab CMSIS-DAP", serial)
                .dapStrings("Probehost Lab", "Lab CMSIS-DAP", serial)
                .protocolVersion("2.1.1")
                .productFirmwareVersion("1.0.0")
                .targetDevice(targetVendor, targetName)
                .targetBoard(boardVendor, boardName)
                .jtag(true)
                .timestampClockHz(1_000_000L)
                .hid(false, 4)
                .bulk(true, 8)
                .build();
    }

    /** A CMSIS-DAP v2.1 probe that names its target through DAP_Info 0x05..0x08. */
    public static CmsisDapProbe genericV21(String serial, String targetVendor, String targetName, String boardVendor,
            String boardName, SwjPins pins, VirtualClock clock) {
        return new CmsisDapProbe(genericV21Config(serial, targetVendor, targetName, boardVendor, boardName), pins,
                clock);
    }

    /** A stable DAPLink-style micro:bit serial: "9900" + 44 lowercase hex characters derived from {@code seed}. */
    public static String microBitSerial(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return MICROBIT_BOARD_ID + HexFormat.of().formatHex(digest).substring(0, 44);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }
}
