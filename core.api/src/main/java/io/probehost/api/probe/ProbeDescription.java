package io.probehost.api.probe;

import java.util.Optional;

/**
 * A probe as enumeration finds it, before it is opened.
 *
 * @param driver      the {@link ProbeDriver#name()} of the driver that found it
 * @param uniqueId    the probe's unique ID (USB serial number, or an ID derived from its location)
 * @param vendorName  the probe's vendor, such as {@code ARM}
 * @param productName the probe's product name, such as {@code DAPLink CMSIS-DAP}
 * @param boardVendor vendor of the board the probe sits on; empty when unknown
 * @param boardName   name of the board the probe sits on; empty when unknown
 * @param targetType  target type the probe reports or implies (board ID, DAP_Info); empty when unknown
 * @param location    where the probe is, such as {@code lab:1-2}; for messages only
 */
public record ProbeDescription(String driver, String uniqueId, String vendorName, String productName,
        String boardVendor, String boardName, String targetType, String location) {

    public ProbeDescription {
        boardVendor = boardVendor == null ? "" : boardVendor;
        boardName = boardName == null ? "" : boardName;
        targetType = targetType == null ? "" : targetType;
        location = location == null ? "" : location;
    }

    public Optional<String> target() {
        return targetType.isEmpty() ? Optional.empty() : Optional.of(targetType);
    }

    /** The name shown in the Probe/Board column: vendor and product. */
    public String displayName() {
        return vendorName.isEmpty() ? productName : vendorName + " " + productName;
    }
}
