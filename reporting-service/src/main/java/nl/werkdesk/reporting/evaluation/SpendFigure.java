package nl.werkdesk.reporting.evaluation;

import static nl.werkdesk.reporting.evaluation.EvaluationFacts.onOrBefore;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.werkdesk.contracts.programme.ExpenditureCategory;
import nl.werkdesk.reporting.evaluation.EvaluationFacts.Money;
import nl.werkdesk.reporting.evaluation.EvaluationFacts.Spending;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.CategorySpend;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.EvaluationScope;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.Spend;
import nl.werkdesk.reporting.evaluation.EvaluationResponses.SpendMonth;
import nl.werkdesk.reporting.metrics.AbsentReason;
import nl.werkdesk.reporting.view.JsonNames;

/** Spend by category over time against the budget: the programme's money as the summary and the earnings count it, month by month. */
public final class SpendFigure {

    private SpendFigure() {
    }

    /**
     * @param allocations the budget allocated to the phases of the scope (each on its date); ignored in a location scope
     * @param firstDate   the earliest enrolment or booking in scope, where the monthly series starts; null: no series
     */
    public static Spend compute(List<Spending> spending, List<Money> allocations, LocalDate firstDate, LocalDate asOf, int maxMonths,
                                EvaluationScope scope) {
        boolean programmeWide = scope.location() != null;
        List<SpendMonth> months = new ArrayList<>();
        for (YearMonth month : EvaluationFacts.months(firstDate, asOf, maxMonths)) {
            LocalDate through = EvaluationFacts.through(month, asOf);
            months.add(new SpendMonth(month.toString(), through, programmeWide ? null : budgetThrough(allocations, through),
                    spendThrough(spending, through), byCategory(spending, through)));
        }
        return new Spend(scope, programmeWide ? null : budgetThrough(allocations, asOf), programmeWide ? AbsentReason.PROGRAMME_WIDE : null,
                spendThrough(spending, asOf), byCategory(spending, asOf), months);
    }

    private static List<CategorySpend> byCategory(List<Spending> spending, LocalDate through) {
        return Arrays.stream(ExpenditureCategory.values()).map(category -> {
            String name = JsonNames.of(category);
            return new CategorySpend(category, spending.stream()
                    .filter(amount -> amount.category().equals(name) && onOrBefore(amount.on(), through))
                    .mapToLong(Spending::amountCents).sum());
        }).toList();
    }

    private static long spendThrough(List<Spending> spending, LocalDate day) {
        return spending.stream().filter(amount -> onOrBefore(amount.on(), day)).mapToLong(Spending::amountCents).sum();
    }

    private static long budgetThrough(List<Money> allocations, LocalDate day) {
        return allocations.stream().filter(amount -> onOrBefore(amount.on(), day)).mapToLong(Money::amountCents).sum();
    }
}
