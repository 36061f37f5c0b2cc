package io.probehost.remote.internal;

import java.util.List;

import io.probehost.api.TransferTimeoutException;
import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbEndpointInfo;
import io.probehost.api.usb.UsbHotplugListener;
import io.probehost.api.usb.UsbInterfaceInfo;
import io.probehost.api.usb.UsbTransferType;

/**
 * A station bus with one device: bulk OUT on 0x01 keeps the bytes, bulk IN on 0x81 returns them
 * reversed, control IN answers 0xCA 0xFE, interrupt transfers time out.
 */
final class FakeBus implements UsbBus {
    static final UsbDeviceInfo DEVICE = new UsbDeviceInfo("fake", "1-2", 0x0d28, 0x0204, 0, "ARM", "DAPLink CMSIS-DAP",
            "FAKE0001", List.of(new UsbInterfaceInfo(0, 0xFF, 0, 0, "CMSIS-DAP v2",
                    List.of(new UsbEndpointInfo(0x01, UsbTransferType.BULK, 64),
                            new UsbEndpointInfo(0x81, UsbTransferType.BULK, 64)))));
    volatile int opened;
    volatile int closed;
    volatile int claimedInterface = -1;

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public List<UsbDeviceInfo> devices() {
        return List.of(DEVICE);
    }

    @Override
    public UsbDevice open(UsbDeviceInfo device) {
        opened++;
        return new UsbDevice() {
            private byte[] kept = new byte[0];

            @Override
            public UsbDeviceInfo info() {
                return DEVICE;
            }

            @Override
            public void claimInterface(int interfaceNumber) {
                claimedInterface = interfaceNumber;
            }

            @Override
            public void releaseInterface(int interfaceNumber) {
                claimedInterface = -1;
            }

            @Override
            public int bulkTransfer(int endpoint, byte[] data, int offset, int length, int timeoutMillis) {
                if ((endpoint & 0x80) == 0) {
                    kept = java.util.Arrays.copyOfRange(data, offset, offset + length);
                    return length;
                }
                int count = Math.min(length, kept.length);
                for (int i = 0; i < count; i++) {
                    data[offset + i] = kept[kept.length - 1 - i];
                }
                return count;
            }

            @Override
            public int interruptTransfer(int endpoint, byte[] data, int offset, int length, int timeoutMillis) {
                throw new TransferTimeoutException("interrupt transfer timed out after " + timeoutMillis + " ms");
            }

            @Override
            public int controlTransfer(int requestType, int request, int value, int index, byte[] data, int offset,
                    int length, int timeoutMillis) {
                data[offset] = (byte) 0xCA;
                data[offset + 1] = (byte) 0xFE;
                return 2;
            }

            @Override
            public void close() {
                closed++;
            }
        };
    }

    @Override
    public void addHotplugListener(UsbHotplugListener listener) {
    }

    @Override
    public void removeHotplugListener(UsbHotplugListener listener) {
    }
}
