import type { Metadata } from "next";
import { ApiReference, type ApiDocument } from "@/components/api-reference/api-reference";
import { SiteHeader } from "@/components/ui/site-header";
import { openApiDocument } from "@/lib/api/v1/openapi-document";

export const metadata: Metadata = { title: "API reference · Draftline" };

/** The API's OpenAPI document, readable: rendered here from the same document /api/v1/openapi.json serves. */
export default function ApiReferencePage() {
  return (
    <div className="min-h-dvh bg-slate-50">
      <SiteHeader />
      <main className="mx-auto flex max-w-4xl flex-col gap-6 px-4 py-8">
        <h1 className="text-xl font-semibold text-slate-900">API reference</h1>
        <ApiReference document={openApiDocument() as unknown as ApiDocument} />
      </main>
    </div>
  );
}
