package nl.werkdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Markdown report: per section the machine's load, a table of figure, ours, limit, ratio and target, and notes.
 * Written again after every section, so that a run cut short still leaves what it measured.
 */
final class Report {

    record Row(String figure, String ours, String limit, String ratio, String target, String verdict) {
    }

    static final class Section {
        final String title;
        final String load;
        final List<Row> rows = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        Section(String title, String load) {
            this.title = title;
            this.load = load;
        }

        Section row(String figure, String ours, String limit, String ratio, String target, String verdict) {
            rows.add(new Row(figure, ours, limit, ratio, target, verdict));
            return this;
        }

        Section note(String note) {
            notes.add(note);
            return this;
        }
    }

    private final Path file;
    private final List<String> header = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();

    Report(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    void header(String line) {
        header.add(line);
    }

    Section section(String title) {
        Section section = new Section(title, Machine.loadAverages());
        sections.add(section);
        return section;
    }

    void write() {
        StringBuilder md = new StringBuilder();
        header.forEach(line -> md.append(line).append('\n'));
        for (Section section : sections) {
            md.append("\n## ").append(section.title).append("\n\n");
            md.append("Load averages (1, 5, 15 min) when the section started: ").append(section.load).append("\n\n");
            if (!section.rows.isEmpty()) {
                md.append("| figure | ours | limit | ratio | target | |\n|---|---:|---:|---:|---|---|\n");
                for (Row row : section.rows) {
                    md.append("| ").append(row.figure()).append(" | ").append(row.ours()).append(" | ").append(row.limit())
                            .append(" | ").append(row.ratio()).append(" | ").append(row.target()).append(" | ").append(row.verdict())
                            .append(" |\n");
                }
                md.append('\n');
            }
            section.notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static String num(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String ratio(double ours, double limit) {
        return limit > 0 && !Double.isNaN(ours) ? String.format(Locale.ROOT, "%.2f", ours / limit) : "n/a";
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
    }

    static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }
}
