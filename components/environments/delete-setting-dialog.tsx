"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { useFailureMessage } from "@/components/ui/use-failure-message";
import { Dialog } from "@/components/ui/dialog";
import { useDeleteSetting } from "./use-environment-actions";

interface DeleteSettingDialogProps {
  slug: string;
  environmentId: string;
  environmentName: string;
  settingKey: string | null;
  onClose: () => void;
}

export function DeleteSettingDialog({ slug, environmentId, environmentName, settingKey, onClose }: DeleteSettingDialogProps) {
  const remove = useDeleteSetting(slug, environmentId);
  const failureMessage = useFailureMessage();
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    if (settingKey === null || remove.isPending) return;
    setError(null);
    try {
      const result = await remove.mutateAsync(settingKey);
      if (result.ok) onClose();
      else setError(result.error.message);
    } catch (error) {
      setError(failureMessage("Nothing was deleted.", error));
    }
  }

  return (
    <Dialog
      open={settingKey !== null}
      onOpenChange={(open) => {
        if (open) return;
        setError(null);
        onClose();
      }}
      title={`Delete ${settingKey ?? ""} from ${environmentName}?`}
      description={`The integration running in ${environmentName} no longer gets this setting. Other environments keep theirs. This cannot be undone.`}
    >
      <div className="flex flex-col gap-4" aria-busy={remove.isPending}>
        <FormError>{error}</FormError>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" aria-disabled={remove.isPending} className="aria-disabled:opacity-70" onClick={() => void confirm()}>
            Delete
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
