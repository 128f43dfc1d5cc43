import { openApiDocument } from "@/lib/api/openapi/document";

/**
 * GET /api/v1/openapi.json — the OpenAPI 3.1 document of /api/v1 (lib/api/openapi). Static and
 * public: it needs no database, so it is served outside the route layer.
 */
export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
