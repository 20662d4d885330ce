package org.ringwatch.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What day it is, for everything that turns on the date: deadlines, "overdue", embargoes that
 * lift by themselves, this year's holidays. Records offices count in their own local days; US
 * Eastern is the civil default, and this is the one place to change that.
 *
 * <p>Setting {@code ringwatch.today} pins the date (the tests do, so that no test passes or fails
 * with the calendar); elapsed time (sessions, throttling, leases) always follows the real clock.
 */
@ApplicationScoped
public class Today {

    public static final ZoneId ZONE = ZoneId.of("America/New_York");

    private final Clock clock;

    @Inject
    public Today(RingWatchConfig config) {
        this(clockFor(config.today()));
    }

    Today(Clock clock) {
        this.clock = clock;
    }

    public LocalDate date() {
        return LocalDate.now(clock);
    }

    static Clock clockFor(Optional<LocalDate> pinned) {
        return pinned.map(date -> Clock.fixed(date.atTime(LocalTime.NOON).atZone(ZONE).toInstant(), ZONE))
                .orElseGet(() -> Clock.system(ZONE));
    }
}
