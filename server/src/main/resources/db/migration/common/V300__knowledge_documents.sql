-- Documents an organization uploads for knowledge search; body is the extracted text (Markdown).
create table knowledge_documents (
    id              uuid primary key,
    organization_id uuid not null,
    title           varchar(300) not null,
    media_type      varchar(100) not null,
    size_bytes      bigint not null,
    body            text not null,
    created_by      uuid,
    created_at      timestamp with time zone not null
);

create index knowledge_documents_organization on knowledge_documents (organization_id, created_at);
