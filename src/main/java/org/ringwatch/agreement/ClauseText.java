package org.ringwatch.agreement;

import io.quarkus.qute.TemplateData;

import java.util.Objects;

/** What one copy of an agreement says about one clause: its state and, when on the paper, its words. */
@TemplateData
public record ClauseText(ClauseTopic topic, Vocabulary.ClauseState state, String quote) {

    public ClauseText {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(state, "state");
    }
}
