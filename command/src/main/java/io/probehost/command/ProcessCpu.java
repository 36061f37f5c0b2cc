package io.probehost.command;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The CPU time this process has used, all threads together, from the platform's operating-system
 * MBean (read by name, so no JDK-internal package is imported); -1 where the JVM does not tell.
 */
public final class ProcessCpu {
    private ProcessCpu() {
    }

    public static long nanos() {
        try {
            Object value = ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new ObjectName("java.lang:type=OperatingSystem"), "ProcessCpuTime");
            return value instanceof Long nanos ? nanos : -1;
        } catch (JMException | RuntimeException e) {
            return -1;
        }
    }

    /** The processors the JVM may use. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
