package org.ringwatch.state;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

/** A legal holiday as a rule ("fourth Thursday of November"), so any year can be computed. */
@Entity
public class HolidayRule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "state_code", columnDefinition = "bpchar(2)")
    public String stateCode;

    public String name;
    /** fixed_date, nth_weekday or last_weekday. */
    public String kind;
    public short month;
    public Short dayOfMonth;
    /** ISO day of week, 1 = Monday. */
    public Short dayOfWeek;
    public Short nth;
    /** none, federal (Saturday to Friday, Sunday to Monday) or sunday_to_monday. */
    public String observed;
    public Short firstYear;
    public Short lastYear;
    public String citation;

    /** The federal rules and the state's own: the federal set is every calendar's floor. */
    public static List<HolidayRule> forState(String stateCode) {
        return list("stateCode in ('US', ?1) order by month, name", stateCode);
    }

    /** The date the rule names in {@code year}, if the rule was in force that year. */
    public Optional<LocalDate> dateIn(int year) {
        if ((firstYear != null && year < firstYear) || (lastYear != null && year > lastYear)) {
            return Optional.empty();
        }
        LocalDate first = LocalDate.of(year, month, 1);
        return Optional.of(switch (kind) {
            case "fixed_date" -> first.withDayOfMonth(dayOfMonth);
            case "nth_weekday" -> first.with(TemporalAdjusters.dayOfWeekInMonth(nth, DayOfWeek.of(dayOfWeek)));
            case "last_weekday" -> first.with(TemporalAdjusters.lastInMonth(DayOfWeek.of(dayOfWeek)));
            default -> throw new IllegalStateException("unknown holiday rule kind " + kind);
        });
    }

    /** The day offices close for a holiday that falls on {@code date}. */
    public LocalDate observedOn(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return switch (observed) {
            case "federal" -> day == DayOfWeek.SATURDAY ? date.minusDays(1)
                    : day == DayOfWeek.SUNDAY ? date.plusDays(1) : date;
            case "sunday_to_monday" -> day == DayOfWeek.SUNDAY ? date.plusDays(1) : date;
            default -> date;
        };
    }
}
