package io.probehost.remote.internal;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.probehost.api.usb.UsbDeviceInfo;

/** The LIST_DEVICES reply: the station's device descriptors as UTF-8 JSON (the records' fields). */
final class DeviceListCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private DeviceListCodec() {
    }

    static byte[] encode(List<UsbDeviceInfo> devices) {
        try {
            return JSON.writeValueAsBytes(devices);
        } catch (IOException e) {
            throw new RemoteProtocolException("cannot encode the device list: " + e.getMessage(), e);
        }
    }

    static List<UsbDeviceInfo> decode(byte[] json) {
        try {
            return JSON.readValue(json, new TypeReference<List<UsbDeviceInfo>>() { });
        } catch (IOException e) {
            throw new RemoteProtocolException("malformed device list: " + e.getMessage(), e);
        }
    }
}
