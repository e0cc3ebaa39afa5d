package io.agentcoach.identity.privacy;

import java.io.OutputStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.agentcoach.identity.AuditLog;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.PersonalDataContributor;
import io.agentcoach.platform.Tenants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes everything held about a person as one JSON document, {@value #FORMAT}: the envelope with
 * their account, then each module's part from its {@link PersonalDataContributor}. All parts are
 * read in one read-only, repeatable-read transaction, so they agree with each other, and written
 * as they are read, so memory does not grow with the export.
 */
@Service
class PersonalDataExporter {

    static final String FORMAT = "agentcoach-export/1";
    /** Modules in the order the export lists them; modules not named here follow by name. */
    private static final List<String> ORDER = List.of("identity", "content", "practice", "mastery", "coaching",
            "knowledge");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<PersonalDataContributor> contributors;
    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final AuditLog audit;

    PersonalDataExporter(List<PersonalDataContributor> contributors, JdbcClient jdbc,
            PlatformTransactionManager transactionManager, AuditLog audit) {
        this.contributors = contributors.stream().sorted(Comparator
                .comparingInt((PersonalDataContributor c) -> ORDER.contains(c.module()) ? ORDER.indexOf(c.module())
                        : ORDER.size())
                .thenComparing(PersonalDataContributor::module)).toList();
        this.jdbc = jdbc;
        this.audit = audit;
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Writes {@code caller}'s export to {@code out} and audits it. */
    void export(CurrentUser caller, OutputStream out) {
        UUID userId = caller.userId();
        // the person may belong to several organizations: every part reads by user across tenants
        Tenants.runAsSystem(() -> snapshot.executeWithoutResult(status -> {
            try (JsonGenerator json = JSON.createGenerator(out)) {
                json.writeStartObject();
                json.writeStringProperty("format", FORMAT);
                json.writeStringProperty("exportedAt", Instant.now().toString());
                JsonRowsExport export = new JsonRowsExport(userId, jdbc, json);
                json.writeName("user");
                writeUser(export);
                json.writeObjectPropertyStart("modules");
                for (PersonalDataContributor contributor : contributors) {
                    json.writeObjectPropertyStart(contributor.module());
                    contributor.export(export);
                    json.writeEndObject();
                }
                json.writeEndObject();
                json.writeEndObject();
            }
        }));
        audit.record(caller.organizationId(), userId, "account.exported", userId.toString(), null);
    }

    private void writeUser(JsonRowsExport export) {
        export.object("""
                select id, email, display_name, created_at, updated_at, platform_admin, active from users where id = ?""",
                export.userId());
    }
}
