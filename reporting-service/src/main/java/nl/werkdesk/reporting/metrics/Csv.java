package nl.werkdesk.reporting.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Tables for a spreadsheet, in the dialect Dutch spreadsheet programs open with a double click: cells separated by
 * semicolons, decimal commas, UTF-8 with a byte order mark (so accents survive), CRLF line ends, a header row.
 * Money stays in whole euro cents; a suppressed count is the text "&lt;5"; text that would start a formula gets a quote.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";
    static final String SEPARATOR = ";";
    static final String BYTE_ORDER_MARK = "\uFEFF";

    private final List<String> lines = new ArrayList<>();

    private Csv(String... header) {
        row((Object[]) header);
    }

    public static Csv withHeader(String... header) {
        return new Csv(header);
    }

    /** Starts another table in the same file: an empty line, then its header row. */
    public Csv table(String... header) {
        lines.add("");
        return row((Object[]) header);
    }

    public Csv row(Object... cells) {
        List<String> texts = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            texts.add(quote(text(cell)));
        }
        lines.add(String.join(SEPARATOR, texts));
        return this;
    }

    @Override
    public String toString() {
        return BYTE_ORDER_MARK + String.join("\r\n", lines) + "\r\n";
    }

    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Count count) {
            return count.text();
        }
        if (cell instanceof BigDecimal decimal) {
            return decimal.toPlainString().replace('.', ',');
        }
        if (cell instanceof Number) {
            return cell.toString();
        }
        String text = cell.toString();
        // A text that starts like a formula would run as one in a spreadsheet (CSV injection): make it plain text.
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String quote(String text) {
        if (text.contains(SEPARATOR) || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
