"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { signOut } from "./account";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut();
      }}
    >
      {pending ? "Signing out…" : "Sign out"}
    </Button>
  );
}
