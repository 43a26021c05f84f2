"use client";

import * as RadixPopover from "@radix-ui/react-popover";
import Link from "next/link";
import { createContext, useContext, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from "react";
import { cn } from "@/lib/cn";

const CloseMenu = createContext<() => void>(() => undefined);

const ITEM_CLASS =
  "flex w-full items-center gap-2 rounded px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none";

/**
 * A menu button (the WAI-ARIA pattern): the trigger opens a list of actions, focus moves to the
 * first, arrow keys, Home and End move between them, Escape or Tab closes it.
 */
export function Menu({
  label,
  icon,
  className,
  triggerRef,
  children,
}: {
  label: string;
  icon: ReactNode;
  className?: string;
  triggerRef?: Ref<HTMLButtonElement>;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const content = useRef<HTMLDivElement>(null);

  const items = () => [...(content.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
  const focusItem = (index: number) => {
    const all = items();
    all[(index + all.length) % all.length]?.focus();
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = items().indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusItem(current + 1),
      ArrowUp: () => focusItem(current - 1),
      Home: () => focusItem(0),
      End: () => focusItem(-1),
      Tab: () => setOpen(false),
    };
    const move = moves[event.key];
    if (!move) return;
    if (event.key !== "Tab") event.preventDefault();
    move();
  };

  return (
    <RadixPopover.Root open={open} onOpenChange={setOpen}>
      <RadixPopover.Trigger
        ref={triggerRef}
        aria-haspopup="menu"
        aria-label={label}
        title={label}
        className={cn(
          "inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-md border border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
          className,
        )}
      >
        {icon}
      </RadixPopover.Trigger>
      <RadixPopover.Portal>
        <RadixPopover.Content
          ref={content}
          role="menu"
          aria-label={label}
          align="end"
          sideOffset={6}
          collisionPadding={8}
          className="z-30 min-w-48 max-w-[calc(100vw-1rem)] rounded-lg border border-slate-200 bg-white p-1 shadow-lg focus:outline-none"
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            focusItem(0);
          }}
          onKeyDown={handleKeyDown}
        >
          <CloseMenu.Provider value={() => setOpen(false)}>{children}</CloseMenu.Provider>
        </RadixPopover.Content>
      </RadixPopover.Portal>
    </RadixPopover.Root>
  );
}

/** A menu item that goes to another page. */
export function MenuLink({ href, children }: { href: string; children: ReactNode }) {
  const close = useContext(CloseMenu);
  return (
    <Link href={href} role="menuitem" tabIndex={-1} className={ITEM_CLASS} onClick={close}>
      {children}
    </Link>
  );
}

/** A menu item that does something here; the menu closes first. */
export function MenuButton({ onSelect, children }: { onSelect: () => void; children: ReactNode }) {
  const close = useContext(CloseMenu);
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      className={ITEM_CLASS}
      onClick={() => {
        close();
        onSelect();
      }}
    >
      {children}
    </button>
  );
}
