package io.probehost.sim.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.text.Numbers;
import io.probehost.api.text.TextTable;
import io.probehost.command.CommandSyntax;
import io.probehost.sim.adi.SwjPins;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.adi.rbb.RemoteBitbangServer;
import io.probehost.sim.probe.cmsisdap.FaultInjector;
import io.probehost.sim.probe.cmsisdap.LinkStats;
import io.probehost.sim.probe.usb.VirtualUsbDevice;

/** {@code lab:*} commands: what the virtual lab holds, its state, faults, and a JTAG server for real debuggers. */
@Component(service = LabCommands.class, property = {"osgi.command.scope=lab", "osgi.command.function=list",
        "osgi.command.function=rbb",
        "osgi.command.function=fault"})
public final class LabCommands {
    static final int DEFAULT_RBB_PORT = 9824;

    private final LabComponent component;

    @Activate
    public LabCommands(@Reference LabComponent component) {
        this.component = component;
    }

    static final String LIST = "lab:list";
    static final String RBB = "lab:rbb [-p|--port PORT] [-t TARGET]";
    static final String FAULT = "lab:fault KIND [ARGS...]";

    @Descriptor("list the lab's virtual targets and probes, with each probe's link counters")
    public Object list(@Descriptor(LIST) String... args) {
        return CommandSyntax.of(LIST).run(args, line -> table());
    }

    private String table() {
        Lab lab = component.lab();
        StringBuilder out = new StringBuilder();
        TextTable targets = new TextTable("Target", "Part", "Core", "Wire");
        for (Lab.Target target : lab.targets()) {
            targets.row(target.name(), target.part(), target.chip().isHalted() ? "halted" : "running",
                    target.chip().wireMode().toString().toLowerCase());
        }
        out.append(targets);
        TextTable probes = new TextTable("Probe", "Kind", "Target", "Link", "Round trips", "Bytes out", "Bytes in",
                "Wire bits", "Modelled ms").numeric(4, 5, 6, 7, 8);
        for (Lab.Probe probe : lab.probes()) {
            LinkStats stats = probe.emulator().linkStats();
            probes.row(probe.serial(), probe.kind(), probe.target().name(),
                    probe.emulator().attachment(), stats.roundTrips(), stats.bytesOut(),
                    stats.bytesIn(), stats.wireBits(), String.format("%.1f", stats.modelledNanos() / 1e6));
        }
        out.append('\n').append(probes);
        if (!component.peMicroNote().isEmpty()) {
            out.append('\n').append(component.peMicroNote());
        }
        return out.toString();
    }

    @Descriptor("serve a lab target's JTAG port with OpenOCD's remote_bitbang protocol on loopback until stopped")
    public Object rbb(@Descriptor(RBB) String... args) {
        return CommandSyntax.of(RBB).run(args, line -> {
            int port = (int) Numbers.parse(line.option("-p").orElse(Integer.toString(DEFAULT_RBB_PORT)), "port");
            if (port < 0 || port > 0xFFFF) {
                throw line.usageError("port " + port + " is not a TCP port (0 picks a free one)");
            }
            try {
                serve(line.target().orElse("microbit"), port);
            } catch (IOException e) {
                throw new ProbeException("remote_bitbang: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
    }

    private void serve(String target, int port) throws IOException, InterruptedException {
        Lab.Target chosen = component.lab().target(target);
        if (chosen.chip().wireMode() != WireMode.JTAG) {
            switchToJtag(chosen.chip().pins());
        }
        SwjPins pins = new ModelledTckPins(chosen.chip().pins(), chosen.chip().clock());
        try (RemoteBitbangServer server = new RemoteBitbangServer(pins, InetAddress.getLoopbackAddress(), port)) {
            server.start();
            PrintStream out = System.out;
            out.println("remote_bitbang: target " + chosen.name() + " (JTAG) on 127.0.0.1:" + server.port()
                    + "; Ctrl-C stops");
            out.flush();
            Object forever = new Object();
            synchronized (forever) {
                forever.wait();
            }
        }
    }

    @Descriptor("inject a fault: unplug|plug PROBE, garble PROBE COUNT, truncate PROBE COUNT LENGTH, mute|unmute PROBE,"
            + " wait-storm TARGET COUNT, bus-fault TARGET ADDRESS LENGTH, stuck TARGET on|off, clear")
    public Object fault(@Descriptor(FAULT) String... args) {
        return CommandSyntax.of(FAULT).run(args, line -> fault(line.argument(0),
                line.arguments().subList(1, line.arguments().size()).toArray(String[]::new)));
    }

    private String fault(String kind, String[] args) {
        Lab lab = component.lab();
        switch (kind) {
            case "unplug":
                lab.bus().detach(usbDevice(probe(lab, args)));
                return "Unplugged " + probe(lab, args).serial();
            case "plug":
                lab.bus().attach(usbDevice(probe(lab, args)));
                return "Plugged " + probe(lab, args).serial();
            case "garble":
                require(args, 2, "garble PROBE COUNT");
                faults(lab, args).garbleNextResponses(count(args[1]));
                return "The next " + args[1] + " responses of " + probe(lab, args).serial() + " carry a wrong echo";
            case "truncate":
                require(args, 3, "truncate PROBE COUNT LENGTH");
                faults(lab, args).truncateNextResponses(count(args[1]),
                        count(args[2]));
                return "The next " + args[1] + " responses of " + probe(lab, args).serial() + " are cut to "
                        + args[2] + " bytes";
            case "mute":
                faults(lab, args).stopAnswering();
                return probe(lab, args).serial() + " stops answering";
            case "unmute":
                faults(lab, args).resumeAnswering();
                return probe(lab, args).serial() + " answers again";
            case "bus-fault":
                require(args, 3, "bus-fault TARGET ADDRESS LENGTH");
                lab.target(args[0]).arm("bus-fault").port().faultRange((int) Numbers.address(args[1]), count(args[2]));
                return "Accesses to " + args[1] + " (+" + args[2] + ") on " + args[0] + " answer FAULT";
            case "wait-storm":
                require(args, 2, "wait-storm TARGET COUNT");
                lab.target(args[0]).arm("wait-storm").port().injectWaitStorm(count(args[1]));
                return "The next " + args[1] + " transfers to " + args[0] + " answer WAIT";
            case "stuck":
                require(args, 2, "stuck TARGET on|off");
                lab.target(args[0]).arm("stuck").mcu().setStuck(args[1].equals("on"));
                return "Core of " + args[0] + (args[1].equals("on") ? " ignores halt requests" : " halts again");
            case "clear":
                for (Lab.Target target : lab.targets()) {
                    if (target.chip() instanceof LabChip.Arm arm) {
                        arm.port().injectWaitStorm(0);
                        arm.port().clearFaultRanges();
                        arm.mcu().setStuck(false);
                    }
                }
                for (Lab.Probe probe : lab.probes()) {
                    probe.emulator().faults().ifPresent(FaultInjector::clear);
                }
                return "Faults cleared";
            default:
                throw new ProbeException("unknown fault '" + kind
                        + "' (unplug, plug, garble, truncate, mute, unmute, wait-storm, bus-fault, stuck, clear)");
        }
    }

    private static Lab.Probe probe(Lab lab, String[] args) {
        require(args, 1, "unplug|plug PROBE");
        return lab.probe(args[0]).orElseThrow(() -> new ProbeException("no lab probe '" + args[0] + "'"));
    }

    private static VirtualUsbDevice usbDevice(Lab.Probe probe) {
        return probe.emulator().usbDevice().orElseThrow(() -> new ProbeException("lab probe " + probe.serial() + " ("
                + probe.kind() + ") is not on the virtual USB bus: its driver's library reaches it over a socket"));
    }

    /** The fault injector of the probe named first in {@code args}, for kinds that have one. */
    private static FaultInjector faults(Lab lab, String[] args) {
        Lab.Probe probe = probe(lab, args);
        return probe.emulator().faults().orElseThrow(() -> new ProbeException("lab probe " + probe.serial() + " ("
                + probe.kind() + ") cannot garble, truncate or withhold its answers"));
    }

    private static int count(String text) {
        return (int) Numbers.parse(text, "count");
    }

    private static void require(String[] args, int count, String usage) {
        if (args == null || args.length < count) {
            throw new ProbeException("usage: lab:fault " + usage);
        }
    }

    /**
     * Puts an SWJ-DP a CMSIS-DAP session left in SWD back into JTAG, as a JTAG adapter would: line
     * reset, the SWD-to-JTAG code 0xE73C, then TMS high into Test-Logic-Reset.
     */
    static void switchToJtag(SwjPins pins) {
        for (int i = 0; i < 56; i++) {
            pins.swdClock(true, true);
        }
        int code = 0xE73C;
        for (int bit = 0; bit < 16; bit++) {
            pins.swdClock(true, ((code >> bit) & 1) != 0);
        }
        for (int i = 0; i < 5; i++) {
            pins.jtagClock(true, true);
        }
    }
}
