package dev.aiperf.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * The child process of {@link WholeLineFileTest}: appends numbered JSON lines of varied lengths to a
 * {@link WholeLineFile}, flushing every few lines, until it is killed or a write fails; then prints
 * the error and exits 3. With a pause (third argument, microseconds) it writes at the rhythm of the
 * records pipeline under load: a small batch, then a pause.
 */
public final class LineWritingProcess {
    private LineWritingProcess() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long limit = args.length > 1 ? Long.parseLong(args[1]) : Long.MAX_VALUE;
        long pauseNs = args.length > 2 ? Long.parseLong(args[2]) * 1_000 : 0;
        try (WholeLineFile out = new WholeLineFile(file)) {
            for (long i = 0; i < limit; i++) {
                out.append(line(i));
                if (i % 7 == 6) {
                    out.flush();
                    if (pauseNs > 0) {
                        LockSupport.parkNanos(pauseNs);
                    }
                }
            }
        } catch (IOException e) {
            System.out.println("error: " + e.getMessage());
            System.out.flush();
            System.exit(3);
        }
    }

    /** Line i: valid JSON whose length varies from about 60 to 3,000 bytes, so batches end anywhere. */
    static String line(long i) {
        return "{\"n\":" + i + ",\"pad\":\"" + "x".repeat((int) ((i * 7919) % 3000)) + "\"}";
    }
}
