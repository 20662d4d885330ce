package org.ringwatch.dump;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.ringwatch.platform.RingWatchConfig;

/**
 * Makes the day's dump on the configured schedule ({@code ringwatch.dumps.cron}). Every instance
 * runs it; the maker's lock and the one-per-day row leave one dump. A failure is logged and the
 * next day's run, or an admin, tries again.
 */
@ApplicationScoped
public class DailyDump {

    private static final Logger LOG = Logger.getLogger(DailyDump.class);

    private final DumpMaker maker;
    private final RingWatchConfig config;

    public DailyDump(DumpMaker maker, RingWatchConfig config) {
        this.maker = maker;
        this.config = config;
    }

    @Scheduled(cron = "${ringwatch.dumps.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "daily-dump")
    void run() {
        if (!config.dumps().daily()) {
            return;
        }
        try {
            maker.today();
        } catch (RuntimeException e) {
            LOG.error("The daily dump failed; it is tried again tomorrow, or an admin can make it now", e);
        }
    }
}
