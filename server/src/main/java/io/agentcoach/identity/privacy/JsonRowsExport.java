package io.agentcoach.identity.privacy;

import java.math.BigDecimal;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.agentcoach.identity.PersonalDataExport;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JsonGenerator;

/**
 * Writes query results straight from the database to the export's JSON generator, a fetch batch
 * at a time (PostgreSQL streams a result only inside a transaction and with a fetch size, both of
 * which the export provides).
 */
final class JsonRowsExport implements PersonalDataExport {

    static final int FETCH_SIZE = 200;

    private final UUID userId;
    private final JdbcClient jdbc;
    private final JsonGenerator json;

    JsonRowsExport(UUID userId, JdbcClient jdbc, JsonGenerator json) {
        this.userId = userId;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public UUID userId() {
        return userId;
    }

    @Override
    public JsonGenerator json() {
        return json;
    }

    @Override
    public void rows(String name, String sql, Object... params) {
        json.writeArrayPropertyStart(name);
        writeRows(sql, params);
        json.writeEndArray();
    }

    /** Writes the first row of {@code sql} as an object value, or null when there is none. */
    void object(String sql, Object... params) {
        if (writeRows(sql, params) == 0) {
            json.writeNull();
        }
    }

    private int writeRows(String sql, Object... params) {
        String[][] names = new String[1][];
        int[] count = {0};
        jdbc.sql(sql).params(params).withFetchSize(FETCH_SIZE).query((RowCallbackHandler) rs -> {
            if (names[0] == null) {
                names[0] = camelCaseLabels(rs.getMetaData());
            }
            json.writeStartObject();
            for (int i = 1; i <= names[0].length; i++) {
                json.writeName(names[0][i - 1]);
                writeValue(rs, i);
            }
            json.writeEndObject();
            count[0]++;
        });
        return count[0];
    }

    private void writeValue(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        switch (value) {
            case null -> json.writeNull();
            case Boolean b -> json.writeBoolean(b);
            case Integer n -> json.writeNumber(n);
            case Long n -> json.writeNumber(n);
            case Short n -> json.writeNumber(n);
            case BigDecimal n -> json.writeNumber(n);
            case Double n -> json.writeNumber(n);
            case Float n -> json.writeNumber(n);
            case Timestamp t -> json.writeString(rs.getObject(column, OffsetDateTime.class).toInstant().toString());
            case OffsetDateTime t -> json.writeString(t.toInstant().toString());
            case Clob clob -> json.writeString(clob.getCharacterStream(), -1);
            default -> json.writeString(rs.getString(column));
        }
    }

    static String[] camelCaseLabels(ResultSetMetaData meta) throws SQLException {
        String[] labels = new String[meta.getColumnCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = camelCase(meta.getColumnLabel(i + 1));
        }
        return labels;
    }

    static String camelCase(String column) {
        StringBuilder name = new StringBuilder(column.length());
        boolean upper = false;
        for (char c : column.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = !name.isEmpty();
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
