package io.probehost.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

import io.probehost.client.StationEndpoint;

/**
 * The station's log: one line per event, to the console and to rotating files in the endpoint's
 * folder ({@code station.0.log} the newest, five files of at most 1 MB).
 */
final class StationLog {
    private static final int FILE_LIMIT_BYTES = 1 << 20;
    private static final int FILE_COUNT = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private StationLog() {
    }

    static Logger open(StationEndpoint endpoint, PrintStream console) {
        Logger logger = Logger.getLogger("io.probehost.station");
        logger.setUseParentHandlers(false);
        for (Handler old : logger.getHandlers()) {
            logger.removeHandler(old);
            old.close();
        }
        Formatter oneLine = new OneLine();
        Handler toConsole = new StreamHandler(console, oneLine) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        logger.addHandler(toConsole);
        try {
            FileHandler toFile = new FileHandler(endpoint.logPattern(), FILE_LIMIT_BYTES, FILE_COUNT, true);
            toFile.setFormatter(oneLine);
            logger.addHandler(toFile);
        } catch (IOException e) {
            logger.warning("no log file in " + endpoint.folder() + ": " + e.getMessage());
        }
        logger.setLevel(Level.INFO);
        return logger;
    }

    static void close(Logger logger) {
        for (Handler handler : logger.getHandlers()) {
            handler.close();
            logger.removeHandler(handler);
        }
    }

    /** {@code 2026-12-05 00:40:12.345 INFO message}, the thrown exception's message appended. */
    static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            String failure = record.getThrown() == null ? "" : ": " + CommandRunner.oneLine(record.getThrown());
            return TIME.format(LocalDateTime.ofInstant(record.getInstant(), ZoneId.systemDefault())) + " " + record.getLevel() + " " + formatMessage(record) + failure
                    + System.lineSeparator();
        }
    }
}
