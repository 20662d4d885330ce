package org.ringwatch.browse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.ringwatch.agreement.PartnershipTimeline.Timeline;
import org.ringwatch.agreement.RequestStatistics.Figures;
import org.ringwatch.seed.ProgramMilestones.Milestone;

import java.util.List;

/**
 * The statistics and timeline pages, shared by their national and per-state resources: a state's
 * page needs a class path of its own ({@code /states/{code}/statistics}), since a method of a
 * class at {@code /} is not reached under {@code /states}, and one resource may not use another's
 * nested templates.
 */
@CheckedTemplate(basePath = "StatisticsPages")
class StatisticsTemplates {

    static native TemplateInstance statistics(Place place, Figures figures, int minRequests);

    static native TemplateInstance timeline(Place place, Timeline timeline, TimelineChart chart,
            List<Milestone> milestones);
}
