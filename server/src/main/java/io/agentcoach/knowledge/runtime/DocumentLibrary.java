package io.agentcoach.knowledge.runtime;

import java.util.List;
import java.util.UUID;

import io.agentcoach.knowledge.KnowledgeSettings;
import io.agentcoach.platform.Problems;
import org.springframework.stereotype.Service;

/** An organization's uploaded documents: stored in the database and kept in this node's index. */
@Service
public class DocumentLibrary {

    static final int MAX_TITLE = 300;

    private final Documents documents;
    private final KnowledgeIndex index;
    private final DocumentText text;

    DocumentLibrary(Documents documents, KnowledgeIndex index, KnowledgeSettings settings) {
        this.documents = documents;
        this.index = index;
        this.text = new DocumentText(settings.maxUploadSize().toBytes(), settings.maxPdfPages());
    }

    /** Extracts, stores and indexes a document; a 4xx problem if it is refused. */
    public Documents.Summary upload(UUID organizationId, UUID userId, String title, String contentType, byte[] content) {
        String name = title == null ? "" : title.strip();
        if (name.isEmpty() || name.length() > MAX_TITLE) {
            throw Problems.badRequest("A document needs a title of 1 to " + MAX_TITLE + " characters.");
        }
        String mediaType = DocumentText.mediaType(contentType);
        String body = text.extract(mediaType, content);
        Documents.Summary summary = documents.add(organizationId, userId, name, mediaType, content.length, body);
        index.indexed(new Documents.Stored(summary, body));
        return summary;
    }

    public List<Documents.Summary> list(UUID organizationId) {
        return documents.ofOrganization(organizationId);
    }

    /** Deletes the organization's document and removes it from the index; 404 if there is none. */
    public void delete(UUID organizationId, UUID id) {
        if (!documents.delete(organizationId, id)) {
            throw Problems.notFound("Document " + id);
        }
        index.removed(id);
    }
}
