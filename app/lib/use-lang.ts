import { useCallback } from "react";
import { useLocation } from "react-router";
import { langFromPath, localePath, type Lang } from "./lang";

export function useLang(): Lang {
  return langFromPath(useLocation().pathname);
}

/** Turns an English path into this page's language: `to("/contact")` is `/cy/contact` on Welsh pages. */
export function useLocalePath(): (path: string) => string {
  const lang = useLang();
  return useCallback((path: string) => localePath(path, lang), [lang]);
}
