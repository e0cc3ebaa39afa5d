package io.agentcoach.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import io.agentcoach.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The seed's tables on real PostgreSQL, as Flyway creates them. */
@IntegrationTest
class SeedSchemaIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    private UUID user(String email) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into users (id, email, email_key, display_name) values (?, ?, ?, ?)")
                .params(id, email, email.toLowerCase(), "Ada").update();
        return id;
    }

    @Test
    void emailsAreUniqueRegardlessOfCase() {
        user("Ada@Example.org");
        assertThatThrownBy(() -> user("ada@example.ORG")).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void proficiencyStaysBetweenZeroAndHundred() {
        UUID id = user("grace@example.org");
        jdbc.sql("insert into user_skills (user_id, skill_id, proficiency) values (?, 'react-loop', 100)")
                .param(id).update();
        assertThatThrownBy(() -> jdbc.sql(
                "insert into user_skills (user_id, skill_id, proficiency) values (?, 'tool-calling-basics', 101)")
                .param(id).update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void organizationsOnlyHaveKnownPlansAndGetTimestamps() {
        UUID org = UUID.randomUUID();
        jdbc.sql("insert into organizations (id, name, plan) values (?, 'Acme', 'team')").param(org).update();
        assertThat(jdbc.sql("select created_at is not null from organizations where id = ?").param(org)
                .query(Boolean.class).single()).isTrue();
        assertThatThrownBy(() -> jdbc.sql("insert into organizations (id, name, plan) values (?, 'X', 'gold')")
                .param(UUID.randomUUID()).update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void deletingAUserRemovesTheirSkills() {
        UUID id = user("linus@example.org");
        jdbc.sql("insert into user_skills (user_id, skill_id, proficiency) values (?, 'llm-messages', 40)")
                .param(id).update();
        jdbc.sql("delete from users where id = ?").param(id).update();
        assertThat(jdbc.sql("select count(*) from user_skills where user_id = ?").param(id)
                .query(Long.class).single()).isZero();
    }
}
