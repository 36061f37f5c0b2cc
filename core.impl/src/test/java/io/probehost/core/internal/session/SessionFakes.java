package io.probehost.core.internal.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.probehost.api.ProbeDisconnectedException;
import io.probehost.api.debug.BreakpointControl;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.FunctionCall;
import io.probehost.api.debug.FunctionCaller;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.TargetCapability;
import io.probehost.api.debug.TargetConnector;
import io.probehost.api.debug.WatchpointControl;
import io.probehost.api.host.DriverInfo;
import io.probehost.api.host.OptionRegistry;
import io.probehost.api.host.ProbeListing;
import io.probehost.api.host.ProbeRegistry;
import io.probehost.api.host.TargetRegistry;
import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeCapability;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.ProbeDriver;
import io.probehost.api.probe.WireProtocol;
import io.probehost.api.target.TargetDescription;

/** Registries, a probe and a connector that record what the session manager does with them. */
final class SessionFakes {
    /** How an opened probe describes itself: as listed, unless a test says otherwise. */
    java.util.function.UnaryOperator<ProbeDescription> openedAs = listed -> listed;
    final List<FakeProbe> opened = new ArrayList<>();
    final List<TargetDescription> known = new ArrayList<>();
    final List<Optional<TargetDescription>> connectedTargets = new ArrayList<>();
    final List<WireProtocol> connectedProtocols = new ArrayList<>();
    final List<String> connectedArchitectures = new ArrayList<>();
    Set<WireProtocol> protocols = Set.of(WireProtocol.SWD, WireProtocol.JTAG);
    boolean unplugged;
    /** Memory operations that reached a target. */
    int targetCalls;
    /** What enumeration finds now. */
    final List<ProbeDescription> listed = new ArrayList<>();

    final ProbeRegistry probes = new ProbeRegistry() {
        @Override
        public List<DriverInfo> drivers() {
            return List.of();
        }

        @Override
        public Optional<ProbeDriver> driver(String name) {
            return Optional.empty();
        }

        @Override
        public ProbeListing probes() {
            return new ProbeListing(List.copyOf(listed), List.of());
        }

        @Override
        public DebugProbe open(ProbeDescription probe, SessionOptions options) {
            FakeProbe opening = new FakeProbe(openedAs.apply(probe));
            opened.add(opening);
            return opening;
        }
    };

    final TargetRegistry targets = new TargetRegistry() {
        @Override
        public List<PackInfo> packs() {
            return List.of();
        }

        @Override
        public List<TargetDescription> targets() {
            return known;
        }

        @Override
        public Optional<TargetDescription> find(String name) {
            return known.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
        }
    };

    final OptionRegistry options = new OptionRegistry() {
        @Override
        public List<OptionDescriptor<?>> options() {
            return new CoreOptions().options();
        }

        @Override
        public Optional<OptionDescriptor<?>> find(String name) {
            return options().stream().filter(o -> o.name().equals(name)).findFirst();
        }

        @Override
        public SessionOptions resolve(Map<String, String> commandLine, String probeUniqueId) {
            Map<String, String> values = new HashMap<>(commandLine);
            for (String name : values.keySet()) {
                if (find(name).isEmpty()) {
                    throw new IllegalArgumentException("unknown option '" + name + "'");
                }
            }
            return new SessionOptions() {
                @Override
                public <T> T get(OptionDescriptor<T> option) {
                    String text = values.get(option.name());
                    return text == null ? option.defaultValue() : option.convert(text);
                }
            };
        }
    };

    final TargetConnector connector = new TargetConnector() {
        @Override
        public String architecture() {
            return "arm";
        }

        @Override
        public boolean supports(Optional<TargetDescription> target) {
            return target.map(t -> t.cores().stream().allMatch(c -> c.architecture().startsWith("armv")))
                    .orElse(true);
        }

        @Override
        public DebugTarget connect(DebugProbe probe, WireProtocol protocol, SessionOptions options,
                Optional<TargetDescription> target) {
            connectedTargets.add(target);
            connectedProtocols.add(protocol);
            connectedArchitectures.add(architecture());
            return new FakeTarget();
        }
    };

    /** A RISC-V connector, JTAG only, that records what it is asked, like {@link #connector}. */
    final TargetConnector riscvConnector = new TargetConnector() {
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
            return target.map(t -> t.cores().stream().allMatch(c -> c.architecture().equals("riscv"))).orElse(false);
        }

        @Override
        public DebugTarget connect(DebugProbe probe, WireProtocol protocol, SessionOptions options,
                Optional<TargetDescription> target) {
            connectedTargets.add(target);
            connectedProtocols.add(protocol);
            connectedArchitectures.add(architecture());
            return new FakeTarget();
        }
    };

    SessionManagerImpl manager() {
        SessionManagerImpl manager = new SessionManagerImpl(probes, targets, options);
        manager.addConnector(connector);
        return manager;
    }

    final class FakeProbe implements DebugProbe {
        final ProbeDescription description;
        long clockHz;
        boolean closed;

        FakeProbe(ProbeDescription description) {
            this.description = description;
        }

        @Override
        public ProbeDescription description() {
            return description;
        }

        @Override
        public Set<WireProtocol> supportedProtocols() {
            return protocols;
        }

        @Override
        public void connect(WireProtocol protocol) {
        }

        @Override
        public Optional<WireProtocol> protocol() {
            return Optional.empty();
        }

        @Override
        public void disconnect() {
        }

        @Override
        public long setClockHz(long hz) {
            clockHz = hz;
            return hz;
        }

        @Override
        public <C extends ProbeCapability> Optional<C> capability(Class<C> type) {
            return Optional.empty();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A target whose memory reads 0x12345678 everywhere, or fails once the probe is unplugged. */
    final class FakeTarget implements DebugTarget {
        @Override
        public String description() {
            return "fake";
        }

        @Override
        public MemoryInterface memory() {
            return new MemoryInterface() {
                private int check(int value) {
                    targetCalls++;
                    if (unplugged) {
                        throw new IllegalStateException("wrapped",
                                new ProbeDisconnectedException("USB device is gone"));
                    }
                    return value;
                }

                @Override
                public int read8(long address) {
                    return check(0x78);
                }

                @Override
                public int read16(long address) {
                    return check(0x5678);
                }

                @Override
                public int read32(long address) {
                    return check(0x12345678);
                }

                @Override
                public void write8(long address, int value) {
                }

                @Override
                public void write16(long address, int value) {
                }

                @Override
                public void write32(long address, int value) {
                }

                @Override
                public void read(long address, byte[] destination, int offset, int length) {
                    check(0);
                }

                @Override
                public void write(long address, byte[] source, int offset, int length) {
                }

                @Override
                public void flush() {
                }
            };
        }

        @Override
        public CoreControl core() {
            return null;
        }

        @Override
        public BreakpointControl breakpoints() {
            return null;
        }

        @Override
        public WatchpointControl watchpoints() {
            return null;
        }

        /** A function caller whose calls return 7, or fail once the probe is unplugged. */
        @Override
        public <C extends TargetCapability> Optional<C> capability(Class<C> type) {
            if (type != FunctionCaller.class) {
                return Optional.empty();
            }
            return Optional.of(type.cast(new FunctionCaller() {
                @Override
                public int maxArguments() {
                    return 4;
                }

                @Override
                public void start(FunctionCall call) {
                }

                @Override
                public long await(Duration timeout) {
                    if (unplugged) {
                        throw new ProbeDisconnectedException("USB device is gone");
                    }
                    return 7;
                }
            }));
        }

        @Override
        public void close() {
        }
    }
}
