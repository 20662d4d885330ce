package org.ringwatch.browse;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import org.ringwatch.agreement.PartnershipTimeline;
import org.ringwatch.agreement.PartnershipTimeline.Timeline;
import org.ringwatch.seed.ProgramMilestones;
import org.ringwatch.seed.ProgramMilestones.Milestone;

import java.util.List;

/** The timeline page of a place, for the national and the state resource alike. */
@ApplicationScoped
class TimelineView {

    private final PartnershipTimeline timelines;
    private final ProgramMilestones milestones;

    TimelineView(PartnershipTimeline timelines, ProgramMilestones milestones) {
        this.timelines = timelines;
        this.milestones = milestones;
    }

    TemplateInstance page(Place place) {
        Timeline timeline = timelines.of(place.scope());
        List<Milestone> all = milestones.all();
        return StatisticsTemplates.timeline(place, timeline, TimelineChart.of(timeline, all), all);
    }
}
