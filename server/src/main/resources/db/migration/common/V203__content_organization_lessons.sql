-- content: lessons private to one organization, written by its instructors and admins through the
-- API and validated by the same rules as content/ (front matter, skills, checks, links). files holds
-- the lesson as a JSON object {"lesson.md": text}, like content_organization_exercises holds a folder.
-- Tenant-owned: organization_id on every row. Runs on PostgreSQL and H2.

create table content_organization_lessons (
    organization_id  uuid not null,
    lesson_id        varchar(100) not null,
    files            text not null,
    files_hash       varchar(64) not null,
    updated_by       uuid not null,
    updated_at       timestamp with time zone not null,
    primary key (organization_id, lesson_id)
);
