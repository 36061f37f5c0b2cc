package io.probehost.sim.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.text.Numbers;
import io.probehost.command.CommandSyntax;
import io.probehost.command.ProcessCpu;

/**
 * {@code lab:idle}: the CPU the runtime uses while nobody talks to the lab, over some seconds, and
 * the threads that used most: halted or sleeping virtual cores should cost next to nothing.
 */
@Component(service = LabIdleCommand.class, property = {"osgi.command.scope=lab", "osgi.command.function=idle"})
public final class LabIdleCommand {
    static final String IDLE = "lab:idle [--for SECONDS]";
    private static final int BUSIEST = 3;

    private final LabComponent component;

    @Activate
    public LabIdleCommand(@Reference LabComponent component) {
        this.component = component;
    }

    @Descriptor("measure the CPU the runtime uses over SECONDS (default 10) while the lab sits idle, and the "
            + "busiest threads")
    public Object idle(@Descriptor(IDLE) String... args) {
        return CommandSyntax.of(IDLE).run(args, line -> {
            long seconds = Numbers.parse(line.option("--for").orElse("10"), "SECONDS");
            if (seconds <= 0) {
                throw line.usageError("--for takes a positive number of seconds");
            }
            return measure(seconds);
        });
    }

    private String measure(long seconds) {
        Lab lab = component.lab();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> before = threadCpu(threads);
        long cpuBefore = ProcessCpu.nanos();
        long start = System.nanoTime();
        try {
            TimeUnit.SECONDS.sleep(seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long wall = System.nanoTime() - start;
        long cpu = ProcessCpu.nanos() - cpuBefore;
        Map<Long, Long> after = threadCpu(threads);
        long halted = lab.targets().stream().filter(t -> t.chip().isHalted()).count();
        StringBuilder out = new StringBuilder(String.format(
                "Idle lab of %d targets (%d halted, %d not halted) for %.1f s: CPU %.3f s, %.1f%% of one core",
                lab.targets().size(), halted, lab.targets().size() - halted, wall / 1e9, cpu / 1e9,
                100.0 * cpu / wall));
        List<long[]> used = new ArrayList<>();
        after.forEach((id, nanos) -> used.add(new long[] {id, nanos - before.getOrDefault(id, 0L)}));
        used.sort((a, b) -> Long.compare(b[1], a[1]));
        out.append("\nBusiest threads:");
        for (long[] thread : used.subList(0, Math.min(BUSIEST, used.size()))) {
            var info = threads.getThreadInfo(thread[0]);
            out.append(String.format(" %s %.3f s;", info == null ? "#" + thread[0] : info.getThreadName(),
                    thread[1] / 1e9));
        }
        return out.toString();
    }

    private static Map<Long, Long> threadCpu(ThreadMXBean threads) {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }
}
