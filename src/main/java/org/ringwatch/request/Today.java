package org.ringwatch.request;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What day it is for deadlines. Records offices count in their own local days; US Eastern is
 * the civil default, and the one place to change that.
 */
@ApplicationScoped
public class Today {

    public static final ZoneId ZONE = ZoneId.of("America/New_York");

    public LocalDate date() {
        return LocalDate.now(ZONE);
    }
}
