package nl.werkdesk.local;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.werkdesk.local.scenario.ScenarioPlayer;

/** The pilot's headline figures as reporting-service shows them, and where to look next. */
final class Headline {

    private static final DecimalFormat EURO = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));

    private Headline() {
    }

    static void figures(PrintStream out, ScenarioPlayer player, String title, LocalDate asOf, List<String> locations, Settings settings) {
        Map<String, Object> all = player.summary(asOf);
        out.println();
        out.println(title);
        out.println("As of " + asOf + " (GET http://localhost:" + reportingPort(settings) + "/api/v1/metrics/summary?asOf=" + asOf + "):");
        StringBuilder byLocation = new StringBuilder();
        StringBuilder ratesByLocation = new StringBuilder();
        for (String location : locations) {
            Map<String, Object> here = player.summary(asOf, location);
            byLocation.append(byLocation.isEmpty() ? "" : ", ").append(location).append(' ').append(here.get("enrolled"));
            ratesByLocation.append(ratesByLocation.isEmpty() ? "" : ", ").append(location).append(' ')
                    .append(here.get("participantsPlaced")).append(" of ").append(here.get("enrolled"))
                    .append(" = ").append(percent(here.get("placementRate")));
        }
        long granted = number(all.get("twvsGranted"));
        long refused = number(all.get("twvsRefused"));
        line(out, "participants enrolled", all.get("enrolled"), byLocation.toString());
        line(out, "intakes completed", all.get("intakesCompleted"), "");
        line(out, "with an activity", all.get("participantsWithActivity"), "application training, CV help or a job fair");
        line(out, "TWVs requested", all.get("twvsRequested"), "granted " + granted + ", refused " + refused
                + (granted + refused == 0 ? "" : " (" + percent((double) refused / (granted + refused)) + " of decisions)")
                + ", median lead time " + days(all.get("medianTwvLeadTimeDays")));
        line(out, "participants placed", all.get("participantsPlaced"), "placement rate " + percent(all.get("placementRate"))
                + (locations.size() > 1 ? "; " + ratesByLocation : ""));
        line(out, "active placements", all.get("activePlacements"), "");
        line(out, "sustained (26 weeks)", all.get("sustainedPlacements"), "");
        line(out, "lost to COA relocation", all.get("placementsEndedByCoaRelocation"), "");
        line(out, "intake to first job", days(all.get("medianDaysFromIntakeToFirstPlacement")), "median");
        line(out, "budget", euro(all.get("budgetCents")), "");
        line(out, "spend to date", euro(all.get("spendToDateCents")), "");
        line(out, "cost per placement", euro(all.get("costPerPlacementCents")), "spend to date / participants placed");
    }

    static void urls(PrintStream out, Settings settings) {
        out.println();
        out.println("Open:");
        out.printf("  %-22s http://localhost:%d/%n", "dashboard", reportingPort(settings));
        for (Settings.Service service : settings.services()) {
            for (int replica = 0; replica < service.replicas(); replica++) {
                out.printf("  %-22s http://localhost:%d/q/swagger-ui%n", service.processName(replica), service.port(replica));
            }
        }
        if (settings.replicas() > 1) {
            out.println("  Each replica of a service answers the same API on its own port; send a request to any of them.");
        }
    }

    static void tokens(PrintStream out, DevKeys keys) {
        out.println();
        out.println("Dev tokens, valid " + DevKeys.LIFETIME.toHours() + " hours (Swagger UI: Authorize; ./werkdesk token ROLE prints one):");
        for (String role : DevKeys.ROLES) {
            out.printf("  %-17s %s%n", role, keys.token(role));
        }
    }

    private static int reportingPort(Settings settings) {
        return settings.services().get(settings.services().size() - 1).port();
    }

    private static void line(PrintStream out, String label, Object value, String note) {
        out.printf("  %-24s %18s   %s%n", label, value, note).flush();
    }

    private static String percent(Object fraction) {
        return fraction instanceof Number n ? String.format(Locale.ENGLISH, "%.1f%%", n.doubleValue() * 100) : "-";
    }

    private static String days(Object value) {
        return value instanceof Number n ? String.format(Locale.ENGLISH, "%.1f days", n.doubleValue()) : "-";
    }

    private static String euro(Object cents) {
        return cents instanceof Number n ? "EUR " + EURO.format(n.longValue() / 100.0) : "-";
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
