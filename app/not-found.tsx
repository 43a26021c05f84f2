import type { Metadata } from "next";
import { ALL_PROJECTS, StatusPage } from "@/components/ui/status-page";

export const metadata: Metadata = { title: "Page not found · Draftline" };

export default function NotFound() {
  return (
    <StatusPage
      title="Page not found"
      message="There is nothing at this address. The link may be mistyped or out of date."
      links={[ALL_PROJECTS]}
    />
  );
}
