// How staff screens show an offender's key: numbers in their usual national form.
import { displayNumber } from "../../server/domain/nuisance/phone";
import type { Dimension } from "../../server/domain/nuisance/offenders";

export function offenderLabel(dimension: Dimension, key: string, label?: string | null): string {
  if (dimension === "number") return displayNumber(key);
  if (dimension === "company") return label ?? key;
  return key;
}

export const offenderPath = (dimension: Dimension, key: string) => `/staff/offenders/${dimension}/${encodeURIComponent(key)}`;
