// Adjustment requests in the database, one module per use case. Every change is one transaction
// with its timeline event, an audit row and an outbox event (and any emails), so nothing is
// half-saved. The rules they apply are pure, in server/domain/adjustments/; routes call these.
export { AdjustmentError, type AdjustmentTexts, type DecisionForTexts, type Deps, type OutgoingEmail, type RequestForTexts } from "./deps.js";
export { findCaseByReference, submitAdjustmentRequest, type SubmitInput, type Submitted } from "./submit.js";
export { decideRequest, markTold, takeRequest, type DecideResult } from "./decide.js";
export { acknowledgeHeadNotice, recordCheck, recordReview } from "./follow-up.js";
export { consentLinkReference, readDifficulty, withdrawConsent } from "./consent.js";
export { openAppeal, updateConference, type ConferenceInput } from "./appeal.js";
export { removeRequest } from "./remove.js";
