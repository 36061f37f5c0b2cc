package io.probehost.api.usb;

/** The transfer types of bmAttributes bits 1:0, with their wire codes. */
public enum UsbTransferType {
    CONTROL(0), ISOCHRONOUS(1), BULK(2), INTERRUPT(3);

    private final int code;

    UsbTransferType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static UsbTransferType fromCode(int code) {
        for (UsbTransferType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("not a USB transfer type: " + code);
    }
}
