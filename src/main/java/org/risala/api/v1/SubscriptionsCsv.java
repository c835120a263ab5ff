package org.risala.api.v1;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.risala.subscriptions.SubscriptionLine;
import org.springframework.http.HttpStatus;

/**
 * Reads a business's CSV of keys: a header naming the columns {@code topic} and {@code key}, optionally
 * {@code language}, in any order, then one key per line (RFC 4180: values may be quoted, {@code ""} is a quote).
 * What is wrong with the file as a whole is one problem; what is wrong with a line is that line's error, kept with
 * its line number.
 */
final class SubscriptionsCsv {

    static final List<String> COLUMNS = List.of("topic", "key", "language");

    /** the lines read, and the lines that could not be read, each with its problem as {@code field: reason} */
    record Read(List<SubscriptionLine> lines, List<Unreadable> unreadable) {
    }

    record Unreadable(int row, String problem) {
    }

    private SubscriptionsCsv() {
    }

    /** @throws ApiException when the file is not text, has no valid header, or holds no line or too many */
    static Read read(byte[] file, int maxRows) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("The file is not UTF-8 text.");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n|\r", -1);
        List<String> header = lines[0].isBlank() ? List.of() : split(lines[0]);
        int[] positions = positions(header);
        int rows = 0;
        List<SubscriptionLine> read = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (++rows > maxRows) {
                throw malformed("The file holds more than " + maxRows + " lines of keys; send at most " + maxRows
                        + " at once.");
            }
            int row = i + 1;
            List<String> values;
            try {
                values = split(lines[i]);
            } catch (IllegalArgumentException e) {
                unreadable.add(new Unreadable(row, "row: " + e.getMessage()));
                continue;
            }
            if (values.size() != header.size()) {
                unreadable.add(new Unreadable(row, "row: has " + values.size() + " values; the header names "
                        + header.size() + " columns"));
                continue;
            }
            read.add(new SubscriptionLine(row, value(values, positions[0]), value(values, positions[1]),
                    value(values, positions[2])));
        }
        if (rows == 0) {
            throw malformed("The file holds no key: after the header, give one topic and key per line.");
        }
        return new Read(read, unreadable);
    }

    /** where topic, key and language are in a line; -1 for a language not given */
    private static int[] positions(List<String> header) {
        List<String> names = header.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
        boolean valid = names.contains("topic") && names.contains("key") && COLUMNS.containsAll(names)
                && names.stream().distinct().count() == names.size();
        if (!valid) {
            throw malformed(header.isEmpty()
                    ? "The file has no header: its first line must name the columns topic,key[,language]."
                    : "The header names the columns " + String.join(",", header)
                            + "; it must name topic and key, and may name language, each once.");
        }
        return new int[] {names.indexOf("topic"), names.indexOf("key"), names.indexOf("language")};
    }

    private static String value(List<String> values, int position) {
        return position < 0 ? null : values.get(position);
    }

    /** one line's values; quotes may enclose a value, and a quote inside is written twice */
    static List<String> split(String line) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    value.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                values.add(value.toString());
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quote is opened and not closed");
        }
        values.add(value.toString());
        return values;
    }

    private static ApiException malformed(String detail) {
        return new ApiException(ApiProblems.problem(HttpStatus.BAD_REQUEST, "malformed-file", "Malformed file",
                detail));
    }
}
