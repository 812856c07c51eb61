package nl.werkdesk.reporting.microdata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as RFC 4180 has it, for programs rather than spreadsheets: commas between cells, a dot as the decimal sign,
 * UTF-8 without a byte order mark, CRLF after every record, a header row; a cell with a comma, a quote or a line break is
 * quoted, its quotes doubled. An empty cell is a null. (The metrics' CSV is another dialect, for Dutch spreadsheets.)
 */
public final class Rfc4180 {

    public static final String MEDIA_TYPE = "text/csv";
    private static final String SEPARATOR = ",";
    private static final String LINE_END = "\r\n";

    private final StringBuilder text = new StringBuilder();

    private Rfc4180() {
    }

    public static Rfc4180 withHeader(List<String> names) {
        return new Rfc4180().row(new ArrayList<>(names));
    }

    public Rfc4180 row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(SEPARATOR);
            }
            text.append(quote(cell(cells.get(i))));
        }
        text.append(LINE_END);
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof List<?> list) {
            return String.join("|", list.stream().map(Rfc4180::cell).toList());
        }
        return value.toString();
    }

    private static String quote(String cell) {
        if (cell.contains(SEPARATOR) || cell.contains("\"") || cell.contains("\r") || cell.contains("\n")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
