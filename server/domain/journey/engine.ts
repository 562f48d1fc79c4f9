// The one journey engine of the public journeys (issue 13; decision 0013). A journey is a set of
// question pages whose order and relevance come from the stored answers alone: walking it from the
// start gives the pages asked so far (`path`, each answered) and either the next page to ask or the
// end (`outcome`). Every page-level rule is computed from that walk, so it is the same everywhere:
// - a page can be shown when it is on the path or is the next one; a deep link ahead is sent back;
// - Continue goes to the page after this one on the path, even when it is answered already, so
//   back, back, Continue shows each page again (never the first unanswered one further on);
// - Back goes to the page before this one on the path.
// Pure: no I/O, no framework. Two ways to describe a journey:
// - a decision tree (the concerns assistant): `walker()` gives `ask(step)` and `done(outcome)`;
// - a list of pages with `applies` and `answered` (adjustments, contact, nuisance): `walkPages()`.

/** The pages asked so far and either the next page or the outcome, never both. */
export type Walk<S extends string, O> = { path: S[]; next: S; outcome: null } | { path: S[]; next: null; outcome: O };

/** Pending: the walk stops at an unanswered page. */
export type Pending<S extends string> = { path: S[]; next: S; outcome: null };

/**
 * A walk being built. `ask(step)` adds an answered page to the path and returns null, or returns
 * the walk stopped at that unanswered page; `isAnswered` sees the path before the page (a date
 * may not come before an earlier one on the path).
 */
export function walker<S extends string>(isAnswered: (step: S, pathBefore: readonly S[]) => boolean) {
  const path: S[] = [];
  return {
    path,
    ask(step: S): Pending<S> | null {
      if (isAnswered(step, path)) {
        path.push(step);
        return null;
      }
      return { path, next: step, outcome: null };
    },
    done<O>(outcome: O): Walk<S, O> {
      return { path, next: null, outcome };
    },
  };
}

/** A journey as a list of pages, in order: a page that does not apply to the answers is left out. */
export type PageList<S extends string, D> = {
  pages: readonly S[];
  /** Whether the page is asked at all with these answers (default: always). */
  applies?: (page: S, draft: D) => boolean;
  /** Whether the page's answer is stored and valid. */
  answered: (page: S, draft: D) => boolean;
};

/** Walks a list of pages: the outcome is "complete" once every page that applies is answered. */
export function walkPages<S extends string, D>(journey: PageList<S, D>, draft: D): Walk<S, "complete"> {
  const w = walker<S>((page) => journey.answered(page, draft));
  for (const page of journey.pages) {
    if (journey.applies && !journey.applies(page, draft)) continue;
    const pending = w.ask(page);
    if (pending) return pending;
  }
  return w.done("complete" as const);
}

/** Whether a page can be shown: it was asked already, or it is the next one. */
export function canShow<S extends string>(walk: Walk<S, unknown>, step: S): boolean {
  return walk.path.includes(step) || walk.next === step;
}

/** The page before this one on the path (null: the journey's start). */
export function previousStep<S extends string>(walk: Walk<S, unknown>, step: S): S | null {
  const index = walk.path.indexOf(step);
  if (index > 0) return walk.path[index - 1]!;
  if (index === 0) return null;
  // Not on the path yet: it is the next page, after the last one answered.
  return walk.path.at(-1) ?? null;
}

/**
 * The page after `step` once it is answered: the next one on the path even when it is answered
 * already (someone who went back twice and presses Continue sees each page again), else the
 * first unanswered one; null when the answers reach the outcome.
 */
export function stepAfter<S extends string>(walk: Walk<S, unknown>, step: S): S | null {
  const index = walk.path.indexOf(step);
  if (index >= 0 && index + 1 < walk.path.length) return walk.path[index + 1]!;
  return walk.next;
}
