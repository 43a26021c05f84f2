import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { AccountProvider } from "@/components/auth/account";
import { getSignedInUser } from "./_entry/signed-in-user";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "Draftline",
  description: "Edit, version and deploy integrations from the browser.",
  // The icons live in public/ with the logo; browsers that ask for /favicon.ico by themselves get the same one.
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/logo.svg", type: "image/svg+xml" },
    ],
  },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, the not-found page included: its scripts carry the nonce
  // of that response's Content-Security-Policy (proxy.ts), which a page prerendered at build cannot.
  await connection();
  const user = await getSignedInUser();
  return (
    <html lang="en">
      <body>
        <Providers>
          <AccountProvider user={user}>{children}</AccountProvider>
        </Providers>
      </body>
    </html>
  );
}
