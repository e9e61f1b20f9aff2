/**
 * Imported first by the in-process bench: every library it loads then runs as deployed, with
 * `NODE_ENV=production` (as the HTTP bench's servers and the Docker image run). graphql-js reads it
 * once, when it is first loaded, and in development adds checks (its `instanceOf`) to every type
 * test: variable coercion, for one, costs about twice as much.
 */
process.env.NODE_ENV = "production";
