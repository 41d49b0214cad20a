"use client";

import * as DropdownMenuPrimitive from "@radix-ui/react-dropdown-menu";
import { Check, Monitor, Moon, Sun } from "lucide-react";
import { DropdownMenuLabel } from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils";
import { parseTheme, type Theme } from "./theme";
import { useTheme } from "./theme-provider";

const CHOICES: { theme: Theme; label: string; Icon: typeof Sun }[] = [
  { theme: "light", label: "Light", Icon: Sun },
  { theme: "dark", label: "Dark", Icon: Moon },
  { theme: "system", label: "System", Icon: Monitor },
];

/** Light, dark or the system's: radio items for the account menu. */
export function ThemeMenuItems() {
  const { theme, setTheme } = useTheme();
  return (
    <DropdownMenuPrimitive.Group aria-labelledby="theme-menu-label">
      <DropdownMenuLabel id="theme-menu-label" className="text-xs font-medium text-muted-foreground">
        Theme
      </DropdownMenuLabel>
      <DropdownMenuPrimitive.RadioGroup value={theme} onValueChange={(value) => setTheme(parseTheme(value))}>
        {CHOICES.map(({ theme: choice, label, Icon }) => (
          <DropdownMenuPrimitive.RadioItem
            key={choice}
            value={choice}
            // Keep the menu open: the user sees the new theme and may try the next one.
            onSelect={(event) => event.preventDefault()}
            className={cn(
              "relative flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-none select-none",
              "focus:bg-accent focus:text-accent-foreground [&_svg]:size-4 [&_svg]:shrink-0",
            )}
          >
            <Icon aria-hidden="true" className="text-muted-foreground" />
            {label}
            <DropdownMenuPrimitive.ItemIndicator className="ml-auto">
              <Check aria-hidden="true" />
            </DropdownMenuPrimitive.ItemIndicator>
          </DropdownMenuPrimitive.RadioItem>
        ))}
      </DropdownMenuPrimitive.RadioGroup>
    </DropdownMenuPrimitive.Group>
  );
}
