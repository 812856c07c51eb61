package nl.werkdesk.reporting.microdata;

import java.util.List;
import nl.werkdesk.reporting.microdata.MicrodataResponses.CodebookColumn;
import nl.werkdesk.reporting.microdata.MicrodataResponses.CodebookResponse;
import nl.werkdesk.reporting.microdata.MicrodataResponses.GeneralisationStep;
import nl.werkdesk.reporting.microdata.MicrodataResponses.MicrodataExport;

/** The export and the codebook as RFC 4180 CSV: the columns in the codebook's order. */
public final class MicrodataCsv {

    static final List<String> CODEBOOK_HEADER = List.of("section", "name", "type", "unit", "definition", "allowedValues", "minimum",
            "maximum", "pattern", "nullable", "quasiIdentifier");
    static final String COLUMN = "column";
    static final String RULE = "disclosure-rule";

    private MicrodataCsv() {
    }

    public static String of(MicrodataExport export, List<Codebook.Column> columns) {
        Rfc4180 csv = Rfc4180.withHeader(columns.stream().map(Codebook.Column::name).toList());
        for (MicrodataRecord record : export.records()) {
            csv.row(columns.stream().map(column -> column.value().apply(record)).toList());
        }
        return csv.toString();
    }

    /** One table: a row per column, then a row per disclosure rule (its text in the definition cell). */
    public static String of(CodebookResponse codebook) {
        Rfc4180 csv = Rfc4180.withHeader(CODEBOOK_HEADER);
        for (CodebookColumn column : codebook.columns()) {
            csv.row(java.util.Arrays.asList(COLUMN, column.name(), column.type(), column.unit(), column.definition(), column.allowedValues(),
                    column.minimum(), column.maximum(), column.pattern(), column.nullable(), column.quasiIdentifier()));
        }
        rule(csv, "k", "Every combination of the quasi-identifiers is shared by at least k records", codebook.disclosure().k());
        rule(csv, "quasi-identifiers", "The columns disclosure control generalises", codebook.disclosure().quasiIdentifiers());
        for (GeneralisationStep step : codebook.disclosure().generalisations()) {
            rule(csv, "generalisation", step.description(), List.of(nl.werkdesk.reporting.view.JsonNames.of(step.name())));
        }
        rule(csv, "suppression", codebook.disclosure().suppression(), null);
        rule(csv, "pseudonym", codebook.disclosure().pseudonym(), null);
        rule(csv, "population", codebook.disclosure().population(), null);
        return csv.toString();
    }

    private static void rule(Rfc4180 csv, String name, String definition, Object values) {
        csv.row(java.util.Arrays.asList(RULE, name, null, null, definition, values, null, null, null, null, null));
    }
}
