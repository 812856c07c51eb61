package nl.werkdesk.eventsourcing.http;

/** The roles of domain.md, as they appear in the token's groups claim. */
public final class Roles {

    public static final String CASEWORKER = "caseworker";
    public static final String EMPLOYER_LIAISON = "employer-liaison";
    public static final String PERMIT_OFFICER = "permit-officer";
    public static final String ANALYST = "analyst";
    /** The evaluator (Platform31) under the data-sharing agreement: pseudonymised, k-anonymous records per participant. */
    public static final String RESEARCHER = "researcher";
    public static final String FINANCE = "finance";
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
