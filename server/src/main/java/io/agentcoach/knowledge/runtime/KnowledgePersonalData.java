package io.agentcoach.knowledge.runtime;

import java.util.List;
import java.util.UUID;

import io.agentcoach.identity.AccountErasure;
import io.agentcoach.identity.PersonalDataContributor;
import io.agentcoach.identity.PersonalDataExport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Knowledge's part of a person's data: the documents they uploaded, with their text. Documents
 * belong to the organization and stay when the person leaves, no longer naming the uploader; an
 * organization deleted with the person takes its documents along, out of this node's index too.
 */
@Component
class KnowledgePersonalData implements PersonalDataContributor {

    private final JdbcClient jdbc;
    private final KnowledgeIndex index;

    KnowledgePersonalData(JdbcClient jdbc, KnowledgeIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    @Override
    public String module() {
        return "knowledge";
    }

    @Override
    public void export(PersonalDataExport export) {
        export.rows("documentsUploaded", """
                select id, organization_id, title, media_type, size_bytes, created_at, body from knowledge_documents
                where created_by = ? order by created_at, id""", export.userId());
    }

    @Override
    public void erase(AccountErasure erasure) {
        for (UUID organization : erasure.deletedOrganizationIds()) {
            List<UUID> documents = jdbc.sql("select id from knowledge_documents where organization_id = ?")
                    .param(organization).query(UUID.class).list();
            jdbc.sql("delete from knowledge_documents where organization_id = ?").param(organization).update();
            // the index is no transaction's: it changes once the deletion is committed
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    documents.forEach(index::removed);
                }
            });
        }
        jdbc.sql("update knowledge_documents set created_by = null where created_by = ?").param(erasure.userId())
                .update();
    }
}
