/**
 * The typed client against a running stack: one command and one query per service, a caseworker's day in small.
 * Service URLs and tokens come from the environment (the whole-suite test sets them):
 *   WERKDESK_PARTICIPANT_URL, WERKDESK_EMPLOYER_URL, WERKDESK_PERMIT_URL, WERKDESK_PLACEMENT_URL, WERKDESK_REPORTING_URL,
 *   WERKDESK_TOKEN_CASEWORKER, WERKDESK_TOKEN_EMPLOYER_LIAISON, WERKDESK_TOKEN_PERMIT_OFFICER, WERKDESK_TOKEN_FINANCE,
 *   WERKDESK_TOKEN_ANALYST.
 * Exits 0 after printing "typed client: N calls answered as the documents say", else 1 with the failure.
 */
import { randomInt } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { ProblemError, ServiceClient } from "./client.js";
import type { components as EmployerSchemas, paths as EmployerApi } from "./generated/employer.js";
import type { components as ParticipantSchemas, paths as ParticipantApi } from "./generated/participant.js";
import type { components as PermitSchemas, paths as PermitApi } from "./generated/permit.js";
import type { components as PlacementSchemas, paths as PlacementApi } from "./generated/placement.js";
import type { components as ReportingSchemas, paths as ReportingApi } from "./generated/reporting.js";

type Participant = ParticipantSchemas["schemas"]["Participant"];
type Employer = EmployerSchemas["schemas"]["Employer"];
type Permit = PermitSchemas["schemas"]["Permit"];
type Placement = PlacementSchemas["schemas"]["Placement"];
type Summary = ReportingSchemas["schemas"]["MetricsSummary"];

// What the documents promise a front-end, checked by the compiler: a value that can be absent is typed as null too,
// and one that is always there is not.
type Holds<T extends true> = T;
type MayBeNull<T> = null extends T ? true : false;
type NeverNull<T> = null extends T ? false : true;
export type Promises = [
  Holds<MayBeNull<Participant["leftOn"]>>,
  Holds<MayBeNull<Participant["intake"]>>,
  Holds<MayBeNull<Participant["personalData"]>>,
  Holds<NeverNull<Participant["participantId"]>>,
  Holds<NeverNull<Participant["registeredOn"]>>,
  Holds<MayBeNull<Employer["twvIntermediary"]>>,
  Holds<NeverNull<Employer["tradeName"]>>,
  Holds<MayBeNull<Permit["closedOn"]>>,
  Holds<MayBeNull<Placement["endedOn"]>>,
  Holds<NeverNull<Placement["startedOn"]>>,
];

const PROPAGATION_TIMEOUT_MS = 90_000;
const FIRST_PAUSE_MS = 250;
const MAX_PAUSE_MS = 4_000;

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") {
    throw new Error(`${name} is not set`);
  }
  return value;
}

let calls = 0;

function report(service: string, operation: string, status: number, what: string): void {
  calls++;
  console.log(`${service}: ${operation} ${status} ${what}`);
}

/** Another service's event may not have arrived yet: such a refusal is retried until it is accepted. */
async function untilAccepted<T>(what: string, attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + PROPAGATION_TIMEOUT_MS;
  let pause = FIRST_PAUSE_MS;
  for (;;) {
    try {
      return await attempt();
    } catch (failure) {
      const refused = failure instanceof ProblemError && (failure.status === 400 || failure.status === 409 || failure.status === 503);
      if (!refused || Date.now() > deadline) {
        throw failure;
      }
      await sleep(failure.retryAfterSeconds !== null ? failure.retryAfterSeconds * 1000 : pause);
      pause = Math.min(pause * 2, MAX_PAUSE_MS);
    }
  }
}

async function main(): Promise<void> {
  const participants = new ServiceClient<ParticipantApi>(env("WERKDESK_PARTICIPANT_URL"), env("WERKDESK_TOKEN_CASEWORKER"));
  const employers = new ServiceClient<EmployerApi>(env("WERKDESK_EMPLOYER_URL"), env("WERKDESK_TOKEN_EMPLOYER_LIAISON"));
  const permits = new ServiceClient<PermitApi>(env("WERKDESK_PERMIT_URL"), env("WERKDESK_TOKEN_PERMIT_OFFICER"));
  const placements = new ServiceClient<PlacementApi>(env("WERKDESK_PLACEMENT_URL"), env("WERKDESK_TOKEN_CASEWORKER"));
  const ledger = new ServiceClient<ReportingApi>(env("WERKDESK_REPORTING_URL"), env("WERKDESK_TOKEN_FINANCE"));
  const metrics = new ServiceClient<ReportingApi>(env("WERKDESK_REPORTING_URL"), env("WERKDESK_TOKEN_ANALYST"));

  // participant-service: register (command), then intake and residence permit, and read the participant (query).
  const vNumber = String(randomInt(1_000_000_000, 9_999_999_999));
  const registered = await participants.post("/participants", {}, {
    registeredOn: "2025-09-01",
    location: "Willinklaan",
    asylumApplicationDate: "2025-01-02",
    wDocumentType: "W",
    wDocumentValidUntil: "2027-01-01",
    languages: ["ar", "en"],
    personalData: { fullName: "Typed Client", dateOfBirth: "1990-04-01", nationality: "SYR", vNumber },
  });
  const participantId = registered.body.participantId;
  report("participant", "registerParticipant", registered.status, `${participantId} at ${registered.location}, left on ${registered.body.leftOn ?? "(not left)"}`);
  const participantPath = { path: { participantId } };
  await participants.post("/participants/{participantId}/intake", participantPath, {
    completedOn: "2025-09-05",
    sectorPreferences: ["horeca"],
    dutchLevel: "A1",
    englishLevel: "B1",
    workExperience: [{ sector: "horeca", years: 2 }],
  });
  await participants.post("/participants/{participantId}/residence-permit", participantPath, { grantedOn: "2025-09-10" });
  const participant = await participants.get("/participants/{participantId}", participantPath);
  const intake = participant.body.intake;
  report("participant", "getParticipant", participant.status, `version ${participant.body.version} (ETag ${participant.etag}), `
      + `${participant.body.residenceStatus}, intake ${intake === null ? "none" : intake.completedOn}, `
      + `personal data ${participant.body.personalData === null ? "erased" : "kept"}`);

  // employer-service: register an employer (command) with a vacancy, and read the employer (query).
  const kvkNumber = String(randomInt(10_000_000, 99_999_999));
  const employer = await employers.post("/employers", {}, {
    registeredOn: "2025-02-03",
    tradeName: `Typed Client ${kvkNumber}`,
    kvkNumber,
    sector: "horeca",
    temporaryEmploymentAgency: false,
    contactPerson: { name: "Client Contact", email: `contact${kvkNumber}@example.org` },
  });
  const employerId = employer.body.employerId;
  report("employer", "registerEmployer", employer.status, `${employerId}, TWV intermediary ${employer.body.twvIntermediary === null ? "none" : "yes"}`);
  const vacancy = await employers.post("/vacancies", {}, {
    employerId,
    openedOn: "2025-09-01",
    title: "Kitchen help",
    sector: "horeca",
    hoursPerWeek: 24,
    hourlyWageCents: 1600,
    requiredDutchLevel: "A1",
    location: "Willinklaan",
  });
  const vacancyId = vacancy.body.vacancyId;
  const read = await employers.get("/employers/{employerId}", { path: { employerId } });
  report("employer", "getEmployer", read.status, `${read.body.tradeName}, version ${read.body.version}`);

  // permit-service: a TWV request (command), and the permit (query).
  const requested = await untilAccepted("the TWV request", () => permits.post("/permits", {}, {
    participantId,
    employerId,
    vacancyId,
    hourlyWageCents: 1600,
    hoursPerWeek: 24,
    startDate: "2025-10-01",
    requestedOn: "2025-09-12",
    viaIntermediary: false,
  }));
  report("permit", "requestTwv", requested.status, `${requested.body.permitId} ${requested.body.status}`);
  const permit = await permits.get("/permits/{permitId}", { path: { permitId: requested.body.permitId } });
  report("permit", "getPermit", permit.status, `${permit.body.status}, closed on ${permit.body.closedOn ?? "(open)"}`);

  // placement-service: start a placement (command) once the participant's and the vacancy's events arrived, and read it.
  const started = await untilAccepted("the placement", () => placements.post("/placements", {}, {
    participantId,
    employerId,
    vacancyId,
    sector: "horeca",
    startedOn: "2025-09-15",
    hoursPerWeek: 24,
    hourlyWageCents: 1600,
    contractType: "fixed-term",
  }));
  report("placement", "startPlacement", started.status, `${started.body.placementId}`);
  const placement = await placements.get("/placements/{placementId}", { path: { placementId: started.body.placementId } });
  report("placement", "getPlacement", placement.status, `started on ${placement.body.startedOn}, ended on ${placement.body.endedOn ?? "(running)"}`);

  // reporting-service: book an expenditure (command, finance), and the pilot's summary (query, analyst).
  const booked = await ledger.post("/programme-ledger/expenditures", {}, {
    category: "training",
    amountCents: 12_500,
    location: "Willinklaan",
    bookedOn: "2025-09-20",
  });
  report("reporting", "bookExpenditure", booked.status, `ledger version ${booked.body.version}`);
  const summary = await metrics.get("/metrics/summary", { query: { asOf: "2025-10-16" } });
  const figures: Summary = summary.body;
  report("reporting", "getMetricsSummary", summary.status, `${JSON.stringify(figures).length} bytes of figures`);

  console.log(`typed client: ${calls} calls answered as the documents say`);
}

main().catch((failure: unknown) => {
  console.error(failure instanceof ProblemError ? `${failure.message} ${JSON.stringify(failure.problem)}` : failure);
  process.exit(1);
});
