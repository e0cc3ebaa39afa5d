package io.agentcoach.knowledge;

import java.util.List;

/**
 * Supplies the public curriculum to index. The content module (or the built-in loader of
 * {@code content/}) provides it; every bean of this type is indexed at start-up.
 */
public interface CurriculumSource {

    /** The current curriculum documents. */
    List<CurriculumDocument> documents();
}
