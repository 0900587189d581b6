package dev.aiperf.engine;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.aiperf.transport.TransportDiagnostics;
import org.HdrHistogram.Recorder;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches the client while a phase runs: how promptly the transport's I/O threads run a task handed to
 * them (every {@value #PROBE_INTERVAL_MS} ms), the process's CPU use (per second), and every
 * stop-the-world GC pause. One daemon thread, asleep between probes; nothing on the request path.
 */
final class ClientLoadMonitor {

    static final long PROBE_INTERVAL_MS = 10;
    private static final long CPU_WINDOW_NS = TimeUnit.SECONDS.toNanos(1);

    /** What the monitor saw; lag figures are null when the transport cannot be probed. */
    record ClientLoad(Double ioLagP99Ms, Double ioLagMaxMs, long ioLagSamples, Double cpuLoadAvg, Double cpuLoadMax,
                      int processors, long gcPauses, double gcPauseTotalMs, double gcPauseMaxMs, double seconds) {
    }

    private final TransportDiagnostics transport;
    private final Recorder ioLag = new Recorder(3);
    private final com.sun.management.OperatingSystemMXBean os;
    private final int processors = Runtime.getRuntime().availableProcessors();
    private final List<NotificationEmitter> gcEmitters = new ArrayList<>();
    private final NotificationListener gcListener = this::onGc;
    private final AtomicLong gcPauses = new AtomicLong();
    private final AtomicLong gcPauseTotalMs = new AtomicLong();
    private final AtomicLong gcPauseMaxMs = new AtomicLong();
    private final Thread thread;
    private final long startNs;
    private final long startCpuNs;
    private volatile boolean stopped;
    private double cpuLoadMax = Double.NaN;

    private ClientLoadMonitor(TransportDiagnostics transport) {
        this.transport = transport;
        OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        this.os = bean instanceof com.sun.management.OperatingSystemMXBean sun ? sun : null;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(gcListener, null, null);
                gcEmitters.add(emitter);
            }
        }
        this.startNs = System.nanoTime();
        this.startCpuNs = cpuNs();
        this.thread = new Thread(this::watch, "aiperf-client-monitor");
        thread.setDaemon(true);
    }

    /** Starts watching; {@code transport} is null when the transport cannot be probed. */
    static ClientLoadMonitor start(TransportDiagnostics transport) {
        ClientLoadMonitor monitor = new ClientLoadMonitor(transport);
        monitor.thread.start();
        return monitor;
    }

    /** Stops watching and tells what it saw. */
    ClientLoad stop() {
        stopped = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (NotificationEmitter emitter : gcEmitters) {
            try {
                emitter.removeNotificationListener(gcListener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
        long elapsedNs = Math.max(1, System.nanoTime() - startNs);
        Double cpuAvg = os == null ? null : (cpuNs() - startCpuNs) / (double) elapsedNs / processors;
        Double cpuMax = os == null ? null : Double.isNaN(cpuLoadMax) ? cpuAvg : Math.max(cpuLoadMax, cpuAvg);
        org.HdrHistogram.Histogram lag = ioLag.getIntervalHistogram();
        boolean probed = transport != null && lag.getTotalCount() > 0;
        return new ClientLoad(probed ? lag.getValueAtPercentile(99) / 1e6 : null,
                probed ? lag.getMaxValue() / 1e6 : null, lag.getTotalCount(), cpuAvg, cpuMax, processors,
                gcPauses.get(), gcPauseTotalMs.get(), gcPauseMaxMs.get(), elapsedNs / 1e9);
    }

    private void watch() {
        long windowStartNs = System.nanoTime();
        long windowStartCpu = cpuNs();
        while (!stopped) {
            if (transport != null) {
                transport.probeIoThreads(ioLag::recordValue);
            }
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(PROBE_INTERVAL_MS));
            long now = System.nanoTime();
            if (os != null && now - windowStartNs >= CPU_WINDOW_NS) {
                long cpu = cpuNs();
                double load = (cpu - windowStartCpu) / (double) (now - windowStartNs) / processors;
                cpuLoadMax = Double.isNaN(cpuLoadMax) ? load : Math.max(cpuLoadMax, load);
                windowStartNs = now;
                windowStartCpu = cpu;
            }
        }
    }

    private long cpuNs() {
        return os == null ? 0 : os.getProcessCpuTime();
    }

    /**
     * Counts a collection when it stopped the application. Collectors that report whole concurrent
     * cycles (G1's "Concurrent GC", ZGC's and Shenandoah's "Cycles") run beside the application; their
     * pauses are reported separately under "Pauses" or the young and old generation beans.
     */
    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        String name = info.getGcName().toLowerCase(Locale.ROOT);
        if (name.contains("concurrent") || name.contains("cycles")) {
            return;
        }
        long ms = info.getGcInfo().getDuration();
        gcPauses.incrementAndGet();
        gcPauseTotalMs.addAndGet(ms);
        gcPauseMaxMs.accumulateAndGet(ms, Math::max);
    }
}
