package org.ringwatch.state;

import java.util.List;

/** The federal holiday rules of db/seed/holidays, built in memory for unit tests. */
public final class FederalHolidays {

    private FederalHolidays() {
    }

    public static List<HolidayRule> rules() {
        return List.of(
                fixed("New Year's Day", 1, 1, "federal", null),
                nth("Birthday of Martin Luther King, Jr.", 1, 1, 3, (short) 1986),
                nth("Washington's Birthday", 2, 1, 3, null),
                last("Memorial Day", 5, 1),
                fixed("Juneteenth National Independence Day", 6, 19, "federal", (short) 2021),
                fixed("Independence Day", 7, 4, "federal", null),
                nth("Labor Day", 9, 1, 1, null),
                nth("Columbus Day", 10, 1, 2, null),
                fixed("Veterans Day", 11, 11, "federal", null),
                nth("Thanksgiving Day", 11, 4, 4, null),
                fixed("Christmas Day", 12, 25, "federal", null));
    }

    public static BusinessCalendar calendar() {
        return new BusinessCalendar(rules());
    }

    static HolidayRule fixed(String name, int month, int day, String observed, Short firstYear) {
        HolidayRule rule = rule(name, "fixed_date", month, observed);
        rule.dayOfMonth = (short) day;
        rule.firstYear = firstYear;
        return rule;
    }

    static HolidayRule nth(String name, int month, int dayOfWeek, int nth, Short firstYear) {
        HolidayRule rule = rule(name, "nth_weekday", month, "none");
        rule.dayOfWeek = (short) dayOfWeek;
        rule.nth = (short) nth;
        rule.firstYear = firstYear;
        return rule;
    }

    static HolidayRule last(String name, int month, int dayOfWeek) {
        HolidayRule rule = rule(name, "last_weekday", month, "none");
        rule.dayOfWeek = (short) dayOfWeek;
        return rule;
    }

    private static HolidayRule rule(String name, String kind, int month, String observed) {
        HolidayRule rule = new HolidayRule();
        rule.name = name;
        rule.kind = kind;
        rule.month = (short) month;
        rule.observed = observed;
        rule.citation = "5 U.S.C. § 6103(a)";
        return rule;
    }
}
