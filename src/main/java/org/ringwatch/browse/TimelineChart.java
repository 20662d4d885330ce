package org.ringwatch.browse;

import io.quarkus.qute.TemplateData;
import org.ringwatch.agreement.PartnershipTimeline;
import org.ringwatch.agreement.PartnershipTimeline.Month;
import org.ringwatch.agreement.PartnershipTimeline.Timeline;
import org.ringwatch.seed.ProgramMilestones.Milestone;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The geometry of the timeline's SVG, worked out here so that the template only writes it out:
 * two panels sharing one month axis (agencies that went live, agreements signed), each scaled to
 * its own largest month, and a numbered marker for each milestone that falls in the range. The
 * numbers are the milestones' places in the list beside the chart, which also holds those
 * outside the range. Drawn in user units of a fixed viewBox, so it scales to any screen.
 */
@TemplateData
public record TimelineChart(int width, int height, List<Panel> panels, List<Tick> ticks, List<Marker> markers,
        int plotTop, int plotBottom) {

    static final int LEFT = 56;
    static final int MONTH = 19;
    static final int RIGHT = 16;
    static final int MARKER_ROW = 34;

    @TemplateData
    public record Panel(String label, int top, int baseline, long max, List<Bar> bars, String css) {

        public int labelY() {
            return top - 8;
        }

        public int maxY() {
            return top + 4;
        }
    }

    @TemplateData
    public record Bar(double x, double y, double width, double height, String title) {
    }

    /** A year's first month on the axis. */
    @TemplateData
    public record Tick(double x, String label) {

        public double labelX() {
            return x + 3;
        }
    }

    /** Milestone number {@code number} of the list, drawn at its date. */
    @TemplateData
    public record Marker(int number, double x, double y, String title) {

        public double lineTop() {
            return y + 7;
        }

        public double textY() {
            return y + 3;
        }
    }

    public int plotLeft() {
        return LEFT;
    }

    public int scaleX() {
        return LEFT - 6;
    }

    public int plotRight() {
        return width - RIGHT;
    }

    public int tickBottom() {
        return plotBottom + 6;
    }

    public int yearLabelY() {
        return plotBottom + 18;
    }

    static TimelineChart of(Timeline timeline, List<Milestone> milestones) {
        List<Month> months = timeline.months();
        int width = LEFT + MONTH * months.size() + RIGHT;
        Panel live = panel("Agencies that went live on Ring's portal", MARKER_ROW + 24, 150, months,
                timeline.maxLive(), true, "live");
        Panel signed = panel("Agreements signed", live.baseline() + 48, 90, months, timeline.maxSigned(), false,
                "signed");
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            if (months.get(i).month().getMonthValue() == 1) {
                ticks.add(new Tick(LEFT + i * MONTH, String.valueOf(months.get(i).month().getYear())));
            }
        }
        List<Marker> markers = new ArrayList<>();
        for (int i = 0; i < milestones.size(); i++) {
            Milestone milestone = milestones.get(i);
            Optional<Double> x = x(milestone.date());
            if (x.isPresent()) {
                // Two rows, alternately, so that markers a few days apart stay readable.
                double y = markers.size() % 2 == 0 ? 12 : 28;
                markers.add(new Marker(i + 1, x.get(), y,
                        (i + 1) + ". " + milestone.dateText() + ": " + milestone.description()));
            }
        }
        return new TimelineChart(width, signed.baseline() + 28, List.of(live, signed), ticks, markers,
                live.top(), signed.baseline());
    }

    private static Panel panel(String label, int top, int height, List<Month> months, long max, boolean live,
            String css) {
        int baseline = top + height;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            Month month = months.get(i);
            long count = live ? month.live() : month.signed();
            double barHeight = max == 0 ? 0 : (double) count * height / max;
            String what = live ? (count == 1 ? "agency went live" : "agencies went live")
                    : (count == 1 ? "agreement signed" : "agreements signed");
            bars.add(new Bar(LEFT + i * MONTH + 2, round(baseline - barHeight), MONTH - 4, round(barHeight),
                    monthName(month.month()) + ": " + count + " " + what));
        }
        return new Panel(label, top, baseline, max, bars, css);
    }

    /** Where a date falls on the month axis, if it is in the range. */
    private static Optional<Double> x(LocalDate date) {
        YearMonth month = YearMonth.from(date);
        if (month.isBefore(PartnershipTimeline.FIRST) || month.isAfter(PartnershipTimeline.LAST)) {
            return Optional.empty();
        }
        int index = (int) PartnershipTimeline.FIRST.until(month, ChronoUnit.MONTHS);
        double within = (date.getDayOfMonth() - 1) / (double) month.lengthOfMonth();
        return Optional.of(round(LEFT + (index + within) * MONTH));
    }

    static String monthName(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                + month.getYear();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
