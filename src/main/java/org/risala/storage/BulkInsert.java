package org.risala.storage;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes many rows into one table at once, in the caller's transaction: with {@code COPY} on PostgreSQL, a JDBC batch
 * on other databases. A fan-out stores 100,000 alerts and as many charges: PostgreSQL copies rows for less than half
 * of what it spends on the same rows as batched inserts, and the driver has no parameters to bind.
 *
 * <p>A value is a {@link String}, {@link UUID}, {@link Integer}, {@link Long}, {@link Boolean}, {@link BigDecimal},
 * {@link OffsetDateTime} or null. A constraint violated is thrown as the same {@code DataAccessException} an insert
 * gives, e.g. {@code DuplicateKeyException}.
 */
@Component
public class BulkInsert {

    /** rows are sent to the database in pieces of about this many characters */
    private static final int FLUSH_CHARS = 256 * 1024;
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    public BulkInsert(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /**
     * @param columns the columns the values of each row are for, in order
     * @param row     the values of one item's row
     */
    public <T> void insert(String table, List<String> columns, List<T> items, Function<T, Object[]> row) {
        write(table, columns, items, row, false);
    }

    /**
     * As {@link #insert}, but a row whose key is already stored is left out, as {@code INSERT … ON CONFLICT DO
     * NOTHING} leaves it. Such rows are rare (a retry after a lapsed claim): on PostgreSQL the rows are copied, and
     * only when one turns out to be there already is the copy undone (to a savepoint) and the slower insert that
     * skips it used instead.
     */
    public <T> void insertMissing(String table, List<String> columns, List<T> items, Function<T, Object[]> row) {
        write(table, columns, items, row, true);
    }

    private <T> void write(String table, List<String> columns, List<T> items, Function<T, Object[]> row,
                           boolean skipStored) {
        if (items.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (!connection.isWrapperFor(PGConnection.class) || (skipStored && connection.getAutoCommit())) {
                batch(table, columns, items, row, skipStored);
            } else if (!skipStored) {
                copy(connection.unwrap(PGConnection.class), table, columns, items, row);
            } else {
                Savepoint beforeCopy = connection.setSavepoint();
                try {
                    copy(connection.unwrap(PGConnection.class), table, columns, items, row);
                    connection.releaseSavepoint(beforeCopy);
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    connection.rollback(beforeCopy);
                    batch(table, columns, items, row, true);
                }
            }
        } catch (SQLException e) {
            throw jdbc.getExceptionTranslator().translate("COPY " + table, null, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static <T> void copy(PGConnection connection, String table, List<String> columns, List<T> items,
                                 Function<T, Object[]> row) throws SQLException {
        CopyIn copy = connection.getCopyAPI()
                .copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN");
        try {
            StringBuilder rows = new StringBuilder(FLUSH_CHARS + 8192);
            // the rows of a batch mostly share their times and amounts (accepted now, the same fee): each column
            // remembers the text of its last one
            Object[] lastValue = new Object[columns.size()];
            String[] lastText = new String[columns.size()];
            for (T item : items) {
                Object[] values = row.apply(item);
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        rows.append('\t');
                    }
                    Object value = values[i];
                    if (value instanceof OffsetDateTime || value instanceof BigDecimal) {
                        if (!value.equals(lastValue[i])) {
                            lastValue[i] = value;
                            lastText[i] = copyText(value);
                        }
                        rows.append(lastText[i]);
                    } else {
                        appendCopyText(rows, value);
                    }
                }
                rows.append('\n');
                if (rows.length() >= FLUSH_CHARS) {
                    send(copy, rows);
                }
            }
            send(copy, rows);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void send(CopyIn copy, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }

    private static String copyText(Object value) {
        StringBuilder text = new StringBuilder(32);
        appendCopyText(text, value);
        return text.toString();
    }

    /** a value in COPY's text format: \N for null, and the characters that separate rows and columns escaped */
    private static void appendCopyText(StringBuilder line, Object value) {
        if (value == null) {
            line.append("\\N");
        } else if (value instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    default -> line.append(c);
                }
            }
        } else if (value instanceof Boolean b) {
            line.append(b ? 't' : 'f');
        } else if (value instanceof OffsetDateTime t) {
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.formatTo(t, line);
        } else if (value instanceof BigDecimal d) {
            line.append(d.toPlainString());
        } else if (value instanceof UUID || value instanceof Integer || value instanceof Long) {
            line.append(value);
        } else {
            throw new IllegalArgumentException("no COPY text for a " + value.getClass().getName());
        }
    }

    private <T> void batch(String table, List<String> columns, List<T> items, Function<T, Object[]> row,
                           boolean skipStored) {
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")"
                + (skipStored ? " ON CONFLICT DO NOTHING" : "");
        jdbc.batchUpdate(sql, items, items.size(), (ps, item) -> {
            Object[] values = row.apply(item);
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
        });
    }
}
