import { schema as published } from "@octokit/graphql-schema";
import { buildClientSchema, parse, validate, type GraphQLSchema, type IntrospectionQuery } from "graphql";

let cached: GraphQLSchema | undefined;

/** GitHub's published GraphQL schema, built once per process (the SDL form does not build; the introspection JSON does). */
export function githubSchema(): GraphQLSchema {
  cached ??= buildClientSchema(published.json as unknown as IntrospectionQuery);
  return cached;
}

/** Problems of a query against GitHub's real schema, as messages; empty when the query is valid. */
export function validateQuery(query: string): string[] {
  let document;
  try {
    document = parse(query);
  } catch (error) {
    return [(error as Error).message];
  }
  return validate(githubSchema(), document).map((error) => error.message);
}
