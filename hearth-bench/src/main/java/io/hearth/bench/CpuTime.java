package io.hearth.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this process and of the calling thread. On a machine shared with other builds the
 * wall clock measures the queue for the cores as much as the code; CPU time measures the code.
 */
final class CpuTime {

    private CpuTime() {}

    /** CPU nanoseconds used by every thread of this JVM so far (JIT and GC included). */
    static long process() {
        var bean = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return bean.getProcessCpuTime();
    }

    /** CPU nanoseconds used by the calling thread so far. */
    static long thread() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
