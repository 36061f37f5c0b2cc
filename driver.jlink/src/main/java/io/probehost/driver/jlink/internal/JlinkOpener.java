package io.probehost.driver.jlink.internal;

import io.probehost.api.ProbeException;
import io.probehost.api.ProtocolException;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.ProbeDescription;

/**
 * The bring-up the protocol note gives (§7): capabilities (extended ones where bit 31 offers them),
 * the interfaces, the buffer size, firmware and hardware versions, GET_SPEEDS; then, opening a
 * session, target power when {@code jlink.power} asks for it and VTref, which must show a powered target.
 */
final class JlinkOpener {
    /** Below this VTref the target has no power: nothing would answer. */
    static final int MIN_TARGET_MILLIVOLTS = 1000;
    static final int DEFAULT_MAX_MEM_BLOCK = 65535;
    static final long DEFAULT_MAX_CLOCK_HZ = 12_000_000;
    private static final int ONLY_JTAG = 1 << SelectInterfaceRequest.JTAG;

    private JlinkOpener() {
    }

    static JlinkIdentity identify(JlinkChannel channel) {
        JlinkCapabilities caps = channel.execute(new GetCapsRequest(false));
        if (caps.has(JlinkCapabilities.GET_CAPS_EX)) {
            JlinkCapabilities extended = channel.execute(new GetCapsRequest(true));
            if (!extended.covers(caps)) {
                throw new ProtocolException("J-Link GET_CAPS_EX (" + extended + ") lacks bits of GET_CAPS (" + caps + ")");
            }
            caps = extended;
        }
        int interfaces = caps.has(JlinkCapabilities.SELECT_IF)
                ? channel.execute(new SelectInterfaceRequest(SelectInterfaceRequest.AVAILABLE)) : ONLY_JTAG;
        int maxMemBlock = caps.has(JlinkCapabilities.GET_MAX_BLOCK_SIZE)
                ? channel.execute(U32Request.GET_MAX_MEM_BLOCK) : DEFAULT_MAX_MEM_BLOCK;
        String firmware = channel.execute(new VersionRequest());
        JlinkHardwareVersion hardware = caps.has(JlinkCapabilities.GET_HW_VERSION)
                ? JlinkHardwareVersion.decode(channel.execute(U32Request.GET_HW_VERSION)) : null;
        long maxClockHz = caps.has(JlinkCapabilities.SPEED_INFO)
                ? channel.execute(new GetSpeedsRequest()).maxHz() : DEFAULT_MAX_CLOCK_HZ;
        return new JlinkIdentity(firmware, hardware, caps, interfaces, maxMemBlock, maxClockHz);
    }

    static JlinkProbe open(ProbeDescription listed, JlinkTransport transport, SessionOptions options) {
        JlinkChannel channel = new JlinkChannel(transport);
        try {
            JlinkIdentity identity = identify(channel);
            boolean power = Boolean.TRUE.equals(options.get(JlinkOptions.POWER));
            if (power) {
                if (!identity.capabilities().has(JlinkCapabilities.SET_KS_POWER)) {
                    throw new ProbeException(JlinkOptions.POWER.name() + ": J-Link " + listed.uniqueId() + " ("
                            + identity.productName() + ") cannot supply target power");
                }
                channel.execute(new SetTargetPowerRequest(true));
            }
            int millivolts = channel.execute(new GetStateRequest()).targetMillivolts();
            if (millivolts < MIN_TARGET_MILLIVOLTS) {
                throw new ProbeException(String.format("J-Link %s measures %.2f V on VTref: the target has no power%s",
                        listed.uniqueId(), millivolts / 1000.0, power ? ""
                                : " (jlink.power=true supplies 5 V through the probe, on probes that can)"));
            }
            return new JlinkProbe(describe(listed, identity, options), channel, identity, power);
        } catch (RuntimeException e) {
            channel.close();
            if (e instanceof ProbeException || e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new ProbeException("cannot open J-Link " + listed.uniqueId() + ": " + e.getMessage(), e);
        }
    }

    /** The listed description with the product the probe named, and {@code jlink.device} as its target. */
    static ProbeDescription describe(ProbeDescription listed, JlinkIdentity identity, SessionOptions options) {
        String device = options.get(JlinkOptions.DEVICE);
        String target = device == null || device.isBlank() ? listed.targetType() : device.trim();
        return new ProbeDescription(listed.driver(), listed.uniqueId(), listed.vendorName(), identity.productName(),
                listed.boardVendor(), listed.boardName(), target, listed.location());
    }
}
