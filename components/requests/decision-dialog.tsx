"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextAreaField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useFailureMessage } from "@/components/ui/use-failure-message";
import type { DeploymentRequestJson } from "@/lib/requests/request-json";
import { MAX_NOTE_LENGTH } from "@/lib/requests/schemas";
import { useApproveRequest, useRejectRequest } from "./queries";

interface DecisionDialogProps {
  slug: string;
  request: DeploymentRequestJson;
  decision: "approve" | "reject";
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Approve or reject someone's request, with a comment; says whether this approval deploys it. */
export function DecisionDialog({ slug, request, decision, open, onOpenChange }: DecisionDialogProps) {
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const approve = useApproveRequest(slug);
  const reject = useRejectRequest(slug);
  const mutation = decision === "approve" ? approve : reject;
  const failureMessage = useFailureMessage();
  const { version, environment } = request;
  const last = request.approvals + 1 >= request.requiredApprovals;
  const label = decision === "approve" ? "Approve" : "Reject";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    setError(null);
    try {
      const result = await mutation.mutateAsync({ requestId: request.id, comment });
      if (result.ok) onOpenChange(false);
      else setError(result.error.message);
    } catch (caught) {
      setError(failureMessage(decision === "approve" ? "Nothing was approved." : "Nothing was rejected.", caught));
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={`${label} ${version.name} for ${environment.name}?`}
      description={
        decision === "approve"
          ? last
            ? `Yours is the last approval needed: ${environment.name} runs ${version.name} (#${version.number}) as soon as you approve.`
            : `${request.approvals + 1} of ${request.requiredApprovals} approvals after yours; ${environment.name} changes once all are given.`
          : `The request closes and nothing is deployed. ${request.requestedBy.name} sees your comment.`
      }
    >
      <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-4" aria-busy={mutation.isPending}>
        <TextAreaField label="Comment" rows={3} maxLength={MAX_NOTE_LENGTH} value={comment} onChange={(event) => setComment(event.target.value)} />
        <FormError>{error}</FormError>
        <div className="flex items-center justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" variant={decision === "approve" ? "primary" : "danger"} aria-disabled={mutation.isPending} className="aria-disabled:opacity-70">
            {label}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
