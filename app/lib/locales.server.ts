// Server-side translations live in server/i18n/; pages import them through here.
export { publicResources, serverT, staffResources } from "../../server/i18n/locales";
