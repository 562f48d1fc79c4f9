import type { CaseType } from "./case-types.js";

/**
 * Closing outcomes, fixed per case type (DESIGN §5 and the source procedure,
 * "Closing cases"). Keys are stable snake_case machine values stored on the
 * case; labels are English reference text for the locale files. One key
 * means one thing everywhere: "DC outside UK" is the same key for RFA and COM.
 */
export const OUTCOME_LABELS_EN = {
  // Data protection (RFA, COM)
  dc_outside_uk: "DC outside UK",
  not_dpa: "Not DPA",
  concern_to_be_raised_with_dc: "Concern to be raised with DC",
  response_needed_from_dc: "Response needed from DC",
  no_action_for_dc: "No action for DC",
  general_advice_given_to_dc: "General advice given to DC",
  compliance_advice_given_to_dc: "Compliance advice given to DC",
  dc_action_required: "DC action required",
  improvement_action_plan_agreed: "Improvement action plan agreed",
  undertaking_served: "Undertaking served",
  advisory_visit_recommended: "Advisory visit recommended",
  compliance_audit_recommended: "Compliance audit recommended",
  enforcement_notice_pursued: "Enforcement notice pursued",
  civil_monetary_penalty_pursued: "Civil monetary penalty pursued",
  criminal_investigation_pursued: "Criminal investigation pursued",
  // Enforcement (ENF): "org" because ENF covers DPA and PECR
  general_advice_given_to_org: "General advice given to organisation",
  compliance_advice_given_to_org: "Compliance advice given to organisation",
  monitored_sufficient_improvement: "Monitored: sufficient improvement",
  preliminary_enforcement_notice_served: "Preliminary enforcement notice served",
  enforcement_notice_served: "Enforcement notice served",
  cmp_notice_of_intent_served: "CMP notice of intent served",
  cmp_final_notice_served: "CMP final notice served",
  // PECR (ELE)
  insufficient_information_provided: "Insufficient information provided",
  pecr_does_not_apply: "PECR does not apply",
  insufficient_evidence_of_breach: "Insufficient evidence of breach",
  enforcement_not_recommended: "Enforcement not recommended",
  enforcement_pursued: "Enforcement pursued",
  // FOI and EIR (FS50, FER)
  insufficient_evidence: "Insufficient evidence",
  not_pa: "Not PA",
  not_s50: "Not s50",
  not_eir: "Not EIR",
  vexatious: "Vexatious",
  frivolous: "Frivolous",
  no_internal_review: "No internal review",
  undue_delay: "Undue delay",
  abandoned: "Abandoned",
  withdrawn_informally_resolved: "Withdrawn informally resolved",
  decision_notice_not_upheld: "Decision notice served – not upheld",
  decision_notice_upheld: "Decision notice served – upheld",
  decision_notice_partially_upheld: "Decision notice served – partially upheld",
  // Advice requests (ENQ): the procedure names "advice provided" as the ENQ close
  advice_provided: "Advice provided",
  // CCA s159 (SEC): the two kinds of order the procedure says end a case
  notice_ordered: "Order made – notice to be added",
  no_notice_ordered: "Order made – no notice",
  // Complaints about our service (RCC): refused as late, or the answer we gave
  refused_out_of_time: "Refused – more than 3 months after the event",
  complaint_upheld: "Complaint upheld",
  complaint_partly_upheld: "Complaint partly upheld",
  complaint_not_upheld: "Complaint not upheld",
  // Every type ("marked for deletion" in the procedure)
  duplicate: "Duplicate",
  documents_pasted_into_existing_case: "Documents pasted into existing case",
  non_case: "Non-case",
  created_in_error: "Created in error",
} as const satisfies Record<string, string>;

export type OutcomeKey = keyof typeof OUTCOME_LABELS_EN;

export const OUTCOME_KEYS = Object.keys(OUTCOME_LABELS_EN) as readonly OutcomeKey[];

/**
 * Open to every type. The procedure marks these for automatic deletion, so
 * retention rules can key off isMarkedForDeletion.
 */
export const COMMON_OUTCOMES = [
  "duplicate",
  "documents_pasted_into_existing_case",
  "non_case",
  "created_in_error",
] as const satisfies readonly OutcomeKey[];

const FOI_OUTCOMES = [
  "insufficient_evidence",
  "not_pa",
  "not_s50",
  "not_eir",
  "vexatious",
  "frivolous",
  "no_internal_review",
  "undue_delay",
  "abandoned",
  "withdrawn_informally_resolved",
  "decision_notice_not_upheld",
  "decision_notice_upheld",
  "decision_notice_partially_upheld",
] as const satisfies readonly OutcomeKey[];

// Types the procedure gives no list for (PCB, IRQ, RCC, INF) close with the
// common outcomes only.
const SPECIFIC_OUTCOMES: Record<CaseType, readonly OutcomeKey[]> = {
  ENQ: ["advice_provided"],
  RFA: [
    "dc_outside_uk",
    "not_dpa",
    "concern_to_be_raised_with_dc",
    "response_needed_from_dc",
    "no_action_for_dc",
    "general_advice_given_to_dc",
    "compliance_advice_given_to_dc",
    "dc_action_required",
    "improvement_action_plan_agreed",
    "undertaking_served",
    "advisory_visit_recommended",
    "compliance_audit_recommended",
    "enforcement_notice_pursued",
    "civil_monetary_penalty_pursued",
    "criminal_investigation_pursued",
  ],
  FS50: FOI_OUTCOMES,
  FER: FOI_OUTCOMES,
  ELE: [
    "insufficient_information_provided",
    "pecr_does_not_apply",
    "insufficient_evidence_of_breach",
    "enforcement_not_recommended",
    "enforcement_pursued",
  ],
  COM: [
    "dc_outside_uk",
    "not_dpa",
    "no_action_for_dc",
    "dc_action_required",
    "improvement_action_plan_agreed",
    "undertaking_served",
    "advisory_visit_recommended",
    "compliance_audit_recommended",
    "enforcement_notice_pursued",
    "civil_monetary_penalty_pursued",
    "criminal_investigation_pursued",
  ],
  SEC: ["notice_ordered", "no_notice_ordered"],
  ENF: [
    "general_advice_given_to_org",
    "compliance_advice_given_to_org",
    "monitored_sufficient_improvement",
    "dc_action_required",
    "improvement_action_plan_agreed",
    "undertaking_served",
    "advisory_visit_recommended",
    "compliance_audit_recommended",
    "preliminary_enforcement_notice_served",
    "criminal_investigation_pursued",
    "enforcement_notice_served",
    "cmp_notice_of_intent_served",
    "cmp_final_notice_served",
  ],
  PCB: [],
  IRQ: [],
  RCC: ["complaint_upheld", "complaint_partly_upheld", "complaint_not_upheld", "refused_out_of_time"],
  INF: [],
};

const OUTCOMES_BY_TYPE: Record<CaseType, readonly OutcomeKey[]> = Object.fromEntries(
  Object.entries(SPECIFIC_OUTCOMES).map(([type, specific]) => [
    type,
    Object.freeze([...specific, ...COMMON_OUTCOMES]),
  ]),
) as Record<CaseType, readonly OutcomeKey[]>;

/** The outcomes staff may pick for a type, in display order (type-specific first). */
export function outcomesFor(type: CaseType): readonly OutcomeKey[] {
  return OUTCOMES_BY_TYPE[type];
}

export function isValidOutcome(type: CaseType, key: string): key is OutcomeKey {
  return (OUTCOMES_BY_TYPE[type] as readonly string[] | undefined)?.includes(key) ?? false;
}

export function isMarkedForDeletion(key: string): boolean {
  return (COMMON_OUTCOMES as readonly string[]).includes(key);
}

/** i18n key for an outcome's label. */
export function outcomeLabelKey(key: OutcomeKey): string {
  return `outcomes.${key}`;
}
