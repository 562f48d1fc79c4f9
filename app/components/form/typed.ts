// What the person typed on this page before switching language (sent once by the root loader):
// when present it wins over the saved answer, for every field of the form, so an emptied box
// stays empty and an unticked box stays unticked.
import { useRouteLoaderData } from "react-router";

export const JOURNEY_FORM_ID = "journey-form";
/** The language switch button's name on a form page (its value is the language to switch to). */
export const SWITCH_FIELD = "switchLang";

export function useTyped(): Record<string, string[]> | null {
  const root = useRouteLoaderData("root") as { typed?: Record<string, string[]> | null } | undefined;
  return root?.typed ?? null;
}

/** One text value: what was typed, else the page's own value. */
export function typedValue(typed: Record<string, string[]> | null, name: string, fallback: string | undefined): string | undefined {
  return typed ? (typed[name]?.[0] ?? "") : fallback;
}

/** Whether a radio or checkbox was ticked: what was typed, else the page's own answer. */
export function typedChecked(typed: Record<string, string[]> | null, name: string, value: string, fallback: boolean): boolean {
  return typed ? (typed[name] ?? []).includes(value) : fallback;
}
