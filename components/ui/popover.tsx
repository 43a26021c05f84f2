"use client";

import * as RadixPopover from "@radix-ui/react-popover";
import { forwardRef, type ComponentPropsWithoutRef, type ElementRef } from "react";
import { cn } from "@/lib/cn";

export const Popover = RadixPopover.Root;
export const PopoverTrigger = RadixPopover.Trigger;
export const PopoverAnchor = RadixPopover.Anchor;
export const PopoverClose = RadixPopover.Close;

/**
 * A non-modal floating panel, portalled to the body. Below dialogs (z-40/50), so a dialog
 * opened from inside it dims it.
 */
export const PopoverContent = forwardRef<
  ElementRef<typeof RadixPopover.Content>,
  ComponentPropsWithoutRef<typeof RadixPopover.Content>
>(function PopoverContent({ className, align = "end", sideOffset = 6, collisionPadding = 8, ...props }, ref) {
  return (
    <RadixPopover.Portal>
      <RadixPopover.Content
        ref={ref}
        align={align}
        sideOffset={sideOffset}
        collisionPadding={collisionPadding}
        className={cn(
          "z-30 rounded-lg border border-slate-200 bg-white text-slate-900 shadow-lg focus:outline-none",
          className,
        )}
        {...props}
      />
    </RadixPopover.Portal>
  );
});
