package io.agentcoach.knowledge.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Role;
import io.agentcoach.identity.Scopes;
import io.agentcoach.knowledge.KnowledgeSearch;
import io.agentcoach.knowledge.Passage;
import io.agentcoach.knowledge.RetrievalFilter;
import io.agentcoach.knowledge.SourceType;
import io.agentcoach.knowledge.runtime.DocumentLibrary;
import io.agentcoach.knowledge.runtime.Documents;
import io.agentcoach.platform.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Knowledge search over HTTP: hybrid search, related content, and an organization's documents.
 * Anonymous callers see the public curriculum only; signed-in callers also their organization's
 * documents, never another organization's.
 */
@RestController
@RequestMapping("/api/knowledge")
class KnowledgeController {

    private final KnowledgeSearch search;
    private final DocumentLibrary library;
    private final ObjectProvider<CurrentUsers> currentUsers;

    KnowledgeController(KnowledgeSearch search, DocumentLibrary library, ObjectProvider<CurrentUsers> currentUsers) {
        this.search = search;
        this.library = library;
        this.currentUsers = currentUsers;
    }

    record SearchResponse(String query, List<Result> results) {
    }

    record Result(String sourceId, String title, String section, String sectionAnchor, String snippet, String highlighted,
            String sourceType, String track, List<String> skills, double score) {

        static Result of(Passage p) {
            return new Result(p.citation().sourceId(), p.citation().title(), p.section(), p.citation().sectionAnchor(),
                    p.citation().snippet(), p.highlighted(), p.sourceType().name().toLowerCase(Locale.ROOT), p.track(),
                    p.skills(), p.score());
        }
    }

    record DocumentResponse(UUID id, String title, String mediaType, long sizeBytes, Instant createdAt) {

        static DocumentResponse of(Documents.Summary s) {
            return new DocumentResponse(s.id(), s.title(), s.mediaType(), s.sizeBytes(), s.createdAt());
        }
    }

    @GetMapping("/search")
    SearchResponse search(@RequestParam(name = "q", required = false) String q,
            @RequestParam(required = false) String track, @RequestParam(required = false) String skill,
            @RequestParam(required = false) String type, @RequestParam(defaultValue = "10") int limit) {
        if (q == null || q.isBlank()) {
            throw Problems.badRequest("The query parameter q must not be empty.");
        }
        RetrievalFilter filter = filter(track, skill, type, limit);
        List<Result> results = whenReady(() -> search.retrieve(q, filter)).stream().map(Result::of).toList();
        return new SearchResponse(q.strip().length() > 200 ? q.strip().substring(0, 200) : q.strip(), results);
    }

    @GetMapping("/related")
    SearchResponse related(@RequestParam String sourceId, @RequestParam(required = false) String track,
            @RequestParam(required = false) String skill, @RequestParam(required = false) String type,
            @RequestParam(defaultValue = "5") int limit) {
        RetrievalFilter filter = filter(track, skill, type, limit);
        return new SearchResponse(sourceId, whenReady(() -> search.related(sourceId, filter)).stream().map(Result::of).toList());
    }

    @PostMapping("/documents")
    ResponseEntity<DocumentResponse> upload(@RequestParam(required = false) String title,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestBody(required = false) byte[] body) {
        CurrentUser user = editor();
        Documents.Summary stored = library.upload(user.organizationId(), user.userId(), title, contentType,
                body == null ? new byte[0] : body);
        return ResponseEntity.created(URI.create("/api/knowledge/documents/" + stored.id())).body(DocumentResponse.of(stored));
    }

    @GetMapping("/documents")
    List<DocumentResponse> documents() {
        return library.list(users().require().organizationId()).stream().map(DocumentResponse::of).toList();
    }

    @DeleteMapping("/documents/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        library.delete(editor().organizationId(), id);
        return ResponseEntity.noContent().build();
    }

    private CurrentUser editor() {
        CurrentUser user = users().require(Scopes.CONTENT_WRITE);
        if (!user.has(Role.INSTRUCTOR) && !user.has(Role.ORG_ADMIN)) {
            throw Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "Only instructors and organization admins manage documents.");
        }
        return user;
    }

    private CurrentUsers users() {
        CurrentUsers users = currentUsers.getIfAvailable();
        if (users == null) {
            throw Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
                    "This node has no sign-in configured.");
        }
        return users;
    }

    private RetrievalFilter filter(String track, String skill, String type, int limit) {
        if (limit < 1 || limit > RetrievalFilter.MAX_LIMIT) {
            throw Problems.badRequest("limit must be between 1 and " + RetrievalFilter.MAX_LIMIT + ".");
        }
        SourceType sourceType = null;
        if (type != null && !type.isBlank()) {
            try {
                sourceType = SourceType.valueOf(type.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Problems.badRequest("type must be one of lesson, exercise, hint, document.");
            }
        }
        CurrentUsers users = currentUsers.getIfAvailable();
        UUID organization = users == null ? null : users.current().map(CurrentUser::organizationId).orElse(null);
        return new RetrievalFilter(organization, track, skill, sourceType, limit);
    }

    private List<Passage> whenReady(Supplier<List<Passage>> retrieval) {
        if (!search.ready()) {
            ErrorResponseException problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Search not ready",
                    "The search index is still being built; try again in a few seconds.");
            problem.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
            throw problem;
        }
        return retrieval.get();
    }
}
