import { useId } from "react";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import { cn } from "@/lib/cn";

/** A native select of the four roles: a combobox named by `label`, visible or not. */
export function RoleSelect({
  label,
  value,
  onChange,
  hideLabel = false,
  disabled,
}: {
  label: string;
  value: Role;
  onChange: (role: Role) => void;
  hideLabel?: boolean;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={cn("text-sm font-medium text-slate-800", hideLabel && "sr-only")}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value as Role)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-200 disabled:text-slate-500"
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
    </div>
  );
}
