package io.probehost.driver.stlink.internal;

import java.util.Optional;

import io.probehost.api.ProbeException;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.ProbeDescription;

/**
 * Brings a probe to idle as the protocol note's session begins: reads the versions and refuses
 * firmware older than V2J24, leaves DFU, SWIM or debug mode, reads the target voltage, and sets
 * the V3 core clock prescaler.
 */
final class StlinkOpener {

    private StlinkOpener() {
    }

    static StlinkVersion readVersion(StlinkChannel channel, StlinkModel model) {
        int raw = channel.execute(new GetVersionRequest());
        StlinkVersion version = StlinkVersion.needsExtended(raw)
                ? StlinkVersion.decodeExtended(model, channel.execute(new GetVersionExRequest()))
                : StlinkVersion.decode(model, raw);
        channel.setVersion(version);
        return version;
    }

    static void leaveCurrentMode(StlinkChannel channel) {
        int mode = channel.execute(new GetCurrentModeRequest());
        if (mode == GetCurrentModeRequest.DFU) {
            channel.execute(LeaveModeRequest.DFU_EXIT);
        } else if (mode == GetCurrentModeRequest.DEBUG) {
            channel.execute(LeaveModeRequest.DEBUG_EXIT);
        } else if (mode == GetCurrentModeRequest.SWIM) {
            channel.execute(LeaveModeRequest.SWIM_EXIT);
        }
    }

    /** The board ID, on firmware that has GET_BOARD_IDENTIFIERS. */
    static Optional<String> boardId(StlinkChannel channel) {
        return channel.version().hasBoardIdentifiers() ? channel.execute(new GetBoardIdRequest()) : Optional.empty();
    }

    static StlinkProbe open(ProbeDescription description, StlinkModel model, StlinkTransport transport,
            SessionOptions options) {
        StlinkChannel channel = new StlinkChannel(transport);
        try {
            StlinkVersion version = readVersion(channel, model);
            version.requireSupported(description.uniqueId());
            leaveCurrentMode(channel);
            double volts = channel.execute(new GetTargetVoltageRequest());
            if (version.isV3()) {
                int prescaler = StlinkOptions.checkedPrescaler(options.get(StlinkOptions.V3_PRESCALER));
                channel.execute(new SwitchStlinkFreqRequest(prescaler));
            }
            return new StlinkProbe(description, channel, volts);
        } catch (RuntimeException e) {
            channel.close();
            if (e instanceof ProbeException || e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new ProbeException("cannot open ST-Link " + description.uniqueId() + ": " + e.getMessage(), e);
        }
    }
}
