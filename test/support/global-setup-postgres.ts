import { serverFor } from "./global-setup";

// The integration-postgres project's server: the same production build on a fresh PostgreSQL database.
const { setup, teardown } = serverFor("postgres");
export { setup, teardown };
