package org.risala.pull.connector;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.risala.pull.ConnectorDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Runs a query on a back-office database, on the caller's thread. Its {@code :name} parameters are bound to the
 * arguments, never written into the SQL, and bound as text: a query casts where a column is not
 * ({@code CAST(:civilId AS INTEGER)}).
 * <p>
 * The wait is bounded twice: by the pool's connection timeout, then by the statement's query timeout. JDBC counts
 * that one in whole seconds, so the definition's timeout is rounded up to at least 1 s: a 1.5 s timeout lets a query
 * run for 2 s.
 */
final class JdbcConnector implements Connector {

    private static final Logger log = LoggerFactory.getLogger(JdbcConnector.class);

    /** an SMS shows a few rows; a query that matches thousands must not fill the heap to say so */
    static final int MAX_ROWS = 500;

    private final String dataSourceName;
    private final String query;
    private final boolean retries;
    private final int timeoutSeconds;
    private final NamedParameterJdbcTemplate jdbc;

    JdbcConnector(DataSource dataSource, ConnectorDefinition definition) {
        this.dataSourceName = definition.dataSource();
        this.query = definition.query();
        this.retries = definition.retries();
        this.timeoutSeconds = (int) Math.max(1, (definition.timeout().toMillis() + 999) / 1000);
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setQueryTimeout(timeoutSeconds);
        template.setMaxRows(MAX_ROWS);
        this.jdbc = new NamedParameterJdbcTemplate(template);
    }

    /**
     * The first row's columns (labels in lower case) are variables, all rows are the list {@code rows} and their
     * number, at most {@link #MAX_ROWS}, is {@code count}; a column named like an argument, {@code rows} or
     * {@code count} hides it.
     */
    @Override
    public LookupResult lookup(Map<String, String> arguments) throws BackOfficeUnavailable {
        List<Map<String, String>> rows = Retry.once(retries, () -> query(arguments));
        if (rows.isEmpty()) {
            return LookupResult.notFound();
        }
        Map<String, Object> read = new HashMap<>();
        read.put("rows", rows);
        read.put("count", String.valueOf(rows.size()));
        read.putAll(rows.get(0));
        return Variables.foundWithArguments(read, arguments);
    }

    private List<Map<String, String>> query(Map<String, String> arguments) throws BackOfficeUnavailable {
        try {
            return jdbc.query(query, new MapSqlParameterSource(arguments), (resultSet, number) -> row(resultSet));
        } catch (QueryTimeoutException e) {
            throw failed(new Retry.TransientFailure("the query on " + dataSourceName + " took longer than "
                    + timeoutSeconds + " s"), e);
        } catch (CannotGetJdbcConnectionException e) {
            throw failed(new Retry.TransientFailure("no connection to " + dataSourceName + " within its"
                    + " connection timeout"), e);
        } catch (BadSqlGrammarException e) {
            // the database's words about the configured SQL; a bound value is not part of them
            throw failed(new BackOfficeUnavailable("the query on " + dataSourceName + " is not valid there: "
                    + e.getMostSpecificCause().getMessage()), e);
        } catch (InvalidDataAccessApiUsageException e) {
            throw failed(new BackOfficeUnavailable("the query on " + dataSourceName + " cannot be run: "
                    + e.getMessage()), e);
        } catch (DataAccessException e) {
            // not the driver's message: it may quote a bound value, which is a citizen's data
            throw failed(new Retry.TransientFailure("the query on " + dataSourceName + " failed"
                    + sqlState(e)), e);
        }
    }

    /** which exception it was, at DEBUG; not its message nor its stack trace, for the same reason */
    private static BackOfficeUnavailable failed(BackOfficeUnavailable failure, DataAccessException cause) {
        log.debug("{} ({})", failure.getMessage(), cause.getClass().getSimpleName());
        return failure;
    }

    private static String sqlState(DataAccessException failure) {
        return failure.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null
                ? " (SQLState " + sql.getSQLState() + ")" : "";
    }

    /** SQL NULL is an empty text, as JSON null is: see {@link JsonValues} */
    private static Map<String, String> row(ResultSet resultSet) throws SQLException {
        ResultSetMetaData columns = resultSet.getMetaData();
        Map<String, String> row = new HashMap<>();
        for (int column = 1; column <= columns.getColumnCount(); column++) {
            String label = JdbcUtils.lookupColumnName(columns, column).toLowerCase(Locale.ROOT);
            row.put(label, text(JdbcUtils.getResultSetValue(resultSet, column)));
        }
        return Map.copyOf(row);
    }

    /** dates and times in ISO 8601, always with seconds; amounts without an exponent */
    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(timestamp.toLocalDateTime());
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof java.sql.Time time) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format(time.toLocalTime());
        }
        if (value instanceof LocalDateTime dateTime) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime);
        }
        if (value instanceof LocalTime time) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format(time);
        }
        if (value instanceof OffsetDateTime dateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
        }
        return value.toString();
    }
}
