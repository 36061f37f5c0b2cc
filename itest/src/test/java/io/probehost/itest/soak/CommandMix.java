package io.probehost.itest.soak;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The soak's random stream of commands: reads, writes, registers, run control, RTT, a flash now and
 * then, each at a random lab probe, interleaved with faults injected into a random probe or target
 * (unplug, garble, truncate, mute, WAIT storms, bus faults, stuck cores) and clears. Seeded, so a
 * failing run can be repeated. Thread-safe: the soak's clients draw from one mix.
 * <p>
 * Bounds are wall time on a loaded shared machine: a command that reaches a muted probe or a stuck
 * core waits for the driver's timeouts (5 s a USB transfer) before its one error line.
 */
final class CommandMix {
    static final long QUICK_BOUND_MILLIS = 30_000;
    static final long FLASH_BOUND_MILLIS = 120_000;
    static final long FAULT_BOUND_MILLIS = 10_000;
    /**
     * Reads start at RAM, where the examples keep their data and RTT buffers; writes go 4 KiB in, past
     * the examples' data (under 0x600 bytes) and below their stacks, so they never break the firmware.
     */
    private static final String READ_ADDRESS = "0x20000000";
    private static final String WRITE_ADDRESS = "0x20001000";

    private final Random random;
    private final SoakLab lab;
    private final Path examples;
    private final Set<String> unplugged = new HashSet<>();
    /** Probes with an unplug or plug on its way: clients may run commands out of the order they drew them. */
    private final Set<String> plugging = new HashSet<>();
    private final List<Weighted> weights = List.of(
            new Weighted(6, this::probeList), new Weighted(18, this::memRead), new Weighted(12, this::memWrite),
            new Weighted(10, () -> onProbe("reg")), new Weighted(8, () -> onProbe("target:halt")),
            new Weighted(8, () -> onProbe("target:go")), new Weighted(6, () -> onProbe("target:step")),
            new Weighted(4, () -> onProbe("target:reset")), new Weighted(5, () -> onProbe("rtt:read")),
            new Weighted(1, this::flash), new Weighted(12, this::fault), new Weighted(3, this::clear));
    private final int totalWeight = weights.stream().mapToInt(Weighted::weight).sum();

    private record Weighted(int weight, Supplier<SoakCommand> command) {
    }

    CommandMix(long seed, SoakLab lab, Path examples) {
        this.random = new Random(seed);
        this.lab = lab;
        this.examples = examples;
    }

    synchronized SoakCommand next() {
        int pick = random.nextInt(totalWeight);
        for (Weighted weighted : weights) {
            pick -= weighted.weight();
            if (pick < 0) {
                return weighted.command().get();
            }
        }
        throw new IllegalStateException("weights changed");
    }

    /**
     * For each probe: connect it to its target (so that stand-alone probes, J-Link and Picoprobe, know
     * it), then flash the example image that writes to RTT.
     */
    List<List<SoakCommand>> setUp() {
        return lab.probes().stream().map(probe -> List.of(new SoakCommand("target:connect",
                List.of("target:connect", "-u", probe.serial(), "-t", probe.packTarget()), QUICK_BOUND_MILLIS),
                flash(probe))).toList();
    }

    /** Clears every fault and plugs back every unplugged probe: the lab as it started. */
    synchronized List<SoakCommand> restoreLab() {
        List<SoakCommand> restore = new ArrayList<>();
        restore.add(fault("clear"));
        for (String serial : unplugged) {
            restore.add(fault("plug", serial));
        }
        unplugged.clear();
        return restore;
    }

    private SoakLab.Probe anyProbe() {
        return lab.probes().get(random.nextInt(lab.probes().size()));
    }

    /** The command at a random probe, failing at once (-W) when that probe is unplugged. */
    private SoakCommand onProbe(String kind, String... arguments) {
        List<String> line = new ArrayList<>(List.of(kind, "-u", anyProbe().serial(), "-W"));
        line.addAll(List.of(arguments));
        return new SoakCommand(kind, line, QUICK_BOUND_MILLIS);
    }

    private SoakCommand probeList() {
        return new SoakCommand("probe:list", List.of("probe:list"), QUICK_BOUND_MILLIS);
    }

    private SoakCommand memRead() {
        return onProbe("mem:read32", READ_ADDRESS, Integer.toString(1 + random.nextInt(16)));
    }

    private SoakCommand memWrite() {
        return onProbe("mem:write32", WRITE_ADDRESS,
                String.format("0x%08x", random.nextInt()));
    }

    private SoakCommand flash() {
        return flash(anyProbe());
    }

    private SoakCommand flash(SoakLab.Probe probe) {
        // -t as a user names it for a stand-alone probe (J-Link, Picoprobe) whose session a fault has closed
        return new SoakCommand("flash:program", List.of("flash:program", "-u", probe.serial(), "-W", "-t",
                probe.packTarget(), examples.resolve(probe.exampleImage()).toString()), FLASH_BOUND_MILLIS);
    }

    private SoakCommand clear() {
        return fault("clear");
    }

    /** Says that a command drawn from this mix has ended (an unplug or plug of its probe is then done). */
    synchronized void ended(SoakCommand command) {
        if (isPlugging(command)) {
            plugging.remove(command.line().get(2));
        }
    }

    private static boolean isPlugging(SoakCommand command) {
        return command.kind().equals("lab:fault unplug") || command.kind().equals("lab:fault plug");
    }

    /**
     * A random fault at a random probe or target; an unplugged probe is plugged back instead. A probe
     * whose unplug or plug has not ended yet gets a WAIT storm instead, so plugs and unplugs keep order.
     */
    private SoakCommand fault() {
        SoakLab.Probe probe = anyProbe();
        if (plugging.contains(probe.serial())) {
            return fault("wait-storm", probe.target(), Integer.toString(1 + random.nextInt(200)));
        }
        if (unplugged.remove(probe.serial())) {
            plugging.add(probe.serial());
            return fault("plug", probe.serial());
        }
        return switch (random.nextInt(7)) {
            case 0 -> {
                unplugged.add(probe.serial());
                plugging.add(probe.serial());
                yield fault("unplug", probe.serial());
            }
            case 1 -> probe.takesProbeFaults() ? fault("garble", probe.serial(), Integer.toString(1 + random.nextInt(3)))
                    : fault("wait-storm", probe.target(), Integer.toString(1 + random.nextInt(200)));
            case 2 -> probe.takesProbeFaults()
                    ? fault("truncate", probe.serial(), Integer.toString(1 + random.nextInt(3)), "4")
                    : fault("bus-fault", probe.target(), READ_ADDRESS, "16");
            case 3 -> probe.takesProbeFaults() ? fault(random.nextBoolean() ? "mute" : "unmute", probe.serial())
                    : fault("stuck", probe.target(), "off");
            case 4 -> fault("wait-storm", probe.target(), Integer.toString(1 + random.nextInt(200)));
            case 5 -> fault("bus-fault", probe.target(), READ_ADDRESS, "16");
            default -> fault("stuck", probe.target(), random.nextBoolean() ? "on" : "off");
        };
    }

    private static SoakCommand fault(String... arguments) {
        List<String> line = new ArrayList<>(List.of("lab:fault"));
        line.addAll(List.of(arguments));
        return new SoakCommand("lab:fault " + arguments[0], line, FAULT_BOUND_MILLIS);
    }
}
