package nl.werkdesk.reporting.microdata;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the researcher's endpoints answer: the export as JSON, and the codebook. Every property is always present. */
public final class MicrodataResponses {

    private MicrodataResponses() {
    }

    @Schema(name = "MicrodataScope", description = "The scope of the export, as asked (absent filters: everything)")
    public record MicrodataScope(
            @Schema(description = "Participants who enrolled at this location; null: every location", nullable = true) String location,
            @Schema(description = "Participants who enrolled in this pilot phase; null: every phase", nullable = true) Integer phase,
            @Schema(description = "Participants enrolled on or before this date, and facts dated on or before it") LocalDate asOf) {
    }

    @Schema(name = "MicrodataDisclosure", description = "What disclosure control did: every combination of the quasi-identifiers in "
            + "the records is shared by at least k of them")
    public record Disclosure(
            @Schema(description = "The k required (werkdesk.reporting.microdata.k, never below 5)", minimum = "5") int k,
            @Schema(description = "The k reached: the fewest records that share a combination of quasi-identifiers; null without "
                    + "records", nullable = true) Integer kReached,
            @Schema(description = "The generalisations applied, in the order of the codebook") List<KAnonymity.Generalisation> generalisations,
            @Schema(description = "Records left out because their combination still occurred fewer than k times", minimum = "0")
            int rowsSuppressed,
            @Schema(description = "Records in the export", minimum = "0") int rows) {
    }

    @Schema(name = "MicrodataExport", description = "The researcher's pseudonymised, k-anonymous records, one per participant enrolled "
            + "in scope by asOf (less the suppressed ones), ordered by pseudonym")
    public record MicrodataExport(MicrodataScope scope, Disclosure disclosure, List<MicrodataRecord> records) {
    }

    @Schema(name = "CodebookColumn", description = "One column of the export")
    public record CodebookColumn(
            @Schema(description = "The column's name: the CSV header and the JSON property") String name,
            @Schema(description = "The type of its values", enumeration = {"string", "integer"}) String type,
            @Schema(description = "The unit of an integer (days, count, hours per week); null for codes and flags", nullable = true)
            String unit,
            @Schema(description = "What the value means") String definition,
            @Schema(description = "Every value it can take, for a code; null otherwise", nullable = true) List<String> allowedValues,
            @Schema(description = "The smallest value of an integer; null when unbounded or not an integer", nullable = true)
            Integer minimum,
            @Schema(description = "The largest value of an integer; null when unbounded or not an integer", nullable = true)
            Integer maximum,
            @Schema(description = "A regular expression every value matches; null when the allowed values or bounds say it",
                    nullable = true) String pattern,
            @Schema(description = "Whether the value can be empty (null in JSON)") boolean nullable,
            @Schema(description = "Whether it is a quasi-identifier, which disclosure control generalises") boolean quasiIdentifier) {

        static CodebookColumn of(Codebook.Column column) {
            return new CodebookColumn(column.name(), column.type(), column.unit(), column.definition(), column.allowedValues(),
                    column.minimum(), column.maximum(), column.pattern(), column.nullable(), column.quasiIdentifier());
        }
    }

    @Schema(name = "CodebookGeneralisation", description = "A generalisation step, in the order they are applied")
    public record GeneralisationStep(KAnonymity.Generalisation name, @Schema(description = "What it changes") String description) {
    }

    @Schema(name = "DisclosureRules", description = "How the export keeps people from being singled out")
    public record DisclosureRules(
            @Schema(description = "Every combination of the quasi-identifiers is shared by at least k records", minimum = "5") int k,
            @Schema(description = "The columns that are quasi-identifiers") List<String> quasiIdentifiers,
            @Schema(description = "The generalisations, in the order they are applied") List<GeneralisationStep> generalisations,
            @Schema(description = "How generalisation and suppression work") String suppression,
            @Schema(description = "How the pseudonym is made") String pseudonym,
            @Schema(description = "Who is in the export, and what it never contains") String population) {
    }

    @Schema(name = "MicrodataCodebook", description = "Every column of the researcher's export, and the disclosure rules")
    public record CodebookResponse(List<CodebookColumn> columns, DisclosureRules disclosure) {
    }
}
