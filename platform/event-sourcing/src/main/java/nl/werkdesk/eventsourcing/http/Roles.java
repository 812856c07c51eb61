package nl.werkdesk.eventsourcing.http;

/** The roles of domain.md, as they appear in the token's groups claim. */
public final class Roles {

    public static final String CASEWORKER = "caseworker";
    public static final String EMPLOYER_LIAISON = "employer-liaison";
    public static final String PERMIT_OFFICER = "permit-officer";
    public static final String ANALYST = "analyst";
    public static final String FINANCE = "finance";
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
