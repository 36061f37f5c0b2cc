package io.probehost.arch.riscv.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.ResetType;
import io.probehost.api.debug.TargetConnector;
import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.JtagSequencer;
import io.probehost.api.probe.ResetControl;
import io.probehost.api.probe.WireProtocol;
import io.probehost.api.target.CoreDescription;
import io.probehost.api.target.TargetDescription;

/**
 * The RISC-V {@link TargetConnector}: targets whose cores are RISC-V ({@code architecture} riscv, or a
 * core type such as {@code rv32imac}), over JTAG only, through the probe's {@link JtagSequencer} and
 * the JTAG DTM. The core's {@code apAddress} is the hart index. Reads the core options
 * {@code connect_mode} (halt, attach, pre-reset and under-reset: reset and halt) and
 * {@code resume_on_disconnect} by name. An unknown target (no pack) is left to the Arm connector.
 */
@Component(service = TargetConnector.class, property = TargetConnector.ARCHITECTURE_PROPERTY + "=riscv")
public final class RiscvTargetConnector implements TargetConnector {
    static final OptionDescriptor<String> CONNECT_MODE = OptionDescriptor.of("connect_mode", String.class, "halt", "");
    static final OptionDescriptor<Boolean> RESUME_ON_DISCONNECT =
            OptionDescriptor.of("resume_on_disconnect", Boolean.class, Boolean.TRUE, "");
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Override
    public String architecture() {
        return "riscv";
    }

    @Override
    public List<WireProtocol> protocols() {
        return List.of(WireProtocol.JTAG);
    }

    @Override
    public boolean supports(Optional<TargetDescription> target) {
        return target.map(t -> !t.cores().isEmpty() && t.cores().stream().allMatch(RiscvTargetConnector::isRiscv))
                .orElse(false);
    }

    static boolean isRiscv(CoreDescription core) {
        return core.architecture().toLowerCase(Locale.ROOT).startsWith("riscv")
                || core.type().toLowerCase(Locale.ROOT).startsWith("rv");
    }

    @Override
    public DebugTarget connect(DebugProbe probe, WireProtocol protocol, SessionOptions options,
            Optional<TargetDescription> target) {
        String name = probe.description().displayName();
        if (protocol != WireProtocol.JTAG) {
            throw new ProbeException("RISC-V targets are debugged over JTAG, not " + protocol);
        }
        if (!probe.protocol().equals(Optional.of(protocol))) {
            probe.connect(protocol);
        }
        JtagSequencer sequencer = probe.capability(JtagSequencer.class).orElseThrow(() -> new ProbeException(name
                + " offers no bit-level JTAG (JtagSequencer), which the RISC-V debug transport needs"));
        String mode = options.get(CONNECT_MODE) == null ? "halt"
                : options.get(CONNECT_MODE).trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (!List.of("halt", "attach", "pre_reset", "under_reset").contains(mode)) {
            throw new ProbeException("connect_mode '" + options.get(CONNECT_MODE)
                    + "' is not one of halt, pre-reset, under-reset, attach");
        }
        JtagDtm dtm = JtagDtm.find(sequencer);
        int hart = target.flatMap(t -> t.cores().stream().findFirst()).map(CoreDescription::apAddress).orElse(0);
        RiscvDebugTarget connected = RiscvDebugTarget.connect(dtm, hart,
                String.format("JTAG DTM IDCODE 0x%08X", dtm.idcode()), target, probe.capability(ResetControl.class),
                mode.equals("halt"), options.get(RESUME_ON_DISCONNECT), TIMEOUT);
        if (mode.endsWith("reset")) {
            try {
                connected.core().resetAndHalt(mode.equals("under_reset") ? ResetType.HARDWARE : ResetType.SYSRESETREQ,
                        TIMEOUT);
            } catch (RuntimeException e) {
                connected.close();
                throw e;
            }
        }
        return connected;
    }
}
