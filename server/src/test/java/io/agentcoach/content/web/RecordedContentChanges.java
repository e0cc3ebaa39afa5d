package io.agentcoach.content.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.agentcoach.content.ContentChanged;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/** Records every {@link ContentChanged} a test's application context publishes. */
@TestConfiguration
class RecordedContentChanges {

    final List<ContentChanged> changes = new CopyOnWriteArrayList<>();

    @EventListener
    void on(ContentChanged event) {
        changes.add(event);
    }
}
